package serve

import (
	"slices"
	"strings"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/errorpage"
	"github.com/cchc-vn/cchc/internal/pipeline"
	"github.com/cchc-vn/cchc/internal/warnpanel"
)

// snapshot is one build as served: it is swapped in whole, so a request
// sees the old site or the new one, never a mix.
type snapshot struct {
	base   string            // base path, "/cchc/"
	files  map[string][]byte // output path → bytes; read only
	failed bool              // no good build yet: serve the placeholder
	errors string            // the failed build's errors, as overlay HTML
	// sources maps each page to the Markdown file it is made from, for
	// the desk's "Sửa bài này" link: output path → source.
	sources map[string]string
	// drafts holds, by output path, the page served in place of a
	// draft that has errors (errorpage.DraftPage): the rest of the site is served.
	drafts map[string][]byte
	// warnings are the build's and the editorial rules', for the panel.
	warnings *warnpanel.Warnings
}

func newSnapshot(base string, files map[string][]byte, site *content.Site) *snapshot {
	return &snapshot{base: base, files: files, sources: sourcesOf(site)}
}

// current is the site being served; before the first build, an empty one.
func (s *Server) current() *snapshot {
	if snap := s.site.Load(); snap != nil {
		return snap
	}
	return &snapshot{base: "/", failed: true}
}

// stylesheets are the URLs of the site's stylesheets, sorted: what the
// browsers swap in after a stylesheet-only change.
func (snap *snapshot) stylesheets() []string {
	var hrefs []string
	for p := range snap.files {
		if strings.HasPrefix(p, "assets/") && strings.HasSuffix(p, ".css") {
			hrefs = append(hrefs, snap.base+p)
		}
	}
	slices.Sort(hrefs)
	return hrefs
}

// basePathAfterFailure is the base path when the first build failed: the
// one in site.yaml if the build could read that file, else the root.
func basePathAfterFailure(res *pipeline.Result) string {
	if res == nil || res.Config == nil {
		return "/"
	}
	return res.Config.BasePath()
}

// draftPages lays out the errors of each draft that has some, keyed by the
// output path of its page. A draft whose front matter could not be read
// has no page: its errors are in the terminal only.
func draftPages(root string, site *content.Site, ds diag.List) map[string][]byte {
	bySource := map[string]diag.List{}
	for _, d := range ds {
		if d.Severity == diag.Error && site.Drafts[d.Pos.File] {
			bySource[d.Pos.File] = append(bySource[d.Pos.File], d)
		}
	}
	out := map[string][]byte{}
	for src, errs := range bySource {
		if p := site.ByPath[strings.TrimPrefix(src, content.ContentDir+"/")]; p != nil && p.URL != "" {
			out[p.URL+"index.html"] = errorpage.DraftPage(root, src, errs)
		}
	}
	return out
}

// brokenDrafts names the drafts with errors, sorted, for the terminal.
func brokenDrafts(site *content.Site, ds diag.List) []string {
	var out []string
	for _, d := range ds {
		if d.Severity == diag.Error && site.Drafts[d.Pos.File] && !slices.Contains(out, d.Pos.File) {
			out = append(out, d.Pos.File)
		}
	}
	slices.Sort(out)
	return out
}
