package plan

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/layout"
	"github.com/cchc-vn/cchc/internal/load"
	"github.com/cchc-vn/cchc/internal/viet"
)

func TestEventStatus(t *testing.T) {
	at := func(s string) time.Time {
		tm, err := viet.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	start := at("2026-11-28 14:00")
	tests := []struct {
		name string
		end  time.Time
		now  time.Time
		want string
	}{
		{"before the start", time.Time{}, at("2026-11-28 13:59"), layout.EventUpcoming},
		{"at the start", time.Time{}, start, layout.EventHappening},
		{"no end: until midnight in Vietnam", time.Time{}, at("2026-11-28 23:59"), layout.EventHappening},
		{"no end: the next day", time.Time{}, at("2026-11-29 00:00"), layout.EventPast},
		{"before its end", at("2026-11-30 17:00"), at("2026-11-30 16:59"), layout.EventHappening},
		{"at its end", at("2026-11-30 17:00"), at("2026-11-30 17:00"), layout.EventPast},
		{"judged in Vietnam's time", time.Time{}, time.Date(2026, 11, 28, 16, 59, 0, 0, time.UTC), layout.EventHappening},
	}
	for _, tt := range tests {
		if got := eventStatus(&content.Event{Start: start, End: tt.end}, tt.now); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestPager(t *testing.T) {
	tests := []struct {
		n, total int
		want     *layout.Pager
	}{
		{1, 1, nil},
		{1, 2, &layout.Pager{Number: 1, Total: 2, First: "x/", Last: "x/trang/2/", Next: "x/trang/2/",
			Pages: []layout.PageLink{{Number: 1, URL: "x/", Current: true}, {Number: 2, URL: "x/trang/2/"}}}},
		{4, 9, &layout.Pager{Number: 4, Total: 9, First: "x/", Last: "x/trang/9/", Prev: "x/trang/3/", Next: "x/trang/5/",
			Pages: []layout.PageLink{{Number: 2, URL: "x/trang/2/"}, {Number: 3, URL: "x/trang/3/"},
				{Number: 4, URL: "x/trang/4/", Current: true}, {Number: 5, URL: "x/trang/5/"}, {Number: 6, URL: "x/trang/6/"}}}},
		{9, 9, &layout.Pager{Number: 9, Total: 9, First: "x/", Last: "x/trang/9/", Prev: "x/trang/8/",
			Pages: []layout.PageLink{{Number: 7, URL: "x/trang/7/"}, {Number: 8, URL: "x/trang/8/"}, {Number: 9, URL: "x/trang/9/", Current: true}}}},
	}
	for _, tt := range tests {
		if got := pager("x/", tt.n, tt.total); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("pager(%d of %d) = %+v, want %+v", tt.n, tt.total, got, tt.want)
		}
	}
}

// TestSiteWithoutTemplates plans a small site, no template in sight: each
// output once, with its layout, the search page last, and an alias that
// would overwrite a list's second page left out with one error.
func TestSiteWithoutTemplates(t *testing.T) {
	article := func(title, date, more string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: \"" + title + "\"\ndate: " + date + "\ntopics: [SIPAS]\n" + more + "---\nNội dung.\n")}
	}
	fsys := fstest.MapFS{
		"site.yaml":                  {Data: []byte("page_size: 1\n")},
		"content/bai-viet/a.md":      article("A", "2026-01-16", "aliases: [\"/tin/a/\", \"/bai-viet/trang/2/\"]\n"),
		"content/bai-viet/b.md":      article("B", "2026-01-15", ""),
		"content/bai-viet/b/anh.png": {Data: []byte("png")},
		"content/gioi-thieu.md":      {Data: []byte("---\ntitle: \"Giới thiệu\"\n---\nXã.\n")},
		"content/bai-viet/_index.md": {Data: []byte("---\ntitle: \"Bài viết\"\n---\nLời giới thiệu.\n")},
	}
	cfg, ds := config.Load(fsys)
	site, lds := load.Site(fsys, cfg, load.Options{Now: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)})
	if ds = append(ds, lds...); ds.HasErrors() {
		t.Fatal(ds)
	}
	topics := Topics(site)
	jobs, pds := Site(cfg, site, SiteData(cfg, site, topics), Options{Now: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)})
	if len(pds) != 1 || !strings.Contains(pds[0].Message, "/bai-viet/trang/2/ trùng một trang chuyên mục tự tạo") || pds[0].Pos.File != "content/bai-viet/a.md" {
		t.Errorf("diagnostics: %v", pds)
	}
	got := map[string]string{}
	// A page's body is rendered by one job only: cchc build drops it
	// after that job (pipeline.Options.ForgetBodies).
	rendered := map[*content.Page]string{}
	for _, j := range jobs {
		if j.Page != nil {
			if other, twice := rendered[j.Page]; twice {
				t.Errorf("%s is rendered by %s and by %s", j.Page.Source, other, j.Path)
			}
			rendered[j.Page] = j.Path
		}
		if _, dup := got[j.Path]; dup {
			t.Errorf("%s planned twice", j.Path)
		}
		switch {
		case j.File != nil:
			got[j.Path] = "file " + j.File.Source
		case j.Raw != nil:
			got[j.Path] = "raw"
		default:
			got[j.Path] = j.Layout
		}
		if j.AfterIndex != (j.Path == "tim-kiem/index.html") {
			t.Errorf("%s: AfterIndex %v", j.Path, j.AfterIndex)
		}
	}
	want := map[string]string{
		"index.html":                      "home",
		"bai-viet/a/index.html":           "article",
		"bai-viet/b/index.html":           "article",
		"bai-viet/b/anh.png":              "file content/bai-viet/b/anh.png",
		"tin/a/index.html":                "alias",
		"gioi-thieu/index.html":           "page",
		"bai-viet/index.html":             "section",
		"bai-viet/trang/2/index.html":     "section",
		"bai-viet/rss.xml":                "raw",
		"chu-de/index.html":               "topics",
		"chu-de/sipas/index.html":         "topic",
		"chu-de/sipas/trang/2/index.html": "topic",
		"chu-de/sipas/rss.xml":            "raw",
		"rss.xml":                         "raw",
		"sitemap.xml":                     "raw",
		"tim-kiem/index.html":             "search",
		"404.html":                        "404",
	}
	for p, layout := range want {
		if got[p] != layout {
			t.Errorf("%s: %q, want %q", p, got[p], layout)
		}
	}
	if rendered[site.Sections[0].Intro] != "bai-viet/index.html" {
		t.Errorf("the section's intro is rendered by %q, want its first page", rendered[site.Sections[0].Intro])
	}
	urls := URLs(jobs)
	for _, u := range []string{"bai-viet/trang/2/", "bai-viet/trang/2/index.html", "rss.xml", "tim-kiem/"} {
		if !urls[u] {
			t.Errorf("URLs lacks %s", u)
		}
	}
	if urls["tin/a/"] || urls["tin/a/index.html"] {
		t.Error("URLs has an alias: a link would lead to a redirect")
	}
}
