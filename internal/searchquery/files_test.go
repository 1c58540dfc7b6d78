package searchquery

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/cchc-vn/cchc/internal/search"
	"github.com/cchc-vn/cchc/internal/searchformat"
)

// TestFilterFileOnlyWithAFilter: the documents of sections and topics are
// read only by a query with a filter.
func TestFilterFileOnlyWithAFilter(t *testing.T) {
	s := buildSite(t, rankingSite())
	for _, f := range []Filters{{}, {Section: "van-ban"}, {Topic: "sipas"}, {Section: "khong-co"}} {
		s.fetched = nil
		s.urls(t, "năm ", f)
		read := slices.ContainsFunc(s.fetched, func(p string) bool { return strings.HasPrefix(p, search.Dir+"filter.") })
		if want := f.Section == "van-ban" || f.Topic != ""; read != want {
			t.Errorf("%+v: the filter file read %v, want %v", f, read, want)
		}
	}
}

// TestReaderRejectsBadFiles: the Go reader says which file is wrong, and
// does not panic or find documents that do not exist.
func TestReaderRejectsBadFiles(t *testing.T) {
	named := func(s *site, prefix string) string {
		for p := range s.files {
			if strings.HasPrefix(p, search.Dir+prefix) {
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
		s := buildSite(t, rankingSite())
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
