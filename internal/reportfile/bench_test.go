package reportfile

import (
	"io"
	"os"
	"testing"
	"time"

	"github.com/cchc-vn/cchc/internal/report"
	"github.com/cchc-vn/cchc/internal/viet"
)

// BenchmarkReportCorpus makes the report of the corpus written by
// ../shared/bench/gencorpus into CCHC_CORPUS (skipped when unset), the
// way `cchc report -o FILE.xlsx` does: load the site, compute, write the
// workbook (to nowhere). Its articles run to late 2026; "now" is after.
//
//	(cd ../shared/bench/gencorpus && go run . -n 10000 -out /tmp/corpus-10k)
//	CCHC_CORPUS=/tmp/corpus-10k go test -bench ReportCorpus -benchmem -run XXX ./internal/reportfile
func BenchmarkReportCorpus(b *testing.B) {
	dir := os.Getenv("CCHC_CORPUS")
	if dir == "" {
		b.Skip("CCHC_CORPUS is not set")
	}
	at := time.Date(2027, 1, 1, 0, 0, 0, 0, viet.Location())
	period, _ := report.Range(time.Date(2020, 1, 1, 0, 0, 0, 0, viet.Location()), time.Date(2026, 12, 31, 0, 0, 0, 0, viet.Location()))
	fsys := os.DirFS(dir)
	for b.Loop() {
		cfg, site, ds := report.Load(fsys, at)
		if ds.HasErrors() {
			b.Fatal(ds.Error())
		}
		r, _ := report.Compute(cfg, site, period, at)
		if err := WriteXLSX(io.Discard, r, time.Time{}); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(r.Articles), "articles")
	}
}
