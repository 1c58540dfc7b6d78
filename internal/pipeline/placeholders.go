package pipeline

import (
	"bytes"
	"slices"

	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/scaffold"
)

// leftPlaceholders warns about a published page whose body still holds a
// sentence of the skeleton `cchc new` wrote for the editor to replace
// ("Viết nội dung ở đây."): the draft line was removed before the text
// was written. Drafts are not warned: they are still being written.
func leftPlaceholders(site *content.Site) diag.List {
	var ds diag.List
	placeholders := scaffold.Placeholders()
	for _, p := range site.Pages {
		if p.Draft || !slices.ContainsFunc(placeholders, func(ph string) bool { return bytes.Contains(p.Body, []byte(ph)) }) {
			continue // most pages: no line to split
		}
		for i, line := range bytes.Split(p.Body, []byte("\n")) {
			for _, ph := range placeholders {
				at := bytes.Index(line, []byte(ph))
				if at < 0 {
					continue
				}
				shown := []rune(ph)
				if len(shown) > 40 {
					shown = append(shown[:40], '…')
				}
				ds.Warnf(diag.Position{File: p.Source, Line: p.BodyLine + i, Col: utf8.RuneCount(line[:at]) + 1},
					"thay câu này bằng nội dung của bài, hoặc xóa nó",
					"bài đã đăng còn câu mẫu của `cchc new`: %q", string(shown))
				break
			}
		}
	}
	return ds
}
