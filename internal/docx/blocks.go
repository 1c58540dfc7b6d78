package docx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cchc-vn/cchc/internal/ooxml"
)

// blocks reads the block content of a body, a cell, a note or a text box.
func (rd *reader) blocks(parent *ooxml.Node) ([]Block, error) {
	var out []Block
	for _, k := range parent.Kids {
		switch {
		case k.IsW("p"):
			p, extra, err := rd.paragraph(k)
			if err != nil {
				return nil, err
			}
			if p != nil {
				out = append(out, p)
			}
			out = append(out, extra...)
		case k.IsW("tbl"):
			t, err := rd.table(k)
			if err != nil {
				return nil, err
			}
			if t != nil {
				out = append(out, t)
			}
		case k.IsW("sdt"):
			if isTOCBlock(k) {
				rd.count.tocs += len(k.Child("sdtContent").All("p"))
				continue
			}
			inner, err := rd.blocks(k.Child("sdtContent"))
			if err != nil {
				return nil, err
			}
			out = append(out, inner...)
		case k.IsW("customXml"), k.Local == "AlternateContent":
			inner, err := rd.blocks(alternate(k))
			if err != nil {
				return nil, err
			}
			out = append(out, inner...)
		case k.IsW("altChunk"):
			rd.count.altChunks++
		}
	}
	return out, nil
}

// alternate picks the branch of mc:AlternateContent to read: the first
// Choice (the modern form), else the Fallback. Other containers are
// their own content.
func alternate(n *ooxml.Node) *ooxml.Node {
	if n.Local != "AlternateContent" {
		return n
	}
	if c := n.Child("Choice"); c != nil {
		return c
	}
	return n.Child("Fallback")
}

// isTOCBlock reports Word's table of contents content control.
func isTOCBlock(sdt *ooxml.Node) bool {
	g := sdt.Child("sdtPr").Find("docPartGallery")
	return g != nil && strings.HasPrefix(g.Attr("val"), "Table of Contents")
}

// paragraph reads a w:p. It returns nil for a paragraph that belongs to a
// table of contents, and the paragraphs of its text boxes as extra.
func (rd *reader) paragraph(p *ooxml.Node) (*Paragraph, []Block, error) {
	ppr := p.Child("pPr")
	st := rd.styles.Paragraph(ppr)
	para := &Paragraph{Heading: st.Heading, Title: st.Title, Subtitle: st.Subtitle, Align: ppr.Val("jc")}
	wasTOC := rd.inTOC
	in := inline{rd: rd, para: para, base: st.Run}
	if err := in.walk(p); err != nil {
		return nil, nil, err
	}
	if st.TOC || wasTOC || rd.inTOC {
		rd.count.tocs++
		return nil, in.floats, nil
	}
	if item, ok := rd.num.Count(ppr, st); ok && len(para.Segments) > 0 {
		para.List = &item
	}
	para.Segments = mergeSegments(para.Segments)
	rd.fixMojibake(para)
	return para, in.floats, nil
}

// mergeSegments joins neighbouring text with the same formatting, which
// Word splits into runs for its own reasons (spell check, revisions).
func mergeSegments(segs []Segment) []Segment {
	var out []Segment
	for _, s := range segs {
		if s.Text == "" && !s.Break && s.Image == nil && s.Footnote == 0 {
			continue
		}
		if n := len(out); n > 0 && s.Image == nil && s.Footnote == 0 && !s.Break {
			last := &out[n-1]
			if last.Image == nil && last.Footnote == 0 && !last.Break && sameFormat(*last, s) {
				last.Text += s.Text
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

func sameFormat(a, b Segment) bool {
	return a.Bold == b.Bold && a.Italic == b.Italic && a.Underline == b.Underline && a.Strike == b.Strike &&
		a.Super == b.Super && a.Sub == b.Sub && a.Link == b.Link
}

// table reads a w:tbl: rows of cells with their merges. Tables inside
// tables are read to TableDepth levels; deeper is refused.
func (rd *reader) table(t *ooxml.Node) (*Table, error) {
	rd.tableDepth++
	defer func() { rd.tableDepth-- }()
	if rd.tableDepth > rd.pkg.Lim.TableDepth {
		return nil, ooxml.Refuse("bỏ bớt bảng lồng trong bảng trong Word (chép nội dung ra ngoài) rồi lưu lại",
			"tài liệu có bảng lồng trong bảng sâu hơn %d mức, vượt giới hạn", rd.pkg.Lim.TableDepth)
	}
	tbl := &Table{}
	for _, tr := range containers(t, "tr") {
		row := Row{}
		if h, _ := tr.Child("trPr").Flag("tblHeader"); h {
			row.Header = true
		}
		trPr := tr.Child("trPr")
		if n, _ := strconv.Atoi(trPr.Val("gridBefore")); n > 0 && n < 64 {
			row.Cells = append(row.Cells, Cell{Span: n})
		}
		for _, tc := range containers(tr, "tc") {
			cell, err := rd.cell(tc, &row)
			if err != nil {
				return nil, err
			}
			if cell != nil {
				row.Cells = append(row.Cells, *cell)
			}
		}
		if n, _ := strconv.Atoi(trPr.Val("gridAfter")); n > 0 && n < 64 {
			row.Cells = append(row.Cells, Cell{Span: n})
		}
		width := 0
		for _, c := range row.Cells {
			width += c.Span
		}
		tbl.Cols = max(tbl.Cols, width)
		tbl.Rows = append(tbl.Rows, row)
	}
	if len(tbl.Rows) == 0 {
		return nil, nil
	}
	return tbl, nil
}

// cell reads a w:tc. A legacy horizontal merge (w:hMerge continue) widens
// the cell before it instead.
func (rd *reader) cell(tc *ooxml.Node, row *Row) (*Cell, error) {
	tcPr := tc.Child("tcPr")
	span, _ := strconv.Atoi(tcPr.Val("gridSpan"))
	span = min(max(span, 1), 64)
	if hm := tcPr.Child("hMerge"); hm != nil && hm.Attr("val") != "restart" && len(row.Cells) > 0 {
		row.Cells[len(row.Cells)-1].Span += span
		return nil, nil
	}
	blocks, err := rd.blocks(tc)
	if err != nil {
		return nil, err
	}
	c := &Cell{Blocks: blocks, Span: span}
	if vm := tcPr.Child("vMerge"); vm != nil && vm.Attr("val") != "restart" {
		c.Continue = true
	}
	return c, nil
}

// containers lists the children named local of n, looking through the
// content controls and custom XML that may wrap rows and cells.
func containers(n *ooxml.Node, local string) []*ooxml.Node {
	var out []*ooxml.Node
	for _, k := range n.Kids {
		switch {
		case k.IsW(local):
			out = append(out, k)
		case k.IsW("sdt"):
			out = append(out, containers(k.Child("sdtContent"), local)...)
		case k.IsW("customXml"):
			out = append(out, containers(k, local)...)
		}
	}
	return out
}

// legacyName names the encoding of a legacy font for a note.
func legacyName(font string) string {
	if enc, ok := fontEncodingName(font); ok {
		return enc
	}
	return fmt.Sprintf("của phông %s", font)
}
