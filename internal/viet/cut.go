package viet

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Cut shortens text for a summary. White space runs become one space; if
// the result is longer than maxRunes runes it is cut at the last word
// boundary that fits and "…" is appended, after dropping punctuation left
// dangling at the cut ("trực tuyến, …" would read badly). Only a first word
// longer than maxRunes is cut inside (a Vietnamese syllable has at most 7
// letters, so that is a URL or a code), and never between a letter and its
// combining mark. The result never has more than maxRunes runes plus "…".
func Cut(text string, maxRunes int) string {
	text = strings.Join(strings.Fields(text), " ")
	maxRunes = max(maxRunes, 0)
	if utf8.RuneCountInString(text) <= maxRunes {
		return text
	}
	// end is the byte offset just past the first maxRunes runes.
	end := 0
	for i := 0; i < maxRunes; i++ {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
	}
	head := text[:end]
	if text[end] != ' ' {
		if space := strings.LastIndexByte(head, ' '); space >= 0 {
			head = head[:space]
		} else {
			head = withoutTrailingMarkSplit(text, end)
		}
	}
	head = strings.TrimRightFunc(head, danglingAtCut)
	return head + "…"
}

// withoutTrailingMarkSplit returns text[:end], moved back so that it does
// not end on a letter whose combining marks (NFD input) would be cut off.
func withoutTrailingMarkSplit(text string, end int) string {
	for end > 0 {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if !unicode.Is(unicode.Mn, r) {
			break
		}
		// The rune at end is a mark: drop the letter it belongs to too.
		_, size := utf8.DecodeLastRuneInString(text[:end])
		end -= size
	}
	return text[:end]
}

// danglingAtCut reports runes that should not be left right before the
// ellipsis: spaces, separators, and openers whose closer was cut away.
func danglingAtCut(r rune) bool {
	switch r {
	case ' ', ',', ';', ':', '.', '-', '–', '—', '(', '[', '{', '"', '\'', '“', '‘', '«', '/':
		return true
	}
	return false
}
