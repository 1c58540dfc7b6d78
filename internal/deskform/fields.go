// Package deskform is the writing desk's form of a page: which fields a
// page of each section has and which control edits each (Fields), the
// values of a file read for the form (Load), the file written back from
// the form through frontedit so that its own layout is kept (Apply), and
// where each diagnostic of the build belongs in the form (Scan, Place).
// It is pure: it reads and writes bytes, never the disk.
package deskform

import (
	"path"
	"strings"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/rules"
)

// Kind is what a page is, as far as its form goes.
type Kind int

const (
	Article   Kind = iota // an article of a plain section (bai-viet)
	Page                  // content/x.md: a stand-alone page
	Section               // content/x/_index.md: a section's title and intro
	Home                  // content/_index.md
	Document              // van-ban
	Question              // hoi-dap
	Procedure             // thu-tuc
	Event                 // su-kien
)

// KindOf tells the kind of the page at rel ("content/bai-viet/x.md"), as
// the loader classifies it.
func KindOf(rel string) Kind {
	r := strings.TrimPrefix(rel, content.ContentDir+"/")
	dir, name := path.Split(r)
	dir = strings.TrimSuffix(dir, "/")
	first, _, nested := strings.Cut(r, "/")
	switch {
	case r == "_index.md":
		return Home
	case !nested, name == "index.md" && dir == first:
		return Page
	case name == "_index.md" && dir == first:
		return Section
	}
	switch first {
	case content.SectionDocuments:
		return Document
	case content.SectionQA:
		return Question
	case content.SectionProcedures:
		return Procedure
	case content.SectionEvents:
		return Event
	}
	return Article
}

// Control is the kind of input that edits a field.
type Control string

const (
	Text     Control = "text"     // one line
	Area     Control = "area"     // a few lines, written as one line of YAML
	Date     Control = "date"     // dd/mm/yyyy, with a date picker
	DateTime Control = "datetime" // dd/mm/yyyy hh:mm, with a date picker
	Topics   Control = "topics"   // several names of the site's vocabulary
	List     Control = "list"     // editable rows of text
	Files    Control = "files"    // rows of file names of the page's folder, with an upload
	Select   Control = "select"   // one of Options (or empty)
	Check    Control = "check"    // true, or the key absent
	URL      Control = "url"
	Image    Control = "image" // a file name of the page's folder, with an upload
)

// Field is one front matter key as the form shows it.
type Field struct {
	Key      string
	Label    string
	Help     string
	Control  Control
	Required bool
	Options  []string // Select
	// Suggest names the list of values used elsewhere in the site that
	// the input offers (a datalist): "author", "unit", "co_quan"…
	Suggest string
	// Advice, when not 0, is the length check advises at most; the input
	// shows a counter against it.
	Advice int
	// Advanced fields are folded away under "Nâng cao".
	Advanced bool
	// Counter shows the number of characters typed, without advice.
	Counter bool
}

// Fields returns the fields of a page of kind k, in the order shown.
func Fields(k Kind) []Field {
	switch k {
	case Home, Section:
		return []Field{title(false), {Key: "description", Label: "Mô tả ngắn", Control: Area, Counter: true,
			Help: "Một câu giới thiệu, hiện dưới tiêu đề và khi chia sẻ."}}
	case Page:
		return append([]Field{title(true), summary(), draft()}, append(cover(), slugAndAliases()...)...)
	case Document:
		return append(documentFields(), optionalArticle("Không ghi thì là tên loại và số, ký hiệu, ví dụ \"Kế hoạch số 35/KH-UBND\".", "Không ghi thì là ngày ban hành.")...)
	case Question:
		return append(questionFields(), optionalArticle("Không ghi thì là câu hỏi.", "Không ghi thì là ngày trả lời.")...)
	case Procedure:
		return append(append([]Field{title(true)}, procedureFields()...), kindTail(false)...)
	case Event:
		return append(append([]Field{title(true)}, eventFields()...), kindTail(true)...)
	}
	fs := []Field{title(true),
		{Key: "date", Label: "Ngày đăng", Control: DateTime, Required: true, Help: "Ngày trước, tháng sau: 16/01/2026, có thể thêm giờ 08:30. Ngày chưa tới thì bài chờ tới ngày đó mới lên trang."},
		{Key: "topics", Label: "Chủ đề", Control: Topics, Required: true, Help: "Chọn ít nhất một chủ đề trong danh mục của chuyên mục."},
		summary(),
		{Key: "author", Label: "Tác giả", Control: Text, Suggest: "author"},
		{Key: "unit", Label: "Đơn vị", Control: Text, Suggest: "unit", Help: "Đơn vị cung cấp tin, ví dụ Văn phòng HĐND-UBND xã."},
	}
	fs = append(fs, cover()...)
	fs = append(fs, draft(),
		Field{Key: "featured", Label: "Tin nổi bật (đưa lên trang chủ)", Control: Check})
	fs = append(fs, Field{Key: "updated", Label: "Ngày cập nhật", Control: Date, Advanced: true, Help: "Chỉ ghi khi nội dung thay đổi quan trọng sau khi đăng."})
	return append(fs, slugAndAliases()...)
}

func title(required bool) Field {
	return Field{Key: "title", Label: "Tiêu đề", Control: Text, Required: required, Advice: rules.MaxTitleRunes,
		Help: "Nên không quá 70 ký tự để không bị cắt khi chia sẻ lên Facebook, Zalo."}
}

func summary() Field {
	return Field{Key: "summary", Label: "Tóm tắt", Control: Area, Counter: true,
		Help: "Một, hai câu nêu ý chính; hiện ở danh sách bài, kết quả tìm kiếm và khi chia sẻ."}
}

func draft() Field {
	return Field{Key: "draft", Label: "Bản nháp (chưa đăng)", Control: Check,
		Help: "Bỏ đánh dấu khi bài đã sẵn sàng đăng."}
}

func cover() []Field {
	return []Field{
		{Key: "image", Label: "Ảnh đại diện", Control: Image, Help: "Tên tệp ảnh trong thư mục của bài; bấm \"Chọn ảnh\" để tải ảnh lên."},
		{Key: "image_alt", Label: "Mô tả ảnh đại diện", Control: Text, Help: "Bắt buộc khi có ảnh: ảnh cho thấy gì, cho người dùng trình đọc màn hình."},
	}
}

func slugAndAliases() []Field {
	return []Field{
		{Key: "slug", Label: "Đường dẫn", Control: Text, Advanced: true, Help: "Chữ thường không dấu, số và dấu gạch ngang. Không ghi thì lấy từ tên tệp."},
		{Key: "aliases", Label: "Đường dẫn cũ", Control: List, Advanced: true, Help: "Đường dẫn cũ trong chuyên mục, tự chuyển về bài này, ví dụ /tin-tuc/mot-cua-2025/."},
	}
}

// optionalArticle are the article keys a kind's page may add.
func optionalArticle(titleHelp, dateHelp string) []Field {
	t := title(false)
	t.Help = titleHelp + " " + t.Help
	return append([]Field{t, {Key: "date", Label: "Ngày đăng", Control: DateTime, Help: dateHelp}}, kindTail(false)...)
}

// kindTail are the keys every kind's page ends with.
func kindTail(dated bool) []Field {
	var fs []Field
	if dated {
		fs = append(fs, Field{Key: "date", Label: "Ngày đăng tin", Control: DateTime, Help: "Chỉ ghi khi muốn hẹn ngày đăng tin; không ghi thì đăng ngay."})
	}
	return append(fs,
		Field{Key: "topics", Label: "Chủ đề", Control: Topics, Help: "Không bắt buộc; có thì trang hiện thêm ở trang chủ đề."},
		draft())
}

func documentFields() []Field {
	return []Field{
		{Key: "so_ky_hieu", Label: "Số, ký hiệu", Control: Text, Required: true, Help: "Như trên văn bản: 35/KH-UBND, 42/2022/NĐ-CP. Bản chưa có số: /KH-UBND."},
		{Key: "loai", Label: "Loại văn bản", Control: Text, Suggest: "loai", Help: "Không ghi thì lấy theo ký hiệu (KH là Kế hoạch, QĐ là Quyết định). Công văn phải ghi."},
		{Key: "co_quan", Label: "Cơ quan ban hành", Control: Text, Required: true, Suggest: "co_quan"},
		{Key: "cap", Label: "Cấp ban hành", Control: Select, Options: content.DocLevels(), Help: "Không chọn thì đoán theo cơ quan ban hành."},
		{Key: "ngay_ban_hanh", Label: "Ngày ban hành", Control: Date, Required: true, Help: "Ngày ký: 16/01/2026. Bản chưa ghi ngày: tháng 01/2026."},
		{Key: "ngay_hieu_luc", Label: "Ngày có hiệu lực", Control: Date},
		{Key: "trich_yeu", Label: "Trích yếu", Control: Area, Required: true},
		{Key: "dinh_kem", Label: "Tệp đính kèm", Control: Files, Help: "Tệp văn bản (PDF, DOCX, XLSX) trong thư mục của văn bản; bấm \"Tải tệp lên\" để thêm."},
		{Key: "lien_ket", Label: "Liên kết toàn văn", Control: URL, Help: "Địa chỉ https://… trên trang chính thức, khi xã không có tệp."},
	}
}

func questionFields() []Field {
	return []Field{
		{Key: "cau_hoi", Label: "Câu hỏi", Control: Area, Required: true, Help: "Chép đúng như người hỏi gửi."},
		{Key: "nguoi_hoi", Label: "Người hỏi", Control: Text, Required: true, Help: "Theo cách họ đồng ý nêu, kèm nơi ở: Chị Nguyễn Thị L., thôn 5."},
		{Key: "ngay_hoi", Label: "Ngày hỏi", Control: Date, Required: true},
		{Key: "co_quan_tra_loi", Label: "Cơ quan trả lời", Control: Text, Required: true, Suggest: "co_quan_tra_loi"},
		{Key: "ngay_tra_loi", Label: "Ngày trả lời", Control: Date, Required: true, Help: "Không trước ngày hỏi."},
		{Key: "linh_vuc", Label: "Lĩnh vực", Control: Text, Suggest: "linh_vuc", Help: "Hộ tịch, Chứng thực, Đất đai…"},
	}
}

func procedureFields() []Field {
	return []Field{
		{Key: "ma_thu_tuc", Label: "Mã thủ tục", Control: Text, Help: "Mã trên Cổng Dịch vụ công quốc gia, ví dụ 1.001193."},
		{Key: "linh_vuc", Label: "Lĩnh vực", Control: Text, Required: true, Suggest: "linh_vuc"},
		{Key: "muc_do", Label: "Mức độ trực tuyến", Control: Select, Required: true, Options: []string{content.LevelFull, content.LevelPartial, content.LevelInPerson}},
		{Key: "thoi_han", Label: "Thời hạn giải quyết", Control: Text, Required: true, Help: "Ví dụ: 03 ngày làm việc."},
		{Key: "le_phi", Label: "Phí, lệ phí", Control: Text, Required: true, Help: "Ví dụ: Không thu lệ phí; 8.000 đồng/bản."},
		{Key: "ho_so", Label: "Thành phần hồ sơ", Control: List, Required: true, Help: "Mỗi giấy tờ một dòng."},
		{Key: "noi_tiep_nhan", Label: "Nơi tiếp nhận", Control: Text, Required: true, Suggest: "noi_tiep_nhan"},
		{Key: "link_dvc", Label: "Trang thủ tục trên Cổng Dịch vụ công", Control: URL, Help: "Bắt đầu bằng https://dichvucong.gov.vn/."},
	}
}

func eventFields() []Field {
	return []Field{
		{Key: "thoi_gian", Label: "Thời gian bắt đầu", Control: DateTime, Required: true, Help: "Ngày giờ: 18/12/2026 08:00."},
		{Key: "ket_thuc", Label: "Kết thúc", Control: Text, Help: "Giờ kết thúc trong ngày (11:30), hoặc ngày giờ kết thúc."},
		{Key: "dia_diem", Label: "Địa điểm", Control: Text, Required: true, Suggest: "dia_diem"},
		{Key: "don_vi", Label: "Đơn vị tổ chức", Control: Text, Suggest: "don_vi", Help: "Không ghi thì là cơ quan chủ quản của chuyên mục."},
	}
}

// BodyLabel names the Markdown body of a page of kind k.
func BodyLabel(k Kind) string {
	switch k {
	case Home, Section:
		return "Lời giới thiệu"
	case Document:
		return "Giới thiệu văn bản"
	case Question:
		return "Câu trả lời"
	case Procedure:
		return "Ghi chú thêm cho người dân"
	case Event:
		return "Nội dung sự kiện"
	}
	return "Nội dung bài"
}

// Kinds of the sections' folders, for "Viết bài mới".
func sectionKind(section string) Kind { return KindOf(content.ContentDir + "/" + section + "/x.md") }

// NewTitle is what a new page of section is asked for first, the text
// its template starts from: a title, or a kind's own main text.
func NewTitle(section string) string {
	switch sectionKind(section) {
	case Document:
		return "Trích yếu văn bản"
	case Question:
		return "Câu hỏi"
	case Procedure:
		return "Tên thủ tục"
	case Event:
		return "Tên hội nghị, sự kiện"
	}
	return "Tiêu đề bài viết"
}

// IsKind reports whether section holds one of the content kinds, whose
// new pages start from their own template.
func IsKind(section string) bool { return sectionKind(section) != Article }
