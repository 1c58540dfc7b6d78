package desk

import "testing"

func TestDescribeGit(t *testing.T) {
	for out, want := range map[string]string{
		"":                           "Git: tệp giống bản đã commit trong kho (không có thay đổi chưa commit).",
		"?? content/bai-viet/a.md\n": "Git: tệp mới, chưa được đưa vào kho — cần commit rồi push.",
		"A  content/bai-viet/a.md\n": "Git: tệp mới đã được thêm (git add), chưa commit — cần commit rồi push.",
		"M  content/bai-viet/a.md\n": "Git: thay đổi đã được thêm (git add), chưa commit — cần commit rồi push.",
		" M content/bai-viet/a.md\n": "Git: tệp đã sửa, chưa commit — cần commit rồi push.",
		"MM content/bai-viet/a.md\n": "Git: tệp đã sửa, chưa commit — cần commit rồi push.",
		"UU content/bai-viet/a.md\n": "Git: tệp đang có xung đột khi gộp (merge) — nhờ người quản trị kho xử lý.",
	} {
		if got := describeGit(out); got != want {
			t.Errorf("describeGit(%q) = %q, want %q", out, got, want)
		}
	}
}
