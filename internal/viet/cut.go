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
	maxRunes = max(maxRunes, 0)
	// Only the head that can be kept is collapsed: a body may be long,
	// and search cuts every page's text.
	text = collapsedHead(text, maxRunes+1)
	end, n := 0, 0
	for end < len(text) && n < maxRunes {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
		n++
	}
	if end == len(text) {
		return text
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

// collapsedHead returns the start of text with white space runs collapsed
// to one space and none at either end, as strings.Fields and Join would
// give, but stopping once it holds n runes: enough to cut at n-1 and see
// the rune after the cut. Bytes that are not UTF-8 are kept as written.
func collapsedHead(text string, n int) string {
	var b strings.Builder
	count, space := 0, false
	for i, r := range text {
		if unicode.IsSpace(r) {
			space = count > 0
			continue
		}
		if count >= n {
			break
		}
		if space {
			b.WriteByte(' ')
			count++
			space = false
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		b.WriteString(text[i : i+size])
		count++
	}
	return b.String()
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
