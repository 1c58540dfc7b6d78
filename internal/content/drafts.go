package content

import (
	"strings"

	"github.com/cchc-vn/cchc/internal/diag"
)

// Drafts never block the site: one editor's unfinished draft, committed
// so as not to lose it, must not stop the column being published for
// everyone. Every problem of a draft is marked as the draft's; when the
// build leaves drafts out, its errors are warnings. With --drafts (and in
// the preview) they stay errors, of that page only: the preview serves
// the rest of the site.

// DraftMark ends the message of every diagnostic about a draft.
const DraftMark = " (bài nháp, chưa đăng)"

// MarkDrafts returns ds with the diagnostics about the files of drafts
// (keyed by source path, "content/bai-viet/x.md") marked with DraftMark,
// and, when demote is set, their errors made warnings. ds is not changed;
// a diagnostic already marked is left as it is.
func MarkDrafts(ds diag.List, drafts map[string]bool, demote bool) diag.List {
	if len(drafts) == 0 {
		return ds
	}
	out := make(diag.List, len(ds))
	for i, d := range ds {
		if drafts[d.Pos.File] && !strings.HasSuffix(d.Message, DraftMark) {
			d.Message += DraftMark
			if demote && d.Severity == diag.Error {
				d.Severity = diag.Warning
			}
		}
		out[i] = d
	}
	return out
}

// BlocksPublication reports whether ds holds an error that is not a
// draft's: what stops a build, while a draft's errors with --drafts only
// stop its own page.
func BlocksPublication(ds diag.List, drafts map[string]bool) bool {
	for _, d := range ds {
		if d.Severity == diag.Error && !drafts[d.Pos.File] {
			return true
		}
	}
	return false
}
