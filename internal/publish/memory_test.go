package publish

import (
	"fmt"
	"sync"
	"testing"
)

func TestMemory(t *testing.T) {
	var m Memory
	if _, ok := m.Get("index.html"); ok {
		t.Error("zero Memory has index.html")
	}
	m.Replace(Files{"index.html": []byte("bản 1"), "rss.xml": []byte("<rss/>")})
	if got, ok := m.Get("index.html"); !ok || string(got) != "bản 1" {
		t.Errorf("Get(index.html) = %q, %v", got, ok)
	}
	m.Replace(Files{"index.html": []byte("bản 2")})
	if got, ok := m.Get("index.html"); !ok || string(got) != "bản 2" {
		t.Errorf("after Replace: Get(index.html) = %q, %v", got, ok)
	}
	if _, ok := m.Get("rss.xml"); ok {
		t.Error("a file gone from the new build is still served")
	}
}

// TestMemoryConcurrent replaces and reads from several goroutines; -race
// checks the locking.
func TestMemoryConcurrent(t *testing.T) {
	build := func(n int) Files {
		return Files{"a.html": fmt.Appendf(nil, "%d", n), "b.html": fmt.Appendf(nil, "%d", n)}
	}
	var m Memory
	m.Replace(build(0))
	var wg sync.WaitGroup
	wg.Go(func() {
		for n := 1; n <= 500; n++ {
			m.Replace(build(n))
		}
	})
	for range 4 {
		wg.Go(func() {
			for range 500 {
				if _, ok := m.Get("a.html"); !ok {
					t.Error("a.html missing during Replace")
					return
				}
			}
		})
	}
	wg.Wait()
	if got, _ := m.Get("b.html"); string(got) != "500" {
		t.Errorf("last build not kept: %q", got)
	}
}
