// Package check runs every rule of a build without writing anything, adds
// the editorial warnings of package rules over the loaded site, and
// writes the diagnostics in the format the reader needs: text for an
// editor, GitHub workflow commands for pull-request annotations, JSON for
// other tools.
package check

import (
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/pipeline"
	"github.com/cchc-vn/cchc/internal/rules"
)

// Run builds the site with a Writer that throws the output away, so that
// every stage runs (links and images are resolved, templates execute) and
// nothing is written, then adds the editorial warnings (rules.Check). The
// diagnostics are sorted.
func Run(opts pipeline.Options) diag.List {
	res, ds := pipeline.Build(opts, discard{})
	if res != nil && res.Site != nil {
		ds.Add(rules.Check(res.Config, res.Site)...)
		ds = content.MarkDrafts(ds, res.Site.Drafts, !opts.Drafts)
		ds.Sort()
	}
	return ds
}

// discard is a pipeline.Writer that keeps nothing.
type discard struct{}

func (discard) Write(string, []byte) error { return nil }
