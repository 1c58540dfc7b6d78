package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/cchc-vn/cchc/internal/viet"
)

// noUnit names the articles that give no `unit`.
const noUnit = "(không ghi đơn vị)"

// Tables lays the report out as its views, the summary first. made, when
// not zero, is written as the moment the report was made: left out by
// default so that the same content gives the same file.
func (r *Report) Tables(made time.Time) []Table {
	return []Table{
		r.summaryTable(made, true),
		r.unitTable(),
		r.monthTable(),
		r.sectionTable(),
		r.planTable(),
		r.questionTable(),
		r.documentTypeTable(),
		r.documentTable(),
		r.eventTable(),
		r.procedureTable(),
		r.targetTable(),
	}
}

// PublicTables are the views a site publishes at /thong-ke/ when
// site.yaml asks (report.public): the units' targets, a matter between
// the commune's offices, and the lists that the column's own pages
// already show stay out.
func (r *Report) PublicTables() []Table {
	return []Table{
		r.summaryTable(time.Time{}, false),
		r.monthTable(),
		r.sectionTable(),
		r.planTable(),
		r.unitTable(),
		r.documentTypeTable(),
		r.procedureTable(),
	}
}

// UnitsWithName counts the units named by the period's articles.
func (r *Report) UnitsWithName() int {
	n := 0
	for _, u := range r.Units {
		if u.Name != "" {
			n++
		}
	}
	return n
}

// TargetsMissed counts the units short of their target.
func (r *Report) TargetsMissed() int {
	n := 0
	for _, t := range r.Targets {
		if !t.Met() {
			n++
		}
	}
	return n
}

// Notes on the whole report: an empty period, a period still running.
func (r *Report) notes() []string {
	var out []string
	if r.Empty() {
		out = append(out, "Kỳ báo cáo không có tin, bài, câu hỏi, văn bản hay sự kiện nào được đăng.")
	}
	if r.Ongoing {
		out = append(out, fmt.Sprintf("Kỳ báo cáo chưa kết thúc: số liệu tính đến hết ngày %s.", viet.ShortDate(r.AsOf)))
	}
	return out
}

func (r *Report) summaryTable(made time.Time, targets bool) Table {
	t := Table{Sheet: "Tổng hợp", Title: "Tổng hợp kết quả tuyên truyền cải cách hành chính", Headers: []string{"Nội dung", "Số liệu"}}
	t.add(text("Cơ quan"), text(r.Organization))
	if r.Province != "" {
		t.add(text("Tỉnh"), text(r.Province))
	}
	t.add(text("Kỳ báo cáo"), text(r.Period.Label))
	t.add(text("Từ ngày"), date(r.Period.From))
	t.add(text("Đến ngày"), date(r.Period.To))
	t.add(text("Số liệu tính đến ngày"), date(r.AsOf))
	t.add(text("Tin, bài đã đăng"), count(r.Articles))
	t.add(text("Đơn vị có tin, bài"), count(r.UnitsWithName()))
	q := r.Questions
	t.add(text("Câu hỏi của người dân nhận được"), count(q.Received))
	t.add(text("Câu hỏi đã trả lời"), count(q.Answered))
	t.flagged(q.Waiting > 0, text("Câu hỏi chưa trả lời"), count(q.Waiting))
	t.add(text("Số ngày trả lời (trung vị)"), decimal(q.MedianDays))
	t.add(text("Số ngày trả lời (lâu nhất)"), count(q.MaxDays))
	t.add(text("Văn bản đăng tải"), count(len(r.Documents)))
	t.add(text("Sự kiện đã tổ chức"), count(len(r.Events)))
	t.add(text("Thủ tục hành chính công khai"), count(r.Procedures.Total.Total))
	t.add(text("Tỷ lệ thủ tục trực tuyến (toàn trình, một phần)"), percent(r.Procedures.Total.Online()))
	if targets {
		t.add(text("Đơn vị có chỉ tiêu"), count(len(r.Targets)))
		t.flagged(r.TargetsMissed() > 0, text("Đơn vị chưa đạt chỉ tiêu"), count(r.TargetsMissed()))
	}
	if !made.IsZero() {
		t.add(text("Lập lúc"), dateTime(made))
	}
	t.Notes = r.notes()
	return t
}

func (r *Report) unitTable() Table {
	t := Table{Sheet: "Theo đơn vị", Title: "Tin, bài theo đơn vị cung cấp",
		Headers: []string{"Đơn vị", "Số tin, bài", "Tỷ lệ", "Cách viết khác đã gộp"}}
	for _, u := range r.Units {
		name := u.Name
		if name == "" {
			name = noUnit
		}
		t.add(text(name), count(u.Articles), share(u.Articles, r.Articles), text(strings.Join(u.Variants, "; ")))
	}
	t.total(text("Tổng cộng"), count(r.Articles), share(r.Articles, r.Articles), text(""))
	t.Notes = append(t.Notes, "Tên đơn vị viết khác nhau về chữ hoa, dấu, khoảng trắng hay dấu gạch được gộp làm một; cột đầu là cách viết nhiều bài dùng nhất.")
	return t
}

func (r *Report) monthTable() Table {
	t := Table{Sheet: "Theo tháng", Title: "Tin, bài theo tháng", Headers: []string{"Tháng", "Tổng số"}}
	for _, s := range r.Sections {
		t.Headers = append(t.Headers, s.Title)
	}
	for _, m := range r.Months {
		cells := []Cell{month(m.Month), count(m.Articles)}
		for _, n := range m.BySection {
			cells = append(cells, count(n))
		}
		t.add(cells...)
	}
	totals := []Cell{text("Tổng cộng"), count(r.Articles)}
	for _, s := range r.Sections {
		totals = append(totals, count(s.Articles))
	}
	t.total(totals...)
	if r.Ongoing {
		t.Notes = append(t.Notes, fmt.Sprintf("Tháng %s tính đến hết ngày %s.", r.AsOf.Format("01/2006"), viet.ShortDate(r.AsOf)))
	}
	return t
}

func (r *Report) sectionTable() Table {
	t := Table{Sheet: "Theo chuyên mục", Title: "Tin, bài theo chuyên mục",
		Headers: []string{"Chuyên mục", "Thư mục", "Số tin, bài", "Tỷ lệ"}}
	for _, s := range r.Sections {
		t.add(text(s.Title), text(s.Name), count(s.Articles), share(s.Articles, r.Articles))
	}
	t.total(text("Tổng cộng"), text(""), count(r.Articles), share(r.Articles, r.Articles))
	return t
}

func (r *Report) planTable() Table {
	t := Table{Sheet: "Theo nội dung KH", Title: "Tin, bài theo nội dung tuyên truyền của kế hoạch (mục IV.1)",
		Headers: []string{"Mục", "Nội dung", "Chủ đề", "Số tin, bài", "Tỷ lệ"}}
	empty := false
	for _, it := range r.Plan {
		topics := strings.Join(it.Topics, "; ")
		if topics == "" {
			topics, empty = "(chưa gắn chủ đề)", true
		}
		t.add(text(it.Item.ID), text(it.Item.Name), text(topics), count(it.Articles), share(it.Articles, r.Articles))
	}
	t.add(text("Khác"), text("Ngoài các mục của kế hoạch"), text(""), count(r.Unplanned), share(r.Unplanned, r.Articles))
	t.Notes = append(t.Notes, "Một tin, bài có chủ đề thuộc nhiều mục được tính ở mỗi mục, nên cộng các mục có thể lớn hơn tổng số tin, bài.")
	if empty {
		t.Hints = append(t.Hints, "Mục chưa gắn chủ đề luôn bằng 0: gắn chủ đề cho mục ở khóa `plan_items` trong site.yaml.")
	}
	return t
}
