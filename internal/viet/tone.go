package viet

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NormalizeTone moves tone marks from the old placement to the new one
// where the two differ: in a syllable ending in the open vowel pairs oa, oe
// or uy, the old style marks the second vowel (hoà, khoẻ, thuỷ, uỷ ban) and
// the new style the first (hòa, khỏe, thủy, ủy ban). Everything else stays:
// a final consonant fixes the mark in both styles (hoàn, toán, thuyền), in
// quý the qu is a consonant, and in hoài or xoáy the third vowel keeps it.
// Letter case is kept. The result is in NFC.
//
// It is for matching that keeps diacritics (search ranking, warnings about
// mixed spellings); Fold already makes both spellings equal. Never use it
// to rewrite text that is shown.
func NormalizeTone(s string) string {
	s = NFC(s)
	var b strings.Builder
	changed := false
	wordStart := -1
	flush := func(end int) {
		if wordStart < 0 {
			return
		}
		word := s[wordStart:end]
		if fixed, ok := newStyleTone(word); ok {
			if !changed {
				b.Grow(len(s))
				b.WriteString(s[:wordStart])
				changed = true
			}
			b.WriteString(fixed)
		} else if changed {
			b.WriteString(word)
		}
		wordStart = -1
	}
	for i, r := range s {
		if unicode.IsLetter(r) {
			if wordStart < 0 {
				wordStart = i
			}
			continue
		}
		flush(i)
		if changed {
			b.WriteRune(r)
		}
	}
	flush(len(s))
	if !changed {
		return s
	}
	return b.String()
}

// newStyleTone returns word with its tone moved to the first vowel of a
// final oa, oe or uy, when word is a syllable the two styles spell
// differently.
func newStyleTone(word string) (string, bool) {
	last, lastSize := utf8.DecodeLastRuneInString(word)
	if lastSize == len(word) {
		return "", false
	}
	first, firstSize := utf8.DecodeLastRuneInString(word[:len(word)-lastSize])
	onset := word[:len(word)-lastSize-firstSize]

	vowel, tone, ok := splitTone(last)
	if !ok {
		return "", false
	}
	switch pair := string(unicode.ToLower(first)) + string(unicode.ToLower(vowel)); pair {
	case "oa", "oe":
	case "uy":
		// In qu the u is part of the consonant: quý, quỷ are right already.
		if strings.HasSuffix(onset, "q") || strings.HasSuffix(onset, "Q") {
			return "", false
		}
	default:
		return "", false
	}
	for _, r := range onset {
		if isVowel(r) {
			return "", false
		}
	}
	return onset + norm.NFC.String(string(first)+string(tone)) + string(vowel), true
}

// splitTone splits a precomposed a, e or y carrying only a tone mark into
// the letter and the mark; ă, â, ê and untoned letters do not split.
func splitTone(r rune) (letter, tone rune, ok bool) {
	d := norm.NFD.String(string(r))
	letter, size := utf8.DecodeRuneInString(d)
	if size == len(d) {
		return 0, 0, false
	}
	tone, toneSize := utf8.DecodeRuneInString(d[size:])
	if size+toneSize != len(d) || !strings.ContainsRune("aeyAEY", letter) {
		return 0, 0, false
	}
	switch tone {
	case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323': // huyền, sắc, ngã, hỏi, nặng
		return letter, tone, true
	}
	return 0, 0, false
}

// isVowel reports whether r is a Vietnamese vowel letter, with or without
// diacritics.
func isVowel(r rune) bool {
	base, _ := utf8.DecodeRuneInString(norm.NFD.String(string(r)))
	return strings.ContainsRune("aeiouyAEIOUY", base)
}
