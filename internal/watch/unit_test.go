package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/cchc-vn/cchc/internal/content"
)

func TestPendingDue(t *testing.T) {
	t0 := time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC)
	const quiet, maxWait = 100 * time.Millisecond, time.Second
	tests := []struct {
		name    string
		stamps  []time.Duration // after t0
		wantDue time.Duration
	}{
		{"one event waits the quiet time", []time.Duration{0}, 100 * time.Millisecond},
		{"a later event pushes it back", []time.Duration{0, 50 * time.Millisecond}, 150 * time.Millisecond},
		{"a long stream is cut at maxWait", []time.Duration{0, 500 * time.Millisecond, 950 * time.Millisecond}, time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newPending()
			for _, s := range tt.stamps {
				p.add("/s/a.md")
				p.stamp(t0.Add(s))
			}
			if got := p.due(quiet, maxWait).Sub(t0); got != tt.wantDue {
				t.Errorf("due %v after the first event, want %v", got, tt.wantDue)
			}
		})
	}
}

func TestPendingTakeSortsAndRestarts(t *testing.T) {
	p := newPending()
	for _, path := range []string{"/s/b.md", "/s/a.md", "/s/b.md"} {
		p.add(path)
	}
	err := errors.New("x")
	p.fail(err)
	p.stamp(time.Now())
	b := p.take()
	if want := []string{"/s/a.md", "/s/b.md"}; !slices.Equal(b.Paths, want) {
		t.Errorf("paths %q, want %q", b.Paths, want)
	}
	if len(b.Errors) != 1 || b.Errors[0] != err {
		t.Errorf("errors %v, want [x]", b.Errors)
	}
	if !p.empty() || !p.first.IsZero() || p.seen != 4 {
		t.Errorf("after take: empty %v, first %v, seen %d; want true, zero, 4", p.empty(), p.first, p.seen)
	}
}

func TestMerge(t *testing.T) {
	e1, e2 := errors.New("1"), errors.New("2")
	got := merge(Batch{Paths: []string{"/a", "/c"}, Errors: []error{e1}}, Batch{Paths: []string{"/b", "/c"}, Errors: []error{e2}})
	if want := []string{"/a", "/b", "/c"}; !slices.Equal(got.Paths, want) {
		t.Errorf("paths %q, want %q", got.Paths, want)
	}
	if !slices.Equal(got.Errors, []error{e1, e2}) {
		t.Errorf("errors %v, want [1 2]", got.Errors)
	}
}

func TestWithin(t *testing.T) {
	sep := string(filepath.Separator)
	tests := []struct {
		path, root string
		want       bool
	}{
		{"/s/content", "/s/content", true},
		{"/s/content/a.md", "/s/content", true},
		{"/s/content-cu/a.md", "/s/content", false},
		{"/s/site.yaml.tmp", "/s/site.yaml", false},
		{"/s", "/s/content", false},
		{"/a", "/", true},
	}
	for _, tt := range tests {
		path, root := filepath.FromSlash(tt.path), filepath.FromSlash(tt.root)
		if root == "" {
			root = sep
		}
		if got := within(path, root); got != tt.want {
			t.Errorf("within(%q, %q) = %v, want %v", path, root, got, tt.want)
		}
	}
}

// handle keeps only edits under a root: the site folder's other entries
// are seen through the parent watch of the roots and must be dropped.
func TestHandleFilters(t *testing.T) {
	tr := newTree(nil, []string{"/s/content", "/s/site.yaml"}, content.Ignored)
	tests := []struct {
		ev   fsnotify.Event
		want bool
	}{
		{fsnotify.Event{Name: "/s/content/a.md", Op: fsnotify.Write}, true},
		{fsnotify.Event{Name: "/s/site.yaml", Op: fsnotify.Write}, true},
		{fsnotify.Event{Name: "/s/content/a.md", Op: fsnotify.Chmod}, false},
		{fsnotify.Event{Name: "/s/content/a.md", Op: fsnotify.Write | fsnotify.Chmod}, true},
		{fsnotify.Event{Name: "/s/public/index.html", Op: fsnotify.Write}, false},
		{fsnotify.Event{Name: "/s/README.md", Op: fsnotify.Write}, false},
		{fsnotify.Event{Name: "/s/site.yaml.tmp", Op: fsnotify.Write}, false},
		{fsnotify.Event{Name: "/s/content/.a.md.swp", Op: fsnotify.Write}, false},
		{fsnotify.Event{Name: "/s/content/~$bao-cao.docx", Op: fsnotify.Write}, false},
	}
	for _, tt := range tests {
		p := newPending()
		tr.handle(tt.ev, p)
		if got := !p.empty(); got != tt.want {
			t.Errorf("%v reported: %v, want %v", tt.ev, got, tt.want)
		}
	}
}

// After the kernel's queue overflowed, the roots are reported so the
// reader rebuilds everything, with an error that says why.
func TestOverflowReportsRoots(t *testing.T) {
	dir := t.TempDir()
	roots := []string{filepath.Join(dir, "content"), filepath.Join(dir, "site.yaml")}
	if err := os.Mkdir(roots[0], 0o755); err != nil {
		t.Fatal(err)
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		t.Fatal(err)
	}
	defer fsw.Close()
	tr := newTree(fsw, roots, content.Ignored)
	if err := tr.watchRoots(); err != nil {
		t.Fatal(err)
	}
	p := newPending()
	tr.fail(fsnotify.ErrEventOverflow, p)
	b := p.take()
	if !slices.Equal(b.Paths, roots) {
		t.Errorf("paths %q, want %q", b.Paths, roots)
	}
	if len(b.Errors) != 1 || !errors.Is(b.Errors[0], fsnotify.ErrEventOverflow) {
		t.Fatalf("errors %v, want one overflow", b.Errors)
	}
	if want := "có quá nhiều thay đổi cùng lúc nên hệ điều hành đã bỏ sót một số; cchc sẽ dựng lại toàn bộ trang"; b.Errors[0].Error() != want {
		t.Errorf("message %q, want %q", b.Errors[0], want)
	}
	if !tr.dirs[dir] || !tr.dirs[roots[0]] {
		t.Errorf("watched folders after overflow: %v, want the site folder and content/", tr.dirs)
	}
}

func TestErrorMessages(t *testing.T) {
	wrapped := func(err error) error { return fmt.Errorf("inotify_add_watch: %w", err) }
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"watch limit", watchError("/s/content/a", wrapped(syscall.ENOSPC)),
			"không theo dõi được thư mục /s/content/a: đã hết số thư mục hệ điều hành cho phép theo dõi (giới hạn inotify) — hãy tăng giới hạn fs.inotify.max_user_watches (ví dụ: sudo sysctl fs.inotify.max_user_watches=524288) hoặc chạy lại với --poll"},
		{"permission", watchError("/s/content/a", wrapped(syscall.EACCES)),
			"không theo dõi được thư mục /s/content/a: không có quyền đọc — hãy cấp quyền đọc thư mục này cho tài khoản đang chạy cchc"},
		{"other", watchError("/s/content/a", errors.New("lạ")),
			"không theo dõi được thư mục /s/content/a: lạ — hãy chạy lại với --poll"},
		{"instance limit", startError(wrapped(syscall.EMFILE)),
			"không bắt đầu theo dõi thay đổi được: đã hết số bộ theo dõi hệ điều hành cho phép (giới hạn inotify) — hãy tăng giới hạn fs.inotify.max_user_instances (ví dụ: sudo sysctl fs.inotify.max_user_instances=512) hoặc chạy lại với --poll"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err.Error() != tt.want {
				t.Errorf("got  %q\nwant %q", tt.err, tt.want)
			}
		})
	}
	if err := watchError("/x", wrapped(syscall.ENOSPC)); !errors.Is(err, syscall.ENOSPC) {
		t.Error("watch-limit error does not wrap ENOSPC")
	}
	if err := watchError("/x", wrapped(syscall.ENOENT)); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a vanished folder must stay recognisable as not-exist")
	}
}

// fileInfo is a FileInfo made up for the snapshot comparison.
type fileInfo struct {
	name  string
	size  int64
	mode  fs.FileMode
	mtime time.Time
}

func (f fileInfo) Name() string       { return f.name }
func (f fileInfo) Size() int64        { return f.size }
func (f fileInfo) Mode() fs.FileMode  { return f.mode }
func (f fileInfo) ModTime() time.Time { return f.mtime }
func (f fileInfo) IsDir() bool        { return f.mode.IsDir() }
func (f fileInfo) Sys() any           { return nil }

func TestDiff(t *testing.T) {
	t0 := time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC)
	file := fileInfo{name: "a.md", size: 3, mode: 0o644, mtime: t0}
	dir := fileInfo{name: "d", mode: fs.ModeDir | 0o755, mtime: t0}
	with := func(f fileInfo, change func(*fileInfo)) fileInfo { change(&f); return f }
	// os.SameFile needs a FileInfo from package os.
	sameFile := filepath.Join(t.TempDir(), "a.md")
	if err := os.WriteFile(sameFile, []byte("abc"), 0o644); err != nil {
		t.Fatal(err)
	}
	same, err := os.Stat(sameFile)
	if err != nil {
		t.Fatal(err)
	}
	old := map[string]fs.FileInfo{
		"/s/same": same, "/s/size": file, "/s/mtime": file, "/s/mode": file,
		"/s/gone": file, "/s/dir": dir, "/s/dir-now-file": dir,
	}
	now := map[string]fs.FileInfo{
		"/s/same":         same,
		"/s/size":         with(file, func(f *fileInfo) { f.size = 4 }),
		"/s/mtime":        with(file, func(f *fileInfo) { f.mtime = t0.Add(time.Nanosecond) }),
		"/s/mode":         with(file, func(f *fileInfo) { f.mode = 0o600 }),
		"/s/dir":          with(dir, func(f *fileInfo) { f.mtime = t0.Add(time.Second) }), // a file added in it
		"/s/dir-now-file": file,
		"/s/new":          file,
	}
	var got []string
	diff(old, now, func(p string) { got = append(got, p) })
	slices.Sort(got)
	want := []string{"/s/dir-now-file", "/s/gone", "/s/mode", "/s/mtime", "/s/new", "/s/size"}
	if !slices.Equal(got, want) {
		t.Errorf("diff %q, want %q", got, want)
	}
}

// A rename over a file that keeps its size and mtime is still a change.
func TestChangedSeesReplacedFile(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "a.md.tmp")
	mtime := time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC)
	for _, p := range []string{a, b} {
		if err := os.WriteFile(p, []byte("abc"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	before, err := os.Stat(a)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(b, a); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(a)
	if err != nil {
		t.Fatal(err)
	}
	if !changed(before, after) {
		t.Error("a file replaced by one of equal size and mtime is not seen as changed")
	}
	if changed(after, after) {
		t.Error("an untouched file is seen as changed")
	}
}
