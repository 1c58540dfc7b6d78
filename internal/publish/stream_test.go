package publish

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func TestDirStreamsThenCommits(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := WriteDir(dest, Files{"cu/index.html": []byte("cũ")}); err != nil {
		t.Fatal(err)
	}
	d, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for _, name := range []string{"index.html", "bai-viet/a/index.html", "bai-viet/b/index.html", "chu-de/pci/trang/2/index.html"} {
		wg.Go(func() {
			if err := d.Write(name, []byte(name)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if _, err := os.Stat(filepath.Join(dest, "index.html")); err == nil {
		t.Fatal("dest changed before Commit")
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	got := readTree(t, dest)
	if got["index.html"] != "index.html" || got["bai-viet/b/index.html"] != "bai-viet/b/index.html" || got["chu-de/pci/trang/2/index.html"] != "chu-de/pci/trang/2/index.html" {
		t.Errorf("tree after commit: %v", got)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dest)); len(entries) != 1 {
		t.Errorf("leftovers beside dest: %v", entries)
	}
}

func TestDirAbortLeavesDestUntouched(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := WriteDir(dest, Files{"index.html": []byte("cũ"), "a/b.css": []byte("x")}); err != nil {
		t.Fatal(err)
	}
	before := treeHash(t, dest)
	d, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Write("index.html", []byte("mới")); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"../ra-ngoai.html", "/tuyet-doi", "a\\b", "index.html"} {
		if err := d.Write(bad, nil); err == nil {
			t.Errorf("Write(%q) accepted", bad)
		}
	}
	d.Abort()
	if after := treeHash(t, dest); after != before {
		t.Error("dest changed after Abort")
	}
	if entries, _ := os.ReadDir(filepath.Dir(dest)); len(entries) != 1 {
		t.Errorf("leftovers beside dest: %v", entries)
	}
}
