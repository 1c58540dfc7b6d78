package pagefields

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/cchc-vn/cchc/internal/admindoc"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/matter"
	"github.com/cchc-vn/cchc/internal/viet"
)

// kindSpec is what the decoder knows of one content kind: its own front
// matter keys, the article keys it cannot do without, and how to decode.
type kindSpec struct {
	keys     []string // the kind's own keys, in the order the guide lists them
	required []string // article keys it needs (title, for kinds with no default)
	decode   func(d *decoder, p *content.Page, kf kindFields)
}

// specOf returns the spec of the kind a section holds, or nil for a
// section of plain articles.
func specOf(section string) *kindSpec {
	switch section {
	case content.SectionDocuments:
		return &kindSpec{keys: documentKeys(), decode: (*decoder).document}
	case content.SectionQA:
		return &kindSpec{keys: questionKeys(), decode: (*decoder).question}
	case content.SectionProcedures:
		return &kindSpec{keys: procedureKeys(), required: []string{"title"}, decode: (*decoder).procedure}
	case content.SectionEvents:
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
type kindFields map[string]matter.Field

// splitKindFields separates the kind's own keys from the article keys.
func splitKindFields(fields []matter.Field, keys []string) (kindFields, []matter.Field) {
	kf := kindFields{}
	var rest []matter.Field
	for _, f := range fields {
		if slices.Contains(keys, f.Key) {
			kf[f.Key] = f
		} else {
			rest = append(rest, f)
		}
	}
	return kf, rest
}

// decodeKind decodes a kind's page: article keys first (so title, date
// and slug are known), then the kind's own keys and their defaults.
func (d *decoder) decodeKind(p *content.Page, spec *kindSpec, fields []matter.Field) {
	kf, rest := splitKindFields(fields, spec.keys)
	d.known = append(append([]string{}, spec.keys...), articleFields...)
	d.decodePage(p, rest, spec.required)
	for k, f := range kf {
		p.Lines[k] = f.Line
	}
	spec.decode(d, p, kf)
}

// missing reports a required key of a kind that the page lacks.
func (d *decoder) missing(key string) {
	d.ds.Errorf(diag.Position{File: d.file, Line: 1}, fmt.Sprintf("thêm dòng `%s`", kindExample(key)),
		"thiếu `%s` (%s) trong phần khai báo đầu bài", key, KeyName(key))
}

// text reads a kind's one-line key; required keys must be present and
// not empty. ok is false when the value is absent or unusable.
func (d *decoder) text(kf kindFields, key string, required bool) (string, matter.Field, bool) {
	f, present := kf[key]
	if !present {
		if required {
			d.missing(key)
		}
		return "", f, false
	}
	if f.Value.Kind == matter.Scalar && f.Value.Null {
		f.Value.Text = "" // `key:` with nothing after it: empty, as from a template
	} else if _, ok := d.str(f); !ok {
		return "", f, false
	}
	s := strings.TrimSpace(viet.NFC(f.Value.Text))
	if s == "" {
		if required {
			d.ds.Errorf(d.pos(f), fmt.Sprintf("viết, ví dụ: `%s`", kindExample(key)),
				"`%s` (%s) đang để trống", key, KeyName(key))
		}
		return "", f, false
	}
	return s, f, true
}

// blank reports a key written with nothing after it, or "": an optional
// key left as `cchc new` wrote it.
func blank(f matter.Field) bool {
	return f.Value.Kind == matter.Scalar && (f.Value.Null || strings.TrimSpace(f.Value.Text) == "")
}

// when reads a kind's date key.
func (d *decoder) when(kf kindFields, key string, required bool) (time.Time, matter.Field, bool) {
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

// enum reads a key of a closed list; the hint suggests the closest value.
func (d *decoder) enum(f matter.Field, e admindoc.Enum) (string, bool) {
	s, ok := d.str(f)
	if !ok {
		return "", false
	}
	if v := e.Match(s); v != "" {
		return v, true
	}
	list := strings.Join(e.Values, ", ")
	hint := "viết một trong: " + list
	if h, ok := e.Hint(s); ok {
		hint = h
	} else if sug := viet.Closest(s, e.Values, viet.Slug); sug != "" {
		hint = fmt.Sprintf("có phải ý bạn là %q?", sug)
	}
	if s == "" {
		d.ds.Errorf(d.valPos(f.Value), hint, "`%s` (%s) đang để trống", f.Key, KeyName(f.Key))
		return "", false
	}
	d.ds.Errorf(d.valPos(f.Value), hint, "`%s` (%s) %q không hợp lệ: chỉ nhận %s", f.Key, KeyName(f.Key), s, list)
	return "", false
}

// webURL checks an address of a page on another site. link_dvc must be
// https and is expected on the national public-service portal; lien_ket
// may be http or https.
func (d *decoder) webURL(f matter.Field, s string, dvc bool) (string, bool) {
	at := d.valPos(f.Value)
	u, err := url.Parse(s)
	if err != nil || strings.ContainsFunc(s, unicode.IsSpace) || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") || u.User != nil {
		d.ds.Errorf(at, fmt.Sprintf("viết địa chỉ đầy đủ, ví dụ `%s`", kindExample(f.Key)),
			"`%s` (%s) %q không phải địa chỉ trang web hợp lệ", f.Key, KeyName(f.Key), s)
		return "", false
	}
	if !dvc {
		return s, true
	}
	if u.Scheme != "https" {
		d.ds.Errorf(at, "Cổng Dịch vụ công chỉ dùng https: viết "+fmt.Sprintf("%q", "https"+strings.TrimPrefix(s, "http")),
			"`link_dvc` (%s) phải bắt đầu bằng https://", KeyName("link_dvc"))
		return "", false
	}
	host := strings.ToLower(u.Hostname())
	if host != "dichvucong.gov.vn" && !strings.HasSuffix(host, ".dichvucong.gov.vn") {
		d.ds.Warnf(at, "dán đường dẫn của thủ tục trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)",
			"`link_dvc` trỏ tới %s, không phải Cổng Dịch vụ công quốc gia", host)
	}
	return s, true
}
