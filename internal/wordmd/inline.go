package wordmd

import (
	"strings"
	"unicode"

	"github.com/cchc-vn/cchc/internal/docx"
)

// atom is a piece of a paragraph ready to write: text with its emphasis
// and link, a line break, an image or a footnote reference.
type atom struct {
	kind                 atomKind
	text                 string
	bold, italic, strike bool
	link                 string
	img                  *docx.Image
	alt                  string
	altAuto              bool
	note                 int
}

type atomKind int

const (
	atomText atomKind = iota
	atomBreak
	atomImage
	atomNote
)

// inlineMode says where inline content goes: a heading or a table cell
// holds no line break, and a heading drops its bold (it is bold).
type inlineMode int

const (
	inPara inlineMode = iota
	inHeading
	inCell
)

// atoms turns a paragraph's segments into atoms: white space of every
// kind becomes one space, none at a line's start or end; superscript
// digits become ² ³…; spaces carry the emphasis both neighbours share,
// so that a marker never sits next to a space.
func (imp *writer) atoms(segs []docx.Segment, mode inlineMode) []atom {
	var raw []atom
	for _, s := range segs {
		a := atom{bold: s.Bold && mode != inHeading, italic: s.Italic, strike: s.Strike, link: s.Link}
		switch {
		case s.Break:
			if mode != inPara {
				a.text = " "
			} else {
				a = atom{kind: atomBreak}
			}
		case s.Image != nil:
			a.kind, a.img, a.alt, a.altAuto = atomImage, s.Image, s.Alt, s.AltAuto
		case s.Footnote > 0:
			a.kind, a.note = atomNote, s.Footnote
		default:
			a.text = cleanText(s.Text)
			if s.Super || s.Sub {
				a.text = imp.script(a.text, s.Super)
			}
		}
		raw = append(raw, splitSpaces(a)...)
	}
	as := spaceFlags(collapse(raw))
	if mode == inHeading && allItalic(as) {
		for i := range as {
			as[i].italic = false // a heading style in italics: the look, not emphasis
		}
	}
	return shiftPunct(as)
}

func allItalic(as []atom) bool {
	for _, a := range as {
		if a.kind == atomText && !isSpaceAtom(a) && !a.italic {
			return false
		}
	}
	return true
}

func sameEmphasis(a, b atom) bool {
	return a.bold == b.bold && a.italic == b.italic && a.strike == b.strike
}

func isPunctRune(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// shiftPunct moves punctuation at the edge of an emphasis out of it when
// it touches a letter outside: Markdown cannot close "**Điều 1.**" right
// before "Ban" nor open "(**" right after a letter, so "Điều 1." bold
// then "Ban" becomes **Điều 1**.Ban, the dot plain.
func shiftPunct(as []atom) []atom {
	var out []atom
	for i := 0; i < len(as); i++ {
		a := as[i]
		if a.kind != atomText || isSpaceAtom(a) || a.link != "" {
			out = append(out, a)
			continue
		}
		rs := []rune(a.text)
		if n := len(out); n > 0 && out[n-1].kind == atomText && !isSpaceAtom(out[n-1]) && out[n-1].link == "" && !sameEmphasis(out[n-1], a) {
			prev := []rune(out[n-1].text)
			k := 0
			for k < len(rs)-1 && isPunctRune(rs[k]) {
				k++
			}
			if k > 0 && isWordRune(prev[len(prev)-1]) {
				out = append(out, both(out[n-1], a, string(rs[:k])))
				rs = rs[k:]
			}
		}
		var tail *atom
		if i+1 < len(as) && as[i+1].kind == atomText && !isSpaceAtom(as[i+1]) && as[i+1].link == "" && !sameEmphasis(a, as[i+1]) {
			next := []rune(as[i+1].text)
			k := len(rs)
			for k > 1 && isPunctRune(rs[k-1]) {
				k--
			}
			if k < len(rs) && isWordRune(next[0]) {
				t := both(a, as[i+1], string(rs[k:]))
				tail = &t
				rs = rs[:k]
			}
		}
		a.text = string(rs)
		out = append(out, a)
		if tail != nil {
			out = append(out, *tail)
		}
	}
	return out
}

// both is text with the emphasis a and b share.
func both(a, b atom, text string) atom {
	return atom{kind: atomText, text: text, bold: a.bold && b.bold, italic: a.italic && b.italic, strike: a.strike && b.strike}
}

// cleanText maps every white space to a plain space and drops invisible
// characters (zero-width space, soft hyphen, byte order mark, controls).
func cleanText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\u200B' || r == '\u00AD' || r == '\uFEFF' || r == '\u2060':
			return -1
		case unicode.IsSpace(r):
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

var superscripts = map[rune]rune{'0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', '(': '⁽', ')': '⁾', 'n': 'ⁿ'}
var subscripts = map[rune]rune{'0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋', '(': '₍', ')': '₎'}

// script writes superscript or subscript text with the Unicode letters
// for it (m² from "m" and a superscript "2"); text with others stays as
// typed, and is counted for a note.
func (imp *writer) script(s string, super bool) string {
	table := subscripts
	if super {
		table = superscripts
	}
	var b strings.Builder
	for _, r := range s {
		m, ok := table[r]
		if !ok {
			if strings.TrimSpace(s) != "" {
				imp.scriptKept++
			}
			return s
		}
		b.WriteRune(m)
	}
	return b.String()
}

// splitSpaces cuts a text atom into its leading spaces, its core and its
// trailing spaces.
func splitSpaces(a atom) []atom {
	if a.kind != atomText || a.text == "" {
		return []atom{a}
	}
	core := strings.Trim(a.text, " ")
	if core == "" {
		a.text = " "
		return []atom{a}
	}
	var out []atom
	if strings.HasPrefix(a.text, " ") {
		sp := a
		sp.text = " "
		out = append(out, sp)
	}
	c := a
	c.text = strings.Join(strings.Fields(core), " ")
	out = append(out, c)
	if strings.HasSuffix(a.text, " ") {
		sp := a
		sp.text = " "
		out = append(out, sp)
	}
	return out
}

func isSpaceAtom(a atom) bool { return a.kind == atomText && a.text == " " }

// collapse keeps one space between words and none at the start or end of
// a line.
func collapse(in []atom) []atom {
	var out []atom
	for _, a := range in {
		if a.kind == atomText && a.text == "" {
			continue
		}
		if isSpaceAtom(a) {
			if len(out) == 0 || out[len(out)-1].kind == atomBreak || isSpaceAtom(out[len(out)-1]) {
				continue
			}
		}
		if a.kind == atomBreak {
			for len(out) > 0 && isSpaceAtom(out[len(out)-1]) {
				out = out[:len(out)-1]
			}
			if len(out) == 0 || out[len(out)-1].kind == atomBreak {
				continue // a break at the start, or twice: an empty line
			}
		}
		out = append(out, a)
	}
	for len(out) > 0 && (isSpaceAtom(out[len(out)-1]) || out[len(out)-1].kind == atomBreak) {
		out = out[:len(out)-1]
	}
	return out
}

// transparent atoms take the emphasis of the text around them: a space,
// a footnote reference.
func transparent(a atom) bool { return isSpaceAtom(a) || a.kind == atomNote }

// spaceFlags gives each space and footnote reference the emphasis its two
// neighbours share, and a space the link they share.
func spaceFlags(as []atom) []atom {
	for i := range as {
		if !transparent(as[i]) {
			continue
		}
		var prev, next atom
		if i > 0 {
			prev = as[i-1]
		}
		if i+1 < len(as) {
			next = as[i+1]
		}
		as[i].bold = prev.bold && next.bold
		as[i].italic = prev.italic && next.italic
		as[i].strike = prev.strike && next.strike
		if as[i].kind == atomNote {
			continue
		}
		if prev.link != next.link {
			as[i].link = ""
		} else {
			as[i].link = prev.link
		}
	}
	return as
}

// escapeText backslash-escapes what Markdown would read as syntax inside
// a line: emphasis, links, code, HTML, tables, strikethrough, entities.
// What only matters at the start of a line is escaped by escapeLineStart.
func escapeText(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		switch r {
		case '\\', '`', '*', '[', ']', '<', '|', '~':
			b.WriteByte('\\')
		case '_':
			// An underscore inside a word never makes emphasis.
			if i == 0 || i == len(rs)-1 || !isWordRune(rs[i-1]) || !isWordRune(rs[i+1]) {
				b.WriteByte('\\')
			}
		case '&':
			if i+1 < len(rs) && (rs[i+1] == '#' || unicode.IsLetter(rs[i+1])) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// escapeLineStart escapes the start of a line that Markdown would read as
// a block: a heading, quote, list item, rule or setext underline.
func escapeLineStart(line string) string {
	if line == "" {
		return line
	}
	switch line[0] {
	case '#', '>':
		return `\` + line
	case '-', '+', '=':
		if len(line) == 1 || line[1] == ' ' || strings.Trim(line, string(line[0])+" ") == "" {
			return `\` + line
		}
	}
	i := 0
	for i < len(line) && i < 10 && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i > 0 && i <= 9 && i < len(line) && (line[i] == '.' || line[i] == ')') && (i+1 == len(line) || line[i+1] == ' ') {
		return line[:i] + `\` + line[i:]
	}
	return line
}

// escapeAll escapes every ASCII punctuation character: always valid
// Markdown, the last resort for a paragraph whose rendering fails the
// check.
func escapeAll(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 && unicode.IsPunct(r) || r < 0x80 && unicode.IsSymbol(r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
