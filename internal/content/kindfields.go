package content

import (
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/viet"
)

// kindSpec is what the loader knows of one content kind: its own front
// matter keys, the article keys it cannot do without, and how to decode.
type kindSpec struct {
	keys     []string // the kind's own keys, in the order the guide lists them
	required []string // article keys it needs (title, for kinds with no default)
	decode   func(d *decoder, p *Page, kf kindFields)
}

// specOf returns the spec of the kind a section holds, or nil for a
// section of plain articles.
func specOf(section string) *kindSpec {
	switch section {
	case SectionDocuments:
		return &kindSpec{keys: documentKeys(), decode: (*decoder).document}
	case SectionQA:
		return &kindSpec{keys: questionKeys(), decode: (*decoder).question}
	case SectionProcedures:
		return &kindSpec{keys: procedureKeys(), required: []string{"title"}, decode: (*decoder).procedure}
	case SectionEvents:
		return &kindSpec{keys: eventKeys(), required: []string{"title"}, decode: (*decoder).event}
	}
	return nil
}

func documentKeys() []string {
	return []string{"so_ky_hieu", "loai", "co_quan", "cap", "ngay_ban_hanh", "ngay_hieu_luc", "trich_yeu", "dinh_kem", "lien_ket"}
}

func questionKeys() []string {
	return []string{"cau_hoi", "nguoi_hoi", "ngay_hoi", "co_quan_tra_loi", "ngay_tra_loi", "linh_vuc"}
}

func procedureKeys() []string {
	return []string{"ma_thu_tuc", "linh_vuc", "muc_do", "thoi_han", "le_phi", "ho_so", "noi_tiep_nhan", "link_dvc"}
}

func eventKeys() []string {
	return []string{"thoi_gian", "ket_thuc", "dia_diem", "don_vi"}
}

// kindFieldName says in Vietnamese what a kind's key is, for messages.
func kindFieldName(key string) string {
	switch key {
	case "so_ky_hieu":
		return "số, ký hiệu văn bản"
	case "loai":
		return "loại văn bản"
	case "co_quan":
		return "cơ quan ban hành"
	case "cap":
		return "cấp ban hành"
	case "ngay_ban_hanh":
		return "ngày ban hành"
	case "ngay_hieu_luc":
		return "ngày có hiệu lực"
	case "trich_yeu":
		return "trích yếu"
	case "dinh_kem":
		return "tệp đính kèm"
	case "lien_ket":
		return "liên kết toàn văn"
	case "cau_hoi":
		return "câu hỏi"
	case "nguoi_hoi":
		return "người hỏi"
	case "ngay_hoi":
		return "ngày hỏi"
	case "co_quan_tra_loi":
		return "cơ quan trả lời"
	case "ngay_tra_loi":
		return "ngày trả lời"
	case "linh_vuc":
		return "lĩnh vực"
	case "ma_thu_tuc":
		return "mã thủ tục"
	case "muc_do":
		return "mức độ trực tuyến"
	case "thoi_han":
		return "thời hạn giải quyết"
	case "le_phi":
		return "phí, lệ phí"
	case "ho_so":
		return "thành phần hồ sơ"
	case "noi_tiep_nhan":
		return "nơi tiếp nhận"
	case "link_dvc":
		return "trang thủ tục trên Cổng Dịch vụ công"
	case "thoi_gian":
		return "thời gian bắt đầu"
	case "ket_thuc":
		return "thời gian kết thúc"
	case "dia_diem":
		return "địa điểm"
	case "don_vi":
		return "đơn vị tổ chức"
	case "tep":
		return "tên tệp"
	case "ten":
		return "tên hiển thị"
	}
	return ""
}

// kindExample is a line the editor can copy for a kind's key.
func kindExample(key string) string {
	switch key {
	case "so_ky_hieu":
		return `so_ky_hieu: "35/KH-UBND"`
	case "loai":
		return `loai: "Kế hoạch"`
	case "co_quan":
		return `co_quan: "UBND tỉnh Nghệ An"`
	case "cap":
		return `cap: "Tỉnh"`
	case "ngay_ban_hanh":
		return "ngay_ban_hanh: 16/01/2026"
	case "ngay_hieu_luc":
		return "ngay_hieu_luc: 01/03/2026"
	case "trich_yeu":
		return `trich_yeu: "Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2026"`
	case "dinh_kem":
		return "dinh_kem: [ke-hoach.pdf]"
	case "lien_ket":
		return `lien_ket: "https://vanban.chinhphu.vn/…"`
	case "cau_hoi":
		return `cau_hoi: "Làm căn cước cho con dưới 14 tuổi ở đâu?"`
	case "nguoi_hoi":
		return `nguoi_hoi: "Chị Nguyễn Thị H., xóm 3"`
	case "ngay_hoi":
		return "ngay_hoi: 03/11/2026"
	case "co_quan_tra_loi":
		return `co_quan_tra_loi: "Công an xã Diễn Châu"`
	case "ngay_tra_loi":
		return "ngay_tra_loi: 10/11/2026"
	case "linh_vuc":
		return `linh_vuc: "Hộ tịch"`
	case "ma_thu_tuc":
		return `ma_thu_tuc: "1.001193"`
	case "muc_do":
		return `muc_do: "Toàn trình"`
	case "thoi_han":
		return `thoi_han: "Ngay trong ngày làm việc"`
	case "le_phi":
		return `le_phi: "Không thu lệ phí"`
	case "ho_so":
		return `ho_so: ["Tờ khai theo mẫu", "Giấy chứng sinh"]`
	case "noi_tiep_nhan":
		return `noi_tiep_nhan: "Trung tâm Phục vụ hành chính công xã"`
	case "link_dvc":
		return `link_dvc: "https://dichvucong.gov.vn/…"`
	case "thoi_gian":
		return "thoi_gian: 15/12/2026 08:00"
	case "ket_thuc":
		return "ket_thuc: 15/12/2026 11:30"
	case "dia_diem":
		return `dia_diem: "Hội trường UBND xã"`
	case "don_vi":
		return `don_vi: "Phòng Văn hóa – Xã hội"`
	}
	return key + ": …"
}

// kindFields are the kind's keys found in a page's front matter.
type kindFields map[string]field

// splitKindFields separates the kind's own keys from the article keys.
func splitKindFields(fields []field, keys []string) (kindFields, []field) {
	kf := kindFields{}
	var rest []field
	for _, f := range fields {
		if fieldIn(f.key, keys) {
			kf[f.key] = f
		} else {
			rest = append(rest, f)
		}
	}
	return kf, rest
}

func fieldIn(key string, keys []string) bool {
	for _, k := range keys {
		if k == key {
			return true
		}
	}
	return false
}

// decodeKind decodes a kind's page: article keys first (so title, date
// and slug are known), then the kind's own keys and their defaults.
func (d *decoder) decodeKind(p *Page, spec *kindSpec, fields []field) {
	kf, rest := splitKindFields(fields, spec.keys)
	d.known = append(append([]string{}, spec.keys...), articleFields...)
	d.decodePage(p, rest, spec.required)
	for k, f := range kf {
		p.Lines[k] = f.line
	}
	spec.decode(d, p, kf)
}

// missing reports a required key of a kind that the page lacks.
func (d *decoder) missing(key string) {
	d.ds.Errorf(diag.Position{File: d.file, Line: 1}, fmt.Sprintf("thêm dòng `%s`", kindExample(key)),
		"thiếu `%s` (%s) trong phần khai báo đầu bài", key, fieldName(key))
}

// text reads a kind's one-line key; required keys must be present and
// not empty. ok is false when the value is absent or unusable.
func (d *decoder) text(kf kindFields, key string, required bool) (string, field, bool) {
	f, present := kf[key]
	if !present {
		if required {
			d.missing(key)
		}
		return "", f, false
	}
	if f.value.kind == kindScalar && f.value.isNull {
		f.value.text = "" // `key:` with nothing after it: empty, as from a template
	} else if _, ok := d.str(f); !ok {
		return "", f, false
	}
	s := strings.TrimSpace(viet.NFC(f.value.text))
	if s == "" {
		if required {
			d.ds.Errorf(d.pos(f), fmt.Sprintf("viết, ví dụ: `%s`", kindExample(key)),
				"`%s` (%s) đang để trống", key, fieldName(key))
		}
		return "", f, false
	}
	return s, f, true
}

// blank reports a key written with nothing after it, or "": an optional
// key left as `cchc new` wrote it.
func blank(f field) bool {
	return f.value.kind == kindScalar && (f.value.isNull || strings.TrimSpace(f.value.text) == "")
}

// when reads a kind's date key.
func (d *decoder) when(kf kindFields, key string, required bool) (time.Time, field, bool) {
	f, present := kf[key]
	if !present {
		if required {
			d.missing(key)
		}
		return time.Time{}, f, false
	}
	if !required && blank(f) {
		return time.Time{}, f, false // an optional date left empty
	}
	t := d.date(f)
	return t, f, !t.IsZero()
}

// document decodes a page of van-ban/.
func (d *decoder) document(p *Page, kf kindFields) {
	doc := &Document{}
	p.Doc = doc
	var num docNumber
	if s, f, ok := d.text(kf, "so_ky_hieu", true); ok {
		n, prob := parseDocNumber(s)
		if prob != nil {
			d.ds.Errorf(d.valPos(f.value), prob.hint, "`so_ky_hieu` (số, ký hiệu văn bản) %s", prob.what)
		} else {
			doc.Number, num = s, n
		}
	}
	d.docType(doc, kf, num)
	doc.Issuer, _, _ = d.text(kf, "co_quan", true)
	d.docLevel(doc, kf)
	d.docDates(doc, kf, num)
	doc.Abstract, _, _ = d.text(kf, "trich_yeu", true)
	if f, ok := kf["dinh_kem"]; ok {
		doc.Attachments = d.attachments(p, f)
	}
	if s, f, ok := d.text(kf, "lien_ket", false); ok {
		if u, ok := d.webURL(f, s, false); ok {
			doc.Link = u
		}
	}
	if _, ok := kf["dinh_kem"]; !ok && doc.Link == "" {
		d.ds.Warnf(diag.Position{File: d.file, Line: 1}, "đặt tệp văn bản (PDF, DOCX…) cạnh trang rồi thêm `dinh_kem: [ten-tep.pdf]`, hoặc thêm `lien_ket:` tới toàn văn trên trang chính thức",
			"văn bản chưa có tệp đính kèm hay liên kết toàn văn: người đọc không tải được văn bản")
	}
	if p.Title == "" && doc.Type != "" {
		p.Title = documentTitle(doc)
	}
	if _, ok := p.Lines["date"]; !ok {
		p.Date = doc.Issued
	}
	if p.Summary == "" {
		p.Summary = doc.Abstract
	}
}

// documentTitle is a document's title when the editor gives none:
// "Kế hoạch số 35/KH-UBND", or for a copy not yet numbered the type and
// its abstract, "Kế hoạch tuyên truyền cải cách hành chính…".
func documentTitle(doc *Document) string {
	if doc.Number != "" && !strings.HasPrefix(doc.Number, "/") {
		return doc.Type + " số " + doc.Number
	}
	if doc.Abstract == "" {
		return doc.Type
	}
	return doc.Type + " " + lowerFirst(doc.Abstract)
}

// lowerFirst lower-cases the first letter of an ordinary word ("Tuyên
// truyền" → "tuyên truyền") but leaves an abbreviation ("UBND") alone.
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 1 && strings.ToLower(string(r[1])) == string(r[1]) {
		r[0] = []rune(strings.ToLower(string(r[0])))[0]
	}
	return string(r)
}

// docType reads loai, or takes it from the number's symbol (KH → Kế
// hoạch). A known type is stored in its canonical spelling; any other
// non-empty type is accepted as written, the list of forms being long.
func (d *decoder) docType(doc *Document, kf kindFields, num docNumber) {
	fromSymbol := typeOfAbbr(num.Abbr)
	s, f, ok := d.text(kf, "loai", fromSymbol == "" && doc.Number != "")
	if !ok {
		doc.Type = fromSymbol
		return
	}
	canon, known := canonicalDocType(s)
	if !known {
		doc.Type = s
		if sug := closestFolded(s, docTypes()); sug != "" {
			d.ds.Warnf(d.valPos(f.value), fmt.Sprintf("có phải ý bạn là %q?", sug),
				"`loai` (loại văn bản) %q không có trong danh mục thể thức văn bản", s)
		}
		return
	}
	doc.Type = canon
	if fromSymbol != "" && fromSymbol != canon {
		d.ds.Warnf(d.valPos(f.value), fmt.Sprintf("kiểm tra lại: ký hiệu %s là của %s", num.Abbr, strings.ToLower(fromSymbol)),
			"`loai` (loại văn bản) %q không khớp ký hiệu %q của số văn bản", canon, num.Symbol)
	}
}

// docLevel reads cap, or takes it from the issuer's name.
func (d *decoder) docLevel(doc *Document, kf kindFields) {
	f, present := kf["cap"]
	if !present {
		if doc.Issuer == "" {
			return // co_quan is missing and reported
		}
		if doc.Level = levelOfIssuer(doc.Issuer); doc.Level == "" {
			d.ds.Errorf(diag.Position{File: d.file, Line: 1}, "thêm dòng `cap: \"Trung ương\"`, `cap: \"Tỉnh\"` hoặc `cap: \"Xã\"`",
				"thiếu `cap` (cấp ban hành): không đoán được từ cơ quan ban hành %q", doc.Issuer)
		}
		return
	}
	doc.Level, _ = d.enum(f, levelEnum())
}

// docDates reads ngay_ban_hanh (a day, or only a month for a copy that
// leaves the day blank) and ngay_hieu_luc.
func (d *decoder) docDates(doc *Document, kf kindFields, num docNumber) {
	f, present := kf["ngay_ban_hanh"]
	if !present {
		d.missing("ngay_ban_hanh")
		return
	}
	if s, ok := d.str(f); ok {
		if t, label, ok := parseMonth(s); ok {
			doc.Issued, doc.IssuedMonthOnly = t, label
		} else {
			doc.Issued = d.date(f)
		}
	}
	if num.Year != "" && !doc.Issued.IsZero() && num.Year != fmt.Sprint(doc.Issued.Year()) {
		d.ds.Warnf(d.valPos(f.value), "kiểm tra lại năm ban hành hoặc số, ký hiệu",
			"năm trong số, ký hiệu (%s) khác năm của `ngay_ban_hanh` (ngày ban hành) (%d)", num.Year, doc.Issued.Year())
	}
	if t, g, ok := d.when(kf, "ngay_hieu_luc", false); ok {
		doc.Effective = t
		if !doc.Issued.IsZero() && t.Before(doc.Issued) {
			d.ds.Errorf(d.valPos(g.value), "ngày có hiệu lực không thể trước ngày ban hành; kiểm tra lại hai ngày",
				"`ngay_hieu_luc` (ngày có hiệu lực) %s trước `ngay_ban_hanh` (ngày ban hành) %s", viet.ShortDate(t), issuedText(doc))
		}
	}
}

func issuedText(doc *Document) string {
	if doc.IssuedMonthOnly != "" {
		return doc.IssuedMonthOnly
	}
	return viet.ShortDate(doc.Issued)
}

// question decodes a page of hoi-dap/; the body is the answer.
func (d *decoder) question(p *Page, kf kindFields) {
	q := &Question{}
	p.QA = q
	q.Question, _, _ = d.text(kf, "cau_hoi", true)
	q.Asker, _, _ = d.text(kf, "nguoi_hoi", true)
	q.Asked, _, _ = d.when(kf, "ngay_hoi", true)
	q.Answerer, _, _ = d.text(kf, "co_quan_tra_loi", true)
	var f field
	q.Answered, f, _ = d.when(kf, "ngay_tra_loi", true)
	q.Field, _, _ = d.text(kf, "linh_vuc", false)
	if !q.Asked.IsZero() && !q.Answered.IsZero() && q.Answered.Before(q.Asked) {
		d.ds.Errorf(d.valPos(f.value), "ngày trả lời phải từ ngày hỏi trở đi; kiểm tra lại hai ngày",
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
func (d *decoder) procedure(p *Page, kf kindFields) {
	pr := &Procedure{}
	p.Proc = pr
	if s, f, ok := d.text(kf, "ma_thu_tuc", false); ok {
		if procCodeOK(s) {
			pr.Code = s
		} else {
			d.ds.Errorf(d.valPos(f.value), "mã thủ tục trên Cổng Dịch vụ công quốc gia có dạng `1.001193`; viết trong ngoặc kép, hoặc xóa dòng nếu chưa rõ",
				"`ma_thu_tuc` (mã thủ tục) %q không đúng dạng", s)
		}
	}
	pr.Field, _, _ = d.text(kf, "linh_vuc", true)
	if f, ok := kf["muc_do"]; ok {
		pr.Level, _ = d.enum(f, procLevelEnum())
	} else {
		d.missing("muc_do")
	}
	pr.Duration, _, _ = d.text(kf, "thoi_han", true)
	pr.Fee, _, _ = d.text(kf, "le_phi", true)
	if f, ok := kf["ho_so"]; ok {
		for _, v := range d.strList(f) {
			pr.Papers = append(pr.Papers, v.text)
		}
		if len(f.value.list) == 0 && f.value.kind == kindList {
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
	} else if pr.Level == LevelFull || pr.Level == LevelPartial {
		d.ds.Warnf(diag.Position{File: d.file, Line: p.Lines["muc_do"]}, fmt.Sprintf("thêm dòng `%s` để người dân nộp hồ sơ trực tuyến", kindExample("link_dvc")),
			"thủ tục trực tuyến %s chưa có `link_dvc` (trang thủ tục trên Cổng Dịch vụ công)", strings.ToLower(pr.Level))
	}
}

// event decodes a page of su-kien/. Without `date`, the page's Date is
// the event's start, and the page is published at once (Page.Future).
func (d *decoder) event(p *Page, kf kindFields) {
	ev := &Event{}
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
func (d *decoder) eventEnd(ev *Event, f field) {
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
		d.ds.Errorf(d.valPos(f.value), "thời gian kết thúc phải sau thời gian bắt đầu; kiểm tra lại ngày giờ",
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

// attachments reads dinh_kem: one file name, or a list whose items are a
// file name or {tep: …, ten: …}. Paths are relative to the page's folder
// (a leading / means content/); the index checks that each file exists
// and fills its URL and size. Each item's line is kept in Page.Lines as
// "dinh_kem#1", "dinh_kem#2"…, for that later message.
func (d *decoder) attachments(p *Page, f field) []Attachment {
	items := []value{f.value}
	if f.value.kind == kindList {
		items = f.value.list
	}
	var out []Attachment
	for _, v := range items {
		file, label, line, ok := d.attachmentItem(v)
		if !ok {
			continue
		}
		a, ok := d.attachmentPath(p, v, file)
		if !ok {
			continue
		}
		a.Name = label
		if a.Name == "" {
			a.Name = path.Base(file)
		}
		out = append(out, a)
		p.Lines[fmt.Sprintf("dinh_kem#%d", len(out))] = line
	}
	if len(out) == 0 && f.value.kind == kindList && len(f.value.list) == 0 {
		d.ds.Errorf(d.pos(f), "xóa dòng `dinh_kem` hoặc viết tên tệp, ví dụ `dinh_kem: [ke-hoach.pdf]`",
			"`dinh_kem` (tệp đính kèm) là danh sách trống")
	}
	return out
}

// attachmentItem reads one item of dinh_kem.
func (d *decoder) attachmentItem(v value) (file, label string, line int, ok bool) {
	const hint = "mỗi tệp là tên tệp, ví dụ `- ke-hoach.pdf`, hoặc `- {tep: ke-hoach.pdf, ten: \"Toàn văn Kế hoạch\"}`"
	switch {
	case v.kind == kindScalar && !v.isNull && !v.isBool && strings.TrimSpace(v.text) != "":
		return strings.TrimSpace(viet.NFC(v.text)), "", v.line, true
	case v.kind == kindMap:
		line = v.line
		for _, g := range v.fields {
			switch g.key {
			case "tep", "ten":
				if g.value.kind != kindScalar || g.value.isNull {
					d.ds.Errorf(d.pos(g), hint, "`%s` (%s) trong `dinh_kem` phải là một dòng chữ", g.key, kindFieldName(g.key))
					continue
				}
				s := strings.TrimSpace(viet.NFC(g.value.text))
				if g.key == "tep" {
					file, line = s, g.line
				} else {
					label = s
				}
			default:
				h := "trong `dinh_kem` chỉ dùng `tep` (tên tệp) và `ten` (tên hiển thị)"
				if s := closest(g.key, []string{"tep", "ten"}); s != "" {
					h = fmt.Sprintf("có phải ý bạn là `%s`?", s)
				}
				d.ds.Warnf(d.pos(g), h, "khóa `%s` trong `dinh_kem` không được hỗ trợ, sẽ bị bỏ qua", g.key)
			}
		}
		if file == "" {
			d.ds.Errorf(d.valPos(v), hint, "mục của `dinh_kem` (tệp đính kèm) thiếu `tep` (tên tệp)")
			return "", "", 0, false
		}
		return file, label, line, true
	}
	d.ds.Errorf(d.valPos(v), hint, "mục của `dinh_kem` (tệp đính kèm) phải là tên tệp")
	return "", "", 0, false
}

// attachmentPath checks a file name written in dinh_kem and resolves it
// against the page's folder. The file's existence is checked by the index.
func (d *decoder) attachmentPath(p *Page, v value, file string) (Attachment, bool) {
	at := d.valPos(v)
	switch {
	case strings.Contains(file, "://") || strings.HasPrefix(file, "//") || strings.HasPrefix(strings.ToLower(file), "www."):
		d.ds.Errorf(at, "tải tệp về, đặt cạnh trang văn bản rồi viết tên tệp; địa chỉ toàn văn trên mạng thì ghi vào `lien_ket:`",
			"tệp đính kèm %q là địa chỉ trang web, không phải tệp của chuyên mục", file)
		return Attachment{}, false
	case strings.Contains(file, `\`):
		d.ds.Errorf(at, fmt.Sprintf("viết %q", strings.ReplaceAll(file, `\`, "/")),
			"tệp đính kèm %q dùng dấu `\\`; đường dẫn trong chuyên mục dùng dấu `/`", file)
		return Attachment{}, false
	}
	rel := path.Join(p.Dir, file)
	if strings.HasPrefix(file, "/") {
		rel = path.Clean(strings.TrimPrefix(file, "/"))
	}
	if rel == "." || rel == ".." || strings.HasPrefix(rel, "../") {
		d.ds.Errorf(at, "đặt tệp trong thư mục content/, tốt nhất là cạnh trang văn bản",
			"tệp đính kèm %q nằm ngoài thư mục nội dung content/", file)
		return Attachment{}, false
	}
	ext := strings.TrimPrefix(path.Ext(rel), ".")
	switch {
	case ext == "":
		d.ds.Errorf(at, "đổi tên tệp cho có đuôi, ví dụ `ke-hoach.pdf`",
			"tệp đính kèm %q không có phần đuôi (.pdf, .docx…) nên người đọc không biết loại tệp", file)
		return Attachment{}, false
	case fieldIn(strings.ToLower(ext), unsafeExtensions()):
		d.ds.Errorf(at, "chỉ đính kèm tài liệu: PDF, DOC, DOCX, XLS, XLSX, ODT, ảnh…",
			"không đính kèm tệp %q: tệp .%s có thể chạy mã trên máy người đọc", file, ext)
		return Attachment{}, false
	}
	return Attachment{Source: ContentDir + "/" + rel, Format: strings.ToUpper(ext)}, true
}

// unsafeExtensions are files a reader's computer may run when opened.
func unsafeExtensions() []string {
	return []string{"exe", "msi", "bat", "cmd", "com", "scr", "pif", "vbs", "js", "jar", "ps1", "sh", "apk", "html", "htm", "hta", "lnk"}
}
