package main

import (
	"bytes"
	"os"
	"runtime/metrics"
	"runtime/pprof"
	"time"
)

// peakWatcher samples the live heap (as of the last GC) and keeps the heap
// profile of the largest seen: the profile at the end of a build shows
// what is left, not what the peak RSS was made of.
type peakWatcher struct {
	done chan struct{}
	out  chan result
}

type result struct {
	peak    uint64
	profile []byte
}

func watchPeak() *peakWatcher {
	w := &peakWatcher{done: make(chan struct{}), out: make(chan result)}
	go func() {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		var best result
		var buf bytes.Buffer
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-w.done:
				w.out <- best
				return
			case <-tick.C:
			}
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > best.peak {
				buf.Reset()
				if pprof.WriteHeapProfile(&buf) == nil {
					best = result{v, bytes.Clone(buf.Bytes())}
				}
			}
		}
	}()
	return w
}

// stop ends the sampling, writes the peak's profile to path and returns
// the peak live heap in bytes.
func (w *peakWatcher) stop(path string) uint64 {
	close(w.done)
	r := <-w.out
	check(os.WriteFile(path, r.profile, 0o644))
	return r.peak
}
