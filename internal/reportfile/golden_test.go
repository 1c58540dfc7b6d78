package reportfile

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/cchc-vn/cchc/internal/report"
	"github.com/cchc-vn/cchc/internal/viet"
)

// now is when the reports are made, as in the report package's tests
// whose golden site (../report/testdata/golden.txtar) these reuse: the
// figures written here were counted there by hand.
var now = time.Date(2026, 6, 15, 10, 0, 0, 0, viet.Location())

func compute(t testing.TB, p report.Period) *report.Report {
	t.Helper()
	ar, err := txtar.ParseFile("../report/testdata/golden.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	cfg, site, ds := report.Load(fsys, now)
	if ds.HasErrors() {
		t.Fatal(ds.Error())
	}
	r, _ := report.Compute(cfg, site, p, now)
	return r
}
