package matter

import (
	"strings"
	"testing"
)

func TestTOMLTooDeep(t *testing.T) {
	deepTable := "t = " + strings.Repeat("{a = ", 40) + "1" + strings.Repeat("}", 40)
	deepList := "x = " + strings.Repeat("[", 33) + strings.Repeat("]", 33)
	longKey := strings.Repeat("a.", 40) + "b = 1"
	for _, tt := range []struct {
		name, raw string
		line      int // 0: accepted
		what      string
	}{
		{"front matter as written", "title = \"A\"\ndate = 2026-01-16T08:30:00+07:00\ntopics = [\"SIPAS\", \"Một cửa\"]\n", 0, ""},
		{"a list of small tables", "title = \"A\"\ndinh_kem = [{file = \"a.pdf\", label = \"Kế hoạch\"}, {file = \"b.pdf\"}]\n", 0, ""},
		{"a dotted key of a few parts", "params.a.b = 1\nx = 1.5\n", 0, ""},
		{"values nested 32 deep", "x = " + strings.Repeat("[", 32) + strings.Repeat("]", 32), 0, ""},
		{"brackets inside strings", "a = \"" + strings.Repeat("[{", 50) + "\"\nb = '" + strings.Repeat("{", 50) + "'\n", 0, ""},
		{"brackets inside a multi-line string", "a = \"\"\"\n" + strings.Repeat("[", 50) + "\n\"\"\"\nb = '''" + strings.Repeat("a.", 50) + "'''\n", 0, ""},
		{"brackets in a comment", "# " + strings.Repeat("[", 50) + "\ntitle = \"A\"\n", 0, ""},
		{"dots inside a quoted key", "\"" + strings.Repeat("a.", 50) + "\" = 1\n", 0, ""},
		{"inline tables nested too deep", "title = \"A\"\n" + deepTable + "\n", 2, "giá trị lồng nhau quá 32 tầng (`[` hoặc `{` mở liền nhau)"},
		{"arrays nested too deep, after a multi-line string", "a = \"\"\"\nx\ny\n\"\"\"\n" + deepList + "\n", 5, "giá trị lồng nhau quá 32 tầng (`[` hoặc `{` mở liền nhau)"},
		{"a dotted key too long", "title = \"A\"\n\n" + longKey + "\n", 3, "tên khóa có quá 32 phần nối bằng dấu chấm"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			line, what := tomlTooDeep([]byte(tt.raw))
			if line != tt.line || what != tt.what {
				t.Errorf("tomlTooDeep = %d %q, want %d %q", line, what, tt.line, tt.what)
			}
		})
	}
}

// TestDeepTOMLIsRefusedAtItsLine: ten thousand nested inline tables, which
// kept the TOML library busy for most of a minute, are one error at
// their line of the file.
func TestDeepTOMLIsRefusedAtItsLine(t *testing.T) {
	deep := "t = " + strings.Repeat("{a = ", 10000) + "1" + strings.Repeat("}", 10000)
	f, ok, msgs := read("+++\ntitle = \"A\"\n" + deep + "\n+++\nNội dung.\n")
	want := "content/bai-viet/x.md:3: lỗi: phần khai báo đầu bài (TOML): giá trị lồng nhau quá 32 tầng (`[` hoặc `{` mở liền nhau) — phần đầu bài chỉ cần dạng `khóa = \"giá trị\"` và danh sách `[\"a\", \"b\"]`: viết lại dòng này cho phẳng"
	if !ok || f.Decoded || len(msgs) != 1 || msgs[0] != want {
		t.Errorf("ok %v decoded %v, diagnostics:\n%s\nwant:\n%s", ok, f.Decoded, strings.Join(msgs, "\n"), want)
	}
}
