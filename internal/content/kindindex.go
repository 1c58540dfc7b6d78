package content

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/viet"
)

// sortSection orders a section's pages. Sections of articles are newest
// first; the kinds have the order their readers look for:
//
//   - van-ban: by ngay_ban_hanh, newest first (a document dated only by
//     its month counts as issued at the end of that month, the latest it
//     can be);
//   - hoi-dap: by ngay_tra_loi, newest first;
//   - thu-tuc: by linh_vuc, then title, in Vietnamese alphabetical order;
//   - su-kien: events still to come (thoi_gian at or after now), soonest
//     first, then past events, most recent first.
//
// The source path breaks every tie. Site.Pages keeps date order for the
// feeds and search.
func sortSection(sec *Section, now time.Time) {
	ps := sec.Pages
	sortPages(ps) // newest first, then by source: the base order
	switch sec.Name {
	case SectionDocuments:
		slices.SortStableFunc(ps, func(a, b *Page) int { return issuedKey(b).Compare(issuedKey(a)) })
	case SectionQA:
		slices.SortStableFunc(ps, func(a, b *Page) int { return answeredKey(b).Compare(answeredKey(a)) })
	case SectionProcedures:
		c := viet.NewCollator()
		slices.SortStableFunc(ps, func(a, b *Page) int {
			return cmp.Or(c.Compare(procField(a), procField(b)), c.Compare(a.Title, b.Title), cmp.Compare(a.Source, b.Source))
		})
	case SectionEvents:
		slices.SortStableFunc(ps, func(a, b *Page) int { return compareEvents(a, b, now) })
	}
}

func procField(p *Page) string {
	if p.Proc == nil {
		return ""
	}
	return p.Proc.Field
}

func issuedKey(p *Page) time.Time {
	if p.Doc == nil {
		return p.Date
	}
	if p.Doc.IssuedMonthOnly != "" {
		return p.Doc.Issued.AddDate(0, 1, 0).Add(-time.Nanosecond)
	}
	return p.Doc.Issued
}

func answeredKey(p *Page) time.Time {
	if p.QA == nil {
		return p.Date
	}
	return p.QA.Answered
}

// Upcoming reports whether the event starts at or after now.
func (e *Event) Upcoming(now time.Time) bool { return !e.Start.Before(now) }

func compareEvents(a, b *Page, now time.Time) int {
	sa, sb := eventStart(a), eventStart(b)
	ua, ub := !sa.Before(now), !sb.Before(now)
	switch {
	case ua && !ub:
		return -1
	case !ua && ub:
		return 1
	case ua:
		return sa.Compare(sb) // soonest first
	}
	return sb.Compare(sa) // most recent first
}

func eventStart(p *Page) time.Time {
	if p.Event == nil {
		return p.Date
	}
	return p.Event.Start
}

// resolveAttachments checks that every file a published document lists
// in dinh_kem is a file of the site, and gives each its URL and size. A
// page read from the parse cache shares its Document with the cache, so
// the resolved one is a copy.
func resolveAttachments(site *Site, all []FoundFile, ds *diag.List) {
	bySource := make(map[string]File, len(site.Files))
	for _, f := range site.Files {
		bySource[f.Source] = f
	}
	var exists map[string]bool // every file under content/, built when needed
	for _, p := range site.Pages {
		if p.Doc == nil || len(p.Doc.Attachments) == 0 {
			continue
		}
		doc := *p.Doc
		doc.Attachments = make([]Attachment, 0, len(p.Doc.Attachments))
		for i, a := range p.Doc.Attachments {
			at := diag.Position{File: p.Source, Line: p.Lines[fmt.Sprintf("dinh_kem#%d", i+1)]}
			f, ok := bySource[a.Source]
			if !ok {
				if exists == nil {
					exists = map[string]bool{}
					for _, s := range all {
						exists[ContentDir+"/"+s.Rel] = true
					}
				}
				missingAttachment(p, a, at, exists, ds)
				continue
			}
			a.URL, a.Size = f.URL, f.Size
			doc.Attachments = append(doc.Attachments, a)
		}
		p.Doc = &doc
	}
}

// missingAttachment reports a file dinh_kem names that is not published,
// with the closest file of that folder when it is a slip of the pen (a
// name differing only in case works on Windows but not on the server).
func missingAttachment(p *Page, a Attachment, at diag.Position, exists map[string]bool, ds *diag.List) {
	rel := strings.TrimPrefix(a.Source, ContentDir+"/")
	if exists[a.Source] {
		ds.Errorf(at, "đăng trang chứa tệp đó trước, hoặc chép tệp vào thư mục của văn bản",
			"tệp đính kèm %s thuộc một trang chưa đăng (bản nháp hoặc hẹn giờ)", rel)
		return
	}
	dir := path.Dir(a.Source)
	var names []string
	for s := range exists {
		if path.Dir(s) == dir && !IsPageFile(s) {
			names = append(names, path.Base(s))
		}
	}
	slices.Sort(names)
	base := path.Base(a.Source)
	hint := fmt.Sprintf("đặt tệp %s vào thư mục %s, hoặc sửa tên tệp trong `dinh_kem`", base, dir+"/")
	for _, n := range names {
		if strings.EqualFold(n, base) {
			hint = fmt.Sprintf("tên tệp phân biệt chữ hoa, chữ thường: có phải ý bạn là `%s`?", n)
			break
		}
	}
	if !strings.HasPrefix(hint, "tên") {
		if s := viet.Nearest(base, names); s != "" {
			hint = fmt.Sprintf("có phải ý bạn là `%s`?", s)
		}
	}
	ds.Errorf(at, hint, "không tìm thấy tệp đính kèm %s", rel)
}

// checkDuplicateNumbers reports two published documents with the same
// number and symbol from the same issuer in the same year. Numbers start
// again from 01 each year (Nghị định 30/2020/NĐ-CP, Điều 8), and the
// same symbol is used by every commune, so only all three together name
// one document.
func checkDuplicateNumbers(site *Site, ds *diag.List) {
	seen := map[string]*Page{}
	for _, p := range slices.SortedFunc(slices.Values(site.Pages), bySource) {
		if p.Doc == nil || !p.Doc.Numbered() || p.Doc.Issued.IsZero() {
			continue
		}
		k := viet.Fold(p.Doc.Number) + "\x00" + viet.Fold(p.Doc.Issuer) + "\x00" + fmt.Sprint(p.Doc.Issued.Year())
		if first, dup := seen[k]; dup {
			ds.Errorf(diag.Position{File: p.Source, Line: p.Lines["so_ky_hieu"]}, "mỗi văn bản đăng một lần; xóa trang trùng hoặc sửa lại số, ký hiệu",
				"văn bản số %s của %s năm %d đã có ở %s", p.Doc.Number, p.Doc.Issuer, p.Doc.Issued.Year(), first.Source)
			continue
		}
		seen[k] = p
	}
}
