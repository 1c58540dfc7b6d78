package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/cchc-vn/cchc"
)

// BenchmarkRebuildWarnings times what the editorial warnings add to the
// preview's rebuild after one article is saved: "ms-build" is the build,
// "ms-rules" the rules run over the site it loaded, each page's warnings
// reused unless the page changed. On a copy of the corpus CCHC_CORPUS
// names (skipped when unset):
//
//	(cd ../shared/bench/gencorpus && go run . -n 1000 -out /tmp/corpus-1k)
//	CCHC_CORPUS=/tmp/corpus-1k go test -run XXX -bench RebuildWarnings -benchtime 20x ./internal/serve
func BenchmarkRebuildWarnings(b *testing.B) {
	dir := os.Getenv("CCHC_CORPUS")
	if dir == "" {
		b.Skip("CCHC_CORPUS is not set")
	}
	root := b.TempDir()
	if err := os.CopyFS(root, os.DirFS(dir)); err != nil {
		b.Fatal(err)
	}
	names, _ := filepath.Glob(filepath.Join(root, "content", "bai-viet", "[^_]*.md"))
	if len(names) == 0 {
		b.Fatal("no article in content/bai-viet")
	}
	slices.Sort(names)
	victim := names[len(names)/2]
	orig, err := os.ReadFile(victim)
	if err != nil {
		b.Fatal(err)
	}
	// Files younger than the parse cache's window are read again on every
	// build: let the copy age, as the editor's files have.
	time.Sleep(2100 * time.Millisecond)
	s, err := New(Options{Root: root, Theme: cchc.Theme(), Watcher: newFakeWatcher(), Now: fixedClock})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	res, _, ds := s.build()
	if ds.HasErrors() {
		b.Fatal(ds)
	}
	s.editorial(res)
	s.sess.Store.Rotate()
	var building, checking time.Duration
	warnings := 0
	i := 0
	for b.Loop() {
		i++
		if err := os.WriteFile(victim, append(orig, fmt.Sprintf("\nSửa lần %d, hoà và hòa.\n", i)...), 0o644); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		res, _, ds := s.build()
		built := time.Now()
		notes := s.editorial(res)
		checking += time.Since(built)
		building += built.Sub(start)
		if ds.HasErrors() {
			b.Fatal(ds)
		}
		warnings = len(notes)
		s.sess.Store.Rotate()
	}
	b.ReportMetric(float64(building.Milliseconds())/float64(i), "ms-build")
	b.ReportMetric(float64(checking.Microseconds())/1000/float64(i), "ms-rules")
	b.ReportMetric(float64(warnings), "warnings")
}
