package rules

import (
	"os"
	"testing"
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/load"
)

// BenchmarkCheck times the rules over a loaded site, as `cchc check`
// runs them once (Check) and as the preview server runs them after a
// rebuild where one page changed (Memo): over the frozen sample, and the
// corpus of ../shared/bench/gencorpus when CCHC_CORPUS names one.
//
//	(cd ../shared/bench/gencorpus && go run . -n 1000 -out /tmp/corpus-1k)
//	CCHC_CORPUS=/tmp/corpus-1k go test -run XXX -bench Check ./internal/rules
func BenchmarkCheck(b *testing.B) {
	sites := map[string]string{"sample": "../../testdata/sample"}
	if dir := os.Getenv("CCHC_CORPUS"); dir != "" {
		sites["corpus"] = dir
	}
	for name, root := range sites {
		fsys := os.DirFS(root)
		cfg, ds := config.Load(fsys)
		if ds.HasErrors() {
			b.Fatal(ds.Error())
		}
		// Loaded as the preview server does: bodies hashed by the loader.
		site, _ := load.Site(fsys, cfg, load.Options{Drafts: true, Future: true, Now: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC), Parsed: &load.ParseCache{}})
		if site == nil || len(site.Pages) == 0 {
			b.Fatal("the site did not load")
		}
		b.Run(name+"/all", func(b *testing.B) {
			for b.Loop() {
				Check(cfg, site)
			}
		})
		b.Run(name+"/memo", func(b *testing.B) {
			var m Memo
			m.Check(nil, cfg, site, nil)
			edited := site.Pages[len(site.Pages)/2]
			for b.Loop() {
				edited.Body = append(edited.Body[:len(edited.Body):len(edited.Body)], 'x') // a new body: a new key
				edited.BodySum[0]++
				m.Check(nil, cfg, site, nil)
			}
		})
	}
}
