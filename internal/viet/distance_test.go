package viet

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
		if got := EditDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestNearest(t *testing.T) {
	words := []string{"build", "check", "serve", "new", "init", "version", "help"}
	for _, tc := range []struct{ got, want string }{
		{"bulid", "build"},
		{"biuld", "build"},
		{"BUILD", "build"},
		{"chek", "check"},
		{"server", "serve"},
		{"vesion", "version"},
		{"xuatban", ""},
		{"n", ""},
		{"ne", "new"}, // one edit in three characters is still close
		{"ver", "version"},
	} {
		if got := Nearest(tc.got, words); got != tc.want {
			t.Errorf("Nearest(%q) = %q, want %q", tc.got, got, tc.want)
		}
	}
	flags := []string{"s", "d", "base-url", "drafts", "future", "zip", "cache"}
	for _, tc := range []struct{ got, want string }{
		{"draft", "drafts"},
		{"url", "base-url"},
		{"baseurl", "base-url"},
		{"futur", "future"},
		{"x", ""},
	} {
		if got := Nearest(tc.got, flags); got != tc.want {
			t.Errorf("Nearest(%q) = %q, want %q", tc.got, got, tc.want)
		}
	}
}
