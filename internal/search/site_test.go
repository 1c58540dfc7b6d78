package search

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"testing"
)

// site is a built index held in memory, with a Fetch that counts.
type site struct {
	files   map[string][]byte
	meta    string
	fetched []string
}

func buildSite(t testing.TB, in Input, memo *Memo) *site {
	t.Helper()
	files, meta := Build(in, memo)
	s := &site{files: map[string][]byte{}, meta: meta}
	for _, f := range files {
		if _, dup := s.files[f.Path]; dup {
			t.Fatalf("%s written twice", f.Path)
		}
		s.files[f.Path] = f.Data
	}
	return s
}

func (s *site) fetch(p string) ([]byte, error) {
	data, ok := s.files[p]
	if !ok {
		return nil, fmt.Errorf("%s: not found", p)
	}
	s.fetched = append(s.fetched, p)
	return data, nil
}

// gzipped is how many bytes the files fetched so far weigh gzip-compressed
// (default level), as a server sends them.
func (s *site) gzipped() int {
	n := 0
	for _, p := range s.fetched {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write(s.files[p])
		zw.Close()
		n += b.Len()
	}
	return n
}
