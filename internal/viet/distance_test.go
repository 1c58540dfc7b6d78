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
