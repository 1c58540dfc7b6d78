package serve

import (
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/pipeline"
	"github.com/cchc-vn/cchc/internal/publish"
)

// TestPublishedServesExactlyTheBuild: --published serves the bytes
// `cchc build` would write, drafts left out, with no live-reload script
// and none of the preview's own paths.
func TestPublishedServesExactlyTheBuild(t *testing.T) {
	root := writeSite(t, baseSite())
	r := start(t, root, Options{Published: true, Watcher: newFakeWatcher()})
	var w publish.Collector
	if _, ds := pipeline.Build(pipeline.Options{Site: os.DirFS(root), Theme: cchc.Theme(), Now: testNow}, &w); ds.HasErrors() {
		t.Fatal(ds)
	}
	files := w.Files()
	if _, ok := files["bai-viet/nhap/index.html"]; ok {
		t.Fatal("the production build has the draft")
	}
	for name, want := range files {
		got := get(t, r.base+"/cchc/"+name)
		if got.status != http.StatusOK || got.body != string(want) {
			t.Errorf("%s: status %d, %d bytes, want the build's %d bytes", name, got.status, len(got.body), len(want))
		}
	}
	for _, p := range []string{"/cchc/bai-viet/nhap/", "/cchc/_cchc/livereload.js", "/cchc/_cchc/events"} {
		if got := get(t, r.base+p); got.status != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", p, got.status)
		}
	}
	if !strings.Contains(r.out.String(), "Bản sẽ đăng lên cổng") {
		t.Errorf("stdout does not say it serves the published version:\n%s", r.out.String())
	}
}

// TestPublishedShowsErrorsInThePage: with no script to put an overlay up,
// a first build that fails writes its errors into the page itself.
func TestPublishedShowsErrorsInThePage(t *testing.T) {
	files := baseSite()
	files["content/bai-viet/a.md"] = "---\ntitle: \"A\"\ndate: 2026-13-45\ntopics: [SIPAS]\n---\nx\n"
	root := writeSite(t, files)
	r := start(t, root, Options{Published: true, Watcher: newFakeWatcher()})
	got := get(t, r.base+"/cchc/")
	if got.status != http.StatusServiceUnavailable || !strings.Contains(got.body, "content/bai-viet/a.md:3") || strings.Contains(got.body, "livereload") {
		t.Errorf("status %d, body:\n%s", got.status, got.body)
	}
}

func TestListenFindsThePreviewAlreadyRunning(t *testing.T) {
	root := writeSite(t, baseSite())
	r := start(t, root, Options{Watcher: newFakeWatcher()})
	port := r.Addr().(*net.TCPAddr).Port

	// A second double-click on the same site: use the running one.
	got, err := Listen("127.0.0.1", port, root, false)
	if err != nil || got.Listener != nil || got.Running != r.URL() {
		t.Fatalf("same site: %+v, %v; want Running %s", got, err, r.URL())
	}

	// The same site asked published, or another site: the next port.
	other := writeSite(t, baseSite())
	for _, tc := range []struct {
		root      string
		published bool
		holder    string
	}{
		{root, true, "trang xem thử của chính thư mục này (ở chế độ khác)"},
		{other, false, "một trang xem thử khác của cchc"},
	} {
		got, err := Listen("127.0.0.1", port, tc.root, tc.published)
		if err != nil || got.Listener == nil || got.Running != "" {
			t.Fatalf("%+v: %+v, %v", tc, got, err)
		}
		next := got.Listener.Addr().(*net.TCPAddr).Port
		got.Listener.Close()
		want := "Cổng " + strconv.Itoa(port) + " đang được " + tc.holder + " dùng; trang này mở ở cổng " + strconv.Itoa(next) + "."
		if next <= port || got.Note != want {
			t.Errorf("port %d, note %q; want a later port and %q", next, got.Note, want)
		}
	}
}

func TestListenMovesPastAnotherProgram(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	go func() { // a program that accepts and says nothing useful
		for {
			c, err := taken.Accept()
			if err != nil {
				return
			}
			c.Write([]byte("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"))
			c.Close()
		}
	}()
	port := taken.Addr().(*net.TCPAddr).Port
	got, err := Listen("127.0.0.1", port, t.TempDir(), false)
	if err != nil || got.Listener == nil {
		t.Fatalf("%+v, %v", got, err)
	}
	defer got.Listener.Close()
	if !strings.HasPrefix(got.Note, "Cổng "+strconv.Itoa(port)+" đang được một chương trình khác dùng; trang này mở ở cổng ") {
		t.Errorf("note %q", got.Note)
	}
}

func TestListenRefusesWhatIsNotAPortInUse(t *testing.T) {
	_, err := Listen("203.0.113.7", 1313, t.TempDir(), false) // an address this machine does not have
	if err == nil || !strings.Contains(err.Error(), "không mở được cổng 203.0.113.7:1313") {
		t.Errorf("err = %v", err)
	}
}
