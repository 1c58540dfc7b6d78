package load_test

import (
	"strings"
	"testing"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/load"
	"github.com/cchc-vn/cchc/internal/load/loadtest"
)

const article = "---\ntitle: \"Tiêu đề\"\ndate: 2026-01-16\ntopics: [SIPAS]\n---\nNội dung.\n"

func TestClassifyKindsAndURLs(t *testing.T) {
	site, msgs := loadtest.Map(t, map[string]string{
		"content/_index.md":                   "---\ntitle: Trang chủ\n---\nGiới thiệu.\n",
		"content/gioi-thieu.md":               "---\ntitle: Giới thiệu\n---\nTrang đứng riêng.\n",
		"content/bai-viet/_index.md":          "---\ntitle: Tin bài\n---\n",
		"content/bai-viet/Đường làng.md":      article,
		"content/bai-viet/goi/index.md":       article,
		"content/bai-viet/goi/anh.png":        "png",
		"content/bai-viet/goi/con/so-do.svg":  "<svg/>",
		"content/tin-tuc/2026/ke-hoach.md":    article,
		"content/tep/huong-dan.pdf":           "pdf",
		"content/bai-viet/.DS_Store":          "x",
		"content/bai-viet/~$nhap.docx":        "x",
		"content/bai-viet/.git/config":        "x",
		"content/bai-viet/#ghi-tam.md#":       "x",
		"content/bai-viet/bai-cu.md.swp":      "x",
		"content/bai-viet/bai-cu.md~":         "x",
		"content/bai-viet/goi/.~lock.a.docx#": "x",
		"content/bai-viet/gioi-thieu-khac.md": "---\ntitle: B\ndate: 2026-01-17\ntopics: [SIPAS]\nslug: gioi-thieu\n---\n",
	}, nil, load.Options{})
	if len(msgs) != 0 {
		t.Fatalf("diagnostics: %q", msgs)
	}
	want := map[string]struct {
		kind    content.Role
		url     string
		section string
	}{
		"_index.md":                   {content.RoleHome, "", ""},
		"gioi-thieu.md":               {content.RolePage, "gioi-thieu/", ""},
		"bai-viet/_index.md":          {content.RoleSection, "bai-viet/", "bai-viet"},
		"bai-viet/Đường làng.md":      {content.RoleArticle, "bai-viet/duong-lang/", "bai-viet"},
		"bai-viet/goi/index.md":       {content.RoleArticle, "bai-viet/goi/", "bai-viet"},
		"tin-tuc/2026/ke-hoach.md":    {content.RoleArticle, "tin-tuc/ke-hoach/", "tin-tuc"},
		"bai-viet/gioi-thieu-khac.md": {content.RoleArticle, "bai-viet/gioi-thieu/", "bai-viet"},
	}
	for rel, w := range want {
		p := site.ByPath[rel]
		if p == nil {
			t.Errorf("%s: not loaded", rel)
			continue
		}
		if p.Role != w.kind || p.URL != w.url || p.Section != w.section {
			t.Errorf("%s: kind %v url %q section %q, want %v %q %q", rel, p.Role, p.URL, p.Section, w.kind, w.url, w.section)
		}
	}
	var urls []string
	for _, f := range site.Files {
		urls = append(urls, f.URL)
	}
	if got := strings.Join(urls, " "); got != "bai-viet/goi/anh.png bai-viet/goi/con/so-do.svg tep/huong-dan.pdf" {
		t.Errorf("files: %s", got)
	}
}

func TestBodyLineAndTextCleaning(t *testing.T) {
	src := "\uFEFF\r\n---\r\ntitle: \"Hoa\u0300\"\r\ndate: 16/01/2026\r\ntopics: [SIPAS]\r\n---\r\n\r\nThân bài.\r\n"
	site, msgs := loadtest.Map(t, map[string]string{"content/bai-viet/a.md": src}, nil, load.Options{})
	if len(msgs) != 1 || !strings.HasPrefix(msgs[0], "content/bai-viet/a.md:3:11: cảnh báo: văn bản có chữ tổ hợp") {
		t.Fatalf("diagnostics: %q", msgs)
	}
	p := site.ByPath["bai-viet/a.md"]
	if p.Title != "Hoà" {
		t.Errorf("title %q not NFC", p.Title)
	}
	if p.BodyLine != 7 || string(p.Body) != "\nThân bài.\n" {
		t.Errorf("body line %d, body %q", p.BodyLine, p.Body)
	}
	if p.Lines["date"] != 4 {
		t.Errorf("date line %d, want 4", p.Lines["date"])
	}
}

func TestBadFilesReportLine(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"nul", "---\ntitle: a\n---\nab\x00c\n", "content/bai-viet/x.md:4: lỗi: tệp có ký tự NUL: đây không phải tệp văn bản — lưu lại tệp dưới dạng văn bản UTF-8 (không phải tệp Word hay tệp nhị phân)"},
		{"latin1", "---\ntitle: a\n---\n\nCaf\xe9\n", "content/bai-viet/x.md:5: lỗi: tệp không phải văn bản UTF-8 hợp lệ (có thể lưu bằng bảng mã TCVN3 hoặc VNI) — mở tệp và lưu lại với bảng mã UTF-8"},
		{"unclosed", "\n---\ntitle: a\n", "content/bai-viet/x.md:2: lỗi: phần khai báo đầu bài mở bằng `---` nhưng không có dòng `---` đóng lại — thêm một dòng `---` sau dòng khai báo cuối cùng"},
		{"slug escapes", "---\ntitle: a\ndate: 2026-01-01\ntopics: [PCI]\nslug: ../../etc\n---\n", "content/bai-viet/x.md:5:1: lỗi: `slug` (đường dẫn) \"../../etc\" không được chứa `/`, `\\` hay `..` — chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ `ket-qua-sipas-2025`"},
		{"sentence", "---\nĐây là một câu văn.\n---\n", "content/bai-viet/x.md:2:1: lỗi: phần khai báo đầu bài (front matter) phải là danh sách các khóa và giá trị, không phải một câu văn — mỗi dòng viết dạng `khóa: giá trị`, ví dụ `title: \"Tiêu đề bài viết\"`"},
		{"draft not bool", "---\ntitle: a\ndate: 2026-01-01\ntopics: [PCI]\ndraft: có\n---\n", "content/bai-viet/x.md:5:1: lỗi: `draft` (bản nháp) chỉ nhận true hoặc false, không phải \"có\" — viết `draft: true` hoặc `draft: false`"},
		{"image without alt", "---\ntitle: a\ndate: 2026-01-01\ntopics: [PCI]\nimage: a.png\n---\n", "content/bai-viet/x.md:5: lỗi: ảnh đại diện thiếu `image_alt` (mô tả ảnh) — thêm `image_alt: \"mô tả ngắn nội dung ảnh\"` cho người dùng trình đọc màn hình"},
		{"unknown field", "---\ntittle: a\ntitle: b\ndate: 2026-01-01\ntopics: [PCI]\n---\n", "content/bai-viet/x.md:2:1: cảnh báo: khóa `tittle` không được hỗ trợ, sẽ bị bỏ qua — có phải ý bạn là `title`?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, msgs := loadtest.Map(t, map[string]string{"content/bai-viet/x.md": tt.src}, nil, load.Options{})
			if len(msgs) == 0 || msgs[0] != tt.want {
				t.Errorf("got %q\nwant %q", msgs, tt.want)
			}
		})
	}
}

func TestTooLargeFileRefused(t *testing.T) {
	big := article + strings.Repeat("Nội dung dài. ", 200)
	_, msgs := loadtest.Map(t, map[string]string{"content/bai-viet/x.md": big}, nil, load.Options{MaxFileSize: 1000})
	want := "content/bai-viet/x.md:1: lỗi: tệp quá lớn (3,4 KB), giới hạn là 1000 byte — tách bài thành nhiều bài, hoặc đưa số liệu vào tệp đính kèm"
	if len(msgs) != 1 || msgs[0] != want {
		t.Errorf("got %q", msgs)
	}
}

func TestStandAlonePageNeedsOnlyTitle(t *testing.T) {
	site, msgs := loadtest.Map(t, map[string]string{
		"content/lien-he.md": "---\ntitle: Liên hệ\n---\nĐịa chỉ: …\n",
		"content/trong.md":   "---\nsummary: không có tiêu đề\n---\n",
	}, nil, load.Options{})
	want := "content/trong.md:1: lỗi: thiếu `title` (tiêu đề) trong phần khai báo đầu bài — thêm dòng `title: \"Tiêu đề bài viết\"`"
	if len(msgs) != 1 || msgs[0] != want {
		t.Errorf("diagnostics %q", msgs)
	}
	if p := site.ByPath["lien-he.md"]; p == nil || p.URL != "lien-he/" {
		t.Errorf("page not indexed: %+v", p)
	}
}

func TestWarnsAboutNFDAndLookalikes(t *testing.T) {
	src := "---\ntitle: \"Tiêu đề\"\ndate: 2026-01-16\ntopics: [SIPAS]\n---\nDòng một.\nUBND xã Ðông Hòa và Chuye\u0302\u0309n đổi số.\n"
	site, msgs := loadtest.Map(t, map[string]string{"content/bai-viet/a.md": src}, nil, load.Options{})
	want := []string{
		"content/bai-viet/a.md:7:25: cảnh báo: văn bản có chữ tổ hợp (dấu tách rời khỏi chữ, dạng NFD) — gõ lại đoạn này bằng bộ gõ tiếng Việt (Unicode dựng sẵn), hoặc lưu tệp ở dạng NFC",
		"content/bai-viet/a.md:7:9: cảnh báo: ký tự 'Ð' (U+00D0) trông giống 'Đ' (U+0110) nhưng là chữ khác — gõ lại chữ 'Đ' bằng bộ gõ tiếng Việt",
	}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
	// The text is normalised to NFC, but the look-alike is kept as written.
	if body := string(site.ByPath["bai-viet/a.md"].Body); !strings.Contains(body, "Chuyển") || !strings.Contains(body, "Ðông") {
		t.Errorf("body %q", body)
	}
}
