package serve

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

// TestOverlayFS: the overlay is a consistent fs.FS (fstest.TestFS) that
// shows the file's new text, with the folders of a file not written yet,
// and reports no modification time for it (the parse cache must not
// trust it).
func TestOverlayFS(t *testing.T) {
	base := fstest.MapFS{
		"site.yaml":             {Data: []byte("title: x\n")},
		"content/bai-viet/a.md": {Data: []byte("cũ")},
		"content/bai-viet/b.md": {Data: []byte("b")},
	}
	replaced := overlayFS{base: base, name: "content/bai-viet/a.md", data: []byte("mới hơn")}
	if err := fstest.TestFS(replaced, "site.yaml", "content/bai-viet/a.md", "content/bai-viet/b.md"); err != nil {
		t.Error(err)
	}
	if data, _ := fs.ReadFile(replaced, "content/bai-viet/a.md"); string(data) != "mới hơn" {
		t.Errorf("a.md reads %q", data)
	}
	info, _ := fs.Stat(replaced, "content/bai-viet/a.md")
	if info.Size() != int64(len("mới hơn")) || !info.ModTime().IsZero() {
		t.Errorf("a.md: size %d, modified %v", info.Size(), info.ModTime())
	}

	added := overlayFS{base: base, name: "content/van-ban/moi/index.md", data: []byte("văn bản")}
	if err := fstest.TestFS(added, "content/van-ban/moi/index.md", "content/bai-viet/a.md"); err != nil {
		t.Error(err)
	}
	var walked []string
	fs.WalkDir(added, "content", func(p string, d fs.DirEntry, err error) error {
		walked = append(walked, p)
		return err
	})
	want := []string{"content", "content/bai-viet", "content/bai-viet/a.md", "content/bai-viet/b.md", "content/van-ban", "content/van-ban/moi", "content/van-ban/moi/index.md"}
	if len(walked) != len(want) {
		t.Fatalf("walked %q, want %q", walked, want)
	}
	for i := range want {
		if walked[i] != want[i] {
			t.Errorf("walked %q, want %q", walked, want)
			break
		}
	}
	if _, err := fs.Stat(added, "content/khac"); err == nil {
		t.Error("a folder off the file's way exists")
	}
}
