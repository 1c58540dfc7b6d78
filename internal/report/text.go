package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/viet"
)

// WriteText writes the report's summary in plain Vietnamese, for the
// terminal: the totals, the units, the plan's items, and what needs
// attention (questions waiting, units short of their target).
func WriteText(w io.Writer, r *Report) error {
	b := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(b, format+"\n", a...) }
	p("BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH")
	var who []string
	for _, s := range []string{r.Organization, r.Province} {
		if s != "" {
			who = append(who, s)
		}
	}
	if len(who) > 0 {
		p("%s", strings.Join(who, ", "))
	}
	if strings.HasPrefix(r.Period.Label, "Từ ") { // the label holds its dates
		p("Kỳ báo cáo: %s", r.Period.Label)
	} else {
		p("Kỳ báo cáo: %s (%s – %s)", r.Period.Label, viet.ShortDate(r.Period.From), viet.ShortDate(r.Period.To))
	}
	for _, n := range r.notes() {
		p("%s", n)
	}
	p("")
	switch n := r.UnitsWithName(); {
	case n > 0:
		p("Tin, bài đã đăng: %d, của %d đơn vị", r.Articles, n)
	case r.Articles > 0:
		p("Tin, bài đã đăng: %d, không bài nào ghi đơn vị (`unit`)", r.Articles)
	default:
		p("Tin, bài đã đăng: 0")
	}
	for _, u := range r.Units {
		name := u.Name
		if name == "" {
			name = noUnit
		}
		p("  %s %5d", pad(name, 44), u.Articles)
	}
	if r.Articles > 0 {
		p("Theo nội dung của kế hoạch (mục IV.1):")
		for _, it := range r.Plan {
			p("  %s %5d", pad(it.Item.ID+" "+viet.Cut(it.Item.Name, 38), 44), it.Articles)
		}
		p("  %s %5d", pad("Ngoài các mục của kế hoạch", 44), r.Unplanned)
	}
	r.writeQuestions(p)
	p("Văn bản đăng tải: %d%s", len(r.Documents), r.documentLevelsText())
	p("Sự kiện đã tổ chức: %d", len(r.Events))
	pr := r.Procedures.Total
	if pr.Total > 0 {
		p("Thủ tục hành chính công khai: %d (toàn trình %d, một phần %d, trực tiếp %d), trực tuyến %s%%",
			pr.Total, pr.ByLevel[0], pr.ByLevel[1], pr.ByLevel[2], number(100*pr.Online(), 1))
	} else {
		p("Thủ tục hành chính công khai: 0")
	}
	r.writeTargets(p)
	return b.Flush()
}

func (r *Report) writeQuestions(p func(string, ...any)) {
	q := r.Questions
	p("Dân hỏi – Cơ quan chức năng trả lời: nhận %d, trả lời %d, chưa trả lời %d", q.Received, q.Answered, q.Waiting)
	if q.Answered > 0 {
		p("  Thời gian trả lời: trung vị %s ngày, lâu nhất %d ngày", number(q.MedianDays, 1), q.MaxDays)
	}
	for _, row := range q.Rows {
		if !row.Answered {
			p("  Chưa trả lời: %q (hỏi ngày %s, đã %d ngày)", viet.Cut(row.Page.QA.Question, 80), viet.ShortDate(row.Page.QA.Asked), row.Days)
		}
	}
}

// documentLevelsText is " (Trung ương 1, Tỉnh 2)", or "" without documents.
func (r *Report) documentLevelsText() string {
	if len(r.Documents) == 0 {
		return ""
	}
	n := make([]int, len(documentLevels()))
	for _, c := range r.DocumentTypes() {
		for i, k := range c.ByLevel {
			n[i] += k
		}
	}
	var parts []string
	for i, l := range documentLevels() {
		if n[i] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", l, n[i]))
		}
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

func (r *Report) writeTargets(p func(string, ...any)) {
	if len(r.Targets) == 0 {
		return
	}
	p("Chỉ tiêu: %d/%d đơn vị đạt", len(r.Targets)-r.TargetsMissed(), len(r.Targets))
	for _, t := range r.Targets {
		if !t.Met() {
			p("  %s: đã đăng %d/%d bài — còn thiếu %d", t.Unit, t.Articles, t.Expected, t.Shortfall)
		}
	}
}

// pad fills s with spaces to width runes.
func pad(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}
