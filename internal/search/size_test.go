package search

import (
	"testing"
)

// TestQueryTransferAt10k builds the index of a synthetic site of 10,000
// documents and checks what a query costs a reader on a slow network:
// every file it fetches (the meta file, the chunks, the fragments of the
// first ten results), gzip-compressed as a server sends them, under
// 300 KB.
func TestQueryTransferAt10k(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 10,000-document index")
	}
	s := buildSite(t, corpus(10000), nil)
	for _, q := range []string{"cua cac", "chuyen doi so", "thu tuc h", "chuyển đổi số", "Ủy ban nhân dân xã", "ma", "2026 "} {
		s.fetched = nil
		ix, err := Open(s.fetch, s.meta)
		if err != nil {
			t.Fatal(err)
		}
		hits, err := ix.Search(q, Filters{})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 {
			t.Errorf("%q: no results", q)
		}
		for _, h := range hits[:min(10, len(hits))] {
			if _, err := ix.Fragment(h.Doc); err != nil {
				t.Fatal(err)
			}
		}
		size := s.gzipped()
		t.Logf("%-22q %5d results, %2d files, %6d bytes gzip", q, len(hits), len(s.fetched), size)
		if size >= 300<<10 {
			t.Errorf("%q fetches %d bytes gzip-compressed, want under 300 KB", q, size)
		}
	}
}
