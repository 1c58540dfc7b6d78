package publish

import (
	"fmt"
	"sync"
	"testing"
)

func TestCollector(t *testing.T) {
	var c Collector
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Go(func() {
			if err := c.Write(fmt.Sprintf("bai-viet/%d/index.html", i), []byte("x")); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := len(c.Files()); n != 50 {
		t.Errorf("%d files, want 50", n)
	}
	for _, bad := range []string{"bai-viet/1/index.html", "../ngoai.html", "/tuyet-doi", `a\b`} {
		if err := c.Write(bad, nil); err == nil {
			t.Errorf("Write(%q) accepted", bad)
		}
	}
}
