package viet

import (
	"slices"
	"testing"
)

func TestLookalikes(t *testing.T) {
	tests := []struct {
		in   string
		want []Lookalike
	}{
		{"Đường làng", nil},
		{"Ðường làng", []Lookalike{{0, 'Ð', 'Đ'}}},
		{"05/QÐ-UBND", []Lookalike{{4, 'Ð', 'Đ'}}},
		{"Diễn Châu, ðường", []Lookalike{{14, 'ð', 'đ'}}},
		{"Ɖồng ɖất", []Lookalike{{0, 'Ɖ', 'Đ'}, {8, 'ɖ', 'đ'}}},
		// Cyrillic in a Latin word: "cải" typed with Cyrillic с, "UВND" with Cyrillic В.
		{"\u0441ải cách", []Lookalike{{0, 'с', 'c'}}},
		{"12/QĐ-U\u0412ND", []Lookalike{{8, 'В', 'B'}}},
		// A whole Cyrillic or Greek word is another language, not a look-alike.
		{"Москва", nil},
		{"Ðà Москва", []Lookalike{{0, 'Ð', 'Đ'}}},
		{"Ωμέγα", nil},
		// Order follows the text even when a word mixes both kinds.
		{"\u0441Ð", []Lookalike{{0, 'с', 'c'}, {2, 'Ð', 'Đ'}}},
		{"", nil},
	}
	for _, tc := range tests {
		got := Lookalikes(tc.in)
		if !slices.Equal(got, tc.want) {
			t.Errorf("Lookalikes(%q) = %#v, want %#v", tc.in, got, tc.want)
		}
		for _, l := range got {
			if r := []rune(tc.in[l.Offset:])[0]; r != l.Rune {
				t.Errorf("Lookalikes(%q): offset %d holds %q, not %q", tc.in, l.Offset, r, l.Rune)
			}
		}
	}
}

func TestLookalikeString(t *testing.T) {
	got := Lookalike{Offset: 0, Rune: 'Ð', Intended: 'Đ'}.String()
	want := `ký tự 'Ð' (U+00D0) trông giống 'Đ' (U+0110) nhưng là chữ khác`
	if got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
