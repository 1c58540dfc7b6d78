package rules

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/viet"
)

// vagueLinkTexts are link texts that say nothing out of context: a screen
// reader's list of links reads "tại đây, tại đây, xem thêm" (WCAG 2.4.4).
// Keys are folded (viet.Fold), so "Tại Đây" and "tai day" match too.
var vagueLinkTexts = map[string]bool{
	"tai day": true, "o day": true, "day": true, "bam vao day": true, "nhan vao day": true,
	"click vao day": true, "xem tai day": true, "xem them": true, "chi tiet": true,
	"xem chi tiet": true, "link": true, "lien ket": true, "click here": true, "here": true,
}

// maxVagueRunes is the length of the longest of vagueLinkTexts: a longer
// text is not one of them, and need not be folded.
const maxVagueRunes = 13

// inlineLinkRE finds [text](destination) links in Markdown source. It is
// deliberately simple: nested brackets and reference links are rare in
// editors' text, and this is a style warning, not a parser.
var inlineLinkRE = regexp.MustCompile(`\[([^\[\]\n]{1,80})\]\([^()\n]*\)`)

// vagueLinks warns about links whose text names no destination, at the
// link's line and column in the file.
func vagueLinks(p *content.Page) diag.List {
	var ds diag.List
	lines := bytes.Split(p.Body, []byte("\n"))
	for i, line := range lines {
		if !bytes.Contains(line, []byte("](")) {
			continue // no link: most lines, and the regexp costs more than this
		}
		for _, m := range inlineLinkRE.FindAllSubmatchIndex(line, -1) {
			if m[0] > 0 && line[m[0]-1] == '!' {
				continue // an image: its text is the alt text
			}
			text := strings.Trim(string(line[m[2]:m[3]]), " *_`")
			if utf8.RuneCountInString(text) > maxVagueRunes || !vagueLinkTexts[viet.Fold(text)] {
				continue
			}
			ds.Warnf(diag.Position{File: p.Source, Line: p.BodyLine + i, Col: utf8.RuneCount(line[:m[0]]) + 1},
				"viết chữ nói rõ trang được mở, ví dụ `[Kế hoạch tuyên truyền CCHC năm 2026](…)` hoặc `xem [thủ tục đăng ký khai sinh](…)`",
				"liên kết chỉ ghi %q: người dùng trình đọc màn hình nghe danh sách liên kết sẽ không biết liên kết dẫn đến đâu", text)
		}
	}
	return ds
}
