package wordmd

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/docx"
)

// body writes blocks as the Markdown body, counting lines so that each
// note points at the line of the block it is about.
type body struct {
	imp    *writer
	b      strings.Builder
	line   int // the line being written, from 1
	notes  []lineNote
	levels map[int]int // Word heading level → Markdown level
	list   []listLevel // the items open, outermost first
}

type lineNote struct {
	line      int
	what, fix string
}

// listLevel is an open list item: its Word level, the column of its text,
// and what the next item at its level continues.
type listLevel struct {
	ilvl, indent int
	bullet       bool
	delim        byte
	number       int
}

// write appends s, counting its lines.
func (w *body) write(s string) {
	w.b.WriteString(s)
	w.line += strings.Count(s, "\n")
}

// startBlock separates a block from the one before: a blank line, or a
// line break between items of one list.
func (w *body) startBlock(tight bool) {
	if w.b.Len() == 0 {
		return
	}
	if tight {
		w.write("\n")
	} else {
		w.write("\n\n")
	}
}

func (w *body) note(what, fix string) {
	w.notes = append(w.notes, lineNote{line: w.line, what: what, fix: fix})
}

// moveNotes puts the notes from index first on on the current line.
func (w *body) moveNotes(first int) {
	for i := first; i < len(w.notes); i++ {
		w.notes[i].line = w.line
	}
}

// blocks writes top-level blocks.
func (w *body) blocks(blocks []docx.Block) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *docx.Paragraph:
			w.paragraph(b)
		case *docx.Table:
			w.list = nil
			w.table(b)
		}
	}
}

// typedBullets are the marks an editor types before an item instead of
// using Word's bullets; "+" marks the level under "-".
var typedBullets = []string{"- ", "– ", "— ", "• ", "+ ", "* ", "· "}

func typedBullet(text string) (marker, rest string, ok bool) {
	for _, m := range typedBullets {
		if r, ok := strings.CutPrefix(text, m); ok && strings.TrimSpace(r) != "" {
			return m, r, true
		}
	}
	return "", "", false
}

// paragraph writes a heading, a list item or a paragraph.
func (w *body) paragraph(p *docx.Paragraph) {
	text := strings.TrimSpace(p.Text())
	if text == "" && !p.HasObject() {
		return
	}
	switch {
	case p.Heading > 0 || p.Title:
		w.list = nil
		w.heading(p)
	case p.List != nil:
		w.numbered(p)
	default:
		if m, _, ok := typedBullet(text); ok {
			segs := trimPrefix(p.Segments, utf8.RuneCountInString(m))
			ilvl := 0
			if strings.HasPrefix(m, "+") && len(w.list) > 0 {
				ilvl = w.list[0].ilvl + 1
			}
			w.item(p, segs, ilvl, true, 0, 0, "")
			return
		}
		w.list = nil
		w.startBlock(false)
		w.inline(p, p.Segments, "", inPara)
	}
}

// numbered writes a paragraph Word numbers. A bullet or a plain decimal
// ("1.", "1)") is a Markdown list item; any other label ("a)", "II.",
// "1.2.") is kept as Word shows it, since documents cite it ("điểm a
// khoản 2"): a bullet item under an open list, else a paragraph.
func (w *body) numbered(p *docx.Paragraph) {
	l := p.List
	switch {
	case l.Bullet:
		w.item(p, p.Segments, l.Level, true, 0, 0, "")
	case l.Simple:
		w.item(p, p.Segments, l.Level, false, l.Number, l.Delim, "")
	case len(w.list) > 0:
		w.item(p, p.Segments, l.Level, true, 0, 0, l.Label+" ")
	default:
		w.startBlock(false)
		w.inline(p, p.Segments, l.Label+" ", inPara)
	}
}

// item writes a list item at Word level ilvl, nested under the open
// items of lower levels. An item that cannot continue the list before it
// (another kind, or a number out of sequence) starts a new list after a
// blank line, with the other delimiter when both are numbered, so that
// Markdown does not merge them.
func (w *body) item(p *docx.Paragraph, segs []docx.Segment, ilvl int, bullet bool, number int, delim byte, label string) {
	var prev *listLevel
	for len(w.list) > 0 && w.list[len(w.list)-1].ilvl >= ilvl {
		if w.list[len(w.list)-1].ilvl == ilvl {
			last := w.list[len(w.list)-1]
			prev = &last
		}
		w.list = w.list[:len(w.list)-1]
	}
	indent := 0
	if len(w.list) > 0 {
		indent = w.list[len(w.list)-1].indent
	}
	tight := len(w.list) > 0 || prev != nil
	if !bullet {
		switch {
		case prev != nil && !prev.bullet && number == prev.number+1:
			delim = prev.delim
		case prev != nil:
			tight = false
			if !prev.bullet && delim == prev.delim {
				delim = flip(delim)
			}
		case number != 1:
			tight = false // a list starting past 1 cannot interrupt the text above it
		}
	} else if prev != nil && !prev.bullet {
		tight = false
	}
	marker := "- "
	if !bullet {
		marker = strconv.Itoa(number) + string(delim) + " "
	}
	w.list = append(w.list, listLevel{ilvl: ilvl, indent: indent + len(marker), bullet: bullet, delim: delim, number: number})
	w.startBlock(tight)
	w.write(strings.Repeat(" ", indent) + marker)
	w.inlineIndented(p, segs, label, indent+len(marker))
}

func flip(delim byte) byte {
	if delim == ')' {
		return '.'
	}
	return ')'
}

// heading writes a heading, its Word number kept ("1. Mục tiêu"); an
// image in it follows as its own paragraph.
func (w *body) heading(p *docx.Paragraph) {
	level := w.levels[p.Heading]
	if p.Title {
		level = 2
	}
	label := headingLabel(p)
	var text, objects []docx.Segment
	for _, s := range p.Segments {
		if s.Image != nil {
			objects = append(objects, s)
		} else {
			text = append(text, s)
		}
	}
	w.startBlock(false)
	w.write(strings.Repeat("#", max(level, 2)) + " ")
	w.inline(p, text, label, inHeading)
	if len(objects) > 0 {
		w.startBlock(false)
		w.inline(p, objects, "", inPara)
	}
}

// headingLabel is the number Word shows before a numbered heading.
func headingLabel(p *docx.Paragraph) string {
	switch {
	case p.List == nil || p.List.Bullet:
		return ""
	case p.List.Simple:
		return strconv.Itoa(p.List.Number) + string(p.List.Delim) + " "
	}
	return p.List.Label + " "
}

// inline writes the paragraph's segments at the current column.
func (w *body) inline(p *docx.Paragraph, segs []docx.Segment, label string, mode inlineMode) {
	md := w.render(p, segs, label, mode)
	w.write(md)
}

// inlineIndented writes a list item's text, its later lines indented to
// the item's text.
func (w *body) inlineIndented(p *docx.Paragraph, segs []docx.Segment, label string, indent int) {
	md := w.render(p, segs, label, inPara)
	w.write(strings.ReplaceAll(md, "\n", "\n"+strings.Repeat(" ", indent)))
}

// render turns segments into checked inline Markdown and records the
// notes of the paragraph at the current line.
func (w *body) render(p *docx.Paragraph, segs []docx.Segment, label string, mode inlineMode) string {
	if label != "" {
		segs = append([]docx.Segment{{Text: label}}, segs...)
	}
	as, notes := w.imp.resolve(w.imp.atoms(segs, mode))
	for _, n := range append(p.Notes, notes...) {
		w.note(n.What, n.Fix)
	}
	md, fell := w.imp.render(as, mode == inHeading)
	switch fell {
	case noEmphasis:
		w.note("chữ đậm, nghiêng của đoạn này không viết được bằng Markdown nên bị bỏ", "đánh dấu lại nếu cần")
	case plainText, escapedAll:
		w.note("đoạn này được chép thành chữ thường: không giữ được định dạng và liên kết", "đọc lại đoạn này, thêm lại liên kết nếu cần")
	}
	return md
}

// trimPrefix drops the first n runes of text from segments (a typed
// bullet "- ").
func trimPrefix(segs []docx.Segment, n int) []docx.Segment {
	var out []docx.Segment
	for _, s := range segs {
		if n > 0 && s.Text != "" {
			rs := []rune(s.Text)
			if len(rs) <= n {
				n -= len(rs)
				continue
			}
			s.Text = string(rs[n:])
			n = 0
		}
		out = append(out, s)
	}
	return out
}

// footnotes writes the notes' definitions after the body: the first
// paragraph on the label's line, the others indented under it.
func (w *body) footnotes(notes [][]docx.Block) {
	for i, blocks := range notes {
		w.list = nil
		w.startBlock(false)
		w.write(fmt.Sprintf("[^%d]: ", i+1))
		first := true
		for _, b := range flatten(blocks) {
			if strings.TrimSpace(b.Text()) == "" && !b.HasObject() {
				continue
			}
			if !first {
				w.write("\n\n    ")
			}
			md := w.render(b, b.Segments, "", inPara)
			w.write(strings.ReplaceAll(md, "\n", "\n    "))
			first = false
		}
		if first {
			w.write("(chú thích trống)")
		}
	}
}
