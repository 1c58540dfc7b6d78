// Decoding of documents (van-ban) and their attachments.

package pagefields

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/cchc-vn/cchc/internal/admindoc"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/matter"
	"github.com/cchc-vn/cchc/internal/viet"
)

// document decodes a page of van-ban/.
func (d *decoder) document(p *content.Page, kf kindFields) {
	doc := &content.Document{}
	p.Doc = doc
	var num admindoc.Number
	if s, f, ok := d.text(kf, "so_ky_hieu", true); ok {
		n, prob := admindoc.ParseNumber(s)
		if prob != nil {
			d.ds.Errorf(d.valPos(f.Value), prob.Hint, "`so_ky_hieu` (số, ký hiệu văn bản) %s", prob.What)
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
		p.Title = admindoc.Title(doc.Type, doc.Number, doc.Abstract)
	}
	if _, ok := p.Lines["date"]; !ok {
		p.Date = doc.Issued
	}
	if p.Summary == "" {
		p.Summary = doc.Abstract
	}
}

// docType reads loai, or takes it from the number's symbol (KH → Kế
// hoạch). A known type is stored in its canonical spelling; any other
// non-empty type is accepted as written, the list of forms being long.
func (d *decoder) docType(doc *content.Document, kf kindFields, num admindoc.Number) {
	fromSymbol := admindoc.TypeOfAbbr(num.Abbr)
	s, f, ok := d.text(kf, "loai", fromSymbol == "" && doc.Number != "")
	if !ok {
		doc.Type = fromSymbol
		return
	}
	canon, known := admindoc.CanonicalType(s)
	if !known {
		doc.Type = s
		if sug := viet.Closest(s, admindoc.Types(), viet.Slug); sug != "" {
			d.ds.Warnf(d.valPos(f.Value), fmt.Sprintf("có phải ý bạn là %q?", sug),
				"`loai` (loại văn bản) %q không có trong danh mục thể thức văn bản", s)
		}
		return
	}
	doc.Type = canon
	if fromSymbol != "" && fromSymbol != canon {
		d.ds.Warnf(d.valPos(f.Value), fmt.Sprintf("kiểm tra lại: ký hiệu %s là của %s", num.Abbr, strings.ToLower(fromSymbol)),
			"`loai` (loại văn bản) %q không khớp ký hiệu %q của số văn bản", canon, num.Symbol)
	}
}

// docLevel reads cap, or takes it from the issuer's name.
func (d *decoder) docLevel(doc *content.Document, kf kindFields) {
	f, present := kf["cap"]
	if !present {
		if doc.Issuer == "" {
			return // co_quan is missing and reported
		}
		if doc.Level = admindoc.LevelOfIssuer(doc.Issuer); doc.Level == "" {
			d.ds.Errorf(diag.Position{File: d.file, Line: 1}, "thêm dòng `cap: \"Trung ương\"`, `cap: \"Tỉnh\"` hoặc `cap: \"Xã\"`",
				"thiếu `cap` (cấp ban hành): không đoán được từ cơ quan ban hành %q", doc.Issuer)
		}
		return
	}
	doc.Level, _ = d.enum(f, admindoc.Levels())
}

// docDates reads ngay_ban_hanh (a day, or only a month for a copy that
// leaves the day blank) and ngay_hieu_luc.
func (d *decoder) docDates(doc *content.Document, kf kindFields, num admindoc.Number) {
	f, present := kf["ngay_ban_hanh"]
	if !present {
		d.missing("ngay_ban_hanh")
		return
	}
	if s, ok := d.str(f); ok {
		if t, label, ok := admindoc.ParseMonth(s); ok {
			doc.Issued, doc.IssuedMonthOnly = t, label
		} else {
			doc.Issued = d.date(f)
		}
	}
	if num.Year != "" && !doc.Issued.IsZero() && num.Year != fmt.Sprint(doc.Issued.Year()) {
		d.ds.Warnf(d.valPos(f.Value), "kiểm tra lại năm ban hành hoặc số, ký hiệu",
			"năm trong số, ký hiệu (%s) khác năm của `ngay_ban_hanh` (ngày ban hành) (%d)", num.Year, doc.Issued.Year())
	}
	if t, g, ok := d.when(kf, "ngay_hieu_luc", false); ok {
		doc.Effective = t
		if !doc.Issued.IsZero() && t.Before(doc.Issued) {
			d.ds.Errorf(d.valPos(g.Value), "ngày có hiệu lực không thể trước ngày ban hành; kiểm tra lại hai ngày",
				"`ngay_hieu_luc` (ngày có hiệu lực) %s trước `ngay_ban_hanh` (ngày ban hành) %s", viet.ShortDate(t), issuedText(doc))
		}
	}
}

func issuedText(doc *content.Document) string {
	if doc.IssuedMonthOnly != "" {
		return doc.IssuedMonthOnly
	}
	return viet.ShortDate(doc.Issued)
}

// attachments reads dinh_kem: one file name, or a list whose items are a
// file name or {tep: …, ten: …}. Paths are relative to the page's folder
// (a leading / means content/); the index checks that each file exists
// and fills its URL and size. Each item's line is kept in Page.Lines as
// "dinh_kem#1", "dinh_kem#2"…, for that later message.
func (d *decoder) attachments(p *content.Page, f matter.Field) []content.Attachment {
	items := []matter.Value{f.Value}
	if f.Value.Kind == matter.List {
		items = f.Value.List
	}
	var out []content.Attachment
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
	if len(out) == 0 && f.Value.Kind == matter.List && len(f.Value.List) == 0 {
		d.ds.Errorf(d.pos(f), "xóa dòng `dinh_kem` hoặc viết tên tệp, ví dụ `dinh_kem: [ke-hoach.pdf]`",
			"`dinh_kem` (tệp đính kèm) là danh sách trống")
	}
	return out
}

// attachmentItem reads one item of dinh_kem.
func (d *decoder) attachmentItem(v matter.Value) (file, label string, line int, ok bool) {
	const hint = "mỗi tệp là tên tệp, ví dụ `- ke-hoach.pdf`, hoặc `- {tep: ke-hoach.pdf, ten: \"Toàn văn Kế hoạch\"}`"
	switch {
	case v.Kind == matter.Scalar && !v.Null && !v.Bool && strings.TrimSpace(v.Text) != "":
		return strings.TrimSpace(viet.NFC(v.Text)), "", v.Line, true
	case v.Kind == matter.Map:
		line = v.Line
		for _, g := range v.Fields {
			switch g.Key {
			case "tep", "ten":
				if g.Value.Kind != matter.Scalar || g.Value.Null {
					d.ds.Errorf(d.pos(g), hint, "`%s` (%s) trong `dinh_kem` phải là một dòng chữ", g.Key, kindFieldName(g.Key))
					continue
				}
				s := strings.TrimSpace(viet.NFC(g.Value.Text))
				if g.Key == "tep" {
					file, line = s, g.Line
				} else {
					label = s
				}
			default:
				h := "trong `dinh_kem` chỉ dùng `tep` (tên tệp) và `ten` (tên hiển thị)"
				if s := viet.Nearest(g.Key, []string{"tep", "ten"}); s != "" {
					h = fmt.Sprintf("có phải ý bạn là `%s`?", s)
				}
				d.ds.Warnf(d.pos(g), h, "khóa `%s` trong `dinh_kem` không được hỗ trợ, sẽ bị bỏ qua", g.Key)
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
func (d *decoder) attachmentPath(p *content.Page, v matter.Value, file string) (content.Attachment, bool) {
	at := d.valPos(v)
	switch {
	case strings.Contains(file, "://") || strings.HasPrefix(file, "//") || strings.HasPrefix(strings.ToLower(file), "www."):
		d.ds.Errorf(at, "tải tệp về, đặt cạnh trang văn bản rồi viết tên tệp; địa chỉ toàn văn trên mạng thì ghi vào `lien_ket:`",
			"tệp đính kèm %q là địa chỉ trang web, không phải tệp của chuyên mục", file)
		return content.Attachment{}, false
	case strings.Contains(file, `\`):
		d.ds.Errorf(at, fmt.Sprintf("viết %q", strings.ReplaceAll(file, `\`, "/")),
			"tệp đính kèm %q dùng dấu `\\`; đường dẫn trong chuyên mục dùng dấu `/`", file)
		return content.Attachment{}, false
	}
	rel := path.Join(p.Dir, file)
	if strings.HasPrefix(file, "/") {
		rel = path.Clean(strings.TrimPrefix(file, "/"))
	}
	if rel == "." || rel == ".." || strings.HasPrefix(rel, "../") {
		d.ds.Errorf(at, "đặt tệp trong thư mục content/, tốt nhất là cạnh trang văn bản",
			"tệp đính kèm %q nằm ngoài thư mục nội dung content/", file)
		return content.Attachment{}, false
	}
	ext := strings.TrimPrefix(path.Ext(rel), ".")
	switch {
	case ext == "":
		d.ds.Errorf(at, "đổi tên tệp cho có đuôi, ví dụ `ke-hoach.pdf`",
			"tệp đính kèm %q không có phần đuôi (.pdf, .docx…) nên người đọc không biết loại tệp", file)
		return content.Attachment{}, false
	case slices.Contains(unsafeExtensions(), strings.ToLower(ext)):
		d.ds.Errorf(at, "chỉ đính kèm tài liệu: PDF, DOC, DOCX, XLS, XLSX, ODT, ảnh…",
			"không đính kèm tệp %q: tệp .%s có thể chạy mã trên máy người đọc", file, ext)
		return content.Attachment{}, false
	}
	return content.Attachment{Source: content.ContentDir + "/" + rel, Format: strings.ToUpper(ext)}, true
}

// unsafeExtensions are files a reader's computer may run when opened.
func unsafeExtensions() []string {
	return []string{"exe", "msi", "bat", "cmd", "com", "scr", "pif", "vbs", "js", "jar", "ps1", "sh", "apk", "html", "htm", "hta", "lnk"}
}
