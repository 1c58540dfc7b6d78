package wordmd

import (
	"slices"
	"strings"

	"github.com/cchc-vn/cchc/internal/docx"
)

// maxTableColumns is the widest table the site's Markdown renders
// (internal/markdown refuses wider ones).
const maxTableColumns = 64

// table writes a Word table as a GFM table, its first row the header. A
// table of one column is a frame around text and is written as its
// paragraphs; one wider than the site renders is written as lines.
func (w *body) table(t *docx.Table) {
	switch {
	case t.Cols == 1:
		first, line := len(w.notes), w.line
		if w.b.Len() > 0 {
			line += 2 // after the blank line before the first paragraph
		}
		for _, r := range t.Rows {
			for _, c := range r.Cells {
				w.blocks(c.Blocks)
			}
		}
		w.notes = slices.Insert(w.notes, first, lineNote{line: line, what: "bảng một cột (khung chữ) được chép thành các đoạn văn"})
		return
	case t.Cols > maxTableColumns:
		for i, r := range t.Rows {
			first := len(w.notes)
			text := strings.Join(w.rowTexts(r), "; ")
			w.startBlock(false)
			w.moveNotes(first)
			if i == 0 {
				w.note("bảng có hơn 64 cột, trang không hiện được: mỗi hàng được chép thành một đoạn, các ô cách nhau bằng dấu «;»",
					"chia bảng thành nhiều bảng nhỏ, hoặc đính kèm bảng dạng tệp (PDF, XLSX)")
			}
			w.write(text)
		}
		return
	}
	first := len(w.notes)
	grid, merged := w.grid(t)
	if isEmptyGrid(grid) {
		return
	}
	w.startBlock(false)
	w.moveNotes(first) // the cells' notes were taken before the table's line was known
	if merged {
		w.note("bảng có ô gộp: nội dung ô gộp được lặp lại ở mỗi ô nó phủ (hàng tiêu đề, ô gộp dọc), hàng gộp cả bảng chỉ ghi ở ô đầu", "kiểm tra lại bảng")
	}
	for i, row := range grid {
		w.write("| " + strings.Join(row, " | ") + " |")
		if i == 0 {
			w.write("\n|" + strings.Repeat(" --- |", len(row)))
		}
		if i < len(grid)-1 {
			w.write("\n")
		}
	}
}

// grid lays the cells on Word's grid: a cell spanning columns fills them
// all in the header row and in ordinary rows, but only its first in a row
// it spans whole (a section label); a cell merged with the one above
// repeats its text, so each row reads on its own.
func (w *body) grid(t *docx.Table) ([][]string, bool) {
	var out [][]string
	merged := false
	for ri, r := range t.Rows {
		row := make([]string, t.Cols)
		col := 0
		for _, c := range r.Cells {
			text := w.cellText(c)
			if c.Continue && ri > 0 && col < t.Cols {
				text = out[ri-1][col]
				merged = true
			}
			for k := 0; k < c.Span && col < t.Cols; k++ {
				if k == 0 || ri == 0 || c.Span < t.Cols {
					row[col] = text
				}
				col++
			}
			if c.Span > 1 {
				merged = true
			}
		}
		out = append(out, row)
	}
	return out, merged
}

func isEmptyGrid(grid [][]string) bool {
	for _, r := range grid {
		for _, c := range r {
			if c != "" {
				return false
			}
		}
	}
	return true
}

// cellText writes a cell on one line: its paragraphs joined by a space
// when the first ends a sentence, else by "; "; a table inside it as its
// rows, each its cells joined by ", ", the rows by "; ".
func (w *body) cellText(c docx.Cell) string {
	var parts []string
	for _, b := range c.Blocks {
		switch b := b.(type) {
		case *docx.Paragraph:
			if strings.TrimSpace(b.Text()) == "" && !b.HasObject() {
				continue
			}
			label := ""
			if b.List != nil && !b.List.Bullet {
				label = b.List.Label + " "
			}
			parts = append(parts, w.render(b, b.Segments, label, inCell))
		case *docx.Table:
			w.note("bảng nằm trong ô của bảng khác được viết thành chữ trong ô đó (các ô cách nhau bằng «,», các hàng bằng «;»)", "kiểm tra lại ô đó")
			var rows []string
			for _, r := range b.Rows {
				if s := strings.Join(nonEmpty(w.rowTexts(r)), ", "); s != "" {
					rows = append(rows, s)
				}
			}
			parts = append(parts, strings.Join(rows, "; "))
		}
	}
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			if strings.ContainsAny(parts[i-1][len(parts[i-1])-1:], ".;:!?,") {
				b.WriteString(" ")
			} else {
				b.WriteString("; ")
			}
		}
		b.WriteString(p)
	}
	return b.String()
}

func (w *body) rowTexts(r docx.Row) []string {
	var out []string
	for _, c := range r.Cells {
		out = append(out, w.cellText(c))
	}
	return out
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// flatten lists the paragraphs of blocks, a table's cells as paragraphs:
// a footnote holds no table in Markdown.
func flatten(blocks []docx.Block) []*docx.Paragraph {
	var out []*docx.Paragraph
	for _, b := range blocks {
		switch b := b.(type) {
		case *docx.Paragraph:
			out = append(out, b)
		case *docx.Table:
			for _, r := range b.Rows {
				for _, c := range r.Cells {
					out = append(out, flatten(c.Blocks)...)
				}
			}
		}
	}
	return out
}
