package pagefields_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/load"
	"github.com/cchc-vn/cchc/internal/load/loadtest"
)

// loadOne loads a site made of files and returns the page at rel (a path
// below content/), published or not, with every diagnostic.
func loadOne(t *testing.T, rel string, files map[string]string) (*content.Page, []string) {
	t.Helper()
	site, msgs := loadtest.Map(t, files, nil, load.Options{})
	if site == nil {
		t.Fatalf("no site: %q", msgs)
	}
	p := site.ByPath[rel]
	if p == nil {
		p = site.Unpublished[rel]
	}
	return p, msgs
}

func day(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.FixedZone("+0700", 7*3600))
}

const docOK = `so_ky_hieu: "35/KH-UBND"
co_quan: "UBND tỉnh Nghệ An"
ngay_ban_hanh: 16/01/2026
trich_yeu: "Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2026"
`

func TestDocumentFields(t *testing.T) {
	const file = "content/van-ban/a/index.md"
	for _, tc := range []struct {
		name  string
		front string // front matter lines after the opening ---
		files map[string]string
		check func(t *testing.T, p *content.Page)
		want  []string
	}{
		{
			name:  "defaults from the number: type, level, title, date, summary",
			front: docOK + "dinh_kem: [ke-hoach.pdf]\n",
			files: map[string]string{"content/van-ban/a/ke-hoach.pdf": "%PDF-1.4 x"},
			check: func(t *testing.T, p *content.Page) {
				d := p.Doc
				if d.Number != "35/KH-UBND" || d.Type != "Kế hoạch" || d.Level != "Tỉnh" || d.Issuer != "UBND tỉnh Nghệ An" ||
					!d.Issued.Equal(day(2026, 1, 16, 0, 0)) || !d.Effective.IsZero() || d.IssuedMonthOnly != "" || !d.Numbered() {
					t.Errorf("doc = %+v", d)
				}
				if p.Title != "Kế hoạch số 35/KH-UBND" || !p.Date.Equal(d.Issued) || p.Summary != d.Abstract || len(p.Topics) != 0 {
					t.Errorf("title %q date %v summary %q topics %v", p.Title, p.Date, p.Summary, p.Topics)
				}
				want := []content.Attachment{{Name: "ke-hoach.pdf", URL: "van-ban/a/ke-hoach.pdf", Source: "content/van-ban/a/ke-hoach.pdf", Format: "PDF", Size: 10}}
				if !slices.Equal(d.Attachments, want) {
					t.Errorf("attachments = %+v, want %+v", d.Attachments, want)
				}
			},
		},
		{
			name: "every field written, canonical spellings",
			front: `title: "Quyết định công bố thủ tục"
so_ky_hieu: "05/QĐ-UBND"
loai: "quyet dinh"
co_quan: "UBND xã Diễn Châu"
cap: "XA"
ngay_ban_hanh: 2026-02-03
ngay_hieu_luc: 10/02/2026
trich_yeu: "Công bố danh mục thủ tục hành chính"
dinh_kem:
  - tep: qd.docx
    ten: "Toàn văn"
  - phu-luc/danh-muc.xlsx
date: 05/02/2026
summary: "Tóm tắt riêng"
topics: [TTHC]
`,
			files: map[string]string{"content/van-ban/a/qd.docx": "docx", "content/van-ban/a/phu-luc/danh-muc.xlsx": "xlsx!"},
			check: func(t *testing.T, p *content.Page) {
				d := p.Doc
				if d.Type != "Quyết định" || d.Level != "Xã" || !d.Effective.Equal(day(2026, 2, 10, 0, 0)) {
					t.Errorf("doc = %+v", d)
				}
				if p.Title != "Quyết định công bố thủ tục" || !p.Date.Equal(day(2026, 2, 5, 0, 0)) || p.Summary != "Tóm tắt riêng" ||
					!slices.Equal(p.Topics, []string{"cai-cach-thu-tuc-hanh-chinh"}) {
					t.Errorf("title %q date %v summary %q topics %v", p.Title, p.Date, p.Summary, p.Topics)
				}
				want := []content.Attachment{
					{Name: "Toàn văn", URL: "van-ban/a/qd.docx", Source: "content/van-ban/a/qd.docx", Format: "DOCX", Size: 4},
					{Name: "danh-muc.xlsx", URL: "van-ban/a/phu-luc/danh-muc.xlsx", Source: "content/van-ban/a/phu-luc/danh-muc.xlsx", Format: "XLSX", Size: 5},
				}
				if !slices.Equal(d.Attachments, want) {
					t.Errorf("attachments = %+v, want %+v", d.Attachments, want)
				}
			},
		},
		{
			name: "a copy not yet numbered or dated",
			front: `so_ky_hieu: "/KH-UBND"
loai: Kế hoạch
co_quan: "UBND xã Diễn Châu"
ngay_ban_hanh: "tháng 01/2026"
trich_yeu: "Tuyên truyền cải cách hành chính nhà nước xã Diễn Châu năm 2026"
lien_ket: "https://example.gov.vn/ke-hoach"
`,
			check: func(t *testing.T, p *content.Page) {
				d := p.Doc
				if d.Numbered() || d.IssuedMonthOnly != "tháng 01/2026" || !d.Issued.Equal(day(2026, 1, 1, 0, 0)) || d.Link != "https://example.gov.vn/ke-hoach" {
					t.Errorf("doc = %+v", d)
				}
				if p.Title != "Kế hoạch tuyên truyền cải cách hành chính nhà nước xã Diễn Châu năm 2026" {
					t.Errorf("title = %q", p.Title)
				}
			},
		},
		{
			name:  "the Government's number, with its year, and a Party document",
			front: "so_ky_hieu: \"42/2022/NĐ-CP\"\nco_quan: Chính phủ\nngay_ban_hanh: 24/06/2022\ntrich_yeu: x\nlien_ket: https://vanban.chinhphu.vn/\n",
			check: func(t *testing.T, p *content.Page) {
				if p.Doc.Type != "Nghị định" || p.Doc.Level != "Trung ương" || p.Title != "Nghị định số 42/2022/NĐ-CP" {
					t.Errorf("doc = %+v, title %q", p.Doc, p.Title)
				}
			},
		},
		{
			name:  "malformed number",
			front: strings.Replace(docOK, `"35/KH-UBND"`, `"35/KH - UBND"`, 1) + "lien_ket: https://x.vn/\n",
			want: []string{
				// Nothing more: without a valid number, a missing type is not news.
				"content/van-ban/a/index.md:2:13: lỗi: `so_ky_hieu` (số, ký hiệu văn bản) \"35/KH - UBND\" có dấu cách — viết `so_ky_hieu: \"35/KH-UBND\"`",
			},
		},
		{
			name:  "number copied with Số and an en dash",
			front: strings.Replace(docOK, `"35/KH-UBND"`, `"Số: 35/KH–UBND"`, 1) + "loai: Kế hoạch\nlien_ket: https://x.vn/\n",
			want: []string{
				"content/van-ban/a/index.md:2:13: lỗi: `so_ky_hieu` (số, ký hiệu văn bản) \"Số: 35/KH–UBND\" không cần chữ “Số” ở đầu — viết `so_ky_hieu: \"35/KH-UBND\"`",
			},
		},
		{
			name:  "type that does not match the symbol, unknown level",
			front: docOK + "loai: Quyết định\ncap: huyện\nlien_ket: https://x.vn/\n",
			want: []string{
				"content/van-ban/a/index.md:6:7: cảnh báo: `loai` (loại văn bản) \"Quyết định\" không khớp ký hiệu \"KH-UBND\" của số văn bản — kiểm tra lại: ký hiệu KH là của kế hoạch",
				"content/van-ban/a/index.md:7:6: lỗi: `cap` (cấp ban hành) \"huyện\" không hợp lệ: chỉ nhận Trung ương, Tỉnh, Xã — từ ngày 01/7/2025 chính quyền địa phương có hai cấp, tỉnh và xã: viết `Tỉnh` hoặc `Xã`",
			},
		},
		{
			name:  "level misspelt, an unknown type near a known one",
			front: "so_ky_hieu: \"12/UBND-VP\"\nloai: Công vănn\nco_quan: Ban chỉ đạo\ncap: Trung uong\nngay_ban_hanh: 16/01/2026\ntrich_yeu: x\nlien_ket: https://x.vn/\n",
			check: func(t *testing.T, p *content.Page) {
				if p.Doc.Type != "Công vănn" || p.Doc.Level != "Trung ương" || p.Title != "Công vănn số 12/UBND-VP" {
					t.Errorf("doc = %+v, title %q", p.Doc, p.Title)
				}
			},
			want: []string{
				"content/van-ban/a/index.md:3:7: cảnh báo: `loai` (loại văn bản) \"Công vănn\" không có trong danh mục thể thức văn bản — có phải ý bạn là \"Công văn\"?",
			},
		},
		{
			name:  "level cannot be guessed",
			front: "so_ky_hieu: \"12/UBND-VP\"\nloai: Công văn\nco_quan: Ban chỉ đạo\nngay_ban_hanh: 16/01/2026\ntrich_yeu: x\nlien_ket: https://x.vn/\n",
			want: []string{
				"content/van-ban/a/index.md:1: lỗi: thiếu `cap` (cấp ban hành): không đoán được từ cơ quan ban hành \"Ban chỉ đạo\" — thêm dòng `cap: \"Trung ương\"`, `cap: \"Tỉnh\"` hoặc `cap: \"Xã\"`",
			},
		},
		{
			name:  "effective before issued, year of the number",
			front: "so_ky_hieu: \"01/2025/QĐ-UBND\"\nco_quan: UBND tỉnh Nghệ An\nngay_ban_hanh: 16/01/2026\nngay_hieu_luc: 15/01/2026\ntrich_yeu: x\nlien_ket: https://x.vn/\n",
			want: []string{
				"content/van-ban/a/index.md:4:16: cảnh báo: năm trong số, ký hiệu (2025) khác năm của `ngay_ban_hanh` (ngày ban hành) (2026) — kiểm tra lại năm ban hành hoặc số, ký hiệu",
				"content/van-ban/a/index.md:5:16: lỗi: `ngay_hieu_luc` (ngày có hiệu lực) 15/01/2026 trước `ngay_ban_hanh` (ngày ban hành) 16/01/2026 — ngày có hiệu lực không thể trước ngày ban hành; kiểm tra lại hai ngày",
			},
		},
		{
			name:  "missing everything",
			front: "title: Văn bản\n",
			want: []string{
				"content/van-ban/a/index.md:1: lỗi: thiếu `so_ky_hieu` (số, ký hiệu văn bản) trong phần khai báo đầu bài — thêm dòng `so_ky_hieu: \"35/KH-UBND\"`",
				"content/van-ban/a/index.md:1: lỗi: thiếu `co_quan` (cơ quan ban hành) trong phần khai báo đầu bài — thêm dòng `co_quan: \"UBND tỉnh Nghệ An\"`",
				"content/van-ban/a/index.md:1: lỗi: thiếu `ngay_ban_hanh` (ngày ban hành) trong phần khai báo đầu bài — thêm dòng `ngay_ban_hanh: 16/01/2026`",
				"content/van-ban/a/index.md:1: lỗi: thiếu `trich_yeu` (trích yếu) trong phần khai báo đầu bài — thêm dòng `trich_yeu: \"Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2026\"`",
				"content/van-ban/a/index.md:1: cảnh báo: văn bản chưa có tệp đính kèm hay liên kết toàn văn: người đọc không tải được văn bản — đặt tệp văn bản (PDF, DOCX…) cạnh trang rồi thêm `dinh_kem: [ten-tep.pdf]`, hoặc thêm `lien_ket:` tới toàn văn trên trang chính thức",
			},
		},
		{
			name:  "empty values and a typo in a key",
			front: "so_ky_hieu: \"\"\nco_quan:\nngay_ban_hanh: 16/01/2026\ntrich_yeu: x\nlien_ket: \"ftp://x\"\ntrich_yue: y\n",
			want: []string{
				"content/van-ban/a/index.md:7:1: cảnh báo: khóa `trich_yue` không được hỗ trợ, sẽ bị bỏ qua — có phải ý bạn là `trich_yeu`?",
				"content/van-ban/a/index.md:2:1: lỗi: `so_ky_hieu` (số, ký hiệu văn bản) đang để trống — viết, ví dụ: `so_ky_hieu: \"35/KH-UBND\"`",
				"content/van-ban/a/index.md:3:1: lỗi: `co_quan` (cơ quan ban hành) đang để trống — viết, ví dụ: `co_quan: \"UBND tỉnh Nghệ An\"`",
				"content/van-ban/a/index.md:6:11: lỗi: `lien_ket` (liên kết toàn văn) \"ftp://x\" không phải địa chỉ trang web hợp lệ — viết địa chỉ đầy đủ, ví dụ `lien_ket: \"https://vanban.chinhphu.vn/…\"`",
				"content/van-ban/a/index.md:1: cảnh báo: văn bản chưa có tệp đính kèm hay liên kết toàn văn: người đọc không tải được văn bản — đặt tệp văn bản (PDF, DOCX…) cạnh trang rồi thêm `dinh_kem: [ten-tep.pdf]`, hoặc thêm `lien_ket:` tới toàn văn trên trang chính thức",
			},
		},
		{
			name:  "missing attachment, at its line, with the file of another case",
			front: docOK + "dinh_kem:\n  - ke-hoach.pdf\n  - {tep: Phu-luc.PDF, ten: \"Phụ lục\"}\n  - bao-cao.docx\n",
			files: map[string]string{"content/van-ban/a/ke-hoach.pdf": "x", "content/van-ban/a/phu-luc.pdf": "x", "content/van-ban/a/bao-cao.doc": "x"},
			want: []string{
				"content/van-ban/a/index.md:8: lỗi: không tìm thấy tệp đính kèm van-ban/a/Phu-luc.PDF — tên tệp phân biệt chữ hoa, chữ thường: có phải ý bạn là `phu-luc.pdf`?",
				"content/van-ban/a/index.md:9: lỗi: không tìm thấy tệp đính kèm van-ban/a/bao-cao.docx — có phải ý bạn là `bao-cao.doc`?",
			},
		},
		{
			name:  "attachments that cannot be files of the site",
			front: docOK + "dinh_kem:\n  - https://x.vn/a.pdf\n  - ..\\..\\a.pdf\n  - ../../../a.pdf\n  - README\n  - chay.exe\n  - {ten: x}\n  - [a]\n  - {tep: a.pdf, tenn: x}\n",
			files: map[string]string{"content/van-ban/a/a.pdf": "x"},
			want: []string{
				"content/van-ban/a/index.md:7:5: lỗi: tệp đính kèm \"https://x.vn/a.pdf\" là địa chỉ trang web, không phải tệp của chuyên mục — tải tệp về, đặt cạnh trang văn bản rồi viết tên tệp; địa chỉ toàn văn trên mạng thì ghi vào `lien_ket:`",
				"content/van-ban/a/index.md:8:5: lỗi: tệp đính kèm \"..\\\\..\\\\a.pdf\" dùng dấu `\\`; đường dẫn trong chuyên mục dùng dấu `/` — viết \"../../a.pdf\"",
				"content/van-ban/a/index.md:9:5: lỗi: tệp đính kèm \"../../../a.pdf\" nằm ngoài thư mục nội dung content/ — đặt tệp trong thư mục content/, tốt nhất là cạnh trang văn bản",
				"content/van-ban/a/index.md:10:5: lỗi: tệp đính kèm \"README\" không có phần đuôi (.pdf, .docx…) nên người đọc không biết loại tệp — đổi tên tệp cho có đuôi, ví dụ `ke-hoach.pdf`",
				"content/van-ban/a/index.md:11:5: lỗi: không đính kèm tệp \"chay.exe\": tệp .exe có thể chạy mã trên máy người đọc — chỉ đính kèm tài liệu: PDF, DOC, DOCX, XLS, XLSX, ODT, ảnh…",
				"content/van-ban/a/index.md:12:5: lỗi: mục của `dinh_kem` (tệp đính kèm) thiếu `tep` (tên tệp) — mỗi tệp là tên tệp, ví dụ `- ke-hoach.pdf`, hoặc `- {tep: ke-hoach.pdf, ten: \"Toàn văn Kế hoạch\"}`",
				"content/van-ban/a/index.md:13:5: lỗi: mục của `dinh_kem` (tệp đính kèm) phải là tên tệp — mỗi tệp là tên tệp, ví dụ `- ke-hoach.pdf`, hoặc `- {tep: ke-hoach.pdf, ten: \"Toàn văn Kế hoạch\"}`",
				"content/van-ban/a/index.md:14:18: cảnh báo: khóa `tenn` trong `dinh_kem` không được hỗ trợ, sẽ bị bỏ qua — có phải ý bạn là `ten`?",
			},
		},
		{
			name:  "attachment from content/ and from an unpublished bundle",
			front: docOK + "dinh_kem: [/tep/bieu-mau.pdf, ../nhap/x.pdf]\n",
			files: map[string]string{
				"content/tep/bieu-mau.pdf":      "x",
				"content/van-ban/nhap/index.md": "---\ndraft: true\n" + docOK + "lien_ket: https://x.vn/\n---\n",
				"content/van-ban/nhap/x.pdf":    "x",
			},
			check: func(t *testing.T, p *content.Page) {
				if len(p.Doc.Attachments) != 1 || p.Doc.Attachments[0].URL != "tep/bieu-mau.pdf" {
					t.Errorf("attachments = %+v", p.Doc.Attachments)
				}
			},
			want: []string{
				"content/van-ban/a/index.md:6: lỗi: tệp đính kèm van-ban/nhap/x.pdf thuộc một trang chưa đăng (bản nháp hoặc hẹn giờ) — đăng trang chứa tệp đó trước, hoặc chép tệp vào thư mục của văn bản",
			},
		},
		{
			name:  "empty attachment list",
			front: docOK + "dinh_kem: []\n",
			want: []string{
				"content/van-ban/a/index.md:6:1: lỗi: `dinh_kem` (tệp đính kèm) là danh sách trống — xóa dòng `dinh_kem` hoặc viết tên tệp, ví dụ `dinh_kem: [ke-hoach.pdf]`",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{file: "---\n" + tc.front + "---\nNội dung.\n"}
			for k, v := range tc.files {
				files[k] = v
			}
			p, msgs := loadOne(t, "van-ban/a/index.md", files)
			if !slices.Equal(msgs, tc.want) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(tc.want, "\n"))
			}
			if p == nil || p.Doc == nil {
				t.Fatalf("page or Doc missing: %+v", p)
			}
			if tc.check != nil {
				tc.check(t, p)
			}
		})
	}
}
