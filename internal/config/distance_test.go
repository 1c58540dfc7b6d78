package config

import (
	"strings"
	"testing"
)

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"", "abc", 3},
		{"title", "title", 0},
		{"tittle", "title", 1},
		{"titel", "title", 1}, // swap of neighbours
		{"sipass", "sipas", 1},
		{"kitten", "sitting", 3},
		{"một", "mot", 1},
		{strings.Repeat("a", 1000), strings.Repeat("b", 1000), maxCompared},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestClosestKey(t *testing.T) {
	valid := topKeys()
	for got, want := range map[string]string{
		"tittle": "title", "Title": "title", "pagesize": "page_size", "page-size": "page_size",
		"baseurl": "base_url", "url": "base_url", "topic": "topics", "organisation": "organization",
		"descripton": "description", "size": "page_size",
		"xyz": "", "ab": "", "tên": "",
	} {
		if s := closestKey(got, valid); s != want {
			t.Errorf("closestKey(%q) = %q, want %q", got, s, want)
		}
	}
}
