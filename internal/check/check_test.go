package check

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/pipeline"
)

func lines(ds diag.List) string {
	var out []string
	for _, d := range ds {
		out = append(out, d.String())
	}
	return strings.Join(out, "\n")
}

// TestRunSeesAnEmptySummaryTheBuildFilled: the build takes a summary from
// the body for a published page; check must still see that the editor
// left `summary` empty.
func TestRunSeesAnEmptySummaryTheBuildFilled(t *testing.T) {
	site := fstest.MapFS{"content/bai-viet/a.md": {Data: []byte("---\ntitle: \"A\"\ndate: 2026-01-16\ntopics: [SIPAS]\nsummary: \"\"\n---\nĐoạn đầu.\n")}}
	ds := Run(pipeline.Options{Site: site, Theme: cchc.Theme(), Now: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)})
	want := "content/bai-viet/a.md:5: cảnh báo: `summary` (tóm tắt) đang để trống: đoạn đầu tiên của bài sẽ được dùng làm tóm tắt — viết sau `summary:` một, hai câu nêu ý chính của bài (hiện ở danh sách bài, kết quả tìm kiếm và khi chia sẻ)"
	if got := lines(ds); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
