// Package viet holds what the generator knows about Vietnamese text: Unicode
// normalisation, folding for matching, ASCII slugs, dates in the
// administrative style, and alphabetical order.
package viet

import (
	"strings"
	"sync"
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
	if f, ok := foldLatin(s); ok {
		return f
	}
	return foldNFD(s)
}

// foldNFD is Fold by its definition: decompose, drop the marks, map đ,
// lower the case, collapse white space.
func foldNFD(s string) string {
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

// foldLatin is Fold without decomposing the text, for a text whose every
// rune is in latinFolds (the Latin letters with their Vietnamese marks,
// and the marks themselves): each rune folds alone, and nothing that
// decomposing would move is kept. Heading anchors and the search fold
// most text; NFD made a copy of every one. ok is false for other text.
func foldLatin(s string) (folded string, ok bool) {
	t := latinFolds()
	for _, r := range s {
		if r >= latinFoldEnd || t[r].kind == foldSlow {
			return "", false
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch f := t[r]; f.kind {
		case foldDrop:
			continue
		case foldSpace:
			space = b.Len() > 0
			continue
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(f.to)
		}
	}
	return b.String(), true
}

// latinFoldEnd bounds the runes foldLatin takes: Latin, the combining
// marks and Vietnamese's letters (ỹ is U+1EF9).
const latinFoldEnd = 0x1f00

type latinFold struct {
	to   rune
	kind uint8
}

const (
	foldSlow  = iota // decomposes into more than one kept rune, or holds a mark NFD may reorder
	foldDrop         // a mark: Fold drops it
	foldSpace        // white space
	foldRune         // folds to to
)

// latinFolds is what foldNFD makes of each rune below latinFoldEnd, on
// its own; built on first use.
var latinFolds = sync.OnceValue(func() *[latinFoldEnd]latinFold {
	t := new([latinFoldEnd]latinFold)
	for r := range rune(latinFoldEnd) {
		switch {
		case unicode.IsSpace(r):
			t[r].kind = foldSpace
			continue
		case unicode.Is(unicode.Mn, r):
			t[r].kind = foldDrop
			continue
		case norm.NFD.PropertiesString(string(r)).CCC() != 0:
			continue // a mark that is kept and that decomposing may move
		}
		kept := []rune(foldNFD(string(r)))
		if len(kept) == 1 && !decomposesWithKeptMark(r) {
			t[r] = latinFold{to: kept[0], kind: foldRune}
		}
	}
	return t
})

// decomposesWithKeptMark reports whether r's decomposition holds a mark
// that is not dropped but has a combining class: decomposing a text may
// move it past a neighbour's.
func decomposesWithKeptMark(r rune) bool {
	for _, d := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, d) && norm.NFD.PropertiesString(string(d)).CCC() != 0 {
			return true
		}
	}
	return false
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
