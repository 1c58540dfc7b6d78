package check

import (
	"os"
	"testing"
	"time"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/pipeline"
)

// TestSampleSiteChecksWithoutWarnings runs check over the frozen sample
// site: the demo an editor learns from has no error and no warning, in
// the build's stages and in the editorial rules alike. Notes (an article
// scheduled for later) are no problem.
func TestSampleSiteChecksWithoutWarnings(t *testing.T) {
	now := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	ds := Run(pipeline.Options{Site: os.DirFS("../../testdata/sample"), Theme: cchc.Theme(), Now: now})
	notes := 0
	for _, d := range ds {
		if d.Severity != diag.Note {
			t.Errorf("%s", d)
			continue
		}
		notes++
	}
	if notes != 1 {
		t.Errorf("%d notes, want 1: the article on the 2027 New Year's opening hours is scheduled", notes)
	}
}
