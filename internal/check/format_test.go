package check

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/cchc-vn/cchc/internal/diag"
)

// sample has one diagnostic of each shape: line and column, line only,
// no file at all, and text that GitHub's command syntax must escape.
var sample = diag.List{
	{Pos: diag.Position{File: "content/bai-viet/a.md", Line: 3, Col: 7}, Severity: diag.Error,
		Message: "`date` (ngày đăng): ngày \"31/04/2026\" không có thật", Hint: "sửa lại ngày, ví dụ 30/04/2026"},
	{Pos: diag.Position{File: "content/bai-viet/b, c: d.md", Line: 2}, Severity: diag.Warning,
		Message: "tỉ lệ 100%\r\nxuống dòng", Hint: ""},
	{Severity: diag.Error, Message: "--base-url sai", Hint: "viết địa chỉ đầy đủ <https://x/>"},
}

func TestWrite(t *testing.T) {
	tests := []struct {
		format, root string
		ds           diag.List
		want         string
	}{
		{"text", "", sample,
			"content/bai-viet/a.md:3:7: lỗi: `date` (ngày đăng): ngày \"31/04/2026\" không có thật — sửa lại ngày, ví dụ 30/04/2026\n" +
				"content/bai-viet/b, c: d.md:2: cảnh báo: tỉ lệ 100%\r\nxuống dòng\n" +
				"lỗi: --base-url sai — viết địa chỉ đầy đủ <https://x/>\n" +
				"Kiểm tra xong: 2 lỗi, 1 cảnh báo.\n"},
		{"text", "", nil, "Kiểm tra xong: 0 lỗi, 0 cảnh báo.\n"},
		{"github", ".", sample,
			"::error file=content/bai-viet/a.md,line=3,col=7,title=cchc::`date` (ngày đăng): ngày \"31/04/2026\" không có thật — sửa lại ngày, ví dụ 30/04/2026\n" +
				"::warning file=content/bai-viet/b%2C c%3A d.md,line=2,title=cchc::tỉ lệ 100%25%0D%0Axuống dòng\n" +
				"::error title=cchc::--base-url sai — viết địa chỉ đầy đủ <https://x/>\n" +
				"Kiểm tra xong: 2 lỗi, 1 cảnh báo.\n"},
		{"github", "sites/dien-chau", sample[:1],
			"::error file=sites/dien-chau/content/bai-viet/a.md,line=3,col=7,title=cchc::`date` (ngày đăng): ngày \"31/04/2026\" không có thật — sửa lại ngày, ví dụ 30/04/2026\n" +
				"Kiểm tra xong: 1 lỗi, 0 cảnh báo.\n"},
		{"github", "", diag.List{{Pos: diag.Position{File: "site.yaml"}, Severity: diag.Warning, Message: "m"}},
			"::warning file=site.yaml,title=cchc::m\nKiểm tra xong: 0 lỗi, 1 cảnh báo.\n"},
		{"json", "ignored", sample,
			`{"errors":2,"warnings":1,"diagnostics":[` +
				`{"file":"content/bai-viet/a.md","line":3,"col":7,"severity":"error","message":"` + "`date`" + ` (ngày đăng): ngày \"31/04/2026\" không có thật","hint":"sửa lại ngày, ví dụ 30/04/2026"},` +
				`{"file":"content/bai-viet/b, c: d.md","line":2,"col":0,"severity":"warning","message":"tỉ lệ 100%\r\nxuống dòng","hint":""},` +
				`{"file":"","line":0,"col":0,"severity":"error","message":"--base-url sai","hint":"viết địa chỉ đầy đủ <https://x/>"}]}` + "\n"},
		{"json", "", nil, `{"errors":0,"warnings":0,"diagnostics":[]}` + "\n"},
		{"github", "", diag.List{{Pos: diag.Position{File: "content/a.md", Line: 3}, Severity: diag.Note, Message: "hẹn đăng"}},
			"::notice file=content/a.md,line=3,title=cchc::hẹn đăng\nKiểm tra xong: 0 lỗi, 0 cảnh báo.\n"},
		{"json", "", diag.List{{Pos: diag.Position{File: "content/a.md", Line: 3}, Severity: diag.Note, Message: "hẹn đăng"}},
			`{"errors":0,"warnings":0,"diagnostics":[{"file":"content/a.md","line":3,"col":0,"severity":"note","message":"hẹn đăng","hint":""}]}` + "\n"},
		{"text", "", diag.List{{Pos: diag.Position{File: "content/a.md", Line: 3}, Severity: diag.Note, Message: "hẹn đăng"}},
			"content/a.md:3: ghi chú: hẹn đăng\nKiểm tra xong: 0 lỗi, 0 cảnh báo.\n"},
	}
	for _, tt := range tests {
		var b strings.Builder
		if err := Write(&b, tt.format, tt.ds, tt.root); err != nil {
			t.Fatalf("%s: %v", tt.format, err)
		}
		if b.String() != tt.want {
			t.Errorf("%s (root %q):\ngot:\n%s\nwant:\n%s", tt.format, tt.root, b.String(), tt.want)
		}
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	var b strings.Builder
	err := Write(&b, "xml", sample, "")
	if err == nil || err.Error() != `không có định dạng "xml": chọn text, github hoặc json` || b.Len() != 0 {
		t.Errorf("err %v, output %q", err, b.String())
	}
	for _, f := range []string{"text", "github", "json"} {
		if !ValidFormat(f) {
			t.Errorf("ValidFormat(%q) = false", f)
		}
	}
	if ValidFormat("Text") || ValidFormat("") {
		t.Error("ValidFormat accepts a wrong name")
	}
}

// A message can never break out of its workflow command, whatever it holds.
func FuzzGitHubOneLinePerDiagnostic(f *testing.F) {
	f.Add("content/a.md", "m\nn", "h\r")
	f.Add("a,b:c", "%0A", "::error::x")
	f.Fuzz(func(t *testing.T, file, msg, hint string) {
		var b strings.Builder
		ds := diag.List{{Pos: diag.Position{File: file, Line: 1}, Message: msg, Hint: hint}}
		if err := Write(&b, "github", ds, "."); err != nil {
			t.Fatal(err)
		}
		out := strings.TrimSuffix(b.String(), "\n")
		lines := strings.Split(out, "\n")
		if len(lines) != 2 || !strings.HasPrefix(lines[0], "::error ") || strings.ContainsRune(lines[0], '\r') {
			t.Fatalf("not one command line: %q", out)
		}
		props, _, ok := strings.Cut(strings.TrimPrefix(lines[0], "::error "), "::")
		want := 2 // file, line, title
		if file == "" {
			want = 0
		}
		if !ok || strings.Count(props, ",") != want {
			t.Fatalf("properties not separable: %q", props)
		}
		var doc jsonReport
		b.Reset()
		if err := Write(&b, "json", ds, ""); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(b.String()), &doc); err != nil || len(doc.Diagnostics) != 1 {
			t.Fatalf("json %q: %v", b.String(), err)
		}
	})
}
