package viet

import (
	"cmp"
	"fmt"
	"slices"
	"unicode"
)

// Lookalike is a character that looks like a Vietnamese letter but is
// another one, so that search, sorting and slugs treat the word as a
// different word.
type Lookalike struct {
	Offset   int  // byte offset in the text
	Rune     rune // the character found
	Intended rune // the letter it stands for
}

// String describes the look-alike to an editor, in Vietnamese.
func (l Lookalike) String() string {
	return fmt.Sprintf("ký tự %q (%U) trông giống %q (%U) nhưng là chữ khác", l.Rune, l.Rune, l.Intended, l.Intended)
}

// Lookalikes lists the characters in s that only look Vietnamese. The
// eth letters Ð ð come from Vietnamese text decoded as Windows-1252
// instead of Windows-1258 (where the same bytes are Đ đ) and from fonts
// and converters of the VNI/TCVN3 era; African Ɖ from symbol pickers.
// Cyrillic and Greek letters that look Latin are reported only inside a
// word that also has Latin letters, so a Russian name is left alone.
func Lookalikes(s string) []Lookalike {
	var found []Lookalike
	latin := false
	var pending []Lookalike // script look-alikes of the current word
	endWord := func() {
		if latin {
			found = append(found, pending...)
		}
		pending, latin = pending[:0], false
	}
	for i, r := range s {
		if want, ok := dLookalike(r); ok {
			found = append(found, Lookalike{Offset: i, Rune: r, Intended: want})
		}
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			endWord()
			continue
		}
		if want, ok := scriptLookalike(r); ok {
			pending = append(pending, Lookalike{Offset: i, Rune: r, Intended: want})
		} else if unicode.Is(unicode.Latin, r) {
			latin = true
		}
	}
	endWord()
	slices.SortFunc(found, func(a, b Lookalike) int { return cmp.Compare(a.Offset, b.Offset) })
	return found
}

// dLookalike maps the letters that pass for Đ and đ.
func dLookalike(r rune) (rune, bool) {
	switch r {
	case 'Ð', 'Ɖ': // U+00D0 eth, U+0189 African D
		return 'Đ', true
	case 'ð', 'ɖ': // U+00F0 eth, U+0256 d with tail
		return 'đ', true
	}
	return 0, false
}

// scriptLookalike maps Cyrillic and Greek letters drawn like Latin ones.
func scriptLookalike(r rune) (rune, bool) {
	switch r {
	case 'А', 'Α':
		return 'A', true
	case 'В', 'Β':
		return 'B', true
	case 'С':
		return 'C', true
	case 'Е', 'Ε':
		return 'E', true
	case 'Н', 'Η':
		return 'H', true
	case 'І', 'Ι':
		return 'I', true
	case 'К', 'Κ':
		return 'K', true
	case 'М', 'Μ':
		return 'M', true
	case 'О', 'Ο':
		return 'O', true
	case 'Р', 'Ρ':
		return 'P', true
	case 'Т', 'Τ':
		return 'T', true
	case 'Х', 'Χ':
		return 'X', true
	case 'а':
		return 'a', true
	case 'с':
		return 'c', true
	case 'е':
		return 'e', true
	case 'і':
		return 'i', true
	case 'о', 'ο':
		return 'o', true
	case 'р':
		return 'p', true
	case 'у':
		return 'y', true
	case 'х':
		return 'x', true
	}
	return 0, false
}

func isDLookalike(r rune) bool {
	_, ok := dLookalike(r)
	return ok
}
