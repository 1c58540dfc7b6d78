// Decoding of questions (hoi-dap), procedures (thu-tuc) and events
// (su-kien); documents are in kinddocument.go.

package pagefields

import (
	"fmt"
	"strings"

	"github.com/cchc-vn/cchc/internal/admindoc"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/matter"
	"github.com/cchc-vn/cchc/internal/viet"
)

// question decodes a page of hoi-dap/; the body is the answer.
func (d *decoder) question(p *content.Page, kf kindFields) {
	q := &content.Question{}
	p.QA = q
	q.Question, _, _ = d.text(kf, "cau_hoi", true)
	q.Asker, _, _ = d.text(kf, "nguoi_hoi", true)
	q.Asked, _, _ = d.when(kf, "ngay_hoi", true)
	q.Answerer, _, _ = d.text(kf, "co_quan_tra_loi", true)
	var f matter.Field
	q.Answered, f, _ = d.when(kf, "ngay_tra_loi", true)
	q.Field, _, _ = d.text(kf, "linh_vuc", false)
	if !q.Asked.IsZero() && !q.Answered.IsZero() && q.Answered.Before(q.Asked) {
		d.ds.Errorf(d.valPos(f.Value), "ngày trả lời phải từ ngày hỏi trở đi; kiểm tra lại hai ngày",
			"`ngay_tra_loi` (ngày trả lời) %s trước `ngay_hoi` (ngày hỏi) %s", viet.ShortDate(q.Answered), viet.ShortDate(q.Asked))
	}
	if p.Title == "" && q.Question != "" {
		p.Title = viet.Cut(q.Question, maxQuestionTitle)
	}
	if _, ok := p.Lines["date"]; !ok {
		p.Date = q.Answered
	}
}

// maxQuestionTitle keeps a long question readable as a title in lists
// and the browser tab; the page shows the whole question.
const maxQuestionTitle = 160

// procedure decodes a page of thu-tuc/. A procedure has no date of its
// own: `date` is optional and the page's Date stays zero without it.
func (d *decoder) procedure(p *content.Page, kf kindFields) {
	pr := &content.Procedure{}
	p.Proc = pr
	if s, f, ok := d.text(kf, "ma_thu_tuc", false); ok {
		if admindoc.ValidProcedureCode(s) {
			pr.Code = s
		} else {
			d.ds.Errorf(d.valPos(f.Value), "mã thủ tục trên Cổng Dịch vụ công quốc gia có dạng `1.001193`; viết trong ngoặc kép, hoặc xóa dòng nếu chưa rõ",
				"`ma_thu_tuc` (mã thủ tục) %q không đúng dạng", s)
		}
	}
	pr.Field, _, _ = d.text(kf, "linh_vuc", true)
	if f, ok := kf["muc_do"]; ok {
		pr.Level, _ = d.enum(f, admindoc.OnlineLevels())
	} else {
		d.missing("muc_do")
	}
	pr.Duration, _, _ = d.text(kf, "thoi_han", true)
	pr.Fee, _, _ = d.text(kf, "le_phi", true)
	if f, ok := kf["ho_so"]; ok {
		for _, v := range d.strList(f) {
			pr.Papers = append(pr.Papers, v.Text)
		}
		if len(f.Value.List) == 0 && f.Value.Kind == matter.List {
			d.ds.Errorf(d.pos(f), fmt.Sprintf("ví dụ: `%s`", kindExample("ho_so")), "`ho_so` (thành phần hồ sơ) cần ít nhất một giấy tờ")
		}
	} else {
		d.missing("ho_so")
	}
	pr.Place, _, _ = d.text(kf, "noi_tiep_nhan", true)
	if s, f, ok := d.text(kf, "link_dvc", false); ok {
		if u, ok := d.webURL(f, s, true); ok {
			pr.OnlineURL = u
		}
	} else if pr.Level == content.LevelFull || pr.Level == content.LevelPartial {
		d.ds.Warnf(diag.Position{File: d.file, Line: p.Lines["muc_do"]}, fmt.Sprintf("thêm dòng `%s` để người dân nộp hồ sơ trực tuyến", kindExample("link_dvc")),
			"thủ tục trực tuyến %s chưa có `link_dvc` (trang thủ tục trên Cổng Dịch vụ công)", strings.ToLower(pr.Level))
	}
}

// event decodes a page of su-kien/. Without `date`, the page's Date is
// the event's start, and the page is published at once (Page.Future).
func (d *decoder) event(p *content.Page, kf kindFields) {
	ev := &content.Event{}
	p.Event = ev
	ev.Start, _, _ = d.when(kf, "thoi_gian", true)
	if f, ok := kf["ket_thuc"]; ok && !blank(f) {
		d.eventEnd(ev, f)
	}
	ev.Place, _, _ = d.text(kf, "dia_diem", true)
	// The organising unit defaults to the commune's organisation.
	if s, _, ok := d.text(kf, "don_vi", d.cfg.Organization == ""); ok {
		ev.Unit = s
	} else {
		ev.Unit = d.cfg.Organization
	}
	if _, ok := p.Lines["date"]; !ok {
		p.Date = ev.Start
	}
}

// eventEnd reads ket_thuc: a date with or without a time, or only a time
// ("11:30") on the day the event starts. A date without a time ends with
// that day, so it may be the start's day.
func (d *decoder) eventEnd(ev *content.Event, f matter.Field) {
	s, ok := d.str(f)
	if !ok {
		return
	}
	dayOnly := !strings.Contains(s, ":")
	if clockOnly(s) && !ev.Start.IsZero() {
		y, m, dd := ev.Start.Date()
		s = fmt.Sprintf("%04d-%02d-%02d %s", y, int(m), dd, s)
		dayOnly = false
	}
	t, err := viet.ParseDate(s)
	if err != nil {
		ev.End = d.date(f)
		return
	}
	ev.End = t
	if ev.Start.IsZero() {
		return
	}
	before := t.Before(ev.Start)
	if dayOnly {
		before = t.AddDate(0, 0, 1).Compare(ev.Start) <= 0
	}
	if before {
		d.ds.Errorf(d.valPos(f.Value), "thời gian kết thúc phải sau thời gian bắt đầu; kiểm tra lại ngày giờ",
			"`ket_thuc` (thời gian kết thúc) %s trước `thoi_gian` (thời gian bắt đầu) %s", viet.DateTime(t), viet.DateTime(ev.Start))
	}
}

// clockOnly reports a time of day without a date: "8:30", "11:30".
func clockOnly(s string) bool {
	h, m, ok := strings.Cut(s, ":")
	if !ok || len(h) < 1 || len(h) > 2 || len(m) != 2 {
		return false
	}
	return strings.Trim(h, "0123456789") == "" && strings.Trim(m, "0123456789") == ""
}
