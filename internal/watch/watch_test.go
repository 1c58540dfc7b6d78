package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cchc-vn/cchc/internal/content"
)

// waitLimit is how long a test waits for a change to be reported; generous
// because the test machine is small and shared.
const waitLimit = 5 * time.Second

// site is a temp site with the folders and file that serve watches.
type site struct {
	t    *testing.T
	root string
	w    *Watcher
	got  []Batch // every batch received so far
}

// eachMode runs a behaviour test once with fsnotify and once polling.
func eachMode(t *testing.T, test func(t *testing.T, opts Options)) {
	t.Run("fsnotify", func(t *testing.T) { test(t, Options{}) })
	t.Run("poll", func(t *testing.T) { test(t, Options{Poll: 20 * time.Millisecond}) })
}

// newSite creates files (path → text; a path ending in / is a folder)
// under a temp folder, then starts a watcher on content/, layouts/,
// assets/ and site.yaml there.
func newSite(t *testing.T, opts Options, files map[string]string) *site {
	t.Helper()
	s := &site{t: t, root: t.TempDir()}
	for name, text := range files {
		if dir, ok := strings.CutSuffix(name, "/"); ok {
			s.mkdir(dir)
			continue
		}
		s.write(name, text)
	}
	opts.Roots = []string{s.path("content"), s.path("layouts"), s.path("assets"), s.path("site.yaml")}
	opts.Ignore = content.Ignored
	w, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	s.w = w
	return s
}

func (s *site) path(name string) string { return filepath.Join(s.root, filepath.FromSlash(name)) }

func (s *site) write(name, text string) {
	s.t.Helper()
	p := s.path(name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

func (s *site) mkdir(name string) {
	s.t.Helper()
	if err := os.MkdirAll(s.path(name), 0o755); err != nil {
		s.t.Fatal(err)
	}
}

func (s *site) rename(from, to string) {
	s.t.Helper()
	if err := os.Rename(s.path(from), s.path(to)); err != nil {
		s.t.Fatal(err)
	}
}

func (s *site) remove(name string) {
	s.t.Helper()
	if err := os.RemoveAll(s.path(name)); err != nil {
		s.t.Fatal(err)
	}
}

// waitFor receives batches until every named path has been reported and
// returns the batches received meanwhile.
func (s *site) waitFor(names ...string) []Batch {
	s.t.Helper()
	missing := map[string]bool{}
	for _, n := range names {
		missing[s.path(n)] = true
	}
	var got []Batch
	deadline := time.After(waitLimit)
	for len(missing) > 0 {
		select {
		case b, ok := <-s.w.Batches():
			if !ok {
				s.t.Fatalf("Batches closed while waiting for %v", keys(missing))
			}
			for _, err := range b.Errors {
				s.t.Errorf("batch error: %v", err)
			}
			if !slices.IsSorted(b.Paths) || len(slices.Compact(slices.Clone(b.Paths))) != len(b.Paths) {
				s.t.Errorf("batch paths not sorted and unique: %q", b.Paths)
			}
			for _, p := range b.Paths {
				delete(missing, p)
			}
			got = append(got, b)
		case <-deadline:
			s.t.Fatalf("after %v still not reported: %v; reported: %v", waitLimit, keys(missing), s.relPaths(got))
		}
	}
	s.got = append(s.got, got...)
	return got
}

// reported lists, relative to the site, every path reported so far.
func (s *site) reported() []string { return s.relPaths(s.got) }

func (s *site) relPaths(batches []Batch) []string {
	var rel []string
	for _, b := range batches {
		for _, p := range b.Paths {
			r, err := filepath.Rel(s.root, p)
			if err != nil {
				r = p
			}
			rel = append(rel, filepath.ToSlash(r))
		}
	}
	slices.Sort(rel)
	return slices.Compact(rel)
}

func keys(m map[string]bool) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func TestWriteInPlace(t *testing.T) {
	eachMode(t, func(t *testing.T, opts Options) {
		s := newSite(t, opts, map[string]string{"content/bai-viet/a.md": "một", "site.yaml": "title: x"})
		s.write("content/bai-viet/a.md", "hai, dài hơn")
		s.waitFor("content/bai-viet/a.md")
		s.write("site.yaml", "title: y, dài hơn")
		s.waitFor("site.yaml")
		if got, want := s.reported(), []string{"content/bai-viet/a.md", "site.yaml"}; !slices.Equal(got, want) {
			t.Errorf("reported %q, want %q", got, want)
		}
	})
}

// VS Code, vim with backupcopy=no and many Windows tools write a temp file
// and rename it over the target. A second save checks that the target
// stays watched, site.yaml included (a file root).
func TestRenameOver(t *testing.T) {
	eachMode(t, func(t *testing.T, opts Options) {
		s := newSite(t, opts, map[string]string{"content/a.md": "một", "site.yaml": "title: x"})
		for i := range 2 {
			s.write("content/a.md.tmp", fmt.Sprintf("bản %d, dài hơn", i))
			s.rename("content/a.md.tmp", "content/a.md")
			s.write("site.yaml.tmp", fmt.Sprintf("title: bản %d", i))
			s.rename("site.yaml.tmp", "site.yaml")
			s.waitFor("content/a.md", "site.yaml")
		}
		if got, want := s.reported(), []string{"content/a.md", "site.yaml"}; !slices.Equal(got, want) {
			t.Errorf("reported %q, want %q", got, want)
		}
	})
}

// vim's default: the original is renamed to a backup, a new file written,
// the backup removed.
func TestRenameAwayAndWriteNew(t *testing.T) {
	eachMode(t, func(t *testing.T, opts Options) {
		s := newSite(t, opts, map[string]string{"content/a.md": "một"})
		s.write("content/4913", "")
		s.remove("content/4913")
		s.rename("content/a.md", "content/a.md~")
		s.write("content/a.md", "hai, dài hơn")
		s.remove("content/a.md~")
		s.waitFor("content/a.md")
		s.write("content/a.md", "ba, dài hơn nữa")
		s.waitFor("content/a.md")
		if got, want := s.reported(), []string{"content/a.md"}; !slices.Equal(got, want) {
			t.Errorf("reported %q, want %q", got, want)
		}
	})
}

func TestDeleteAndRecreate(t *testing.T) {
	eachMode(t, func(t *testing.T, opts Options) {
		s := newSite(t, opts, map[string]string{"content/a.md": "một", "content/thu-tuc/b.md": "b"})
		s.remove("content/a.md")
		s.waitFor("content/a.md")
		s.write("content/a.md", "hai")
		s.waitFor("content/a.md")

		// A folder removed and made again is watched again.
		s.remove("content/thu-tuc")
		s.waitFor("content/thu-tuc")
		s.write("content/thu-tuc/b.md", "b mới")
		s.waitFor("content/thu-tuc/b.md")
		s.write("content/thu-tuc/c.md", "c")
		s.waitFor("content/thu-tuc/c.md")
	})
}

// A folder made with files in it at once (mkdir -p, unzip, a copy): the
// files are reported though they may exist before the folder's watch.
func TestNewFolder(t *testing.T) {
	eachMode(t, func(t *testing.T, opts Options) {
		s := newSite(t, opts, map[string]string{"content/": ""})
		s.write("content/2025/thang-1/a.md", "a")
		s.write("content/2025/thang-1/b.md", "b")
		s.waitFor("content/2025", "content/2025/thang-1", "content/2025/thang-1/a.md", "content/2025/thang-1/b.md")
		s.write("content/2025/thang-1/c.md", "c")
		s.waitFor("content/2025/thang-1/c.md")

		// A folder moved in from outside brings its files with no event
		// of their own.
		s.write("tai-ve/2026/thang-2/d.md", "d")
		s.rename("tai-ve/2026", "content/2026")
		s.waitFor("content/2026", "content/2026/thang-2", "content/2026/thang-2/d.md")
		s.write("content/2026/thang-2/e.md", "e")
		s.waitFor("content/2026/thang-2/e.md")
	})
}

// A folder renamed is reported under both names, and its files are then
// reported under the new name only.
func TestRenameFolder(t *testing.T) {
	eachMode(t, func(t *testing.T, opts Options) {
		s := newSite(t, opts, map[string]string{"content/cu/sau/a.md": "a"})
		s.rename("content/cu", "content/moi")
		s.waitFor("content/cu", "content/moi")
		s.write("content/moi/sau/a.md", "a, dài hơn")
		got := s.waitFor("content/moi/sau/a.md")
		for _, p := range s.relPaths(got) {
			if strings.HasPrefix(p, "content/cu/") {
				t.Errorf("reported %s under the folder's old name", p)
			}
		}
	})
}

// A root missing at start (a site with no layouts/ yet) is no error, and
// is watched once it appears.
func TestMissingRootAppears(t *testing.T) {
	eachMode(t, func(t *testing.T, opts Options) {
		s := newSite(t, opts, map[string]string{"content/a.md": "a"})
		s.write("layouts/page.html", "<p>")
		s.waitFor("layouts", "layouts/page.html")
		s.write("layouts/partials/head.html", "<head>")
		s.waitFor("layouts/partials/head.html")
		s.write("site.yaml", "title: x")
		s.waitFor("site.yaml")
	})
}

func TestBurstIsOneBatch(t *testing.T) {
	eachMode(t, func(t *testing.T, opts Options) {
		opts.Debounce = 300 * time.Millisecond
		s := newSite(t, opts, map[string]string{"content/": ""})
		var names []string
		for i := range 50 {
			name := fmt.Sprintf("content/bai-%02d.md", i)
			s.write(name, "nội dung")
			names = append(names, name)
		}
		// Only a stall of more than Debounce in the middle of the burst
		// (a very loaded machine) may split it.
		if got := s.waitFor(names...); len(got) > 3 {
			t.Errorf("50 writes came in %d batches, want 1 (3 at most)", len(got))
		}
	})
}

// During a stream of events with no quiet time, a batch still comes out
// about every second.
func TestLongStreamStillReported(t *testing.T) {
	eachMode(t, func(t *testing.T, opts Options) {
		opts.Debounce = 500 * time.Millisecond
		s := newSite(t, opts, map[string]string{"content/a.md": ""})
		stop := make(chan struct{})
		stopped := make(chan struct{})
		go func() {
			defer close(stopped)
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				case <-time.After(20 * time.Millisecond):
				}
				os.WriteFile(s.path("content/a.md"), []byte(strings.Repeat("x", i%7+1)), 0o644)
			}
		}()
		defer func() { close(stop); <-stopped }()
		select {
		case b := <-s.w.Batches():
			if !slices.Contains(b.Paths, s.path("content/a.md")) {
				t.Errorf("batch %q lacks content/a.md", b.Paths)
			}
		case <-time.After(waitLimit):
			t.Fatalf("no batch within %v of a continuous stream of writes", waitLimit)
		}
	})
}

func TestIgnoredNamesNeverReported(t *testing.T) {
	eachMode(t, func(t *testing.T, opts Options) {
		s := newSite(t, opts, map[string]string{"content/a.md": "a", "content/bai-viet/": ""})
		for _, dir := range []string{"content", "content/bai-viet"} {
			for _, name := range []string{"4913", "~$a.docx", ".a.swp", "#a#", "a~", ".DS_Store", "a.md.tmp", "Thumbs.db"} {
				s.write(dir+"/"+name, "rác")
			}
		}
		s.write("content/.git/objects/ab/cd", "git")
		s.write("content/.an/a.md", "ẩn")
		s.write("content/bai-viet/~$a.docx", "ghi đè")
		s.remove("content/4913")
		s.rename("content/a~", "content/#a#")
		// Events come in order: once z.md is reported, everything before
		// it has been seen.
		s.write("content/z.md", "z")
		s.waitFor("content/z.md")
		if got, want := s.reported(), []string{"content/z.md"}; !slices.Equal(got, want) {
			t.Errorf("reported %q, want %q", got, want)
		}
	})
}

func TestCloseEndsBatches(t *testing.T) {
	eachMode(t, func(t *testing.T, opts Options) {
		s := newSite(t, opts, map[string]string{"content/a.md": "a"})
		s.write("content/a.md", "changed, not yet read")
		if err := s.w.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
		deadline := time.After(waitLimit)
		for {
			select {
			case _, ok := <-s.w.Batches():
				if !ok {
					if err := s.w.Close(); err != nil {
						t.Errorf("second Close: %v", err)
					}
					return
				}
			case <-deadline:
				t.Fatal("Batches not closed after Close")
			}
		}
	})
}

func TestNewWithoutRootsFails(t *testing.T) {
	if _, err := New(Options{}); err == nil {
		t.Fatal("New with no roots: no error")
	}
}

func TestRelativeRootsReportedAbsolute(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.Mkdir("content", 0o755); err != nil {
		t.Fatal(err)
	}
	w, err := New(Options{Roots: []string{"content"}})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := os.WriteFile(filepath.Join(dir, "content", "a.md"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case b := <-w.Batches():
		if want := []string{filepath.Join(dir, "content", "a.md")}; !slices.Equal(b.Paths, want) {
			t.Errorf("paths %q, want %q", b.Paths, want)
		}
	case <-time.After(waitLimit):
		t.Fatal("no batch")
	}
}
