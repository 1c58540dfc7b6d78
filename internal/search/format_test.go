package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/cchc-vn/cchc/internal/searchformat"
)

// TestPostingW pins the w of a posting: best field and count up to 5.
func TestPostingW(t *testing.T) {
	tests := []struct {
		bits uint8
		tf   int32
		want uint16
	}{
		{fieldTitle, 1, 0},
		{fieldTitle | fieldBody, 9, 4},
		{fieldTopics | fieldSummary, 2, 6},
		{fieldSummary | fieldBody, 5, 14},
		{fieldBody, 1, 15},
		{fieldBody, 300, 19},
	}
	for _, tt := range tests {
		if got := postingW(tt.bits, tt.tf); got != tt.want {
			t.Errorf("postingW(%b, %d) = %d, want %d", tt.bits, tt.tf, got, tt.want)
		}
	}
}

// TestBundles adds documents in any order: each bundle file comes back
// from the Add that completes it, once; Finish emits the bundles of the
// documents never added; every record is in its place.
func TestBundles(t *testing.T) {
	const n = 2*searchformat.BundleDocs + 5
	in := corpus(n)
	for _, memo := range []*Memo{nil, {}} {
		b := NewBuilder(in.Sections, in.Topics, n, memo)
		order := rand.New(rand.NewPCG(1, 2)).Perm(n)
		skipped := order[n-3:] // never added
		var mu sync.Mutex
		got := map[string][]byte{}
		added := map[int]bool{}
		var wg sync.WaitGroup
		for _, id := range order[:n-3] {
			wg.Go(func() {
				f, ok := b.Add(id, in.Docs[id])
				mu.Lock()
				defer mu.Unlock()
				added[id] = true
				if !ok {
					return
				}
				k := id / searchformat.BundleDocs
				for d := k * searchformat.BundleDocs; d < min(n, (k+1)*searchformat.BundleDocs); d++ {
					if !added[d] {
						t.Errorf("bundle %d (%s) came with document %d, before document %d", k, f.Path, id, d)
					}
				}
				if _, dup := got[f.Path]; dup {
					t.Errorf("%s came twice", f.Path)
				}
				got[f.Path] = f.Data
			})
		}
		wg.Wait()
		if _, ok := b.Add(order[0], in.Docs[order[0]]); ok {
			t.Errorf("a document added twice completed a bundle again")
		}
		bundles := map[int]bool{}
		for _, id := range skipped {
			bundles[id/searchformat.BundleDocs] = true
		}
		if len(got) != (n+searchformat.BundleDocs-1)/searchformat.BundleDocs-len(bundles) {
			t.Errorf("%d bundles before Finish, want those without %v", len(got), skipped)
		}
		meta := b.Finish(func(f File) {
			mu.Lock()
			defer mu.Unlock()
			got[f.Path] = f.Data
		})
		ix, err := Open(func(p string) ([]byte, error) {
			if data, ok := got[p]; ok {
				return data, nil
			}
			return nil, fmt.Errorf("%s: not written", p)
		}, meta)
		if err != nil {
			t.Fatal(err)
		}
		for id := range n {
			fr, err := ix.Fragment(id)
			want := in.Docs[id].URL
			if slices.Contains(skipped, id) {
				want = ""
			}
			if err != nil || fr.URL != want {
				t.Errorf("memo %v: document %d: %+v, %v; want %s", memo != nil, id, fr, err, want)
			}
		}
		p, _ := ix.BundlePath(n - 1)
		var last []json.RawMessage
		if err := json.Unmarshal(got[p], &last); err != nil || len(last) != n%searchformat.BundleDocs {
			t.Errorf("the last bundle %s holds %d records, %v", p, len(last), err)
		}
	}
}

// TestFilterFileOnlyWithAFilter: the documents of sections and topics are
// read only by a query with a filter.
func TestFilterFileOnlyWithAFilter(t *testing.T) {
	s := buildSite(t, rankingSite(), nil)
	for _, f := range []Filters{{}, {Section: "van-ban"}, {Topic: "sipas"}, {Section: "khong-co"}} {
		s.fetched = nil
		s.urls(t, "năm ", f)
		read := slices.ContainsFunc(s.fetched, func(p string) bool { return strings.HasPrefix(p, Dir+"filter.") })
		if want := f.Section == "van-ban" || f.Topic != ""; read != want {
			t.Errorf("%+v: the filter file read %v, want %v", f, read, want)
		}
	}
}

// TestChunkEndsHold changes the size of one item of a long list: the
// chunks before it keep their ends, and nearly all after it too.
func TestChunkEndsHold(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	const items = 20000
	sizes, hashes := make([]int, items), make([]uint64, items)
	for i := range sizes {
		sizes[i] = 10 + r.IntN(60)
		if r.IntN(20) == 0 {
			sizes[i] = 1000 + r.IntN(chunkLimit)
		}
		hashes[i] = r.Uint64()
	}
	before := chunkStarts(sizes, hashes)
	moved := 0
	const trials = 200
	for range trials {
		i := r.IntN(items)
		old := sizes[i]
		sizes[i] += 1 + r.IntN(40)
		after := chunkStarts(sizes, hashes)
		sizes[i] = old
		// The chunks whose first item is not among the other's.
		set := map[int]bool{}
		for _, s := range before {
			set[s] = true
		}
		for _, s := range after {
			if !set[s] {
				moved++
				if s <= i {
					t.Fatalf("item %d grew: a chunk before it moved to %d", i, s)
				}
			}
		}
	}
	if per := float64(moved) / trials; per > 1 {
		t.Errorf("%.2f chunks move when one item grows, over %d chunks", per, len(before))
	}
}

// TestBuildIsDeterministic: the same site gives the same files, whatever
// the order the goroutines added its documents in.
func TestBuildIsDeterministic(t *testing.T) {
	in := corpus(200)
	a, metaA := Build(in, nil)
	b, metaB := Build(in, nil)
	if metaA != metaB || len(a) != len(b) {
		t.Fatalf("meta %s and %s, %d and %d files", metaA, metaB, len(a), len(b))
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("%s and %s differ", a[i].Path, b[i].Path)
		}
	}
}

// TestReaderRejectsBadFiles: the Go reader says which file is wrong, and
// does not panic or find documents that do not exist.
func TestReaderRejectsBadFiles(t *testing.T) {
	named := func(s *site, prefix string) string {
		for p := range s.files {
			if strings.HasPrefix(p, Dir+prefix) {
				return p
			}
		}
		t.Fatalf("no %s file", prefix)
		return ""
	}
	edit := func(s *site, prefix string, change func(v any), v any) {
		p := named(s, prefix)
		if err := json.Unmarshal(s.files[p], v); err != nil {
			t.Fatal(err)
		}
		change(v)
		s.files[p], _ = json.Marshal(v)
	}
	words := func(change func(map[string]map[string][2]string)) func(*site) {
		return func(s *site) {
			var c map[string]map[string][2]string
			edit(s, "w0.", func(any) { change(c) }, &c)
		}
	}
	tests := []struct {
		name  string
		q     string
		f     Filters
		spoil func(*site)
	}{
		{"a digit left open", "sipas ", Filters{}, words(func(c map[string]map[string][2]string) { c["sipas"]["sipas"] = [2]string{"1W", "00"} })},
		{"a character not a digit", "sipas ", Filters{}, words(func(c map[string]map[string][2]string) { c["sipas"]["sipas"] = [2]string{"1!", "00"} })},
		{"fewer w than documents", "sipas ", Filters{}, words(func(c map[string]map[string][2]string) { c["sipas"]["sipas"] = [2]string{"11", "0"} })},
		{"a w beyond the body", "sipas ", Filters{}, words(func(c map[string]map[string][2]string) { c["sipas"]["sipas"] = [2]string{"1", "K"} })},
		{"a document twice", "sipas ", Filters{}, words(func(c map[string]map[string][2]string) { c["sipas"]["sipas"] = [2]string{"10", "00"} })},
		{"a document beyond the last", "sipas ", Filters{}, words(func(c map[string]map[string][2]string) { c["sipas"]["sipas"] = [2]string{"V", "0"} })},
		{"a pair beyond the last", "chuyen doi ", Filters{}, func(s *site) {
			var c map[string]string
			edit(s, "p0.", func(any) { c["chuyen doi"] = "3V" }, &c)
		}},
		{"a record short of a field", "sipas ", Filters{}, func(s *site) {
			var b [][]any
			edit(s, "d0.", func(any) { b[1] = b[1][:4] }, &b)
		}},
		{"a section that is not there", "sipas ", Filters{}, func(s *site) {
			var b [][]any
			edit(s, "d0.", func(any) { b[1][3] = 7 }, &b)
		}},
		{"a filter of other topics", "một cửa", Filters{Topic: "mot-cua"}, func(s *site) {
			var f searchformat.Filter
			edit(s, "filter.", func(any) { f.Top = f.Top[:1] }, &f)
		}},
	}
	for _, tt := range tests {
		s := buildSite(t, rankingSite(), nil)
		tt.spoil(s)
		ix, err := Open(s.fetch, s.meta)
		if err != nil {
			t.Fatal(err)
		}
		hits, err := ix.Search(tt.q, tt.f)
		for _, h := range hits {
			if err != nil {
				break
			}
			_, err = ix.Fragment(h.Doc)
		}
		if err == nil || !strings.Contains(err.Error(), ".json") {
			t.Errorf("%s: %v, want an error naming the file", tt.name, err)
		}
	}
}
