package pipeline

import (
	"testing"
	"time"

	"github.com/cchc-vn/cchc/internal/content"
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
	l := newLinker(site, "/cchc/", map[string]bool{"tim-kiem/": true})
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
		got, problem := l.resolve(a, tt.dest, false)
		if problem != nil || got != tt.want {
			t.Errorf("resolve(%q) = %q, %v; want %q", tt.dest, got, problem, tt.want)
		}
	}
	if _, problem := l.resolve(a, "c.md", false); problem == nil {
		t.Error("a missing page resolved")
	}
}
