package workers

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestRunCallsEachIndexOnce(t *testing.T) {
	for _, tc := range []struct{ n, count int }{
		{1, 0}, {1, 1}, {1, 10}, {3, 2}, {3, 100}, {0, 50}, {-1, 7},
	} {
		calls := make([]atomic.Int32, tc.count)
		New(tc.n).Run(tc.count, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("n=%d count=%d: index %d called %d times", tc.n, tc.count, i, c)
			}
		}
	}
}

// TestRunKeepsItsBound makes every call wait until as many calls as the
// bound allows have started: more would show in Peak, fewer would hang
// (the calls time out and the peak falls short).
func TestRunKeepsItsBound(t *testing.T) {
	for _, n := range []int{1, 2, 4} {
		p := New(n)
		var started atomic.Int32
		p.Run(4*n, func(int) {
			started.Add(1)
			deadline := time.Now().Add(2 * time.Second)
			for started.Load() < int32(n) && time.Now().Before(deadline) {
				runtime.Gosched()
			}
		})
		if p.Peak() != n {
			t.Errorf("n=%d: peak %d", n, p.Peak())
		}
	}
}

func TestOneWorkerRunsInOrderOnTheCaller(t *testing.T) {
	var order []int
	New(1).Run(5, func(i int) { order = append(order, i) }) // no lock: one goroutine
	if !slices.Equal(order, []int{0, 1, 2, 3, 4}) {
		t.Errorf("order %v", order)
	}
}

// TestEachGivesEveryGoroutineItsOwnState: a state is never used by two
// calls at once, and there are no more states than goroutines.
func TestEachGivesEveryGoroutineItsOwnState(t *testing.T) {
	type scratch struct {
		busy atomic.Bool
		id   int
	}
	var mu sync.Mutex
	states := map[*scratch]bool{}
	Each(New(3), 300, func(s *scratch, i int) {
		if !s.busy.CompareAndSwap(false, true) {
			t.Error("a state shared by two calls at once")
		}
		mu.Lock()
		states[s] = true
		mu.Unlock()
		s.id = i
		runtime.Gosched()
		s.busy.Store(false)
	})
	if len(states) == 0 || len(states) > 3 {
		t.Errorf("%d states for 3 workers", len(states))
	}
}

func TestSize(t *testing.T) {
	procs := runtime.GOMAXPROCS(0)
	for _, tc := range []struct {
		p           *Pool
		count, want int
	}{
		{New(1), 10, 1},
		{New(4), 2, 2},
		{New(4), 0, 1},
		{New(0), 1000, procs},
		{nil, 1000, procs},
		{New(-3), 1000, procs},
	} {
		if got := tc.p.Size(tc.count); got != tc.want {
			t.Errorf("Size(%d) of %v = %d, want %d", tc.count, tc.p, got, tc.want)
		}
	}
}

func TestNilPoolRunsAndCountsNothing(t *testing.T) {
	var p *Pool
	var sum atomic.Int64
	p.Run(100, func(i int) { sum.Add(int64(i)) })
	if sum.Load() != 4950 || p.Peak() != 0 {
		t.Errorf("sum %d, peak %d", sum.Load(), p.Peak())
	}
}
