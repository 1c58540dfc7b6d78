package rules

import "testing"

// maxVagueRunes lets vagueLinks skip folding long texts: it must be at
// least the length of the longest vague text, as written or folded.
func TestMaxVagueRunes(t *testing.T) {
	for text := range vagueLinkTexts {
		if n := len([]rune(text)); n > maxVagueRunes {
			t.Errorf("%q has %d characters, more than maxVagueRunes (%d)", text, n, maxVagueRunes)
		}
	}
}
