package rules

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/load"
)

func TestBlankContact(t *testing.T) {
	const blank = "title: \"Chuyên mục CCHC\"\nbase_url: \"\"\ncontact:\n  address: \"Xóm 1\"\n  phone: \"\"\n  email: ~\n  feedback: \"\"\n  hours: \"\"\n"
	published := map[string]string{"content/bai-viet/a.md": article("A", "summary: \"s\"\n", "x\n")}
	drafted := map[string]string{"content/bai-viet/a.md": article("A", "summary: \"s\"\ndraft: true\n", "x\n")}
	pageOnly := map[string]string{"content/gioi-thieu.md": "---\ntitle: \"Giới thiệu\"\n---\nx\n"}
	tests := []struct {
		name, yaml string
		files      map[string]string
		want       string
	}{
		{"blank or null keys of a site that publishes an article; feedback is not reminded", blank, published,
			"site.yaml:2:1: cảnh báo: `base_url` (địa chỉ đầy đủ của chuyên mục trên Cổng) còn để trống: liên kết trong RSS, sơ đồ trang (sitemap) và khi chia sẻ lên mạng xã hội sẽ thiếu tên miền — ghi địa chỉ kết thúc bằng dấu /, ví dụ base_url: \"https://tenxa.tinh.gov.vn/cchc/\"\n" +
				"site.yaml:5:3: cảnh báo: `contact.phone` (số điện thoại) còn để trống: chân mọi trang và cuối mỗi câu trả lời sẽ thiếu số điện thoại — ghi số điện thoại sau `phone:`, hoặc xóa dòng này nếu xã không công bố\n" +
				"site.yaml:6:3: cảnh báo: `contact.email` (thư điện tử) còn để trống: chân mọi trang và cuối mỗi câu trả lời sẽ thiếu thư điện tử — ghi thư điện tử sau `email:`, hoặc xóa dòng này nếu xã không công bố\n" +
				"site.yaml:8:3: cảnh báo: `contact.hours` (giờ tiếp nhận hồ sơ) còn để trống: chân mọi trang và cuối mỗi câu trả lời sẽ thiếu giờ tiếp nhận hồ sơ — ghi giờ tiếp nhận hồ sơ sau `hours:`, hoặc xóa dòng này nếu xã không công bố"},
		{"a site of drafts is not nagged", blank, drafted, ""},
		{"nor one of stand-alone pages only", blank, pageOnly, ""},
		{"every key filled", "base_url: \"https://x.vn/cchc/\"\ncontact:\n  phone: \"0238 1234\"\n", published, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, ds := config.Load(fstest.MapFS{"site.yaml": {Data: []byte(tt.yaml)}})
			if ds.HasErrors() {
				t.Fatalf("site.yaml:\n%s", ds.Error())
			}
			site := loadSite(t, tt.files, load.Options{Now: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)}, false)
			if got := lines(BlankContact(cfg, site)); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
	if ds := BlankContact(nil, nil); ds != nil {
		t.Errorf("no config, no site: %v", ds)
	}
}

// Check is Editorial and BlankContact together, sorted by file and line.
func TestCheck(t *testing.T) {
	cfg, ds := config.Load(fstest.MapFS{"site.yaml": {Data: []byte("contact:\n  phone: \"\"\n")}})
	if ds.HasErrors() {
		t.Fatal(ds.Error())
	}
	site := loadSite(t, map[string]string{"content/bai-viet/a.md": article("A", "", "x\n")}, load.Options{Now: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)}, false)
	want := "content/bai-viet/a.md:1: cảnh báo: bài chưa có `summary` (tóm tắt): đoạn đầu tiên của bài sẽ được dùng làm tóm tắt — thêm dòng `summary: \"…\"` nêu ý chính của bài trong một, hai câu (hiện ở danh sách bài, kết quả tìm kiếm và khi chia sẻ)\n" +
		"site.yaml:2:3: cảnh báo: `contact.phone` (số điện thoại) còn để trống: chân mọi trang và cuối mỗi câu trả lời sẽ thiếu số điện thoại — ghi số điện thoại sau `phone:`, hoặc xóa dòng này nếu xã không công bố"
	if got := lines(Check(cfg, site)); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if got := Check(cfg, nil); got != nil {
		t.Errorf("no site: %v", got)
	}
}
