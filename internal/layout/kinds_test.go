package layout

import (
	"strings"
	"testing"
	"time"

	"github.com/cchc-vn/cchc/internal/content"
)

func TestFileSize(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{-1, "0 byte"},
		{0, "0 byte"},
		{850, "850 byte"},
		{1023, "1023 byte"},
		{1024, "1 KB"},
		{1535, "1 KB"},
		{1536, "2 KB"},
		{245 * 1024, "245 KB"},
		{1<<20 - 513, "1023 KB"},
		{1<<20 - 512, "1 MB"},
		{1 << 20, "1 MB"},
		{1258291, "1,2 MB"},
		{15 << 20, "15 MB"},
		{1<<30 - 1, "1 GB"},
		{3 << 29, "1,5 GB"},
	}
	for _, tt := range tests {
		if got := FileSize(tt.n); got != tt.want {
			t.Errorf("FileSize(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestKindFuncs(t *testing.T) {
	fm := funcs(normalize(testEnv()), nil)
	clock := fm["clock"].(func(time.Time) string)
	sameDay := fm["sameDay"].(func(a, b time.Time) bool)
	host := fm["host"].(func(string) string)
	if got := clock(date("2026-12-15 08:05")); got != "08 giờ 05" {
		t.Errorf("clock = %q", got)
	}
	if got := clock(time.Date(2026, 12, 15, 1, 30, 0, 0, time.UTC)); got != "08 giờ 30" {
		t.Errorf("clock in Vietnam = %q", got)
	}
	if !sameDay(date("2026-12-15 08:00"), date("2026-12-15 23:59")) || sameDay(date("2026-12-15 08:00"), date("2026-12-16 00:00")) {
		t.Error("sameDay")
	}
	// 20:00 UTC is already the next day in Vietnam.
	if sameDay(time.Date(2026, 12, 15, 10, 0, 0, 0, time.UTC), time.Date(2026, 12, 15, 20, 0, 0, 0, time.UTC)) {
		t.Error("sameDay is not judged in Vietnam")
	}
	for in, want := range map[string]string{
		"https://www.dichvucong.gov.vn/p/home.html": "dichvucong.gov.vn",
		"https://vanban.example.vn:8443/a":          "vanban.example.vn",
		"không phải địa chỉ":                        "",
		"%zz":                                       "",
	} {
		if got := host(in); got != want {
			t.Errorf("host(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestKindLayoutsWithFewFields: a kind's page with only its required
// fields renders without empty labels.
func TestKindLayoutsWithFewFields(t *testing.T) {
	set := newTestSet(t, nil)
	tests := []struct {
		layout string
		page   *content.Page
		want   []string
		absent []string
	}{
		{"van-ban", &content.Page{Title: "Kế hoạch số 1/KH", URL: "van-ban/a/", Doc: &content.Document{Number: "1/KH", Type: "Kế hoạch", IssuedMonthOnly: "tháng 01/2026", Issued: date("2026-01-01 00:00")}},
			[]string{`<dt>Ngày ban hành</dt> <dd>tháng 01/2026 <span class="muted">(chưa ghi ngày)</span></dd>`},
			[]string{"Ngày hiệu lực", "Tệp văn bản", "Nội dung chính", "Trích yếu"}},
		{"thu-tuc", &content.Page{Title: "Chứng thực", URL: "thu-tuc/a/", Proc: &content.Procedure{Field: "Chứng thực", Level: content.LevelInPerson}},
			[]string{`<span class="badge badge-truc-tiep"><span class="visually-hidden">Mức độ: </span>Trực tiếp</span>`},
			[]string{"Nộp hồ sơ trực tuyến", "Hồ sơ cần chuẩn bị", "Phí, lệ phí", "0001"}},
		{"su-kien", &content.Page{Title: "Hội nghị", URL: "su-kien/a/", Event: &content.Event{Start: date("2026-12-15 08:00")}},
			[]string{`<time datetime="2026-12-15T08:00:00&#43;07:00">08 giờ 00, Thứ Ba, ngày 15 tháng 12 năm 2026</time>`},
			[]string{"Địa điểm", "Đơn vị tổ chức", `class="status`}},
		{"hoi-dap", &content.Page{Title: "Hỏi?", URL: "hoi-dap/a/", QA: &content.Question{Question: "Hỏi?"}},
			[]string{`<h2 id="tra-loi">Trả lời</h2>`, `<h2 id="gui-cau-hoi">Gửi câu hỏi</h2>`},
			[]string{"Người hỏi", "Ngày trả lời", `id="cau-hoi"`}},
	}
	for _, tt := range tests {
		d := &Data{Site: testSite(), Kind: tt.layout, Title: tt.page.Title, URL: tt.page.URL, Page: tt.page}
		out := render(t, set, tt.layout, d)
		for _, s := range tt.want {
			if !strings.Contains(out, s) {
				t.Errorf("%s: output lacks %s", tt.layout, s)
			}
		}
		for _, s := range tt.absent {
			if strings.Contains(out, s) {
				t.Errorf("%s: output has %s", tt.layout, s)
			}
		}
		if t.Failed() {
			t.Logf("output:\n%s", out)
			break
		}
	}
}
