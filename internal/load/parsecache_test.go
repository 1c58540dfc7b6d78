package load_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/load"
)

func TestParseCacheReusesOnlyUnchangedFiles(t *testing.T) {
	root := t.TempDir()
	write := func(name, body string, mtime time.Time) {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	t0 := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	write("content/bai-viet/a.md", "---\ntitle: A\ndate: 2026-01-16\ntopics: [SIPAS]\n---\nA\n", t0)
	write("content/bai-viet/b.md", "---\ntitle: B\ndate: 2026-01-17\ntopics: [một cửa]\n---\nB\n", t0)
	var pc load.ParseCache
	opts := load.Options{Now: t0, Parsed: &pc}
	first, ds := load.Site(os.DirFS(root), config.Default(), opts)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	// Unchanged: a new Page with the same content, not the same pointer
	// (the index writes into it).
	second, _ := load.Site(os.DirFS(root), config.Default(), opts)
	a1, a2 := first.ByPath["bai-viet/a.md"], second.ByPath["bai-viet/a.md"]
	if a1 == a2 || a1.Title != a2.Title || a2.URL != "bai-viet/a/" {
		t.Fatalf("reused page: same pointer %v, titles %q %q, URL %q", a1 == a2, a1.Title, a2.Title, a2.URL)
	}
	// An edit changes the modification time: parsed again.
	write("content/bai-viet/a.md", "---\ntitle: A2\ndate: 2026-01-16\ntopics: [SIPAS]\n---\nA\n", t0.Add(time.Second))
	third, _ := load.Site(os.DirFS(root), config.Default(), opts)
	if got := third.ByPath["bai-viet/a.md"].Title; got != "A2" {
		t.Errorf("edited title %q", got)
	}
	// A new vocabulary changes how topics match: parsed again.
	cfg := config.Default()
	cfg.Topics = []config.Topic{{Name: "SIPAS", Slug: "sipas"}}
	_, ds = load.Site(os.DirFS(root), cfg, opts)
	if !ds.HasErrors() {
		t.Error("b.md's topic is gone from the vocabulary, yet the cached parse was used")
	}
}

// TestParseCacheRereadsARacilyCleanFile: on a disk with a coarse time
// stamp, a save of the same size within the same tick keeps the size and
// the modification time. A file modified no earlier than two seconds
// before its entry was made is read again, so such a save is seen.
func TestParseCacheRereadsARacilyCleanFile(t *testing.T) {
	root := t.TempDir()
	p := filepath.Join(root, "content", "bai-viet", "a.md")
	os.MkdirAll(filepath.Dir(p), 0o755)
	tick := time.Now().Truncate(2 * time.Second) // FAT's time stamp, now
	save := func(title string) {
		if err := os.WriteFile(p, []byte("---\ntitle: "+title+"\ndate: 2026-01-16\ntopics: [SIPAS]\n---\nA\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, tick, tick); err != nil {
			t.Fatal(err)
		}
	}
	var pc load.ParseCache
	opts := load.Options{Now: time.Now(), Parsed: &pc}
	save("A1")
	if _, ds := load.Site(os.DirFS(root), config.Default(), opts); ds.HasErrors() {
		t.Fatal(ds)
	}
	save("A2") // same size, same time stamp
	site, _ := load.Site(os.DirFS(root), config.Default(), opts)
	if got := site.ByPath["bai-viet/a.md"].Title; got != "A2" {
		t.Errorf("title %q after a save within the same tick, want A2", got)
	}
}
