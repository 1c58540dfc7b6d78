package serve

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/desk"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/pipeline"
	"github.com/cchc-vn/cchc/internal/warnpanel"
)

// The warnings of each file are shown in the preview on the page made
// from it (warnpanel), and all of them on one page of the server's own,
// so that an editor learns of them while writing, not when CI runs
// `cchc check`. The published view has neither.

// warningsPath lists every warning of the site.
const warningsPath = reserved + "canh-bao/"

// editorial runs the editorial rules of `cchc check` over the site just
// built, reusing each unchanged page's warnings of the last run. A
// draft's are marked as the build marks its own. None in the published
// view.
func (s *Server) editorial(res *pipeline.Result) diag.List {
	if s.opts.Published || res == nil || res.Site == nil {
		return nil
	}
	return content.MarkDrafts(s.memo.Check(nil, res.Config, res.Site, res.PageKeys), res.Site.Drafts, false)
}

// joined is a and b in one sorted list; a and b are left as they are.
func joined(a, b diag.List) diag.List {
	if len(b) == 0 {
		return a
	}
	out := append(slices.Clip(a), b...)
	out.Sort()
	return out
}

// notesLine tells in the terminal, at start, how many editorial warnings
// there are and where to read them; each is printed when its file is
// saved.
func (s *Server) notesLine(notes diag.List) string {
	if len(notes) == 0 {
		return ""
	}
	w := warnpanel.New(notes)
	n, files := w.Total()
	return fmt.Sprintf("Lời khuyên biên tập: %d cảnh báo ở %d tệp — xem khung cảnh báo ở góc dưới bên trái trang của từng tệp, danh sách đủ ở %s%s, hoặc chạy cchc check.",
		n, files, s.URL(), warningsPath)
}

// panel is the warnings panel of the page at output path name, or "".
// The home page tells of the whole site when it has none of its own.
func (s *Server) panel(snap *snapshot, name string) string {
	if snap.warnings == nil || name == "" {
		return ""
	}
	source, ok := snap.sources[name]
	if !ok && name != "index.html" {
		return ""
	}
	return snap.warnings.Panel(source, name == "index.html", s.warningLinks(snap))
}

// warningsPage lists every warning of the served build.
func (s *Server) warningsPage(snap *snapshot) []byte {
	return snap.warnings.List(s.warningLinks(snap))
}

func (s *Server) warningLinks(snap *snapshot) warnpanel.Links {
	var pages map[string]string // source → URL, made when first asked
	l := warnpanel.Links{
		List: snap.base + warningsPath,
		Page: func(source string) string {
			if pages == nil {
				pages = make(map[string]string, len(snap.sources))
				for out, src := range snap.sources {
					pages[src] = snap.base + strings.TrimSuffix(out, "index.html")
				}
			}
			return pages[source]
		},
	}
	if s.desk != nil {
		l.Edit = func(source string) string {
			if !strings.HasPrefix(source, content.ContentDir+"/") || !strings.EqualFold(path.Ext(source), ".md") {
				return "" // the desk edits pages only
			}
			return snap.base + desk.EditPath(source)
		}
	}
	return l
}

// onlyErrorsOr keeps every error, and the warnings about the changed
// files: the others were printed when their files changed, or at start.
func onlyErrorsOr(ds diag.List, changed []string) diag.List {
	if changed == nil {
		return ds
	}
	var out diag.List
	for _, d := range ds {
		if d.Severity == diag.Error || slices.Contains(changed, d.Pos.File) {
			out = append(out, d)
		}
	}
	return out
}
