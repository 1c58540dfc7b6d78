package content

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/viet"
)

// maxScheduledNotes is how many articles held back for their date are
// named one by one; beyond it, one note counts them.
const maxScheduledNotes = 5

// noteScheduled tells about the articles left out because their date has
// not come: an editor who types next year by mistake, or schedules an
// article, otherwise sees it missing without a word. Notes are not
// warnings: scheduling is no mistake.
func noteScheduled(pages []*Page, ds *diag.List) {
	slices.SortFunc(pages, func(a, b *Page) int { return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Source, b.Source)) })
	const hint = "bài tự lên trang ở lần dựng đầu tiên sau thời điểm đó (nên đặt lịch dựng lại hằng ngày); muốn đăng ngay thì sửa `%s`"
	if len(pages) > maxScheduledNotes {
		first := pages[0]
		ds.Notef(diag.Position{File: ContentDir + "/"}, fmt.Sprintf(hint, "date"),
			"%d bài hẹn ngày đăng chưa lên trang lần dựng này; bài sớm nhất, %s, sẽ đăng từ %s", len(pages), first.Source, when(first.Date))
		return
	}
	for _, p := range pages {
		key, line := dateKey(p)
		ds.Notef(diag.Position{File: p.Source, Line: line}, fmt.Sprintf(hint, key),
			"bài hẹn ngày đăng: sẽ đăng từ %s, lần dựng này chưa đưa lên trang", when(p.Date))
	}
}

// dateKey is the key a page's date comes from, and its line: `date`,
// else the answer's or the document's date of a kind's page.
func dateKey(p *Page) (string, int) {
	for _, k := range []string{"date", "ngay_tra_loi", "ngay_ban_hanh", "thoi_gian"} {
		if l, ok := p.Lines[k]; ok {
			return k, l
		}
	}
	return "date", 0
}

// when writes a publication time the way editors type it: the date, and
// the hour when it is not midnight, in Vietnam's time.
func when(t time.Time) string {
	t = t.In(viet.Location())
	if t.Hour() == 0 && t.Minute() == 0 {
		return "ngày " + t.Format("02/01/2006")
	}
	return t.Format("15:04 ngày 02/01/2006")
}
