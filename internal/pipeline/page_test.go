package pipeline

import (
	"bytes"
	"maps"
	"os"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/cache"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/publish"
)

// TestPageBuildsOnlyThatPage builds one page of the sample site at a time
// (Options.Page, the writing desk's preview) and compares it with the
// whole build: the same bytes for that page, the same diagnostics for
// its file, and no other file written.
func TestPageBuildsOnlyThatPage(t *testing.T) {
	opts := Options{Site: os.DirFS(sampleDir), Theme: cchc.Theme(), Drafts: true, Future: true, Preview: true, Now: testNow}
	var all publish.Collector
	res, ds := Build(opts, &all)
	if ds.HasErrors() {
		t.Fatalf("sample site: %v", ds)
	}
	want := map[string]string{
		"content/bai-viet/ket-qua-sipas-2025.md":                 res.Site.ByPath["bai-viet/ket-qua-sipas-2025.md"].URL + "index.html",
		"content/bai-viet/quy-trinh-mot-cua-lien-thong/index.md": "bai-viet/quy-trinh-mot-cua-lien-thong/index.html",
		"content/thu-tuc/dang-ky-khai-sinh.md":                   "thu-tuc/dang-ky-khai-sinh/index.html",
		"content/gioi-thieu.md":                                  "gioi-thieu/index.html",
		"content/hoi-dap/_index.md":                              "hoi-dap/index.html",
		"content/_index.md":                                      "index.html",
	}
	sess := NewSession(cache.NewMemory(), "test") // the summaries of the other pages come from it
	for source, path := range want {
		opts.Page = source
		var one publish.Collector
		_, pds := sess.Build(opts, &one)
		files := one.Files()
		if len(files) != 1 || files[path] == nil {
			names := make([]string, 0, len(files))
			for n := range files {
				names = append(names, n)
			}
			t.Errorf("%s: wrote %q, want only %s", source, names, path)
			continue
		}
		if !bytes.Equal(files[path], all.Files()[path]) {
			t.Errorf("%s: %s differs from the whole build's", source, path)
		}
		if got, want := forFile(pds, source), forFile(ds, source); got.Error() != want.Error() {
			t.Errorf("%s: diagnostics\n%v\nwant\n%v", source, got, want)
		}
	}
}

func forFile(ds diag.List, file string) diag.List {
	var out diag.List
	for _, d := range ds {
		if d.Pos.File == file {
			out = append(out, d)
		}
	}
	return out
}

// TestPageReportsItsOwnProblems: a one-page build reports the problems of
// that page's front matter and body, as the whole build does, and renders
// the page even when another page of the site is broken.
func TestPageReportsItsOwnProblems(t *testing.T) {
	site := fstest.MapFS{
		"content/bai-viet/a.md": {Data: []byte("---\ntitle: \"A\"\ndate: 2026-01-16\ntopics: [SIPAS, Khong co]\n---\nXem [bài B](b.md) và [bài mất](mat.md).\n")},
		"content/bai-viet/b.md": {Data: []byte("---\ntitle: \"B\"\ndate: 30/02/2026\ntopics: [PAPI]\n---\nBài B.\n")},
	}
	opts := Options{Site: site, Theme: cchc.Theme(), Drafts: true, Future: true, Preview: true, Now: testNow}
	_, ds := Build(opts, discard{})
	opts.Page = "content/bai-viet/a.md"
	var one publish.Collector
	_, pds := Build(opts, &one)
	got, want := forFile(pds, opts.Page), forFile(ds, opts.Page)
	if got.Error() != want.Error() || len(got) != 2 {
		t.Errorf("diagnostics of a.md:\n%v\nwant (2)\n%v", got, want)
	}
	if !bytes.Contains(one.Files()["bai-viet/a/index.html"], []byte("Xem")) {
		t.Errorf("a.md was not rendered: %q", slices.Collect(maps.Keys(one.Files())))
	}
}
