package build

import (
	"os"
	"testing"
	"time"

	"github.com/cchc-vn/cchc"
)

// discard is a Writer that keeps nothing: the benchmark measures the
// pipeline, bench/compare.sh measures whole builds with their writes.
type discard struct{}

func (discard) Write(string, []byte) error { return nil }

// BenchmarkBuildCorpus builds the corpus written by
// ../shared/bench/gencorpus into CCHC_CORPUS (skipped when unset):
//
//	(cd ../shared/bench/gencorpus && go run . -n 1000 -out /tmp/corpus-1k)
//	CCHC_CORPUS=/tmp/corpus-1k go test -bench BuildCorpus -run XXX ./internal/build
func BenchmarkBuildCorpus(b *testing.B) {
	dir := os.Getenv("CCHC_CORPUS")
	if dir == "" {
		b.Skip("CCHC_CORPUS is not set")
	}
	opts := Options{Site: os.DirFS(dir), Theme: cchc.Theme(), Future: true, Now: time.Now()}
	for b.Loop() {
		res, ds := Build(opts, discard{})
		if ds.HasErrors() {
			b.Fatal(ds)
		}
		b.ReportMetric(float64(res.Pages), "pages")
	}
}
