package matter

import (
	"strings"
	"testing"
)

func TestProseInFrontMatter(t *testing.T) {
	for _, tt := range []struct {
		name           string
		raw            string
		prose, lastKey int
	}{
		{"paragraph after a blank line", "title: \"A\"\ndate: 2026-01-16\ntopics: [SIPAS]\n\nĐoạn mở đầu của bài.\n\n", 5, 3},
		{"paragraphs holding colons", "title: A\n\nThời gian: 8 giờ sáng ngày 16/01/2026.\n\nĐịa điểm: hội trường.\n", 3, 1},
		{"a sentence right below the keys", "title: A\nNội dung đầu tiên của bài viết này\n", 2, 1},
		{"a heading, a YAML comment", "title: A\n\n## Nội dung chính\n", 3, 1},
		{"bold text", "title: A\n\n**Chữ đậm** mở đầu\n", 3, 1},
		{"an image", "title: A\n\n![Ảnh](anh.jpg)\n", 3, 1},
		{"a short line without a colon", "title: A\n\nKính gửi:\n", 3, 1},

		{"keys only", "title: \"A\"\ndate: 2026-01-16\ntopics: [SIPAS]\n", 0, 0},
		{"blank lines between keys", "title: A\n\ndate: 2026-01-16\n\n# ghi chú\n", 0, 0},
		{"a key with Vietnamese letters", "title: A\n\ntác_giả: Lan\n", 0, 0},
		{"a short key-like line", "title: A\nThời gian: 8 giờ\n", 0, 0},
		{"a list below its key", "topics:\n\n- SIPAS\n- PAPI\n", 0, 0},
		{"a quoted value over lines", "summary: \"Dòng một\nDòng hai của tóm tắt, khá dài và có nhiều chữ\"\ntitle: A\n", 0, 0},
		{"a folded value", "summary: >\n  Tóm tắt dài gồm nhiều chữ trên nhiều dòng\n  nữa\ntitle: A\n", 0, 0},
		{"a flow list over lines", "topics: [SIPAS,\n  PAPI]\n", 0, 0},
		{"the scaffold's comments", "title: \"A\"\nsummary: \"\" # một, hai câu nêu ý chính của bài; hiện ở danh sách bài\n# loai: \"Kế hoạch\" # loại văn bản; không ghi thì lấy theo ký hiệu\ndraft: true\n", 0, 0},
		{"a procedure's documents", "ho_so: # mỗi giấy tờ một dòng\n  - \"Tờ khai đăng ký khai sinh theo mẫu\"\n  - Giấy chứng sinh\n", 0, 0},
		{"an apostrophe", "title: 'Ý kiến ''hay'' của người dân'\n", 0, 0},
		{"nothing", "", 0, 0},
		{"a sentence and no key", "Đây là một câu văn khá dài.\n", 0, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			prose, lastKey := proseInFrontMatter([]byte(tt.raw))
			if prose != tt.prose || lastKey != tt.lastKey {
				t.Errorf("= %d, %d; want %d, %d", prose, lastKey, tt.prose, tt.lastKey)
			}
		})
	}
}

// FuzzProseInFrontMatter checks that the prose line is a line of the
// text, in its first column and not blank, and that the last key comes
// before it.
func FuzzProseInFrontMatter(f *testing.F) {
	for _, s := range []string{"title: A\n\nĐoạn văn.\n", "a: \"b\nc\"\n\nx y z w v\n", "- a\n\n## b\n", "k: '\n''\n'\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		prose, lastKey := proseInFrontMatter(raw)
		lines := strings.Split(string(raw), "\n")
		if prose == 0 {
			if lastKey != 0 {
				t.Fatalf("last key %d without prose", lastKey)
			}
			return
		}
		if prose > len(lines) || lastKey >= prose || lastKey < 1 {
			t.Fatalf("lines out of range: prose %d, last key %d of %d", prose, lastKey, len(lines))
		}
		l := lines[prose-1]
		if strings.TrimSpace(l) == "" || l[0] == ' ' || l[0] == '\t' {
			t.Fatalf("prose line %d is blank or indented: %q", prose, l)
		}
	})
}
