package config

import (
	"testing"

	"github.com/cchc-vn/cchc/internal/viet"
)

// TestClosestKey: a mistyped key of site.yaml is told the key meant.
func TestClosestKey(t *testing.T) {
	valid := topKeys()
	for got, want := range map[string]string{
		"tittle": "title", "Title": "title", "pagesize": "page_size", "page-size": "page_size",
		"baseurl": "base_url", "url": "base_url", "topic": "topics", "organisation": "organization",
		"descripton": "description", "size": "page_size",
		"xyz": "", "ab": "", "tên": "",
	} {
		if s := viet.Nearest(got, valid); s != want {
			t.Errorf("Nearest(%q) = %q, want %q", got, s, want)
		}
	}
}
