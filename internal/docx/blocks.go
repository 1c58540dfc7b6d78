package docx

import (
	"fmt"
	"strconv"
	"strings"
)

// blocks reads the block content of a body, a cell, a note or a text box.
func (rd *reader) blocks(parent *node) ([]Block, error) {
	var out []Block
	for _, k := range parent.kids {
		switch {
		case k.isW("p"):
			p, extra, err := rd.paragraph(k)
			if err != nil {
				return nil, err
			}
			if p != nil {
				out = append(out, p)
			}
			out = append(out, extra...)
		case k.isW("tbl"):
			t, err := rd.table(k)
			if err != nil {
				return nil, err
			}
			if t != nil {
				out = append(out, t)
			}
		case k.isW("sdt"):
			if isTOCBlock(k) {
				rd.count.tocs += len(k.child("sdtContent").all("p"))
				continue
			}
			inner, err := rd.blocks(k.child("sdtContent"))
			if err != nil {
				return nil, err
			}
			out = append(out, inner...)
		case k.isW("customXml"), k.local == "AlternateContent":
			inner, err := rd.blocks(alternate(k))
			if err != nil {
				return nil, err
			}
			out = append(out, inner...)
		case k.isW("altChunk"):
			rd.count.altChunks++
		}
	}
	return out, nil
}

// alternate picks the branch of mc:AlternateContent to read: the first
// Choice (the modern form), else the Fallback. Other containers are
// their own content.
func alternate(n *node) *node {
	if n.local != "AlternateContent" {
		return n
	}
	if c := n.child("Choice"); c != nil {
		return c
	}
	return n.child("Fallback")
}

// isTOCBlock reports Word's table of contents content control.
func isTOCBlock(sdt *node) bool {
	g := sdt.child("sdtPr").find("docPartGallery")
	return g != nil && strings.HasPrefix(g.attr("val"), "Table of Contents")
}

// paragraph reads a w:p. It returns nil for a paragraph that belongs to a
// table of contents, and the paragraphs of its text boxes as extra.
func (rd *reader) paragraph(p *node) (*Paragraph, []Block, error) {
	ppr := p.child("pPr")
	st := rd.styles.para(ppr.val("pStyle"))
	para := &Paragraph{Align: ppr.val("jc")}
	if st != nil {
		para.Heading = st.headingLevel()
		para.Title = isTitleName(st.name)
		para.Subtitle = isSubtitleName(st.name)
	}
	if o := ppr.child("outlineLvl"); o != nil {
		if v, err := strconv.Atoi(o.attr("val")); err == nil && v >= 0 && v <= 8 {
			para.Heading = v + 1
		} else if err == nil && v == 9 {
			para.Heading = 0
		}
	}
	if para.Title || para.Subtitle {
		para.Heading = 0
	}
	wasTOC := rd.inTOC
	in := inline{rd: rd, para: para, base: rd.styles.defaults}
	if st != nil {
		in.base = in.base.over(st.rpr)
	}
	if err := in.walk(p); err != nil {
		return nil, nil, err
	}
	if st.isTOC() || wasTOC || rd.inTOC {
		rd.count.tocs++
		return nil, in.floats, nil
	}
	rd.numberParagraph(para, ppr, st)
	para.Segments = mergeSegments(para.Segments)
	rd.fixMojibake(para)
	return para, in.floats, nil
}

// numberParagraph counts the paragraph in its list, numbered directly or
// through its style.
func (rd *reader) numberParagraph(para *Paragraph, ppr *node, st *style) {
	numID, ilvl := "", 0
	if st != nil && st.hasNum {
		numID, ilvl = st.numID, st.ilvl
	}
	if np := ppr.child("numPr"); np != nil {
		if id := np.child("numId"); id != nil {
			numID = id.attr("val")
		}
		if l := np.child("ilvl"); l != nil {
			ilvl, _ = strconv.Atoi(l.attr("val"))
		}
	}
	if item, ok := rd.num.next(numID, ilvl); ok && len(para.Segments) > 0 {
		para.List = &item
	}
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
func (rd *reader) table(t *node) (*Table, error) {
	rd.tableDepth++
	defer func() { rd.tableDepth-- }()
	if rd.tableDepth > rd.pkg.lim.TableDepth {
		return nil, refuse("bỏ bớt bảng lồng trong bảng trong Word (chép nội dung ra ngoài) rồi lưu lại",
			"tài liệu có bảng lồng trong bảng sâu hơn %d mức, vượt giới hạn", rd.pkg.lim.TableDepth)
	}
	tbl := &Table{}
	for _, tr := range containers(t, "tr") {
		row := Row{}
		if h, _ := tr.child("trPr").flag("tblHeader"); h {
			row.Header = true
		}
		trPr := tr.child("trPr")
		if n, _ := strconv.Atoi(trPr.val("gridBefore")); n > 0 && n < 64 {
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
		if n, _ := strconv.Atoi(trPr.val("gridAfter")); n > 0 && n < 64 {
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
func (rd *reader) cell(tc *node, row *Row) (*Cell, error) {
	tcPr := tc.child("tcPr")
	span, _ := strconv.Atoi(tcPr.val("gridSpan"))
	span = min(max(span, 1), 64)
	if hm := tcPr.child("hMerge"); hm != nil && hm.attr("val") != "restart" && len(row.Cells) > 0 {
		row.Cells[len(row.Cells)-1].Span += span
		return nil, nil
	}
	blocks, err := rd.blocks(tc)
	if err != nil {
		return nil, err
	}
	c := &Cell{Blocks: blocks, Span: span}
	if vm := tcPr.child("vMerge"); vm != nil && vm.attr("val") != "restart" {
		c.Continue = true
	}
	return c, nil
}

// containers lists the children named local of n, looking through the
// content controls and custom XML that may wrap rows and cells.
func containers(n *node, local string) []*node {
	var out []*node
	for _, k := range n.kids {
		switch {
		case k.isW(local):
			out = append(out, k)
		case k.isW("sdt"):
			out = append(out, containers(k.child("sdtContent"), local)...)
		case k.isW("customXml"):
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
