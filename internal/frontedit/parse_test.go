package frontedit

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestRoundTripSample: every Markdown file of the frozen sample site is
// written back byte for byte.
func TestRoundTripSample(t *testing.T) {
	n := 0
	err := filepath.WalkDir("../../testdata/sample", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		d, err := Parse(src)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			return nil
		}
		if got := d.Bytes(); !bytes.Equal(got, src) {
			t.Errorf("%s: Bytes differ from the file", path)
		}
		if d.Format() != "yaml" || len(d.Keys()) == 0 {
			t.Errorf("%s: format %q, keys %q", path, d.Format(), d.Keys())
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 40 {
		t.Fatalf("only %d sample files", n)
	}
}

// TestRoundTripOdd: files at the edges are written back byte for byte,
// with the parts cut where the loader cuts them.
func TestRoundTripOdd(t *testing.T) {
	tests := []struct {
		name, src, format, body string
		keys                    []string
	}{
		{"bom", "\ufeff---\ntitle: a\n---\nb\n", "yaml", "b\n", []string{"title"}},
		{"crlf", "---\r\ntitle: a\r\ndate: 01/02/2026\r\n---\r\n\r\nb\r\n", "yaml", "\r\nb\r\n", []string{"title", "date"}},
		{"no final line end", "---\ntitle: a\n---\nbody", "yaml", "body", []string{"title"}},
		{"closing line is the last", "---\ntitle: a\n---", "yaml", "", []string{"title"}},
		{"empty front matter", "---\n---\nb\n", "yaml", "b\n", nil},
		{"empty front matter, no line end", "---\n---", "yaml", "", nil},
		{"comments only", "---\n# title: a\n\n# x\n---\nb\n", "yaml", "b\n", nil},
		{"blank lines before", "\n  \n---\ntitle: a\n---\n", "yaml", "", []string{"title"}},
		{"delimiters with spaces", "--- \ntitle: a\n ---\t\nb\n", "yaml", "b\n", []string{"title"}},
		{"no front matter", "# Tiêu đề\n\nĐoạn.\n", "", "# Tiêu đề\n\nĐoạn.\n", nil},
		{"empty file", "", "", "", nil},
		{"blank file", "\n\n", "", "\n\n", nil},
		{"rule later in the body", "Đoạn.\n\n---\n\nĐoạn.\n", "", "Đoạn.\n\n---\n\nĐoạn.\n", nil},
		{"body with a rule", "---\ntitle: a\n---\nx\n\n---\n\ny\n", "yaml", "x\n\n---\n\ny\n", []string{"title"}},
		{"toml", "+++\ntitle = \"a\"\n[p]\nx = 1\n+++\nb\n", "toml", "b\n", []string{"title", "p"}},
		{"bom crlf toml", "\ufeff+++\r\ntitle = 'a'\r\n+++\r\n", "toml", "", []string{"title"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if got := string(d.Bytes()); got != tt.src {
				t.Errorf("Bytes = %q", got)
			}
			if d.Format() != tt.format || string(d.Body()) != tt.body || !reflect.DeepEqual(d.Keys(), tt.keys) && len(tt.keys)+len(d.Keys()) > 0 {
				t.Errorf("format %q body %q keys %q", d.Format(), d.Body(), d.Keys())
			}
		})
	}
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line, col int
		msg       string
	}{
		{"unclosed", "\n---\ntitle: a\n", 2, 1, "phần khai báo đầu bài mở bằng `---` nhưng không có dòng `---` đóng lại — thêm một dòng `---` sau dòng khai báo cuối cùng"},
		{"delimiter only", "---", 1, 1, "phần khai báo đầu bài mở bằng `---` nhưng không có dòng `---` đóng lại — thêm một dòng `---` sau dòng khai báo cuối cùng"},
		{"unclosed toml", "+++\n", 1, 1, "phần khai báo đầu bài mở bằng `+++` nhưng không có dòng `+++` đóng lại — thêm một dòng `+++` sau dòng khai báo cuối cùng"},
		{"yaml", "---\ntitle: a\ndate: [1\n---\n", 3, 1, "danh sách trong ngoặc vuông [ ] thiếu dấu phẩy hoặc chưa đóng — các mục cách nhau bằng dấu phẩy và kết thúc bằng ], ví dụ: aliases: [\"một cửa\", \"bộ phận một cửa\"]"},
		{"yaml after bom and blank lines", "\ufeff\n---\na: 1\n b: 2\n---\n", 4, 2, "dấu hai chấm : đặt sai chỗ — giá trị có dấu hai chấm phải đặt trong ngoặc kép, ví dụ: title: \"Kế hoạch: năm 2026\"; khóa con phải thụt lề đều nhau"},
		{"duplicate", "---\ntitle: a\ndate: b\ntitle: c\n---\n", 4, 1, "khóa `title` được khai báo hai lần (lần đầu ở dòng 2) — xóa một trong hai dòng"},
		{"list", "---\n- a\n- b\n---\n", 2, 1, "phần khai báo đầu bài phải là các dòng `khóa: giá trị` — ví dụ `title: \"Tiêu đề bài viết\"`"},
		{"scalar", "---\nchỉ một câu\n---\n", 2, 1, "phần khai báo đầu bài phải là các dòng `khóa: giá trị` — ví dụ `title: \"Tiêu đề bài viết\"`"},
		{"two documents", "---\na: 1\n...\nb: 2\n---\n", 3, 1, "phần khai báo đầu bài chỉ được có một khối YAML — xóa dòng `...` hoặc `---` ở giữa phần khai báo"},
		{"lone cr", "---\ra: 1\r---\r", 1, 0, "tệp xuống dòng bằng ký tự CR kiểu cũ — mở tệp bằng Notepad rồi lưu lại"},
		// The loader's words for the same line (internal/matter.ReadTOML).
		{"toml", "+++\ntitle = \"a\"\ndate = \n+++\n", 3, 8, "`date`: giá trị chữ (kể cả ngày) phải đặt trong ngoặc kép — viết `date = \"…\"`"},
		{"toml nested too deep", "+++\ntitle = \"a\"\nt = " + strings.Repeat("{a = ", 10000) + "1" + strings.Repeat("}", 10000) + "\n+++\n", 3, 0,
			"phần khai báo đầu bài (TOML): giá trị lồng nhau quá 32 tầng (`[` hoặc `{` mở liền nhau) — phần đầu bài chỉ cần dạng `khóa = \"giá trị\"` và danh sách `[\"a\", \"b\"]`: viết lại dòng này cho phẳng"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.src))
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want a *SyntaxError", err)
			}
			if se.Line != tt.line || se.Col != tt.col || se.Msg != tt.msg {
				t.Errorf("got %d:%d %q\nwant %d:%d %q", se.Line, se.Col, se.Msg, tt.line, tt.col, tt.msg)
			}
		})
	}
}

func TestGet(t *testing.T) {
	src := "---\n" +
		"title: \"Tiêu đề\"\n" +
		"date: 2026-01-16\n" +
		"time: 18/12/2026 08:00\n" +
		"code: 1.001193\n" +
		"draft: true\n" +
		"empty:\n" +
		"null: ~\n" +
		"topics: [A, 'B', 3]\n" +
		"ho_so:\n  - \"x\"\n  -\n" +
		"dinh_kem:\n  - tep: a.pdf\n    ten: \"A\"\n" +
		"anchor: &a Neo\n" +
		"alias: *a\n" +
		"text: |\n  dòng\n" +
		"---\n"
	d, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"title": "Tiêu đề", "date": "2026-01-16", "time": "18/12/2026 08:00", "code": "1.001193",
		"draft": true, "empty": "", "null": "", "topics": []string{"A", "B", "3"},
		"ho_so": []string{"x", ""}, "dinh_kem": []any{map[string]any{"tep": "a.pdf", "ten": "A"}},
		"anchor": "Neo", "alias": "Neo", "text": "dòng\n",
	}
	for _, k := range d.Keys() {
		got, ok := d.Get(k)
		if !ok || !reflect.DeepEqual(got, want[k]) {
			t.Errorf("Get(%q) = %#v, %v; want %#v", k, got, ok, want[k])
		}
	}
	if len(d.Keys()) != len(want) {
		t.Errorf("keys %q", d.Keys())
	}
	if v, ok := d.Get("absent"); ok || v != nil {
		t.Errorf("Get(absent) = %#v, %v", v, ok)
	}
}

func TestGetTOML(t *testing.T) {
	src := "+++\ntitle = \"Tiêu đề\"\ndate = 2026-01-16\ncount = 12\ndraft = true\ntopics = [\"A\", 'B']\nwhen = 2026-01-16T08:00:00\n[params]\nx = 1\n+++\n"
	d, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"title": "Tiêu đề", "date": "2026-01-16", "count": "12", "draft": true,
		"topics": []string{"A", "B"}, "when": "2026-01-16T08:00:00", "params": map[string]any{"x": "1"},
	}
	if !reflect.DeepEqual(d.Keys(), []string{"title", "date", "count", "draft", "topics", "when", "params"}) {
		t.Errorf("keys %q", d.Keys())
	}
	for k, w := range want {
		if got, _ := d.Get(k); !reflect.DeepEqual(got, w) {
			t.Errorf("Get(%q) = %#v, want %#v", k, got, w)
		}
	}
}

// TestSetSameValue: setting what is there changes nothing, even text in
// another Unicode form or a list written differently.
func TestSetSameValue(t *testing.T) {
	src := "---\ntitle:   'Hòa'   # c\ntopics: [ A,\n  \"B\" ]\ndraft: yes\nempty:\n---\n"
	d, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []struct {
		k string
		v any
	}{{"title", "Ho\u0300a"}, {"topics", []string{"A", "B"}}, {"draft", "yes"}, {"empty", ""}, {"absent", nil}, {"absent", []string{}}} {
		if err := d.Set(e.k, e.v); err != nil {
			t.Fatal(err)
		}
	}
	if got := string(d.Bytes()); got != src {
		t.Errorf("got %q", got)
	}
}

// TestSetBody: the body takes the file's line ends, the front matter is
// untouched.
func TestSetBody(t *testing.T) {
	tests := []struct{ name, src, body, want string }{
		{"crlf file", "---\r\na: 1\r\n---\r\nx\r\n", "một\nhai\r\nba\rbốn", "---\r\na: 1\r\n---\r\nmột\r\nhai\r\nba\r\nbốn"},
		{"lf file", "\ufeff---\na: 1\n---\nx\n", "một\r\nhai\n", "\ufeff---\na: 1\n---\nmột\nhai\n"},
		{"no front matter", "x", "y\r\n", "y\n"},
		{"empty body", "---\na: 1\n---\nx\n", "", "---\na: 1\n---\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			d.SetBody([]byte(tt.body))
			if got := string(d.Bytes()); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if again, err := Parse(d.Bytes()); err != nil || !bytes.Equal(again.Body(), d.Body()) {
				t.Errorf("reads back as %v, %q", err, again.Body())
			}
		})
	}
}
