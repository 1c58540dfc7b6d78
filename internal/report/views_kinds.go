package report

import (
	"fmt"

	"github.com/cchc-vn/cchc/internal/viet"
)

func (r *Report) questionTable() Table {
	t := Table{Sheet: "Hỏi đáp", Title: "Dân hỏi – Cơ quan chức năng trả lời",
		Headers: []string{"Ngày hỏi", "Câu hỏi", "Người hỏi", "Lĩnh vực", "Cơ quan trả lời", "Ngày trả lời", "Số ngày", "Tình trạng"}}
	for _, row := range r.Questions.Rows {
		qa := row.Page.QA
		answered, state := date(qa.Answered), "Đã trả lời"
		if !row.Answered {
			answered, state = text(""), "Chưa trả lời"
		}
		t.flagged(!row.Answered, date(qa.Asked), text(qa.Question), text(qa.Asker), text(qa.Field),
			text(qa.Answerer), answered, count(row.Days), text(state))
	}
	q := r.Questions
	t.Notes = append(t.Notes,
		fmt.Sprintf("Nhận %d câu hỏi, trả lời %d câu hỏi trong kỳ; %d câu hỏi chưa trả lời tính đến hết ngày %s.",
			q.Received, q.Answered, q.Waiting, viet.ShortDate(r.AsOf)),
		"Số ngày: từ ngày hỏi đến ngày trả lời (ngày theo lịch); câu hỏi chưa trả lời tính đến hết kỳ báo cáo.")
	if q.Answered > 0 {
		t.Notes = append(t.Notes, fmt.Sprintf("Thời gian trả lời: trung vị %s ngày, lâu nhất %d ngày.", number(q.MedianDays, 1), q.MaxDays))
	}
	return t
}

func (r *Report) documentTypeTable() Table {
	t := Table{Sheet: "Văn bản", Title: "Văn bản đăng tải theo loại và cấp ban hành",
		Headers: append(append([]string{"Loại văn bản"}, documentLevels()...), "Tổng số")}
	totals := make([]int, len(documentLevels()))
	for _, c := range r.DocumentTypes() {
		cells := []Cell{text(c.Type)}
		for i, n := range c.ByLevel {
			cells = append(cells, count(n))
			totals[i] += n
		}
		t.add(append(cells, count(c.Total))...)
	}
	cells := []Cell{text("Tổng cộng")}
	for _, n := range totals {
		cells = append(cells, count(n))
	}
	t.total(append(cells, count(len(r.Documents)))...)
	return t
}

func (r *Report) documentTable() Table {
	t := Table{Sheet: "Danh sách văn bản", Title: "Danh sách văn bản đăng tải",
		Headers: []string{"Ngày ban hành", "Số, ký hiệu", "Loại văn bản", "Cơ quan ban hành", "Cấp", "Trích yếu"}}
	for _, d := range r.Documents {
		doc := d.Doc
		issued := date(doc.Issued)
		if doc.IssuedMonthOnly != "" {
			issued = text(doc.IssuedMonthOnly)
		}
		t.add(issued, text(doc.Number), text(doc.Type), text(doc.Issuer), text(doc.Level), text(doc.Abstract))
	}
	return t
}

func (r *Report) eventTable() Table {
	t := Table{Sheet: "Sự kiện", Title: "Hội nghị, hội thảo, sự kiện đã tổ chức",
		Headers: []string{"Ngày", "Giờ", "Sự kiện", "Địa điểm", "Đơn vị tổ chức"}}
	for _, e := range r.Events {
		ev := e.Event
		clock := ev.Start.In(viet.Location()).Format("15:04")
		if clock == "00:00" {
			clock = ""
		}
		t.add(date(ev.Start), text(clock), text(e.Title), text(ev.Place), text(ev.Unit))
	}
	return t
}

func (r *Report) procedureTable() Table {
	t := Table{Sheet: "Thủ tục", Title: "Thủ tục hành chính công khai theo mức độ trực tuyến",
		Headers: append(append([]string{"Lĩnh vực"}, procedureLevels()...), "Tổng số", "Tỷ lệ trực tuyến")}
	row := func(f FieldCount) []Cell {
		cells := []Cell{text(f.Field)}
		for _, n := range f.ByLevel {
			cells = append(cells, count(n))
		}
		return append(cells, count(f.Total), percent(f.Online()))
	}
	for _, f := range r.Procedures.Fields {
		t.add(row(f)...)
	}
	total := r.Procedures.Total
	total.Field = "Tổng cộng"
	t.total(row(total)...)
	t.Notes = append(t.Notes, "Thủ tục đang công khai trên chuyên mục; tỷ lệ trực tuyến gồm toàn trình và một phần.")
	t.Hints = append(t.Hints, "Thủ tục không ghi `date` được tính ở mọi kỳ báo cáo.")
	return t
}

func (r *Report) targetTable() Table {
	t := Table{Sheet: "Chỉ tiêu", Title: "Chỉ tiêu tin, bài của các đơn vị",
		Headers: []string{"Đơn vị", "Chỉ tiêu", "Chỉ tiêu trong kỳ", "Đã đăng", "Còn thiếu", "Đánh giá"}}
	for _, row := range r.Targets {
		state := "Đạt"
		if !row.Met() {
			state = "Chưa đạt"
		}
		t.flagged(!row.Met(), text(row.Unit), text(row.Target.String()), count(row.Expected), count(row.Articles),
			count(row.Shortfall), text(state))
	}
	if len(r.Targets) == 0 {
		t.Hints = append(t.Hints, "Chưa có chỉ tiêu: khai báo ở khóa `report: targets:` trong site.yaml.")
		return t
	}
	t.Notes = append(t.Notes, "Chỉ tiêu trong kỳ tính theo số tháng của kỳ báo cáo, làm tròn lên.")
	if r.Ongoing {
		t.Notes = append(t.Notes, fmt.Sprintf("Kỳ báo cáo chưa kết thúc: số đã đăng tính đến hết ngày %s.", viet.ShortDate(r.AsOf)))
	}
	return t
}
