package wordimport

import (
	"path/filepath"
	"strings"
	"time"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/scaffold"
	"github.com/cchc-vn/cchc/internal/viet"
)

// frontMatter is the YAML front matter of the page and the line of each
// key, for the notes about it.
type frontMatter struct {
	text  string
	lines map[string]int
}

type fmWriter struct {
	b     strings.Builder
	lines map[string]int
	line  int
}

// raw writes whole lines (a scaffold's), remembering where each key is.
func (f *fmWriter) raw(s string) {
	for _, l := range strings.SplitAfter(s, "\n") {
		if l == "" {
			continue
		}
		f.line++
		if key, _, ok := strings.Cut(l, ":"); ok && !strings.ContainsAny(key, " #-\"") {
			if _, seen := f.lines[key]; !seen {
				f.lines[key] = f.line
			}
		}
		f.b.WriteString(l)
	}
}

// kv writes key: value, with a comment when given.
func (f *fmWriter) kv(key, value, comment string) {
	line := key + ": " + value
	if comment != "" {
		line += " # " + comment
	}
	f.raw(line + "\n")
}

// frontMatter writes the page's front matter for its section, noting
// every value that could not be read from the document.
func (imp *importer) frontMatter(m *meta, notes *[]note) frontMatter {
	add := func(key, what, fix string) { *notes = append(*notes, note{key: key, what: what, fix: fix}) }
	noDate := func(key, what string) {
		if m.badDate != "" {
			what = "ngày ghi trên văn bản (" + m.badDate + ") không có thật"
		}
		add(key, what+": tạm ghi hôm nay", "sửa `"+key+"` theo ngày đúng của văn bản")
	}
	if m.title == "" {
		m.title = titleFromFile(imp.opts.FileName)
		add("title", "không tìm thấy tiêu đề trong tài liệu (kiểu Title, hay dòng tên loại văn bản như «KẾ HOẠCH»): tạm lấy tên tệp",
			"viết lại tiêu đề")
	}
	f := &fmWriter{lines: map[string]int{}}
	f.raw("---\n")
	switch section := imp.opts.Section; {
	case section == content.SectionDocuments:
		imp.documentFront(f, m, add, noDate)
	case section == content.SectionQA:
		imp.qaFront(f, m, add, noDate)
	case content.IsKindSection(section):
		f.raw(strings.TrimPrefix(scaffold.KindFrontMatter(section, m.title, imp.opts.Topics, imp.opts.Organization, imp.opts.Now), "---\n"))
		add("title", "các trường riêng của mục "+section+" không lấy được từ tài liệu Word", "điền các trường còn trống theo hướng dẫn trong từng dòng")
		return frontMatter{text: f.b.String(), lines: f.lines}
	default:
		imp.articleFront(f, m, add, noDate)
	}
	f.raw(scaffold.DraftLine)
	f.raw("---\n")
	return frontMatter{text: f.b.String(), lines: f.lines}
}

func (imp *importer) articleFront(f *fmWriter, m *meta, add func(key, what, fix string), noDate func(key, what string)) {
	f.kv("title", scaffold.Quote(m.title), "")
	switch {
	case m.hasDate:
		f.kv("date", viet.ShortDate(m.date), "")
	default:
		f.kv("date", imp.now().Format("02/01/2006 15:04"), "")
		noDate("date", "tài liệu không ghi ngày đủ («…, ngày … tháng … năm …»)")
	}
	if len(imp.opts.Topics) > 0 {
		f.raw(scaffold.TopicsLine(imp.opts.Topics))
	} else {
		f.kv("topics", "[]", "chủ đề trong danh mục, ví dụ [SIPAS, \"Một cửa, một cửa liên thông\"]")
		add("topics", "bài chưa có chủ đề: còn để trống thì `cchc build` và `cchc check` báo lỗi ở dòng này", "ghi ít nhất một chủ đề trong danh mục vào `topics`, hoặc nhập lại với --topic")
	}
	f.raw(scaffold.SummaryLine)
	f.kv("author", `""`, "người viết")
	if m.issuer != "" {
		f.kv("unit", scaffold.Quote(m.issuer), "đơn vị, lấy theo cơ quan ban hành văn bản")
	} else {
		f.kv("unit", `""`, "đơn vị, ví dụ: Văn phòng HĐND-UBND xã")
	}
}

func (imp *importer) documentFront(f *fmWriter, m *meta, add func(key, what, fix string), noDate func(key, what string)) {
	if m.hasNumber {
		f.kv("so_ky_hieu", scaffold.Quote(m.number), "")
	} else {
		f.kv("so_ky_hieu", `""`, `số, ký hiệu như trên văn bản, ví dụ "35/KH-UBND"; bản chưa có số: "/KH-UBND"`)
		add("so_ky_hieu", "không tìm thấy dòng «Số: …» của văn bản", "ghi số, ký hiệu vào `so_ky_hieu`")
	}
	if m.docType != "" {
		f.kv("loai", scaffold.Quote(m.docType), "")
	}
	switch {
	case m.issuer != "":
		f.kv("co_quan", scaffold.Quote(m.issuer), "")
		add("co_quan", "tên cơ quan ban hành được viết lại từ chữ in hoa của khối đầu văn bản", "kiểm tra cách viết hoa")
	default:
		f.kv("co_quan", scaffold.Quote(imp.opts.Organization), "cơ quan ban hành")
		add("co_quan", "không tìm thấy tên cơ quan ban hành ở đầu văn bản: tạm ghi tên cơ quan trong site.yaml", "sửa `co_quan` nếu văn bản của cơ quan khác")
	}
	switch {
	case m.hasDate:
		f.kv("ngay_ban_hanh", viet.ShortDate(m.date), "")
	case m.monthOnly != "":
		f.kv("ngay_ban_hanh", scaffold.Quote(m.monthOnly), "bản chưa ghi ngày ký")
	default:
		f.kv("ngay_ban_hanh", viet.ShortDate(imp.now()), "ngày ký")
		noDate("ngay_ban_hanh", "không tìm thấy ngày ký («…, ngày … tháng … năm …»)")
	}
	abstract := m.abstract
	if abstract == "" {
		abstract = m.title
		add("trich_yeu", "không tìm thấy trích yếu dưới tên loại văn bản: tạm lấy tiêu đề", "viết lại `trich_yeu`")
	}
	f.kv("trich_yeu", scaffold.Quote(abstract), "")
	if imp.opts.Attachment != "" {
		name := "Toàn văn văn bản"
		if m.docType != "" {
			name = "Toàn văn " + m.docType
		}
		f.raw("dinh_kem:\n")
		f.raw("  - tep: " + scaffold.Quote(imp.opts.Attachment) + "\n")
		f.raw("    ten: " + scaffold.Quote(name) + "\n")
	}
	if len(imp.opts.Topics) > 0 {
		f.raw(scaffold.TopicsLine(imp.opts.Topics))
	}
}

func (imp *importer) qaFront(f *fmWriter, m *meta, add func(key, what, fix string), noDate func(key, what string)) {
	question := m.question
	if !m.qa {
		question = m.title
	}
	f.kv("cau_hoi", scaffold.Quote(question), "câu hỏi, chép đúng như người hỏi gửi")
	f.kv("nguoi_hoi", scaffold.Quote(m.asker), `tên người hỏi theo cách họ đồng ý nêu, kèm nơi ở, ví dụ "Chị Nguyễn Thị H., thôn 3"`)
	if m.asker == "" {
		add("nguoi_hoi", "không tìm thấy người hỏi («Người hỏi: …», hay «Ông/Bà … hỏi:»)", "điền `nguoi_hoi`")
	} else {
		add("nguoi_hoi", "người hỏi được ghi như trong tài liệu", "kiểm tra người hỏi đồng ý nêu tên như vậy; nếu không, chỉ ghi chữ cái đầu của tên")
	}
	answered, asked := m.answered, m.asked
	if answered.IsZero() && m.hasDate {
		answered = m.date
	}
	switch {
	case asked.IsZero() && !answered.IsZero():
		asked = answered
		add("ngay_hoi", "không tìm thấy ngày hỏi: tạm ghi bằng ngày trả lời", "sửa `ngay_hoi` theo ngày nhận câu hỏi")
	case asked.IsZero():
		asked = imp.now()
		add("ngay_hoi", "không tìm thấy ngày hỏi: tạm ghi hôm nay", "sửa `ngay_hoi` theo ngày nhận câu hỏi")
	}
	f.kv("ngay_hoi", viet.ShortDate(asked), "")
	answerer := m.answerer
	switch {
	case answerer != "":
	case m.issuer != "":
		answerer = m.issuer
	default:
		answerer = imp.opts.Organization
		add("co_quan_tra_loi", "không tìm thấy cơ quan trả lời: tạm ghi tên cơ quan trong site.yaml", "sửa `co_quan_tra_loi` nếu cần")
	}
	f.kv("co_quan_tra_loi", scaffold.Quote(answerer), "")
	if answered.IsZero() {
		answered = imp.now()
		if answered.Before(asked) {
			answered = asked
		}
		noDate("ngay_tra_loi", "không tìm thấy ngày trả lời")
	}
	f.kv("ngay_tra_loi", viet.ShortDate(answered), "")
	f.kv("linh_vuc", scaffold.Quote(m.field), "ví dụ: Hộ tịch, Chứng thực, Đất đai")
	if len(imp.opts.Topics) > 0 {
		f.raw(scaffold.TopicsLine(imp.opts.Topics))
	}
}

func (imp *importer) now() time.Time { return imp.opts.Now.In(viet.Location()) }

// titleFromFile makes a title of a file name: "Ke_hoach tuyen truyen.docx"
// gives "Ke hoach tuyen truyen".
func titleFromFile(name string) string {
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	base = strings.NewReplacer("_", " ").Replace(base)
	if t := strings.Join(strings.Fields(viet.NFC(base)), " "); t != "" && t != "." {
		return t
	}
	return "Tài liệu nhập từ Word"
}
