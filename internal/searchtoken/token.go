// Package searchtoken splits text into the tokens of the site's search
// and gives each its keys, the same at build time and in a query (and in
// assets/js/search.js, which follows it):
//
//   - A token is a run of letters, marks and decimal digits, lower-cased
//     rune by rune; tokens over 40 runes, or of marks alone, are dropped
//     (the tokens around one are then adjacent).
//   - Its form keeps the letters' marks and writes the tone as a digit
//     ("má" → "ma1", "hoà" and "hòa" → "hoa2"); its fold has no mark
//     (category Mn), đ as d, and a final y after consonants as i ("Quý",
//     "quí" → "qui").
//
// It also lists the common words whose fold matches a query discounts.
package searchtoken

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxTokenRunes is the longest token kept: longer runs of letters are
// URLs, codes or garbage, never words a reader types.
const maxTokenRunes = 40

// Token is one word of a text with its two keys.
type Token struct {
	// Form keeps the letters' marks but moves the tone to a digit at the
	// end: "má" → "ma1", "hoà" and "hòa" → "hoa2", "đất" → "đât1".
	Form string
	// Fold is what a reader typing without diacritics gets: no marks,
	// đ as d, and a final y after consonants as i ("Quý", "quí" → "qui").
	Fold string
}

// Tokenize splits text into tokens, in order: maximal runs of letters,
// combining marks and decimal digits; everything else separates them.
// Tokens longer than 40 runes or made of marks alone are left out (they
// do not break adjacency).
func Tokenize(text string) []Token {
	var out []Token
	Scan(text, func(word string, _ uint64) {
		if form, fold, ok := Keys(word); ok {
			out = append(out, Token{form, fold})
		}
	})
	return out
}

// Keys returns the form and fold of one token, given as written (any
// case, NFC or NFD). ok is false for a token longer than 40 runes, and
// for one that is only marks (its fold is empty).
func Keys(word string) (form, fold string, ok bool) {
	word = norm.NFC.String(word)
	n := utf8.RuneCountInString(word)
	if n == 0 || n > maxTokenRunes {
		return "", "", false
	}
	var fb, kb strings.Builder
	fb.Grow(len(word) + 1)
	kb.Grow(len(word))
	var tone byte
	for _, r := range norm.NFD.String(lower(word)) {
		if d := toneDigit(r); d != 0 {
			if tone == 0 {
				tone = d
			}
			continue
		}
		fb.WriteRune(r)
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			kb.WriteByte('d')
		default:
			kb.WriteRune(r)
		}
	}
	if kb.Len() == 0 {
		return "", "", false // marks alone
	}
	form = norm.NFC.String(fb.String())
	if tone != 0 {
		form += string(tone)
	}
	return form, finalYAsI(kb.String()), true
}

// lower lower-cases each rune on its own (so İ gives i, one rune).
func lower(s string) string {
	return strings.Map(unicode.ToLower, s)
}

// toneDigit numbers the five tone marks as the VNI input method does:
// sắc 1, huyền 2, hỏi 3, ngã 4, nặng 5; 0 for any other rune.
func toneDigit(r rune) byte {
	switch r {
	case '\u0301':
		return '1'
	case '\u0300':
		return '2'
	case '\u0309':
		return '3'
	case '\u0303':
		return '4'
	case '\u0323':
		return '5'
	}
	return 0
}

// finalYAsI spells a final y after consonants as i, as the two spellings
// of lý/lí, kỹ/kĩ, Mỹ/Mĩ, quý/quí are the same word: one or more of
// [bcdghklmnpqrstvx], or "qu", then "y". "tay", "tuy", "yen" stay.
func finalYAsI(fold string) string {
	n := len(fold)
	if n < 2 || fold[n-1] != 'y' {
		return fold
	}
	if fold[:n-1] != "qu" {
		for i := 0; i < n-1; i++ {
			if !strings.ContainsRune("bcdghklmnpqrstvx", rune(fold[i])) {
				return fold
			}
		}
	}
	return fold[:n-1] + "i"
}

// Scan calls fn with each token of s as written: a maximal run of runes
// of the categories L, M and Nd. The letters of Vietnamese are read
// straight from their bytes. A token of at most 8 bytes comes with them
// packed in a number (first byte lowest), which is never 0: no token has
// a zero byte.
func Scan(s string, fn func(word string, packed uint64)) {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		size := 1
		var in bool
		switch {
		case c < utf8.RuneSelf:
			in = asciiWord[c] == 'w'
		case 0xC3 <= c && c <= 0xC8 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			// U+00C0–U+023F: letters, but for × and ÷.
			size = 2
			in = c != 0xC3 || s[i+1] != 0x97 && s[i+1] != 0xB7
		case c == 0xE1 && i+2 < len(s) && (s[i+1] == 0xBA && 0xA0 <= s[i+2] && s[i+2] <= 0xBF ||
			s[i+1] == 0xBB && 0x80 <= s[i+2] && s[i+2] <= 0xB9):
			// U+1EA0–U+1EF9: the Vietnamese letters with two marks.
			size = 3
			in = true
		default:
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			in = isWordRune(r)
		}
		if in {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			fn(s[start:i], pack(s, start, i))
			start = -1
		}
		i += size
	}
	if start >= 0 {
		fn(s[start:], pack(s, start, len(s)))
	}
}

// pack is the bytes of s[start:end] packed in a number, or 0 when there
// are more than 8.
func pack(s string, start, end int) uint64 {
	n := end - start
	switch {
	case n > 8:
		return 0
	case start+8 <= len(s):
		return binary.LittleEndian.Uint64([]byte(s[start:start+8])) & (^uint64(0) >> (64 - 8*n))
	}
	var packed uint64
	for j := start; j < end; j++ {
		packed |= uint64(s[j]) << (8 * (j - start))
	}
	return packed
}

// asciiWord marks the ASCII letters and digits with 'w'.
const asciiWord = "" +
	"................................" +
	"................wwwwwwwwww......" +
	".wwwwwwwwwwwwwwwwwwwwwwwwww....." +
	".wwwwwwwwwwwwwwwwwwwwwwwwww....."

// isWordRune reports whether r belongs in a token: a letter, a mark or a
// decimal digit. The Vietnamese letters and Latin Extended-A and -B are
// all letters and take the short way.
func isWordRune(r rune) bool {
	switch {
	case 0x1EA0 <= r && r <= 0x1EF9, 0x100 <= r && r <= 0x24F:
		return true
	case r == utf8.RuneError:
		return false
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.M, r) || unicode.IsDigit(r)
}
