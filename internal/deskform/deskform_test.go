package deskform

import (
	"strings"
	"testing"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/diag"
)

func TestKindOf(t *testing.T) {
	for rel, want := range map[string]Kind{
		"content/_index.md":                  Home,
		"content/gioi-thieu.md":              Page,
		"content/gioi-thieu/index.md":        Page,
		"content/bai-viet/_index.md":         Section,
		"content/van-ban/_index.md":          Section,
		"content/bai-viet/a.md":              Article,
		"content/bai-viet/a/index.md":        Article,
		"content/tin-tuc/a.md":               Article,
		"content/van-ban/a/index.md":         Document,
		"content/van-ban/a.md":               Document,
		"content/hoi-dap/a.md":               Question,
		"content/thu-tuc/a.md":               Procedure,
		"content/su-kien/a.md":               Event,
		"content/su-kien/2026/hoi-nghi.md":   Event,
		"content/bai-viet/2026/_index.md":    Article, // the loader reads it as an article too
		"content/bai-viet/nhom/bai/index.md": Article,
	} {
		if got := KindOf(rel); got != want {
			t.Errorf("KindOf(%s) = %v, want %v", rel, got, want)
		}
	}
}

const document = `---
# Văn bản của UBND xã
so_ky_hieu: "35/KH-UBND" # số như trên văn bản
co_quan: 'UBND xã Diễn Châu'
ngay_ban_hanh: 16/01/2026
trich_yeu: Tuyên truyền cải cách hành chính năm 2026
dinh_kem:
  - tep: ke-hoach.pdf
    ten: "Toàn văn"
nguon: "Văn phòng"
draft: true # bản nháp
---

Giới thiệu văn bản.
`

func TestLoadShowsFieldsOthersAndFixed(t *testing.T) {
	f := Load([]byte(document), Document)
	got := map[string]Value{}
	for _, v := range f.Values {
		got[v.Key] = v
	}
	if v := got["so_ky_hieu"]; v.Text != "35/KH-UBND" || v.Fixed != "" {
		t.Errorf("so_ky_hieu: %+v", v)
	}
	if v := got["co_quan"]; v.Text != "UBND xã Diễn Châu" {
		t.Errorf("co_quan: %+v", v)
	}
	if v := got["draft"]; !v.On {
		t.Errorf("draft: %+v", v)
	}
	if v := got["dinh_kem"]; v.Fixed != `[{"ten":"Toàn văn","tep":"ke-hoach.pdf"}]` {
		t.Errorf("dinh_kem, a list of mappings, should be read only: %+v", v)
	}
	if len(f.Others) != 1 || f.Others[0] != (Other{Key: "nguon", Text: "Văn phòng"}) {
		t.Errorf("others: %+v", f.Others)
	}
	if f.Body != "Giới thiệu văn bản.\n" || f.Raw != "" {
		t.Errorf("body %q, raw %q", f.Body, f.Raw)
	}

	bad := Load([]byte("---\ntitle: \"A\n---\nx\n"), Article)
	if bad.Raw == "" || !strings.HasPrefix(bad.RawError, "Phần khai báo đầu bài có lỗi ở dòng ") {
		t.Errorf("broken front matter: %+v", bad)
	}
}

func str(s string) *string { return &s }

func TestApply(t *testing.T) {
	cfg := config.Default()
	for _, tc := range []struct {
		name string
		kind Kind
		base string
		edit Edit
		want string
	}{{
		name: "nothing changed: the same bytes",
		kind: Document, base: document,
		edit: Edit{Fields: map[string]any{
			"so_ky_hieu": "35/KH-UBND", "co_quan": "UBND xã Diễn Châu", "ngay_ban_hanh": "16/01/2026",
			"trich_yeu": "Tuyên truyền cải cách hành chính năm 2026", "draft": true, "loai": "", "cap": "",
			"dinh_kem": []any{"ignored.pdf"}, "title": "", "topics": []any{},
		}, Body: str("Giới thiệu văn bản.\n")},
		want: document,
	}, {
		name: "one value, the draft mark and the body",
		kind: Document, base: document,
		edit: Edit{Fields: map[string]any{"so_ky_hieu": "36/KH-UBND", "draft": false}, Body: str("Văn bản mới.\n")},
		want: strings.NewReplacer(`"35/KH-UBND"`, `"36/KH-UBND"`, "draft: true # bản nháp\n", "", "Giới thiệu văn bản.", "Văn bản mới.").Replace(document),
	}, {
		name: "topics named differently but the same, and a title with a line break",
		kind: Article,
		base: "---\ntitle: A\ndate: 16/01/2026\ntopics: [sipas, \"một cửa\"]\n---\n\nBài.\n",
		edit: Edit{Fields: map[string]any{"title": "A\nmới ", "topics": []any{"SIPAS", "Một cửa, một cửa liên thông"}}},
		want: "---\ntitle: A mới\ndate: 16/01/2026\ntopics: [sipas, \"một cửa\"]\n---\n\nBài.\n",
	}, {
		name: "a topic added, a procedure's papers as rows",
		kind: Procedure,
		base: "---\ntitle: \"Khai sinh\"\nho_so: # mỗi giấy tờ một dòng\n  - \"Tờ khai\"\ntopics: [SIPAS]\n---\nGhi chú.\n",
		edit: Edit{Fields: map[string]any{"ho_so": []any{"Tờ khai", " ", "Giấy chứng sinh"}, "topics": []any{"SIPAS", "PAPI"}}},
		want: "---\ntitle: \"Khai sinh\"\nho_so: # mỗi giấy tờ một dòng\n  - \"Tờ khai\"\n  - \"Giấy chứng sinh\"\ntopics: [SIPAS, PAPI]\n---\nGhi chú.\n",
	}, {
		name: "CRLF file: the body keeps CRLF",
		kind: Article,
		base: "---\r\ntitle: A\r\n---\r\n\r\nMột.\r\n",
		edit: Edit{Fields: map[string]any{"summary": "Tóm tắt"}, Body: str("Một.\nHai.\n")},
		want: "---\r\ntitle: A\r\nsummary: Tóm tắt\r\n---\r\n\r\nMột.\r\nHai.\r\n",
	}, {
		name: "raw text for a file that cannot be read",
		kind: Article,
		base: "---\ntitle: \"A\n---\n",
		edit: Edit{Raw: str("---\ntitle: \"A\"\n---\nBài.\n")},
		want: "---\ntitle: \"A\"\n---\nBài.\n",
	}} {
		got, err := Apply([]byte(tc.base), tc.kind, tc.edit, cfg)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if string(got) != tc.want {
			t.Errorf("%s:\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}

func TestApplyRefusesWrongShapes(t *testing.T) {
	_, err := Apply([]byte("---\ntitle: A\n---\n"), Article, Edit{Fields: map[string]any{"title": []any{"x"}}}, nil)
	if err == nil || err.Error() != "giá trị gửi cho `title` không đúng dạng" {
		t.Errorf("a list for title: %v", err)
	}
}

func TestPlace(t *testing.T) {
	src := "---\ntitle: A\ntopics:\n  - SIPAS\n  - Khong co\n# ghi chú\ndate: 30/02/2026\n---\n\n\nDòng một.\n[x](mat.md)\n"
	l := Scan([]byte(src))
	at := func(line int, msg string) diag.Diagnostic {
		return diag.Diagnostic{Pos: diag.Position{File: "content/bai-viet/a.md", Line: line}, Message: msg}
	}
	for _, tc := range []struct {
		d    diag.Diagnostic
		key  string
		body int
	}{
		{at(2, "`title` (tiêu đề) dài 79 ký tự"), "title", 0},
		{at(5, "chủ đề \"Khong co\" không có trong danh mục chủ đề"), "topics", 0},
		{at(7, "`date` (ngày đăng): ngày \"30/02/2026\" không có thật"), "date", 0},
		{at(1, "thiếu `summary` (tóm tắt)"), "summary", 0},
		{at(1, "bài chưa có tóm tắt"), "", 0},
		{at(12, "liên kết tới \"mat.md\" không tồn tại"), "", 2},
		{at(9, "ảnh"), "", 1},
		{at(0, "trùng đường dẫn"), "", 0},
	} {
		key, body := l.Place(tc.d)
		if key != tc.key || body != tc.body {
			t.Errorf("Place(line %d, %q) = %q, %d; want %q, %d", tc.d.Pos.Line, tc.d.Message, key, body, tc.key, tc.body)
		}
	}
	if f := Load([]byte(src), Article); !strings.HasPrefix(f.Body, "Dòng một.") || l.BodyLine() != 11 {
		t.Errorf("body %q starts at line %d, want line 11", f.Body, l.BodyLine())
	}
}
