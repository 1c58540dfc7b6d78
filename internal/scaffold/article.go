package scaffold

import (
	"strings"
	"time"
	"unicode"

	"github.com/cchc-vn/cchc/internal/viet"
)

// Article returns the text of a new article: YAML front matter with the
// title, the date now in Asia/Ho_Chi_Minh, the topic names (already
// validated), empty summary, author and unit for the editor to fill, and
// draft: true; then a body skeleton. The text loads without any
// diagnostic; it avoids the words that the two tone placements spell
// differently, so a title in either style is never "mixed".
func Article(title string, topics []string, now time.Time) []byte {
	var b strings.Builder
	b.WriteString("---\n")
	b.WriteString("title: " + yamlQuote(title) + "\n")
	b.WriteString("date: " + now.In(viet.Location()).Format("02/01/2006 15:04") + "\n")
	b.WriteString(TopicsLine(topics))
	b.WriteString(SummaryLine)
	b.WriteString("author: \"\" # người viết\n")
	b.WriteString("unit: \"\" # đơn vị, ví dụ: Văn phòng HĐND-UBND xã\n")
	b.WriteString("draft: true # bản nháp: xóa dòng này khi bài đã sẵn sàng đăng\n")
	b.WriteString("---\n\n")
	b.WriteString(leadPlaceholder + "\n\n")
	b.WriteString("## Nội dung chính\n\n")
	b.WriteString(bodyPlaceholder + " Mỗi đoạn cách nhau một dòng trống; mỗi phần mở đầu bằng một dòng `## Tên phần`.\n")
	return []byte(b.String())
}

// The body skeletons' sentences, for the editor to replace. A published
// page that still holds one is warned about (Placeholders).
const (
	leadPlaceholder      = "Đoạn mở đầu: nêu ngắn gọn sự việc (ai, làm gì, khi nào, ở đâu) trong một, hai câu."
	bodyPlaceholder      = "Viết nội dung ở đây."
	documentPlaceholder  = "Giới thiệu ngắn văn bản: căn cứ ban hành, nội dung chính, ai thực hiện."
	answerPlaceholder    = "Viết câu trả lời ở đây."
	procedurePlaceholder = "Ghi chú thêm cho người dân: điều kiện, trình tự thực hiện, lưu ý khi nộp hồ sơ."
	eventPlaceholder     = "Nội dung, thành phần tham dự và những điều người tham dự cần chuẩn bị."
)

// Placeholders returns the sentences of the body skeletons `new` writes,
// which a page is not meant to be published with.
func Placeholders() []string {
	return []string{leadPlaceholder, bodyPlaceholder, documentPlaceholder, answerPlaceholder, procedurePlaceholder, eventPlaceholder}
}

// SummaryLine is the empty summary of a new article, with what to write.
const SummaryLine = "summary: \"\" # một, hai câu nêu ý chính của bài; hiện ở danh sách bài và khi chia sẻ\n"

// yamlQuote writes s as a YAML double-quoted scalar. s holds no control
// character (names rejects them), so only \ and " need escaping.
func yamlQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// Quote writes s as a YAML double-quoted scalar, control characters and
// line breaks as spaces: a value of front matter written on one line.
func Quote(s string) string {
	return yamlQuote(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s))
}

// TopicsLine is the topics key with the names given, quoted.
func TopicsLine(topics []string) string {
	quoted := make([]string, len(topics))
	for i, t := range topics {
		quoted[i] = yamlQuote(t)
	}
	return "topics: [" + strings.Join(quoted, ", ") + "]\n"
}
