package rules

import (
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/fingerprint"
	"github.com/cchc-vn/cchc/internal/load"
)

// A Memo gives what Check gives, run after run, as pages change, come and
// go; it remembers the pages of the last run only.
func TestMemoMatchesCheck(t *testing.T) {
	const sum = "summary: \"Tóm tắt.\"\n"
	runs := []map[string]string{
		{"content/bai-viet/a.md": article("A", "", "![](x.png)\n"), "content/bai-viet/b.md": article("B", sum, "hoà và hòa\n")},
		{"content/bai-viet/a.md": article("A", sum, "![](x.png)\n"), "content/bai-viet/b.md": article("B", sum, "hoà và hòa\n")},
		{"content/bai-viet/b.md": article("B", sum, "hoà và hoà\n"), "content/bai-viet/c.md": article("C", "", "[tại đây](b.md)\n")},
		{"content/bai-viet/b.md": article("B", sum, "hoà và hoà\n"), "content/bai-viet/c.md": article("C", "", "[tại đây](b.md)\n")},
	}
	cfg, _ := config.Load(fstest.MapFS{"site.yaml": {Data: []byte("contact:\n  phone: \"\"\n")}})
	var m Memo
	for i, files := range runs {
		site := loadSite(t, files, load.Options{Now: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC), Parsed: &load.ParseCache{}}, false)
		got, want := lines(m.Check(nil, cfg, site, nil)), lines(Check(cfg, site))
		if got != want {
			t.Errorf("run %d: memo gives\n%s\nCheck gives\n%s", i, got, want)
		}
		if want == "" {
			t.Fatalf("run %d: no warning at all: the case tests nothing", i)
		}
		if len(m.last) != len(files) {
			t.Errorf("run %d: the memo holds %d pages, the site has %d", i, len(m.last), len(files))
		}
	}
	if m.Check(nil, cfg, nil, nil) != nil {
		t.Error("no site: warnings")
	}
}

// A page loaded again from the same file has the same key, so the memo
// reuses its warnings: a field that differs from one load to the next
// (a pointer, a time of loading) would make every run scan every page.
func TestPageKeyStableAcrossLoads(t *testing.T) {
	files := map[string]string{
		"content/bai-viet/a.md": article("A", "summary: \"s\"\nimage: a.png\nimage_alt: \"Ảnh\"\n", "Thân bài.\n"),
		"content/hoi-dap/b.md":  "---\ncau_hoi: \"Hỏi?\"\nnguoi_hoi: \"Chị H.\"\nngay_hoi: 10/11/2026\nngay_tra_loi: 12/11/2026\nco_quan_tra_loi: \"UBND xã\"\n---\nTrả lời.\n",
		"content/_index.md":     "---\ntitle: \"Trang chủ\"\n---\nx\n",
	}
	keys := func(parsed *load.ParseCache) []fingerprint.Key {
		site := loadSite(t, files, load.Options{Now: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC), Parsed: parsed}, false)
		var out []fingerprint.Key
		for _, p := range pagesOf(site) {
			out = append(out, p.Fingerprint())
		}
		return out
	}
	first := keys(nil)
	if len(first) != 3 || !slices.Equal(first, keys(nil)) {
		t.Errorf("keys differ between two loads of the same files: %x", first)
	}
	if slices.Equal(first, keys(&load.ParseCache{})) {
		t.Error("a body hashed by the loader (BodySum) gives the same key as one hashed here: is BodySum still set?")
	}
}

// Keys the caller already has (the build's, for its page cache) are taken
// as they are: a page is not hashed a second time. The test hands a key
// that no longer fits the page, and gets the warnings kept under it.
func TestMemoTakesKnownKeys(t *testing.T) {
	cfg := config.Default()
	now := load.Options{Now: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)}
	var m Memo
	before := loadSite(t, map[string]string{"content/bai-viet/a.md": article("A", "", "![](x.png)\n")}, now, false)
	p := before.ByPath["bai-viet/a.md"]
	if p == nil {
		t.Fatal("no page a.md")
	}
	known := map[*content.Page]fingerprint.Key{p: {1}}
	first := lines(m.Check(nil, cfg, before, known))
	if first == "" {
		t.Fatal("no warning at all: the case tests nothing")
	}
	after := loadSite(t, map[string]string{"content/bai-viet/a.md": article("A", "summary: \"Tóm tắt.\"\n", "Đủ.\n")}, now, false)
	q := after.ByPath["bai-viet/a.md"]
	if got := lines(m.Check(nil, cfg, after, map[*content.Page]fingerprint.Key{q: {1}})); got != first {
		t.Errorf("with the known key the memo gives\n%s\nwant the warnings kept under it\n%s", got, first)
	}
	if got, want := lines(m.Check(nil, cfg, after, nil)), lines(Check(cfg, after)); got != want {
		t.Errorf("without it the memo gives\n%s\nwant\n%s", got, want)
	}
}
