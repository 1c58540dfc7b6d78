package rules

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/cchc-vn/cchc/internal/viet"
)

// TestToneStyleAgreesWithNormalizeTone checks toneStyle, with its cheap
// shortcuts, against NormalizeTone itself on every two-vowel ending with
// every tone mark, after a few onsets: a word is old-style when
// NormalizeTone rewrites it, new-style when it is what NormalizeTone
// rewrites some word to.
func TestToneStyleAgreesWithNormalizeTone(t *testing.T) {
	var vowels []string
	for _, v := range strings.Split("a ă â e ê i o ô ơ u ư y A Ă Â E Ê I O Ô Ơ U Ư Y", " ") {
		for _, mark := range []string{"", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"} {
			vowels = append(vowels, norm.NFC.String(v+mark))
		}
	}
	var words []string
	for _, onset := range []string{"", "h", "kh", "q", "Q", "gi", "th", "ng"} {
		for _, a := range vowels {
			for _, b := range vowels {
				words = append(words, onset+a+b)
			}
		}
	}
	oldStyle, newStyle := map[string]bool{}, map[string]bool{}
	for _, w := range words {
		if n := viet.NormalizeTone(w); n != w {
			oldStyle[w], newStyle[n] = true, true
		}
	}
	if len(oldStyle) < 100 {
		t.Fatalf("only %d old-style words: the generator is wrong", len(oldStyle))
	}
	for _, w := range words {
		old, ok := toneStyle(w)
		if want := oldStyle[w] || newStyle[w]; ok != want || old != oldStyle[w] {
			t.Errorf("toneStyle(%q) = %v, %v; want %v, %v", w, old, ok, oldStyle[w], want)
		}
	}
}
