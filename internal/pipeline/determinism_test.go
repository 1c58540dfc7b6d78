package pipeline

import (
	"bytes"
	"os"
	"testing"
	"time"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/cache"
	"github.com/cchc-vn/cchc/internal/publish"
)

// TestSameInputSameBytes builds the repository's sample site with one
// worker and with several, in two time zones, and compares every file.
func TestSameInputSameBytes(t *testing.T) {
	build := func(workers int, zone *time.Location) map[string][]byte {
		old := time.Local
		time.Local = zone
		defer func() { time.Local = old }()
		var out publish.Collector
		_, ds := Build(Options{Site: os.DirFS(sampleDir), Theme: cchc.Theme(), Now: testNow, Workers: workers}, &out)
		if ds.HasErrors() {
			t.Fatalf("sample site: %v", ds)
		}
		return out.Files()
	}
	one := build(1, time.UTC)
	many := build(7, time.FixedZone("EST", -5*3600))
	if len(one) != len(many) || len(one) < 40 {
		t.Fatalf("%d files vs %d", len(one), len(many))
	}
	for p, data := range one {
		if !bytes.Equal(data, many[p]) {
			t.Errorf("%s differs between builds", p)
		}
	}
}

// TestForgottenBodiesSameBytes builds the sample as `cchc build` does
// (one build, bodies dropped once written), cold and then warm from a
// page cache, and compares every file with a build that keeps all.
func TestForgottenBodiesSameBytes(t *testing.T) {
	opts := Options{Site: os.DirFS(sampleDir), Theme: cchc.Theme(), Now: testNow}
	var kept publish.Collector
	res, ds := NewSession(nil, "").Build(opts, &kept)
	if ds.HasErrors() {
		t.Fatalf("sample site: %v", ds)
	}
	if n := withBody(res); n < 30 {
		t.Fatalf("a build that keeps bodies left %d pages with a body", n)
	}
	opts.ForgetBodies = true
	store := cache.NewMemory()
	for _, run := range []string{"cold", "warm"} {
		var out publish.Collector
		res, ds := OneBuild(store, "test").Build(opts, &out)
		if ds.HasErrors() {
			t.Fatalf("%s: %v", run, ds)
		}
		if n := withBody(res); n != 0 {
			t.Errorf("%s: %d pages still hold their body", run, n)
		}
		sameFiles(t, run, out.Files(), kept.Files())
	}
}

// withBody counts the pages of a build's site that still hold a body.
func withBody(res *Result) int {
	n := 0
	for _, p := range res.Site.Pages {
		if p.Body != nil {
			n++
		}
	}
	return n
}
