package rules

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/viet"
	"github.com/cchc-vn/cchc/internal/wordmd"
)

// imageRE finds ![description](…) in Markdown source; the description may
// hold escaped brackets.
var imageRE = regexp.MustCompile(`!\[((?:[^\[\]\\\n]|\\.){0,500})\]\(`)

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
		for _, m := range imageRE.FindAllSubmatchIndex(line, -1) {
			alt := strings.TrimSpace(string(line[m[2]:m[3]]))
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
