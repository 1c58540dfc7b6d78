package pipeline

import (
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/unicode/norm"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/publish"
)

// TestPreloadedConfigIsTheBuilds: a build handed site.yaml as LoadConfig
// read it (the archive is named from it first) reads the file no more:
// it shows what it was handed and reports its diagnostics once, in the
// words of a build that reads the file itself.
func TestPreloadedConfigIsTheBuilds(t *testing.T) {
	site := fstest.MapFS{
		"site.yaml":               {Data: []byte("title: \"" + norm.NFD.String("Cải cách") + "\"\n")},
		"content/bai-viet/tot.md": {Data: []byte("---\ntitle: \"Tốt\"\ndate: 2026-01-16\ntopics: [SIPAS]\n---\nBài.\n")},
	}
	opts := Options{Site: site, Theme: cchc.Theme(), Now: testNow, BaseURL: "https://xa.example/cchc/"}
	_, own := Build(opts, discard{})

	opts.Config = LoadConfig(opts)
	opts.Config.Config.Title = "Tên đã đọc"
	var out publish.Collector
	res, ds := Build(opts, &out)
	if ds.Error() != own.Error() || len(ds) != 1 || !strings.Contains(ds[0].Message, "(NFD)") {
		t.Errorf("diagnostics with a config handed over:\n%s\nreading it:\n%s", ds, own)
	}
	if res.Config != opts.Config.Config || res.Config.BasePath() != "/cchc/" {
		t.Errorf("the build's config is not the one handed over: base path %q", res.Config.BasePath())
	}
	if home := string(out.Files()["index.html"]); !strings.Contains(home, "Tên đã đọc") {
		t.Error("the home page does not show the config handed over")
	}
}

// TestResultKeepsConfigWithoutContent: a build that could read site.yaml
// but found no content/ still tells the config (the preview server takes
// its base path for the page it shows meanwhile).
func TestResultKeepsConfigWithoutContent(t *testing.T) {
	site := fstest.MapFS{"site.yaml": {Data: []byte("base_url: \"https://xa.example/cchc/\"\n")}}
	res, ds := Build(Options{Site: site, Theme: cchc.Theme(), Now: testNow}, discard{})
	if !ds.HasErrors() || res == nil || res.Site != nil || res.Config.BasePath() != "/cchc/" {
		t.Fatalf("no content/: result %+v, %v", res, ds)
	}
	broken := fstest.MapFS{"site.yaml": {Data: []byte("base_url: 12\n")}}
	if res, _ := Build(Options{Site: broken, Theme: cchc.Theme(), Now: testNow}, discard{}); res != nil {
		t.Errorf("a site.yaml with errors gives a config: %+v", res.Config)
	}
}
