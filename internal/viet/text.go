// Package viet holds what the generator knows about Vietnamese text: Unicode
// normalisation, folding for matching, ASCII slugs, dates in the
// administrative style, and alphabetical order.
package viet

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode normalisation form C, the form every text read
// from the site is kept in.
func NFC(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// IsNFC reports whether s is already in form C (text pasted from some Mac
// or Word sources arrives decomposed).
func IsNFC(s string) bool { return norm.NFC.IsNormalString(s) }

// Fold returns s lower-cased, without diacritics, with đ (and the letters
// that pass for it, see Lookalikes) as d, and with runs of white space as
// one space, trimmed. Two spellings that a reader would call
// the same word fold equal: "Hoà" and "hòa" both give "hoa".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case isDLookalike(r):
			r = 'd'
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		default:
			r = unicode.ToLower(r)
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Slug returns the URL slug of s: lower-case ASCII letters and digits, with
// every other run of characters as one '-'. "Chuyển đổi số" gives
// "chuyen-doi-so", from NFC or NFD input alike. The result may be empty.
func Slug(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	dash := false
	for _, r := range Fold(s) {
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}
