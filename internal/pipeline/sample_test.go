package pipeline

import (
	"html"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/publish"
)

var linkAttr = regexp.MustCompile(`(href|src)=("([^"]*)"|([^\s>]+))`)

// TestSampleSiteLinksResolveAndStayOnOrigin builds the frozen sample
// site and follows every href and src of every page: internal ones must
// name an output file, and nothing a page loads (src, stylesheet, icon)
// may come from another origin, so the column works on an intranet.
func TestSampleSiteLinksResolveAndStayOnOrigin(t *testing.T) {
	var out publish.Collector
	res, ds := Build(Options{Site: os.DirFS(sampleDir), Theme: cchc.Theme(), Now: testNow}, &out)
	if ds.HasErrors() {
		t.Fatalf("sample site: %v", ds)
	}
	base := res.Config.BasePath()
	links := 0
	for path, data := range out.Files() {
		if !strings.HasSuffix(path, ".html") {
			continue
		}
		for _, m := range linkAttr.FindAllStringSubmatch(string(data), -1) {
			attr, u := m[1], html.UnescapeString(m[3]+m[4])
			links++
			external := strings.HasPrefix(u, "http:") || strings.HasPrefix(u, "https:") || strings.HasPrefix(u, "//")
			switch {
			case external && attr == "src":
				t.Errorf("%s loads %s from another origin", path, u)
			case external, strings.HasPrefix(u, "mailto:"), strings.HasPrefix(u, "tel:"), strings.HasPrefix(u, "#"):
			case !strings.HasPrefix(u, base):
				t.Errorf("%s: link %q is not under the base path %s", path, u, base)
			default:
				target, _, _ := strings.Cut(strings.TrimPrefix(u, base), "#")
				if target == "" || strings.HasSuffix(target, "/") {
					target += "index.html"
				}
				if _, ok := out.Files()[target]; !ok {
					t.Errorf("%s: link %q leads nowhere", path, u)
				}
			}
		}
	}
	for path, data := range out.Files() {
		if strings.HasSuffix(path, ".html") && regexp.MustCompile(`<link[^>]+rel=(stylesheet|icon)[^>]+href="?https?:`).Match(data) {
			t.Errorf("%s: stylesheet or icon from another origin", path)
		}
	}
	if links < 1000 {
		t.Errorf("only %d links followed: is the sample site there?", links)
	}
}

// sampleDir is a frozen copy of the Diễn Châu sample site. Tests never read
// the live content/ and site.yaml at the repository root: those belong to
// the editors, and a commune replaces them with its own.
const sampleDir = "../../testdata/sample"
