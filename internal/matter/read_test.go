package matter

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/adrg/frontmatter"

	"github.com/cchc-vn/cchc/internal/diag"
)

const article = "---\ntitle: \"Tiêu đề\"\ndate: 2026-01-16\ntopics: [SIPAS]\n---\nNội dung.\n"

// keyName stands for the caller's names of keys in the messages.
func keyName(key string) string {
	if key == "title" {
		return "tiêu đề"
	}
	return key
}

func read(src string) (Front, bool, []string) {
	var ds diag.List
	f, ok := Read("content/bai-viet/x.md", []byte(src), keyName, &ds)
	var msgs []string
	for _, d := range ds {
		msgs = append(msgs, d.String())
	}
	return f, ok, msgs
}

func TestRead(t *testing.T) {
	for _, tt := range []struct {
		name, src    string
		ok, decoded  bool
		format, keys string // keys: Key@Line:Col, space-separated
		bodyLine     int
		want         []string
	}{
		{name: "yaml", src: "\n" + article, ok: true, decoded: true, format: "yaml",
			keys: "title@3:1 date@4:1 topics@5:1", bodyLine: 7},
		{name: "toml", src: "+++\ntitle = \"A\"\n\ndate = 2026-01-16\n+++\nx", ok: true, decoded: true, format: "toml",
			keys: "title@2:1 date@4:1", bodyLine: 6},
		{name: "no-break spaces around a key", src: "---\n\u00a0title:\u00a0\"A\"\n---\n", ok: true, decoded: true, format: "yaml",
			keys: "title@2:1", bodyLine: 4},
		{name: "missing", src: "Chỉ có nội dung.\n", want: []string{
			"content/bai-viet/x.md:1: lỗi: thiếu phần khai báo đầu bài (front matter) giữa hai dòng `---` — bắt đầu tệp bằng một dòng `---`, rồi các dòng `title: \"Tiêu đề\"`, `date: 16/01/2026`, `topics: [SIPAS]`, rồi một dòng `---`"}},
		{name: "not closed", src: "\n+++\ntitle = \"A\"\n", want: []string{
			"content/bai-viet/x.md:2: lỗi: phần khai báo đầu bài mở bằng `+++` nhưng không có dòng `+++` đóng lại — thêm một dòng `+++` sau dòng khai báo cuối cùng"}},
		{name: "runs into the article", src: "---\ntitle: A\n\nĐoạn mở đầu của bài viết.\n\n---\nx\n", want: []string{
			"content/bai-viet/x.md:1: lỗi: phần khai báo đầu bài mở bằng `---` ở dòng 1 chưa được đóng trước nội dung bài: dòng 4 (\"Đoạn mở đầu của bài viết.\") là nội dung nhưng nằm trong phần khai báo, và dòng `---` ở dòng 6 bị coi là dòng đóng — thêm một dòng `---` ngay sau dòng khai báo cuối cùng (dòng 2), trước nội dung bài"}},
		{name: "toml error names the key", src: "+++\ntitle = Tiêu đề\n+++\nx", ok: true, format: "toml", bodyLine: 4, want: []string{
			"content/bai-viet/x.md:2:9: lỗi: `title` (tiêu đề): giá trị chữ (kể cả ngày) phải đặt trong ngoặc kép — viết `title = \"Tiêu đề\"`"}},
		{name: "duplicate key", src: "---\ntitle: A\ntitle: B\n---\n", ok: true, decoded: true, format: "yaml", keys: "title@2:1", bodyLine: 5, want: []string{
			"content/bai-viet/x.md:3:1: lỗi: khóa `title` được khai báo hai lần (lần đầu ở dòng 2) — xóa một trong hai dòng"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, ok, msgs := read(tt.src)
			var keys []string
			for _, fl := range f.Fields {
				keys = append(keys, fmt.Sprintf("%s@%d:%d", fl.Key, fl.Line, fl.Col))
			}
			if ok != tt.ok || f.Decoded != tt.decoded || f.Format != tt.format || strings.Join(keys, " ") != tt.keys || f.BodyLine != tt.bodyLine {
				t.Errorf("ok %v decoded %v format %q keys %q body line %d", ok, f.Decoded, f.Format, keys, f.BodyLine)
			}
			if strings.Join(msgs, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// FuzzRead feeds arbitrary text as a page: Read must never panic, every
// diagnostic names the file at a line of it, every field's line is a line
// of the front matter, and the body is a suffix of the text.
func FuzzRead(f *testing.F) {
	for _, seed := range []string{
		article,
		"+++\ntitle = \"a\"\ndate = 2026-01-16\ntopics = [\"PCI\"]\n+++\nx",
		"---\n---\n",
		"---\ntitle: [\n---\n",
		"---\n\t- x\n---\n",
		"---\n&a [x]\nb: *a\n---\n",
		"---\nlap: &x [*x]\n---\n",
		"---\ntitle: A\ndate: 2026-01-16\n\nThời gian: 8 giờ sáng.\n\n---\n\nĐoạn.\n",
		"---\ntitle:\u00a0“A”\n\u200bdate:\u00a02026-01-16\n---\n",
		"+++\ntitle = “A”\ndate = 16/01/2026\ntopics = [SIPAS,\ntitle: \"B\"\ntac gia = \"x\"\n+++\n",
		"+++\nt = {a = {b = [1, {c = 2}]}}\n+++\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var ds diag.List
		front, ok := Read("x.md", src, keyName, &ds)
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, d := range ds {
			if d.Pos.File != "x.md" || d.Pos.Line < 0 || d.Pos.Line > lines {
				t.Fatalf("diagnostic out of the file: %v", d)
			}
		}
		if !ok {
			if !ds.HasErrors() {
				t.Fatal("no page, yet no error")
			}
			return
		}
		if !bytes.HasSuffix(src, front.Body) || front.BodyLine < 2 || front.BodyLine > lines {
			t.Fatalf("body line %d of %d, or body not a suffix", front.BodyLine, lines)
		}
		for _, fl := range front.Fields {
			if fl.Line < 2 || fl.Line >= front.BodyLine {
				t.Fatalf("key %q at line %d, outside the front matter (body at %d)", fl.Key, fl.Line, front.BodyLine)
			}
		}
	})
}

// FuzzSplitFrontMatter checks that the body line always points into the
// file and the body is a suffix of the source.
func FuzzSplitFrontMatter(f *testing.F) {
	f.Add([]byte(article))
	f.Add([]byte("\n\n---\na: 1\n---\n\nbody"))
	f.Add([]byte("+++\na = 1\n+++"))
	f.Fuzz(func(t *testing.T, src []byte) {
		res, err := split(src)
		if err != nil {
			return
		}
		if len(res.body) > len(src) || string(src[len(src)-len(res.body):]) != string(res.body) {
			t.Fatalf("body is not a suffix of the source")
		}
		// split stops the library once it has the front matter and finds
		// the body itself: the same text as the library's own.
		var raw []byte
		keep := func(data []byte, _ any) error { raw = bytes.Clone(data); return nil }
		body, err := frontmatter.Parse(bytes.NewReader(src), nil, frontmatter.NewFormat("---", "---", keep), frontmatter.NewFormat("+++", "+++", keep))
		if err != nil || string(body) != string(res.body) || string(raw) != string(res.raw) {
			t.Fatalf("split gives raw %q body %q; the library raw %q body %q (%v)", res.raw, res.body, raw, body, err)
		}
		lines := 1
		for _, c := range src {
			if c == '\n' {
				lines++
			}
		}
		if res.bodyLine < 1 || res.bodyLine > lines || res.rawLine < 2 || res.rawLine > lines {
			t.Fatalf("lines out of range: raw %d body %d of %d", res.rawLine, res.bodyLine, lines)
		}
	})
}

// BenchmarkRead reads an article of the benchmark corpus's size: a
// short front matter and about 8 KB of body.
func BenchmarkRead(b *testing.B) {
	src := []byte(article + strings.Repeat("Bộ phận một cửa tiếp nhận hồ sơ trực tuyến của người dân.\n\n", 130))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		var ds diag.List
		Read("content/bai-viet/a.md", src, keyName, &ds)
	}
}
