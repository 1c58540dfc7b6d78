package check

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
)

// MaxTitleRunes is the longest title that share cards (Facebook, Zalo)
// and search results show without cutting it.
const MaxTitleRunes = 70

// Editorial returns the warnings about writing style that do not stop a
// build: a title too long for a share card, a missing summary, old and
// new tone placement mixed in one file, link text such as "tại đây", and
// images without a description. It looks at every page the loader
// read, drafts and future pages included, so an editor gets them while
// still writing. It only reads site.
func Editorial(site *content.Site) diag.List {
	var ds diag.List
	for _, p := range pagesOf(site) {
		ds.Add(titleTooLong(p)...)
		ds.Add(missingSummary(p)...)
		ds.Add(mixedTone(p)...)
		ds.Add(vagueLinks(p)...)
		ds.Add(missingAlt(p)...)
	}
	ds.Sort()
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
	if p.Kind != content.KindArticle && p.Kind != content.KindPage || p.QA != nil {
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
	if p.Kind != content.KindArticle || len(p.Lines) == 0 {
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

// contactNames say what each contact key shows, for the reminder.
var contactNames = map[string]string{
	"base_url":        "địa chỉ đầy đủ của chuyên mục trên Cổng",
	"contact.address": "địa chỉ",
	"contact.phone":   "số điện thoại",
	"contact.email":   "thư điện tử",
	"contact.website": "trang chủ của Cổng",
	"contact.hours":   "giờ tiếp nhận hồ sơ",
}

// BlankContact reminds of the contact keys site.yaml leaves empty (as
// `cchc init` writes them) once the site publishes an article: the
// footer of every page and the end of every answer then lack them. A
// site still made of drafts is not nagged.
func BlankContact(cfg *config.Config, site *content.Site) diag.List {
	if cfg == nil || site == nil || !slices.ContainsFunc(site.Pages, func(p *content.Page) bool { return p.Kind == content.KindArticle && !p.Draft }) {
		return nil
	}
	var ds diag.List
	for _, b := range cfg.Blank {
		what, ok := contactNames[b.Key]
		if !ok {
			continue
		}
		key := strings.TrimPrefix(b.Key, "contact.")
		if b.Key == "base_url" {
			ds.Warnf(b.Pos, "ghi địa chỉ kết thúc bằng dấu /, ví dụ base_url: \"https://tenxa.tinh.gov.vn/cchc/\"",
				"`base_url` (%s) còn để trống: liên kết trong RSS, sơ đồ trang (sitemap) và khi chia sẻ lên mạng xã hội sẽ thiếu tên miền", what)
			continue
		}
		ds.Warnf(b.Pos, fmt.Sprintf("ghi %s sau `%s:`, hoặc xóa dòng này nếu xã không công bố", what, key),
			"`%s` (%s) còn để trống: chân mọi trang và cuối mỗi câu trả lời sẽ thiếu %s", b.Key, what, what)
	}
	return ds
}
