package pipeline

import (
	"os"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/cache"
	"github.com/cchc-vn/cchc/internal/workers"
)

// peak keeps the largest value it was shown.
type peak struct{ v atomic.Int32 }

func (p *peak) see(v int32) {
	for old := p.v.Load(); v > old && !p.v.CompareAndSwap(old, v); old = p.v.Load() {
	}
}

// peakWriter counts the Write calls in progress.
type peakWriter struct {
	running atomic.Int32
	peak    peak
}

func (w *peakWriter) Write(string, []byte) error {
	w.peak.see(w.running.Add(1))
	defer w.running.Add(-1)
	runtime.Gosched() // let another writer in, were there one
	return nil
}

// TestWorkersBoundEveryStage builds the sample site, with a cache so that
// the page keys are computed too, with one worker: no stage (loading,
// summaries, cache keys, rendering, the search index) may run two calls
// at once, nor the writer two writes. Two counts: the pool's own, and the
// goroutines alive while the build runs (sampled from another one),
// which also sees a stage that would start goroutines of its own beside
// the pool. With four workers both counts see more, so they do count.
func TestWorkersBoundEveryStage(t *testing.T) {
	build := func(n int) (calls, writes, extra int) {
		p := workers.New(n)
		var w peakWriter
		var alive peak
		stop := make(chan struct{})
		sampled := make(chan struct{})
		go func() {
			defer close(sampled)
			for {
				select {
				case <-stop:
					return
				default:
					alive.see(int32(runtime.NumGoroutine()))
					runtime.Gosched()
				}
			}
		}()
		runtime.Gosched()
		before := runtime.NumGoroutine() // this one, the sampler, the test framework's
		_, ds := run(NewSession(cache.NewMemory(), "test"), Options{
			Site: os.DirFS(sampleDir), Theme: cchc.Theme(), Now: testNow, Workers: n,
		}, p, &w)
		close(stop)
		<-sampled
		if ds.HasErrors() {
			t.Fatalf("sample site: %v", ds)
		}
		return p.Peak(), int(w.peak.v.Load()), int(alive.v.Load()) - before
	}
	// One worker: the stages run on this goroutine, the writer on one more.
	if calls, writes, extra := build(1); calls != 1 || writes != 1 || extra > 1 {
		t.Errorf("one worker: %d calls and %d writes at once, %d goroutines more than before", calls, writes, extra)
	}
	if calls, _, extra := build(4); calls < 2 || extra < 4 {
		t.Errorf("four workers: at most %d calls at once, %d goroutines more than before", calls, extra)
	}
}
