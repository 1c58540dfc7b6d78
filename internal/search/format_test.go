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
	"github.com/cchc-vn/cchc/internal/searchquery"
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
		ix, err := searchquery.Open(func(p string) ([]byte, error) {
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

// TestChunksFollowTheContract checks the files against the rules the
// client relies on: names with fingerprints, chunks sorted and covering
// their ranges, sizes bounded, fragments listed in meta.
func TestChunksFollowTheContract(t *testing.T) {
	in := corpus(600)
	s := buildSite(t, in, nil)
	ix, err := searchquery.Open(s.fetch, s.meta)
	if err != nil {
		t.Fatal(err)
	}
	var m searchformat.Meta
	if err := json.Unmarshal(s.files[s.meta], &m); err != nil {
		t.Fatal(err)
	}
	if m.N != 600 || len(m.W) < 10 || len(m.P) < 10 {
		t.Fatalf("n %d, %d word chunks, %d pair chunks", m.N, len(m.W), len(m.P))
	}
	for p, data := range s.files {
		name := p[strings.LastIndexByte(p, '/')+1:]
		parts := strings.Split(name, ".")
		if len(parts) != 3 || parts[1] != searchformat.Fingerprint(data) || parts[2] != "json" || !strings.HasPrefix(p, Dir) {
			t.Errorf("%s: not <name>.<fingerprint>.json below %s", p, Dir)
		}
	}
	for _, kind := range []struct {
		name   string
		chunks [][2]string
	}{{"w", m.W}, {"p", m.P}} {
		prev := ""
		for k, c := range kind.chunks {
			if (k == 0) != (c[0] == "") || k > 0 && c[0] <= prev {
				t.Errorf("%s chunk %d: first key %q after %q", kind.name, k, c[0], prev)
			}
			prev = c[0]
			data := s.files[Dir+c[1]]
			var keys map[string]any
			if err := json.Unmarshal(data, &keys); err != nil {
				t.Fatalf("%s: %v", c[1], err)
			}
			if len(keys) > 1 && len(data) > chunkLimit {
				t.Errorf("%s: %d bytes with %d keys", c[1], len(data), len(keys))
			}
			for key := range keys {
				if key < c[0] || k+1 < len(kind.chunks) && key >= kind.chunks[k+1][0] {
					t.Errorf("%s: key %q outside [%q, next)", c[1], key, c[0])
				}
			}
		}
	}
	bundles := map[string]int{}
	for id := range m.N {
		p, err := ix.BundlePath(id)
		if err != nil {
			t.Fatal(err)
		}
		bundles[p]++
		if _, err := ix.Fragment(id); err != nil {
			t.Errorf("fragment %d: %v", id, err)
		}
	}
	// Every file is the meta file, a chunk listed there, a bundle or the
	// filter file; bundles hold searchformat.BundleDocs documents but the last.
	if want := (m.N + searchformat.BundleDocs - 1) / searchformat.BundleDocs; len(bundles) != want || len(s.files) != 2+len(m.W)+len(m.P)+want {
		t.Errorf("%d bundles and %d files for %d documents, %d chunks", len(bundles), len(s.files), m.N, len(m.W)+len(m.P))
	}
	for p, n := range bundles {
		if n != searchformat.BundleDocs && !strings.HasPrefix(p, Dir+"d"+fmt.Sprint(m.N/searchformat.BundleDocs)+".") {
			t.Errorf("%s holds %d documents", p, n)
		}
	}
}
