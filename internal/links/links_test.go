package links

import (
	"reflect"
	"testing"
	"time"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/markdown"
)

func TestResolveKeepsQueryAndFragment(t *testing.T) {
	a := &content.Page{Source: "content/bai-viet/a.md", Dir: "bai-viet", URL: "bai-viet/a/", Date: time.Now()}
	b := &content.Page{Source: "content/bai-viet/b.md", Dir: "bai-viet", URL: "bai-viet/b/"}
	site := &content.Site{
		ByPath:      map[string]*content.Page{"bai-viet/a.md": a, "bai-viet/b.md": b},
		ByURL:       map[string]*content.Page{"bai-viet/a/": a, "bai-viet/b/": b},
		FileByURL:   map[string]content.File{},
		Unpublished: map[string]*content.Page{},
	}
	l := New(site, "/cchc/", map[string]bool{"tim-kiem/": true})
	tests := []struct{ dest, want string }{
		{"b.md", "/cchc/bai-viet/b/"},
		{"b.md#muc-tieu", "/cchc/bai-viet/b/#muc-tieu"},
		{"../b/", "/cchc/bai-viet/b/"},
		{"../b", "/cchc/bai-viet/b/"},
		{"/cchc/bai-viet/b/", "/cchc/bai-viet/b/"},
		{"/bai-viet/b.md", "/cchc/bai-viet/b/"},
		{"../../tim-kiem/?q=mot+cua#ket-qua", "/cchc/tim-kiem/?q=mot+cua#ket-qua"},
		{"b%2Emd", "/cchc/bai-viet/b/"},
	}
	for _, tt := range tests {
		got, problem := l.Resolve(a, tt.dest, false)
		if problem != nil || got != tt.want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", tt.dest, got, problem, tt.want)
		}
	}
	if _, problem := l.Resolve(a, "c.md", false); problem == nil {
		t.Error("a missing page resolved")
	}
}

func TestCitations(t *testing.T) {
	doc := func(src, number string) *content.Page {
		return &content.Page{Source: "content/van-ban/" + src + ".md", URL: "van-ban/" + src + "/", Doc: &content.Document{Number: number}}
	}
	kh35, kh35again, qd12 := doc("kh35", "35/KH-UBND"), doc("kh35-2027", "35/KH-UBND"), doc("qd12", "12/QĐ-UBND")
	question := &content.Page{Source: "content/hoi-dap/a.md", URL: "hoi-dap/a/"}
	tests := []struct {
		name  string
		pages []*content.Page
		of    *content.Page
		want  markdown.Citations
	}{
		{"no document", []*content.Page{question}, question, markdown.Citations{}},
		{"unnumbered document", []*content.Page{doc("x", ""), question}, question, markdown.Citations{}},
		{"a number links its page", []*content.Page{kh35, qd12, question}, question,
			markdown.Citations{URLs: map[string]string{"35/KH-UBND": "/cchc/van-ban/kh35/", "12/QĐ-UBND": "/cchc/van-ban/qd12/"}}},
		{"a document skips its own number", []*content.Page{kh35, qd12}, kh35,
			markdown.Citations{URLs: map[string]string{"35/KH-UBND": "/cchc/van-ban/kh35/", "12/QĐ-UBND": "/cchc/van-ban/qd12/"}, Skip: "35/KH-UBND"}},
		{"a shared number links neither", []*content.Page{kh35, kh35again, qd12, question}, question,
			markdown.Citations{URLs: map[string]string{"12/QĐ-UBND": "/cchc/van-ban/qd12/"}}},
		{"only shared numbers: none", []*content.Page{kh35, kh35again, question}, question, markdown.Citations{}},
	}
	for _, tt := range tests {
		c := NewCitations(&content.Site{Pages: tt.pages}, "/cchc/")
		if got := c.Of(tt.of); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
		if (c == nil) != (len(tt.want.URLs) == 0) {
			t.Errorf("%s: citations %v, want nil exactly when no number links", tt.name, c)
		}
	}
}
