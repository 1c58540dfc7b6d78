package search

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"
)

// appendFragment writes what a result shows.
func appendFragment(b []byte, d *Doc, sections []Named) []byte {
	sec := ""
	if d.Section >= 0 && d.Section < len(sections) {
		sec = sections[d.Section].Name
	}
	b = append(b, `{"u":`...)
	b = appendString(b, d.URL)
	b = append(b, `,"t":`...)
	b = appendString(b, d.Title)
	b = append(b, `,"d":`...)
	b = appendString(b, d.Date)
	b = append(b, `,"s":`...)
	b = appendString(b, sec)
	b = append(b, `,"m":`...)
	b = appendString(b, d.Summary)
	b = append(b, `,"x":`...)
	x, cut := fragmentText(d.Text, maxText-1)
	b = appendString(b, x)
	if cut {
		b = append(b[:len(b)-1], `…"`...)
	}
	return append(b, '}')
}

// fragmentText is viet.Cut(text, maxRunes) without the "…": the text to
// keep, and whether it was cut. A body's plain text has its white space
// collapsed already: then one pass over the bytes up to the cut finds it,
// where viet.Cut would split all of the text into words and join them
// again. FuzzFragmentText holds the two together.
func fragmentText(text string, maxRunes int) (string, bool) {
	maxRunes = max(maxRunes, 0)
	i, n, lastSpace := 0, 0, -1
	for i < len(text) && n < maxRunes {
		c := text[i]
		size := 1
		switch {
		case c == ' ':
			if i == 0 || text[i-1] == ' ' {
				return slowFragmentText(text, maxRunes)
			}
			lastSpace = i
		case c < 0x21 || c == 0x7F:
			return slowFragmentText(text, maxRunes)
		case 0xC2 <= c && c <= 0xDF && i+1 < len(text) && text[i+1]&0xC0 == 0x80:
			if c == 0xC2 && (text[i+1] == 0x85 || text[i+1] == 0xA0) { // NEL, no-break space
				return slowFragmentText(text, maxRunes)
			}
			size = 2
		case (0xE1 <= c && c <= 0xEC || c == 0xEE || c == 0xEF) && i+2 < len(text) &&
			text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80: // always valid
			if space3(c, text[i+1], text[i+2]) {
				return slowFragmentText(text, maxRunes)
			}
			size = 3
		case c >= utf8.RuneSelf:
			r, sz := utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError || unicode.IsSpace(r) {
				return slowFragmentText(text, maxRunes)
			}
			size = sz
		}
		i += size
		n++
	}
	if i == len(text) {
		if i > 0 && text[i-1] == ' ' {
			return slowFragmentText(text, maxRunes)
		}
		return text, false
	}
	// The cut is before the rune at i, or at the last space before it.
	// Any other white space there, or only white space after, is for
	// the slow way.
	next := i
	if text[i] == ' ' {
		next++
	}
	if next == len(text) || isSpaceAt(text, next) || text[i] != ' ' && isSpaceAt(text, i) {
		return slowFragmentText(text, maxRunes)
	}
	if text[i] != ' ' {
		if lastSpace < 0 {
			return slowFragmentText(text, maxRunes)
		}
		i = lastSpace
	}
	return trimDangling(text[:i]), true
}

// isSpaceAt reports whether text[i:] starts with white space or with a
// byte that is not UTF-8.
func isSpaceAt(text string, i int) bool {
	if c := text[i]; c < utf8.RuneSelf {
		return c < 0x21 || c == 0x7F
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r == utf8.RuneError || unicode.IsSpace(r)
}

// space3 reports the white space among three-byte runes: U+1680,
// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
func space3(c, c1, c2 byte) bool {
	switch c {
	case 0xE1:
		return c1 == 0x9A && c2 == 0x80
	case 0xE2:
		return c1 == 0x80 && (c2 <= 0x8A || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF) || c1 == 0x81 && c2 == 0x9F
	case 0xE3:
		return c1 == 0x80 && c2 == 0x80
	}
	return false
}

// slowFragmentText is fragmentText for any text.
func slowFragmentText(text string, maxRunes int) (string, bool) {
	return cutText(headCollapsed(text, maxRunes+1), maxRunes)
}

// trimDangling drops what viet.Cut drops before its "…".
func trimDangling(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool {
		return strings.ContainsRune(" ,;:.-–—([{\"'“‘«/", r)
	})
}

// headCollapsed returns the start of text with white space collapsed as
// viet.Cut does, long enough that cutting it gives what cutting text
// gives: at least n runes, not ending in a space.
func headCollapsed(text string, n int) string {
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
		b.WriteString(text[i : i+size]) // as written, even when not UTF-8
		count++
	}
	return b.String()
}

// cutText is viet.Cut for text whose white space is collapsed already
// (one space between words, none at the ends), without the "…": it
// returns the text to keep and whether it was cut.
func cutText(text string, maxRunes int) (string, bool) {
	maxRunes = max(maxRunes, 0)
	end, n := 0, 0
	for end < len(text) && n < maxRunes {
		if text[end] < utf8.RuneSelf {
			end++
		} else {
			_, size := utf8.DecodeRuneInString(text[end:])
			end += size
		}
		n++
	}
	if end == len(text) {
		return text, false
	}
	head := text[:end]
	if text[end] != ' ' {
		if space := strings.LastIndexByte(head, ' '); space >= 0 {
			head = head[:space]
		} else {
			// A first word longer than maxRunes: cut inside it, but not
			// between a letter and its marks.
			for end > 0 {
				r, _ := utf8.DecodeRuneInString(text[end:])
				if !unicode.Is(unicode.Mn, r) {
					break
				}
				_, size := utf8.DecodeLastRuneInString(text[:end])
				end -= size
			}
			head = text[:end]
		}
	}
	return trimDangling(head), true
}

// fingerprint is the first 10 hex digits of the SHA-256 of data.
func fingerprint(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:5])
}
