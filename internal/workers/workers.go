// Package workers runs the parallel stages of a build on a bounded number
// of goroutines. One Pool serves every stage of one build (loading the
// Markdown, summaries, cache keys, rendering, writing the search index),
// so that one number, pipeline.Options.Workers, bounds them all: with one
// worker the whole build runs its work on one goroutine at a time.
package workers

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Pool bounds the goroutines of the stages that share it. A nil *Pool
// is one of GOMAXPROCS workers.
type Pool struct {
	n int
	// running and peak count the calls of f in progress, so that a test
	// can tell the bound was kept (Peak).
	running, peak atomic.Int32
}

// New returns a Pool of n workers; n ≤ 0 means GOMAXPROCS.
func New(n int) *Pool { return &Pool{n: n} }

// Size is how many goroutines a Run of count items starts: the Pool's
// bound, at most count, at least 1.
func (p *Pool) Size(count int) int {
	n := 0
	if p != nil {
		n = p.n
	}
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	return max(1, min(n, count))
}

// Run calls f(i) for every i in [0, count) on at most Size(count)
// goroutines, and returns when every call has. With one worker the
// calls run on the caller's goroutine, in order.
func (p *Pool) Run(count int, f func(i int)) {
	Each(p, count, func(_ *struct{}, i int) { f(i) })
}

// Each is Run with state of each goroutine's own: every goroutine starts
// from a zero S and hands it to each of its calls (a scratch buffer
// reused from one item to the next).
func Each[S any](p *Pool, count int, f func(s *S, i int)) {
	if count <= 0 {
		return
	}
	call := func(s *S, i int) {
		if p != nil {
			p.enter()
			defer p.running.Add(-1)
		}
		f(s, i)
	}
	size := p.Size(count)
	if size == 1 {
		var s S
		for i := range count {
			call(&s, i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range size {
		wg.Go(func() {
			var s S
			for i := int(next.Add(1) - 1); i < count; i = int(next.Add(1) - 1) {
				call(&s, i)
			}
		})
	}
	wg.Wait()
}

// enter counts a call starting and keeps the peak.
func (p *Pool) enter() {
	r := p.running.Add(1)
	for {
		old := p.peak.Load()
		if r <= old || p.peak.CompareAndSwap(old, r) {
			return
		}
	}
}

// Peak is the most calls that were running at once, over every Run of p
// so far (0 for a nil Pool, which counts nothing).
func (p *Pool) Peak() int {
	if p == nil {
		return 0
	}
	return int(p.peak.Load())
}
