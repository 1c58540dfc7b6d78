package rules

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/viet"
)

// toneFields are the front matter keys whose text is checked for mixed
// tone placement. Names (author, unit) are left out: a person may spell
// her own name either way.
var toneFields = []string{"title", "summary", "description", "image_alt"}

// spot is a word found in a file.
type spot struct {
	word      string
	line, col int
}

// mixedTone warns when one file spells words with both tone placements,
// such as "hoà" and "hòa" (or "thuỷ" and "khỏe"). Either style is
// correct; a file that mixes them looks careless and searches less well.
// The warning points at the first word in the style viet.NormalizeTone
// rewrites ("hoà") and names one word of the other style.
func mixedTone(p *content.Page) diag.List {
	var first, other *spot
	// found keeps the first word of each style; at is called only then,
	// since finding a word's line and column costs a scan of the text.
	found := func(old bool, at func() spot) bool {
		if old && first == nil {
			s := at()
			first = &s
		}
		if !old && other == nil {
			s := at()
			other = &s
		}
		return first != nil && other != nil
	}
	if !scanFields(p, found) {
		scanBody(p, found)
	}
	if first == nil || other == nil {
		return nil
	}
	var ds diag.List
	where := "trong phần khai báo đầu bài"
	if other.line > 0 {
		where = fmt.Sprintf("ở dòng %d", other.line)
	}
	ds.Warnf(diag.Position{File: p.Source, Line: first.line, Col: first.col},
		fmt.Sprintf("chọn một cách đặt dấu và dùng thống nhất trong cả bài, ví dụ luôn viết %q hoặc luôn viết %q",
			first.word, viet.NormalizeTone(first.word)),
		"bài dùng lẫn hai cách đặt dấu thanh: %q ở đây và %q %s", first.word, other.word, where)
	return ds
}

// scanFields visits the tone-marked words of the checked front matter
// fields in line order; it stops and returns true when found does.
func scanFields(p *content.Page, found func(bool, func() spot) bool) bool {
	type text struct {
		line int
		s    string
	}
	var texts []text
	for _, k := range toneFields {
		line, ok := p.Lines[k]
		if !ok {
			continue
		}
		var s string
		switch k {
		case "title":
			s = p.Title
		case "summary":
			if !p.SummaryFromBody { // the body is checked on its own
				s = p.Summary
			}
		case "description":
			s = p.Description
		case "image_alt":
			s = p.ImageAlt
		}
		texts = append(texts, text{line, s})
	}
	slices.SortStableFunc(texts, func(a, b text) int { return a.line - b.line })
	for _, t := range texts {
		stop := false
		eachToneWord(t.s, func(word string, _ int, old bool) bool {
			stop = found(old, func() spot { return spot{word: word, line: t.line} })
			return stop
		})
		if stop {
			return true
		}
	}
	return false
}

// scanBody visits the tone-marked words of the body with their line and
// column (in characters, from 1).
func scanBody(p *content.Page, found func(bool, func() spot) bool) {
	body := string(p.Body)
	eachToneWord(body, func(word string, offset int, old bool) bool {
		return found(old, func() spot {
			start := strings.LastIndexByte(body[:offset], '\n') + 1
			line := p.BodyLine + bytes.Count(p.Body[:offset], []byte("\n"))
			return spot{word: word, line: line, col: utf8.RuneCountInString(body[start:offset]) + 1}
		})
	})
}

// eachToneWord calls fn for every word of s (NFC) that the two tone
// placements spell differently, with its byte offset and whether it is in
// the style NormalizeTone rewrites; it stops when fn returns true.
func eachToneWord(s string, fn func(word string, offset int, old bool) bool) {
	// A text repeats its words ("văn hóa", "hòa giải"): each is judged once.
	type style struct{ old, ok bool }
	var seen map[string]style
	start := -1
	end := func(i int) bool {
		if start < 0 {
			return false
		}
		w := s[start:i]
		at := start
		start = -1
		if !pairEnding(w) {
			return false
		}
		st, known := seen[w]
		if !known {
			st.old, st.ok = toneStyle(w)
			if seen == nil {
				seen = map[string]style{}
			}
			seen[w] = st
		}
		if st.ok {
			return fn(w, at, st.old)
		}
		return false
	}
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if isLetter(r) {
			if start < 0 {
				start = i
			}
		} else if end(i) {
			return
		}
		i += size
	}
	end(len(s))
}

// isLetter is unicode.IsLetter with the letters of Vietnamese answered
// without a table search: the scan asks it of every character of a text.
func isLetter(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r|0x20 && r|0x20 <= 'z'
	case r >= 0xC0 && r <= 0x24F: // Latin-1 letters, Latin Extended-A and B (ă, đ, ơ, ư)
		return r != 0xD7 && r != 0xF7 // × and ÷
	case r >= 0x1EA0 && r <= 0x1EF9: // the toned vowels of Latin Extended Additional
		return true
	}
	return unicode.IsLetter(r)
}

// toneStyle tells whether word is spelled differently in the two tone
// placements and, if so, whether it is in the style NormalizeTone
// rewrites (old: "hoà") or the one it produces (new: "hòa").
// NormalizeTone decides; this only finds the candidates cheaply and
// builds the old spelling of a new-style word to ask it.
func toneStyle(word string) (old, ok bool) {
	if !pairEnding(word) {
		return false, false
	}
	last, n := utf8.DecodeLastRuneInString(word)
	prev, m := utf8.DecodeLastRuneInString(word[:len(word)-n])
	if last >= utf8.RuneSelf { // a toned a, e or y: maybe "hoà"
		old = viet.NormalizeTone(word) != word
		return old, old
	}
	if prev < utf8.RuneSelf { // "hoa": no tone on the pair
		return false, false
	}
	base, tone, split := splitTone(prev)
	if !split || !strings.ContainsRune("ouOU", base) {
		return false, false
	}
	onset := word[:len(word)-n-m]
	oldSpelling := onset + string(base) + norm.NFC.String(string(last)+string(tone))
	return false, viet.NormalizeTone(oldSpelling) == word
}

// pairEnding reports whether word ends in one of the vowel pairs the two
// tone placements can spell differently (oa, oe, uy, either toned): a
// cheap test before the Unicode work of NormalizeTone, which most words
// ("và", "của", "này") never need.
func pairEnding(word string) bool {
	last, n := utf8.DecodeLastRuneInString(word)
	if n == len(word) {
		return false
	}
	second := pairVowel(last)
	if second != 'a' && second != 'e' && second != 'y' {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(word[:len(word)-n])
	first := pairVowel(prev)
	return first == 'o' && second != 'y' || first == 'u' && second == 'y'
}

// pairVowel is the lower-case letter of r, when r is a, e, o, u or y,
// bare or with one of the five tone marks (NFC), of either case; else 0.
func pairVowel(r rune) rune {
	switch r {
	case 'a', 'à', 'á', 'ả', 'ã', 'ạ', 'A', 'À', 'Á', 'Ả', 'Ã', 'Ạ':
		return 'a'
	case 'e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ', 'E', 'È', 'É', 'Ẻ', 'Ẽ', 'Ẹ':
		return 'e'
	case 'o', 'ò', 'ó', 'ỏ', 'õ', 'ọ', 'O', 'Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ':
		return 'o'
	case 'u', 'ù', 'ú', 'ủ', 'ũ', 'ụ', 'U', 'Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ':
		return 'u'
	case 'y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ', 'Y', 'Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ':
		return 'y'
	}
	return 0
}

// splitTone splits a precomposed letter that carries only a tone mark
// into the letter and the mark.
func splitTone(r rune) (base, tone rune, ok bool) {
	d := norm.NFD.String(string(r))
	base, n := utf8.DecodeRuneInString(d)
	tone, m := utf8.DecodeRuneInString(d[n:])
	if n+m != len(d) || m == 0 {
		return 0, 0, false
	}
	switch tone {
	case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
		return base, tone, true
	}
	return 0, 0, false
}
