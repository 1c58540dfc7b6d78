package rules

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/viet"
	"github.com/cchc-vn/cchc/internal/wordmd"
)

// maxAltUnits bounds the description scanned for: longer bracketed
// text is no image description an editor wrote.
const maxAltUnits = 500

// imageAlts finds ![description]( in a line of Markdown source and
// returns, for each, the byte offsets of the "!" and of the description.
// The description may hold escaped characters (\[); a bracket or a
// line end ends it. It is what the regexp
// !\[((?:[^\[\]\\\n]|\\.){0,500})\]\( finds, written out: compiled,
// the bounded repeat was half a megabyte and 6 ms at every start.
func imageAlts(line []byte) [][3]int {
	var found [][3]int
	for i := 0; i+1 < len(line); {
		at := bytes.Index(line[i:], []byte("!["))
		if at < 0 {
			break
		}
		start := i + at
		altEnd, end := scanAlt(line, start+2)
		if end < 0 {
			i = start + 1
			continue
		}
		found = append(found, [3]int{start, start + 2, altEnd})
		i = end
	}
	return found
}

// scanAlt reads a description from line[from:] up to "](", and returns
// where the description ends and where the match does, or −1 when there
// is none.
func scanAlt(line []byte, from int) (altEnd, end int) {
	j := from
	for units := 0; j < len(line); units++ {
		c := line[j]
		if c == ']' {
			if j+1 < len(line) && line[j+1] == '(' {
				return j, j + 2
			}
			return -1, -1
		}
		if c == '[' || c == '\n' || units == maxAltUnits {
			return -1, -1
		}
		n := 1
		if c == '\\' {
			if j+1 >= len(line) || line[j+1] == '\n' {
				return -1, -1
			}
			n++
		}
		_, size := utf8.DecodeRune(line[j+n-1:])
		j += n - 1 + size
	}
	return -1, -1
}

// missingAlt warns about an image of the body with no description, or
// with the placeholder `cchc import` leaves for the editor: a screen
// reader then says nothing, or "cần mô tả ảnh", of what it shows
// (WCAG 1.1.1).
func missingAlt(p *content.Page) diag.List {
	var ds diag.List
	for i, line := range bytes.Split(p.Body, []byte("\n")) {
		if !bytes.Contains(line, []byte("![")) {
			continue
		}
		for _, m := range imageAlts(line) {
			alt := strings.TrimSpace(string(line[m[1]:m[2]]))
			pos := diag.Position{File: p.Source, Line: p.BodyLine + i, Col: utf8.RuneCount(line[:m[0]]) + 1}
			const hint = "viết trong ngoặc vuông một câu tả nội dung ảnh, ví dụ `![Người dân nộp hồ sơ tại quầy một cửa](anh-1.jpg)`"
			switch {
			case alt == "":
				ds.Warnf(pos, hint, "ảnh chưa có mô tả: người dùng trình đọc màn hình không biết ảnh cho thấy gì")
			case strings.HasPrefix(viet.Fold(alt), viet.Fold(wordmd.ImagePlaceholder)):
				ds.Warnf(pos, hint, "ảnh còn mô tả tạm %q (do cchc import ghi khi ảnh trong Word không có mô tả)", alt)
			}
		}
	}
	return ds
}
