package docx_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/cchc-vn/cchc/internal/docx"
	"github.com/cchc-vn/cchc/internal/docx/docxtest"
)

// read reads a built document with the default limits.
func read(t *testing.T, d *docxtest.Doc) *docx.Document {
	t.Helper()
	doc, err := readBytes(d.Bytes(), docx.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func readBytes(data []byte, lim docx.Limits) (*docx.Document, error) {
	return docx.Read(bytes.NewReader(data), int64(len(data)), lim)
}

// dump writes the model in a compact notation the tests compare exactly:
// one line per paragraph, "P" and its properties in brackets, then the
// segments with <b>, <i>, <u>, <s>, <sup>, <sub>, <a href>, <br>, <img>,
// <fn N>; tables as "T" and one line per row; notes last.
func dump(doc *docx.Document) string {
	var b strings.Builder
	dumpBlocks(&b, doc.Blocks, "")
	for i, f := range doc.Footnotes {
		fmt.Fprintf(&b, "footnote %d:\n", i+1)
		dumpBlocks(&b, f, "  ")
	}
	for _, n := range doc.Notes {
		fmt.Fprintf(&b, "note: %s — %s\n", n.What, n.Fix)
	}
	return b.String()
}

func dumpBlocks(b *strings.Builder, blocks []docx.Block, indent string) {
	for _, bl := range blocks {
		switch bl := bl.(type) {
		case *docx.Paragraph:
			b.WriteString(indent + "P" + paraProps(bl) + " " + dumpSegments(bl.Segments) + "\n")
		case *docx.Table:
			fmt.Fprintf(b, "%sT cols=%d\n", indent, bl.Cols)
			for _, r := range bl.Rows {
				var cells []string
				for _, c := range r.Cells {
					var parts []string
					for _, cb := range c.Blocks {
						switch cb := cb.(type) {
						case *docx.Paragraph:
							parts = append(parts, dumpSegments(cb.Segments))
						case *docx.Table:
							parts = append(parts, fmt.Sprintf("[table %dx%d]", len(cb.Rows), cb.Cols))
						}
					}
					cell := strings.Join(parts, " / ")
					if c.Span > 1 {
						cell = fmt.Sprintf("span%d:%s", c.Span, cell)
					}
					if c.Continue {
						cell = "^" + cell
					}
					cells = append(cells, cell)
				}
				head := ""
				if r.Header {
					head = "H"
				}
				fmt.Fprintf(b, "%s  %s| %s |\n", indent, head, strings.Join(cells, " | "))
			}
		}
	}
}

func paraProps(p *docx.Paragraph) string {
	var props []string
	if p.Heading > 0 {
		props = append(props, fmt.Sprintf("h%d", p.Heading))
	}
	if p.Title {
		props = append(props, "title")
	}
	if p.Subtitle {
		props = append(props, "subtitle")
	}
	if l := p.List; l != nil {
		switch {
		case l.Bullet:
			props = append(props, fmt.Sprintf("bullet@%d", l.Level))
		case l.Simple:
			props = append(props, fmt.Sprintf("%d%c@%d", l.Number, l.Delim, l.Level))
		default:
			props = append(props, fmt.Sprintf("%q@%d", l.Label, l.Level))
		}
	}
	if p.Align != "" {
		props = append(props, p.Align)
	}
	if len(p.Bookmarks) > 0 {
		props = append(props, "#"+strings.Join(p.Bookmarks, ","))
	}
	if len(props) == 0 {
		return ""
	}
	return "[" + strings.Join(props, " ") + "]"
}

func dumpSegments(segs []docx.Segment) string {
	var b strings.Builder
	for _, s := range segs {
		var open, close string
		wrap := func(on bool, tag string) {
			if on {
				open += "<" + tag + ">"
				close = "</" + tag + ">" + close
			}
		}
		wrap(s.Bold, "b")
		wrap(s.Italic, "i")
		wrap(s.Underline, "u")
		wrap(s.Strike, "s")
		wrap(s.Super, "sup")
		wrap(s.Sub, "sub")
		if s.Link != "" {
			open = "<a " + s.Link + ">" + open
			close += "</a>"
		}
		b.WriteString(open)
		switch {
		case s.Break:
			b.WriteString("<br>")
		case s.Image != nil:
			fmt.Fprintf(&b, "<img %s%s %q", s.Image.Part, s.Image.Ext, s.Alt)
			if s.AltAuto {
				b.WriteString(" auto")
			}
			b.WriteString(">")
		case s.Footnote > 0:
			fmt.Fprintf(&b, "<fn %d>", s.Footnote)
		default:
			b.WriteString(strings.ReplaceAll(s.Text, "\t", "→"))
		}
		b.WriteString(close)
	}
	return b.String()
}
