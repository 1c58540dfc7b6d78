package search

import (
	"testing"

	"github.com/cchc-vn/cchc/internal/searchquery"
)

// TestQueryTransferAt10k builds the index of a synthetic site of 10,000
// documents and checks what a query costs a reader on a slow network:
// every file it fetches (the meta file, the chunks, the bundles of the
// first ten results), gzip-compressed as a server sends them, under
// 150 KB; and what the index costs a build: files, when creating them is
// most of a build's time. The benchmark corpus (bench/search.sh) has one
// index file for five or six documents; this one, with its long tail of
// random syllables, has more pairs.
func TestQueryTransferAt10k(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 10,000-document index")
	}
	const n = 10000
	s := buildSite(t, corpus(n), nil)
	if len(s.files) > n/4 {
		t.Errorf("%d files for %d documents, want at most %d", len(s.files), n, n/4)
	}
	for _, q := range []string{"cua cac", "chuyen doi so", "thu tuc h", "chuyển đổi số", "Ủy ban nhân dân xã", "ma", "2026 "} {
		s.fetched = nil
		ix, err := searchquery.Open(s.fetch, s.meta)
		if err != nil {
			t.Fatal(err)
		}
		hits, err := ix.Search(q, searchquery.Filters{})
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
		if size >= 150<<10 {
			t.Errorf("%q fetches %d bytes gzip-compressed, want under 150 KB", q, size)
		}
	}
}
