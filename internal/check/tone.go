package check

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
	found := func(s spot, old bool) bool {
		if old && first == nil {
			first = &s
		}
		if !old && other == nil {
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
func scanFields(p *content.Page, found func(spot, bool) bool) bool {
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
			stop = found(spot{word: word, line: t.line}, old)
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
func scanBody(p *content.Page, found func(spot, bool) bool) {
	body := string(p.Body)
	eachToneWord(body, func(word string, offset int, old bool) bool {
		start := strings.LastIndexByte(body[:offset], '\n') + 1
		line := p.BodyLine + bytes.Count(p.Body[:offset], []byte("\n"))
		return found(spot{word: word, line: line, col: utf8.RuneCountInString(body[start:offset]) + 1}, old)
	})
}

// eachToneWord calls fn for every word of s (NFC) that the two tone
// placements spell differently, with its byte offset and whether it is in
// the style NormalizeTone rewrites; it stops when fn returns true.
func eachToneWord(s string, fn func(word string, offset int, old bool) bool) {
	start := -1
	end := func(i int) bool {
		if start < 0 {
			return false
		}
		w := s[start:i]
		at := start
		start = -1
		if old, ok := toneStyle(w); ok {
			return fn(w, at, old)
		}
		return false
	}
	for i, r := range s {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if end(i) {
			return
		}
	}
	end(len(s))
}

// toneStyle tells whether word is spelled differently in the two tone
// placements and, if so, whether it is in the style NormalizeTone
// rewrites (old: "hoà") or the one it produces (new: "hòa").
// NormalizeTone decides; this only finds the candidates cheaply and
// builds the old spelling of a new-style word to ask it.
func toneStyle(word string) (old, ok bool) {
	last, n := utf8.DecodeLastRuneInString(word)
	if n == len(word) || last < utf8.RuneSelf && !strings.ContainsRune("aeyAEY", last) {
		return false, false
	}
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
