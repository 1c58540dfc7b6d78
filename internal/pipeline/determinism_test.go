package pipeline

import (
	"bytes"
	"os"
	"testing"
	"time"

	"github.com/cchc-vn/cchc"
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
