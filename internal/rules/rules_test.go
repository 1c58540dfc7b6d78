package rules

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/load"
)

// loadSite loads files (paths relative to the site root) with the default
// config. Loader errors fail the test unless the case is about a broken
// file, so that a case tests only its rule.
func loadSite(t *testing.T, files map[string]string, opts load.Options, broken bool) *content.Site {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	site, ds := load.Site(fsys, config.Default(), opts)
	if site == nil || ds.HasErrors() != broken {
		t.Fatalf("load:\n%s", ds.Error())
	}
	return site
}

func lines(ds diag.List) string {
	var out []string
	for _, d := range ds {
		out = append(out, d.String())
	}
	return strings.Join(out, "\n")
}

func article(title, extra, body string) string {
	return "---\ntitle: \"" + title + "\"\ndate: 2026-01-16\ntopics: [SIPAS]\n" + extra + "---\n" + body
}

func TestEditorial(t *testing.T) {
	long := strings.Repeat("Một cửa ", 9) // 72 characters with the trailing space, 71 trimmed
	seventy := strings.Repeat("x", 70)
	const sum = "summary: \"Tóm tắt.\"\n"
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"clean article", map[string]string{"content/bai-viet/a.md": article("Kết quả SIPAS", sum, "Nội dung hòa hợp.\n")}, ""},
		{"title of 70 characters passes", map[string]string{"content/bai-viet/a.md": article(seventy, sum, "x\n")}, ""},
		{"title too long", map[string]string{"content/bai-viet/a.md": article(long, sum, "x\n")},
			"content/bai-viet/a.md:2: cảnh báo: `title` (tiêu đề) dài 71 ký tự, quá 70 ký tự nên bị cắt khi chia sẻ lên mạng xã hội — rút gọn tiêu đề còn tối đa 70 ký tự; ý phụ đưa vào `summary` (tóm tắt)"},
		{"long title of a stand-alone page", map[string]string{"content/gioi-thieu.md": "---\nsummary: \"s\"\ntitle: \"" + long + "\"\n---\nx\n"},
			"content/gioi-thieu.md:3: cảnh báo: `title` (tiêu đề) dài 71 ký tự, quá 70 ký tự nên bị cắt khi chia sẻ lên mạng xã hội — rút gọn tiêu đề còn tối đa 70 ký tự; ý phụ đưa vào `summary` (tóm tắt)"},
		{"long title of a section is not shared", map[string]string{
			"content/bai-viet/_index.md": "---\ntitle: \"" + long + "\"\n---\n",
			"content/bai-viet/a.md":      article("A", sum, "x\n")}, ""},
		{"summary missing", map[string]string{"content/bai-viet/a.md": article("A", "", "x\n")},
			"content/bai-viet/a.md:1: cảnh báo: bài chưa có `summary` (tóm tắt): đoạn đầu tiên của bài sẽ được dùng làm tóm tắt — thêm dòng `summary: \"…\"` nêu ý chính của bài trong một, hai câu (hiện ở danh sách bài, kết quả tìm kiếm và khi chia sẻ)"},
		{"summary empty", map[string]string{"content/bai-viet/a.md": article("A", "summary: \"\" # để sau\n", "x\n")},
			"content/bai-viet/a.md:5: cảnh báo: `summary` (tóm tắt) đang để trống: đoạn đầu tiên của bài sẽ được dùng làm tóm tắt — viết sau `summary:` một, hai câu nêu ý chính của bài (hiện ở danh sách bài, kết quả tìm kiếm và khi chia sẻ)"},
		{"broken front matter: no summary warning on top of the error", map[string]string{"content/bai-viet/a.md": "---\ntitle: \"A\"\ntopics:\n\t- SIPAS\n---\nx\n"}, ""},
		{"a kind's page needs no summary, a question may be long", map[string]string{
			"content/hoi-dap/a.md": "---\ncau_hoi: \"" + long + "\"\nnguoi_hoi: \"Chị H., thôn 3\"\nngay_hoi: 10/11/2026\nngay_tra_loi: 12/11/2026\nco_quan_tra_loi: \"UBND xã\"\n---\nTrả lời.\n",
			"content/su-kien/b.md": "---\ntitle: \"Hội nghị\"\nthoi_gian: 05/12/2026 08:00\ndia_diem: \"Hội trường UBND xã\"\ndon_vi: \"UBND xã\"\n---\nx\n"}, ""},
		{"vague link text, any case or diacritics; images and clear links pass", map[string]string{"content/bai-viet/a.md": article("A", sum,
			"Xem kế hoạch [tại đây](../x.md) và [Xem Thêm](https://a.vn).\n\n![tại đây](anh.png) [Kế hoạch năm 2026](../y.md) [tai day **ngay**](z.md)\n")},
			"content/bai-viet/a.md:7:14: cảnh báo: liên kết chỉ ghi \"tại đây\": người dùng trình đọc màn hình nghe danh sách liên kết sẽ không biết liên kết dẫn đến đâu — viết chữ nói rõ trang được mở, ví dụ `[Kế hoạch tuyên truyền CCHC năm 2026](…)` hoặc `xem [thủ tục đăng ký khai sinh](…)`\n" +
				"content/bai-viet/a.md:7:36: cảnh báo: liên kết chỉ ghi \"Xem Thêm\": người dùng trình đọc màn hình nghe danh sách liên kết sẽ không biết liên kết dẫn đến đâu — viết chữ nói rõ trang được mở, ví dụ `[Kế hoạch tuyên truyền CCHC năm 2026](…)` hoặc `xem [thủ tục đăng ký khai sinh](…)`"},
		{"image without description, or with import's placeholder; described images and links pass", map[string]string{"content/bai-viet/a.md": article("A", sum,
			"![](anh.png) và ![  ](b.png)\n\n![Cần mô tả ảnh](c.png) ![CẦN MÔ TẢ ẢNH](d.png) [](e.md) ![Quầy \\[một cửa\\]](f.png)\n")},
			"content/bai-viet/a.md:7:1: cảnh báo: ảnh chưa có mô tả: người dùng trình đọc màn hình không biết ảnh cho thấy gì — viết trong ngoặc vuông một câu tả nội dung ảnh, ví dụ `![Người dân nộp hồ sơ tại quầy một cửa](anh-1.jpg)`\n" +
				"content/bai-viet/a.md:7:17: cảnh báo: ảnh chưa có mô tả: người dùng trình đọc màn hình không biết ảnh cho thấy gì — viết trong ngoặc vuông một câu tả nội dung ảnh, ví dụ `![Người dân nộp hồ sơ tại quầy một cửa](anh-1.jpg)`\n" +
				"content/bai-viet/a.md:9:1: cảnh báo: ảnh còn mô tả tạm \"Cần mô tả ảnh\" (do cchc import ghi khi ảnh trong Word không có mô tả) — viết trong ngoặc vuông một câu tả nội dung ảnh, ví dụ `![Người dân nộp hồ sơ tại quầy một cửa](anh-1.jpg)`\n" +
				"content/bai-viet/a.md:9:25: cảnh báo: ảnh còn mô tả tạm \"CẦN MÔ TẢ ẢNH\" (do cchc import ghi khi ảnh trong Word không có mô tả) — viết trong ngoặc vuông một câu tả nội dung ảnh, ví dụ `![Người dân nộp hồ sơ tại quầy một cửa](anh-1.jpg)`"},
		{"stand-alone page needs no summary", map[string]string{"content/gioi-thieu.md": "---\ntitle: \"Giới thiệu\"\n---\nx\n"}, ""},
		{"draft is checked too", map[string]string{"content/bai-viet/a.md": article("A", "draft: true\n", "x\n")},
			"content/bai-viet/a.md:1: cảnh báo: bài chưa có `summary` (tóm tắt): đoạn đầu tiên của bài sẽ được dùng làm tóm tắt — thêm dòng `summary: \"…\"` nêu ý chính của bài trong một, hai câu (hiện ở danh sách bài, kết quả tìm kiếm và khi chia sẻ)"},
		{"tone: old in title, new in body", map[string]string{"content/bai-viet/a.md": article("Hoà giải ở cơ sở", sum, "Đoạn một.\n\nTổ hòa giải thôn.\n")},
			"content/bai-viet/a.md:2: cảnh báo: bài dùng lẫn hai cách đặt dấu thanh: \"Hoà\" ở đây và \"hòa\" ở dòng 9 — chọn một cách đặt dấu và dùng thống nhất trong cả bài, ví dụ luôn viết \"Hoà\" hoặc luôn viết \"Hòa\""},
		{"tone: new first, old later in body, with column", map[string]string{"content/bai-viet/a.md": article("A", sum, "Khỏe mạnh.\nNước  thuỷ lợi.\n")},
			"content/bai-viet/a.md:8:7: cảnh báo: bài dùng lẫn hai cách đặt dấu thanh: \"thuỷ\" ở đây và \"Khỏe\" ở dòng 7 — chọn một cách đặt dấu và dùng thống nhất trong cả bài, ví dụ luôn viết \"thuỷ\" hoặc luôn viết \"thủy\""},
		{"tone: new in summary, old in body", map[string]string{"content/bai-viet/a.md": article("A", "summary: \"Ủy ban\"\n", "UỶ BAN.\n")},
			"content/bai-viet/a.md:7:1: cảnh báo: bài dùng lẫn hai cách đặt dấu thanh: \"UỶ\" ở đây và \"Ủy\" ở dòng 5 — chọn một cách đặt dấu và dùng thống nhất trong cả bài, ví dụ luôn viết \"UỶ\" hoặc luôn viết \"ỦY\""},
		{"tone: one style only, either", map[string]string{
			"content/bai-viet/a.md": article("Hoà", sum, "thuỷ, khoẻ, uỷ ban\n"),
			"content/bai-viet/b.md": article("Hòa", sum, "thủy, khỏe, ủy ban\n")}, ""},
		{"tone: words spelled alike in both styles do not count", map[string]string{
			"content/bai-viet/a.md": article("Hoà", sum, "quý, hoàn thành, thuyền, hoài, xoáy, toán\n")}, ""},
		{"tone: home and section intro are checked", map[string]string{
			"content/_index.md":          "---\ntitle: \"Trang chủ\"\n---\nhoà và hòa\n",
			"content/bai-viet/_index.md": "---\ntitle: \"Bài viết\"\n---\nthuỷ\n\nthủy\n"},
			"content/_index.md:4:1: cảnh báo: bài dùng lẫn hai cách đặt dấu thanh: \"hoà\" ở đây và \"hòa\" ở dòng 4 — chọn một cách đặt dấu và dùng thống nhất trong cả bài, ví dụ luôn viết \"hoà\" hoặc luôn viết \"hòa\"\n" +
				"content/bai-viet/_index.md:4:1: cảnh báo: bài dùng lẫn hai cách đặt dấu thanh: \"thuỷ\" ở đây và \"thủy\" ở dòng 6 — chọn một cách đặt dấu và dùng thống nhất trong cả bài, ví dụ luôn viết \"thuỷ\" hoặc luôn viết \"thủy\""},
		{"tone: NFD text is compared once normalised", map[string]string{
			"content/bai-viet/a.md": article("A", sum, "hoa\u0300 và ho\u0300a\n")},
			"content/bai-viet/a.md:7:1: cảnh báo: bài dùng lẫn hai cách đặt dấu thanh: \"hoà\" ở đây và \"hòa\" ở dòng 7 — chọn một cách đặt dấu và dùng thống nhất trong cả bài, ví dụ luôn viết \"hoà\" hoặc luôn viết \"hòa\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := loadSite(t, tt.files, load.Options{Now: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)}, strings.HasPrefix(tt.name, "broken"))
			if got := lines(Editorial(site)); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestToneStyle(t *testing.T) {
	tests := []struct {
		word    string
		old, ok bool
	}{
		{"hoà", true, true}, {"hòa", false, true}, {"Hoà", true, true}, {"HÒA", false, true},
		{"thuỷ", true, true}, {"thủy", false, true}, {"khoẻ", true, true}, {"khỏe", false, true},
		{"uỷ", true, true}, {"ủy", false, true}, {"toà", true, true}, {"tòa", false, true},
		{"hoa", false, false}, {"quý", false, false}, {"quỳ", false, false}, {"hoàn", false, false},
		{"hoài", false, false}, {"xoáy", false, false}, {"thuyền", false, false}, {"a", false, false},
		{"ươa", false, false}, {"ườa", false, false}, {"nguỵ", true, true}, {"ngụy", false, true},
		{"giòa", false, false}, {"", false, false}, {"ò", false, false},
	}
	for _, tt := range tests {
		old, ok := toneStyle(tt.word)
		if old != tt.old || ok != tt.ok {
			t.Errorf("toneStyle(%q) = %v, %v; want %v, %v", tt.word, old, ok, tt.old, tt.ok)
		}
	}
}
