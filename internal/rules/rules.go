// Package rules holds the editorial rules: warnings about writing style
// and accessibility that never stop a build (a title too long for a share
// card, a missing summary, mixed tone placement, link text such as "tại
// đây", images without a description, contact details left blank). They
// read only the loaded site and its config, never the disk, so that every
// client runs the same rules over what it already has: `cchc check` after
// its build, the preview server after each rebuild, the writing desk over
// the page being written.
package rules

import (
	"fmt"
	"maps"
	"slices"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
)

// MaxTitleRunes is the longest title that share cards (Facebook, Zalo)
// and search results show without cutting it.
const MaxTitleRunes = 70

// Check returns every editorial warning of the site, sorted: those of
// Editorial and of BlankContact. cfg may be nil (site.yaml unreadable).
func Check(cfg *config.Config, site *content.Site) diag.List {
	if site == nil {
		return nil
	}
	ds := Editorial(site)
	ds.Add(BlankContact(cfg, site)...)
	ds.Sort()
	return ds
}

// Editorial returns the warnings about the pages' writing, sorted. It
// looks at every page the loader read, drafts and future pages included,
// so an editor gets them while still writing. It only reads site.
func Editorial(site *content.Site) diag.List {
	var ds diag.List
	for _, p := range pagesOf(site) {
		ds.Add(Page(p)...)
	}
	ds.Sort()
	return ds
}

// Page returns the warnings about one page's writing: a title too long
// for a share card, a missing summary, old and new tone placement mixed
// in one file, link text such as "tại đây", and images without a
// description; in that order, not sorted.
func Page(p *content.Page) diag.List {
	var ds diag.List
	ds.Add(titleTooLong(p)...)
	ds.Add(missingSummary(p)...)
	ds.Add(mixedTone(p)...)
	ds.Add(vagueLinks(p)...)
	ds.Add(missingAlt(p)...)
	return ds
}

// pagesOf lists every Markdown page of the site once, in source order.
func pagesOf(site *content.Site) []*content.Page {
	seen := map[string]*content.Page{}
	add := func(p *content.Page) {
		if p != nil {
			seen[p.Source] = p
		}
	}
	add(site.Home)
	for _, s := range site.Sections {
		add(s.Intro)
	}
	for _, p := range site.Pages {
		add(p)
	}
	for _, p := range site.Unpublished {
		add(p)
	}
	out := make([]*content.Page, 0, len(seen))
	for _, k := range slices.Sorted(maps.Keys(seen)) {
		out = append(out, seen[k])
	}
	return out
}

// titleTooLong warns when an article's or a page's title would be cut on
// a share card.
func titleTooLong(p *content.Page) diag.List {
	// A question's title is the citizen's question, copied as asked.
	if p.Role != content.RoleArticle && p.Role != content.RolePage || p.QA != nil {
		return nil
	}
	n := utf8.RuneCountInString(p.Title)
	if n <= MaxTitleRunes {
		return nil
	}
	var ds diag.List
	ds.Warnf(diag.Position{File: p.Source, Line: p.Lines["title"]},
		fmt.Sprintf("rút gọn tiêu đề còn tối đa %d ký tự; ý phụ đưa vào `summary` (tóm tắt)", MaxTitleRunes),
		"`title` (tiêu đề) dài %d ký tự, quá %d ký tự nên bị cắt khi chia sẻ lên mạng xã hội", n, MaxTitleRunes)
	return ds
}

// missingSummary warns about an article without a written summary: the
// build then takes the start of the first paragraph, which rarely reads
// as a summary.
func missingSummary(p *content.Page) diag.List {
	// No key read at all: the front matter is broken, and the loader has
	// already said so; a missing summary is not news then.
	if p.Role != content.RoleArticle || len(p.Lines) == 0 {
		return nil
	}
	// The kinds' lists and cards show their typed fields (number and
	// abstract, question, field and level, time and place), not a summary.
	if p.Doc != nil || p.QA != nil || p.Proc != nil || p.Event != nil {
		return nil
	}
	var ds diag.List
	line, written := p.Lines["summary"]
	switch {
	case !written:
		ds.Warnf(diag.Position{File: p.Source, Line: 1},
			"thêm dòng `summary: \"…\"` nêu ý chính của bài trong một, hai câu (hiện ở danh sách bài, kết quả tìm kiếm và khi chia sẻ)",
			"bài chưa có `summary` (tóm tắt): đoạn đầu tiên của bài sẽ được dùng làm tóm tắt")
	case p.Summary == "" || p.SummaryFromBody:
		ds.Warnf(diag.Position{File: p.Source, Line: line},
			"viết sau `summary:` một, hai câu nêu ý chính của bài (hiện ở danh sách bài, kết quả tìm kiếm và khi chia sẻ)",
			"`summary` (tóm tắt) đang để trống: đoạn đầu tiên của bài sẽ được dùng làm tóm tắt")
	}
	return ds
}
