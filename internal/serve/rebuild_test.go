package serve

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/errorpage"
	"github.com/cchc-vn/cchc/internal/pipeline"
	"github.com/cchc-vn/cchc/internal/publish"
	"github.com/cchc-vn/cchc/internal/watch"
)

// change tells the server that files changed, as the watcher would.
func (w *fakeWatcher) change(root string, names ...string) {
	var b watch.Batch
	for _, n := range names {
		b.Paths = append(b.Paths, filepath.Join(root, filepath.FromSlash(n)))
	}
	w.ch <- b
}

// lastLine is the last line the server printed on stdout.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

func TestEditReloadsWithTheNewText(t *testing.T) {
	root := writeSite(t, baseSite())
	w := newFakeWatcher()
	r := start(t, root, Options{Watcher: w})
	ev := subscribe(t, r)

	writeFile(t, root, "content/bai-viet/a.md", strings.Replace(baseSite()["content/bai-viet/a.md"], "ban đầu", "đã sửa", 1))
	w.change(root, "content/bai-viet/a.md")
	if e := ev.next(t); e.name != "reload" {
		t.Fatalf("got %+v, want reload", e)
	}
	if res := get(t, r.base+"/cchc/bai-viet/a/"); !strings.Contains(res.body, "Nội dung đã sửa của bài A.") {
		t.Error("the page does not show the edit")
	}
	line := lastLine(r.out.String())
	if !regexp.MustCompile(`^Dựng lại sau khi sửa content/bai-viet/a\.md: \d+,\d\d giây\.$`).MatchString(line) {
		t.Errorf("rebuild line = %q", line)
	}
}

func TestStylesheetOnlyChangeSwapsCSS(t *testing.T) {
	files := baseSite()
	theme, err := os.ReadFile("../../assets/css/style.css")
	if err != nil {
		t.Fatal(err)
	}
	files["assets/css/style.css"] = string(theme)
	root := writeSite(t, files)
	w := newFakeWatcher()
	r := start(t, root, Options{Watcher: w})
	ev := subscribe(t, r)
	before := r.current().stylesheets()

	writeFile(t, root, "assets/css/style.css", string(theme)+"\nbody{outline:3px solid #c00}\n")
	w.change(root, "assets/css/style.css")
	e := ev.next(t)
	after := r.current().stylesheets()
	if e.name != "css" {
		t.Fatalf("got %+v, want css", e)
	}
	// The theme has more than one stylesheet (leaflet.css for the
	// printable pages): the event lists them all, the client swaps by name.
	style := func(hrefs []string) string {
		i := slices.IndexFunc(hrefs, regexp.MustCompile(`^/cchc/assets/css/style\.[0-9a-f]{10}\.css$`).MatchString)
		if i < 0 {
			return ""
		}
		return hrefs[i]
	}
	newStyle := style(after)
	if newStyle == "" || newStyle == style(before) || len(after) != len(before) {
		t.Fatalf("stylesheets %q after %q", after, before)
	}
	if want, _ := json.Marshal(after); e.data != string(want) {
		t.Errorf("css event data %s, want %s", e.data, want)
	}
	if res := get(t, r.base+newStyle); res.status != http.StatusOK || !strings.Contains(res.body, "outline:3px solid #c00") {
		t.Errorf("new stylesheet: %d", res.status)
	}
	if res := get(t, r.base+"/cchc/"); !strings.Contains(res.body, newStyle) {
		t.Error("pages do not link the new stylesheet")
	}

	// A stylesheet changed together with a page: a full reload.
	writeFile(t, root, "content/bai-viet/a.md", baseSite()["content/bai-viet/a.md"]+"\nThêm.\n")
	w.change(root, "assets/css/style.css", "content/bai-viet/a.md")
	if e := ev.next(t); e.name != "reload" {
		t.Errorf("got %+v, want reload", e)
	}
}

const brokenA = "---\ntitle: \"Bài A\"\ndate: 2026-01-16\ntitle: \"<b>Hai</b>\"\ntopics: [SIPAS]\n---\nNội dung.\n"

func TestFailedRebuildKeepsSiteAndShowsOverlay(t *testing.T) {
	root := writeSite(t, baseSite())
	w := newFakeWatcher()
	r := start(t, root, Options{Watcher: w})
	ev := subscribe(t, r)
	good := get(t, r.base+"/cchc/bai-viet/a/").body

	writeFile(t, root, "content/bai-viet/a.md", brokenA)
	w.change(root, "content/bai-viet/a.md")
	e := ev.next(t)
	if e.name != "build-error" {
		t.Fatalf("got %+v, want build-error", e)
	}
	for _, want := range []string{
		errorpage.Heading,
		"content/bai-viet/a.md:4:1",
		"khóa `title` được khai báo hai lần (lần đầu ở dòng 2)",
		"<mark style=\"background:#7a1f1f;color:#fff\">&gt; 4 | title: &#34;&lt;b&gt;Hai&lt;/b&gt;&#34;</mark>",
		"  2 | title: &#34;Bài A&#34;",
		"  6 | ---",
	} {
		if !strings.Contains(e.data, want) {
			t.Errorf("overlay lacks %q:\n%s", want, e.data)
		}
	}
	if strings.Contains(e.data, "<b>Hai") {
		t.Error("overlay does not escape the source")
	}
	if res := get(t, r.base+"/cchc/bai-viet/a/"); stripInjected(t, "a", res.body) != stripInjected(t, "a", good) {
		t.Error("the last good page is no longer served")
	}
	if !regexp.MustCompile(`^Dựng lại thất bại sau khi sửa content/bai-viet/a\.md: 1 lỗi, \d+,\d\d giây — trang cũ vẫn được phục vụ, lỗi hiện trên trình duyệt\.$`).MatchString(lastLine(r.out.String())) {
		t.Errorf("rebuild line = %q", lastLine(r.out.String()))
	}
	wantErr := "content/bai-viet/a.md:4:1: lỗi: khóa `title` được khai báo hai lần (lần đầu ở dòng 2) — xóa một trong hai dòng\n" +
		"      2 | title: \"Bài A\"\n      3 | date: 2026-01-16\n    > 4 | title: \"<b>Hai</b>\"\n      5 | topics: [SIPAS]\n      6 | ---\n"
	if got := r.err.String(); got != wantErr {
		t.Errorf("terminal shows\n%s\nwant\n%s", got, wantErr)
	}

	// A page opened while the error is up gets the overlay at once.
	late := subscribe(t, r)
	if e := late.hello; !strings.Contains(e.data, errorpage.Heading) {
		t.Errorf("late client's hello %+v, want the overlay", e)
	}

	writeFile(t, root, "content/bai-viet/a.md", baseSite()["content/bai-viet/a.md"])
	w.change(root, "content/bai-viet/a.md")
	for _, s := range []*events{ev, late} {
		if e := s.next(t); e.name != "ok" {
			t.Errorf("got %+v, want ok", e)
		}
		if e := s.next(t); e.name != "reload" {
			t.Errorf("got %+v, want reload", e)
		}
	}
}

func TestFirstBuildFailureServesPlaceholderWithOverlay(t *testing.T) {
	files := baseSite()
	files["content/bai-viet/a.md"] = brokenA
	root := writeSite(t, files)
	w := newFakeWatcher()
	r := start(t, root, Options{Watcher: w})
	if !strings.HasPrefix(r.out.String(), "Dựng thất bại: 1 lỗi — trình duyệt sẽ hiện lỗi; sửa rồi lưu tệp, trang sẽ tự dựng lại.\nXem thử tại http://127.0.0.1:") {
		t.Errorf("stdout:\n%s", r.out.String())
	}
	res := get(t, r.base+"/cchc/bai-viet/a/")
	if res.status != http.StatusServiceUnavailable || !strings.Contains(res.body, "Chưa dựng được trang") {
		t.Errorf("before any good build: %d\n%s", res.status, res.body)
	}
	stripInjected(t, "placeholder", res.body)
	ev := subscribe(t, r)
	if e := ev.hello; !strings.Contains(e.data, "content/bai-viet/a.md:4:1") {
		t.Errorf("got %+v, want the overlay", e)
	}
	writeFile(t, root, "content/bai-viet/a.md", baseSite()["content/bai-viet/a.md"])
	w.change(root, "content/bai-viet/a.md")
	if e := ev.next(t); e.name != "ok" {
		t.Errorf("got %+v, want ok", e)
	}
	if e := ev.next(t); e.name != "reload" {
		t.Errorf("got %+v, want reload", e)
	}
	if res := get(t, r.base+"/cchc/bai-viet/a/"); res.status != http.StatusOK || !strings.Contains(res.body, "Nội dung ban đầu") {
		t.Errorf("after the fix: %d", res.status)
	}
}

// The script is added per response by serve: what build produces has
// none of it.
func TestBuildOutputHasNoLiveReload(t *testing.T) {
	root := writeSite(t, baseSite())
	for name, data := range freshBuild(t, root) {
		for _, marker := range []string{"_cchc/", "livereload", "EventSource", "data-stream"} {
			if strings.Contains(string(data), marker) {
				t.Errorf("build output %s contains %q", name, marker)
			}
		}
	}
	// And serving leaves the build's bytes as they were.
	r := start(t, root, Options{Watcher: newFakeWatcher()})
	get(t, r.base+"/cchc/")
	if strings.Contains(string(r.current().files["index.html"]), "livereload") {
		t.Error("serving wrote the script into the kept build")
	}
	var w publish.Collector
	if _, ds := pipeline.Build(pipeline.Options{Site: os.DirFS(root), Theme: cchc.Theme(), Now: testNow}, &w); ds.HasErrors() {
		t.Fatal(ds)
	}
	for name, data := range w.Files() {
		if strings.Contains(string(data), "livereload") {
			t.Errorf("plain build output %s contains livereload", name)
		}
	}
}

func TestDescribeAndSeconds(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{nil, "(không rõ tệp)"},
		{[]string{"content/a.md"}, "content/a.md"},
		{[]string{"a", "b", "c"}, "a, b, c"},
		{[]string{"a", "b", "c", "d", "e"}, "a, b, c và 2 tệp khác"},
	}
	for _, tt := range tests {
		if got := describe(tt.in); got != tt.want {
			t.Errorf("describe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := seconds(41_700_000); got != "0,04 giây" {
		t.Errorf("seconds = %q", got)
	}
}

func TestCSSOnly(t *testing.T) {
	tests := []struct {
		in   []string
		want bool
	}{
		{[]string{"assets/css/style.css"}, true},
		{[]string{"assets/css/a.css", "assets/print.CSS"}, true},
		{[]string{"assets/css/style.css", "content/a.md"}, false},
		{[]string{"assets/css"}, false}, // a folder: anything under it
		{[]string{"layouts/x.css"}, false},
		{[]string{"assets/js/a.js"}, false},
		{nil, false},
	}
	for _, tt := range tests {
		if got := cssOnly(tt.in); got != tt.want {
			t.Errorf("cssOnly(%q) = %v", tt.in, got)
		}
	}
}

func TestStopEndsStreamsAndFreesPort(t *testing.T) {
	root := writeSite(t, baseSite())
	out := &syncBuffer{}
	s, err := New(Options{Root: root, Theme: cchc.Theme(), Port: 0, Watcher: newFakeWatcher(), Now: fixedClock, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	addr := s.Addr().String()
	if !strings.HasPrefix(addr, "127.0.0.1:") {
		t.Errorf("listening on %s, want 127.0.0.1 by default", addr)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	r := &running{Server: s, root: root, base: "http://" + addr}
	waitFor(t, "the address line", func() bool { return strings.Contains(out.String(), "Xem thử tại") })
	waitFor(t, "the desk's line", func() bool { return strings.Contains(out.String(), "Bàn soạn bài") })
	if want := "Xem thử tại http://" + addr + "/cchc/ — nhấn Ctrl+C để dừng.\nBàn soạn bài (viết và sửa bài ngay trên trình duyệt): http://" + addr + "/cchc/_soan/\n"; !strings.HasSuffix(out.String(), want) {
		t.Errorf("stdout %q, want it to end with %q", out.String(), want)
	}
	ev := subscribe(t, r)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(shutdownGrace + 2*time.Second):
		t.Fatal("Run did not return after its context ended")
	}
	select {
	case _, open := <-ev.ch:
		if open {
			t.Error("the stream sent an event while stopping")
		}
	case <-time.After(5 * time.Second):
		t.Error("the event stream is still open after Run returned")
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("port not freed: %v", err)
	}
	ln.Close()
}

func TestExposedWarning(t *testing.T) {
	if got := exposed(&net.TCPAddr{IP: net.ParseIP("127.0.0.1"), Port: 1313}); got != "" {
		t.Errorf("loopback: %q", got)
	}
	want := "cảnh báo: máy chủ xem thử đang mở cho các máy khác trong mạng (0.0.0.0:1313): ai trong mạng cũng xem được cả bài nháp và bài chưa đến ngày đăng. Chỉ dùng --bind khi thật cần."
	if got := exposed(&net.TCPAddr{IP: net.ParseIP("0.0.0.0"), Port: 1313}); got != want {
		t.Errorf("0.0.0.0: %q", got)
	}
}

func TestBusyPortIsReported(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	_, err = New(Options{Root: writeSite(t, baseSite()), Theme: cchc.Theme(), Port: port, Watcher: newFakeWatcher()})
	if err == nil || !strings.Contains(err.Error(), "không mở được cổng 127.0.0.1:") || !strings.Contains(err.Error(), "--port") {
		t.Errorf("err = %v", err)
	}
}

func TestRebuildLineNamesFilesThatExist(t *testing.T) {
	root := writeSite(t, baseSite())
	w := newFakeWatcher()
	r := start(t, root, Options{Watcher: w})
	ev := subscribe(t, r)

	writeFile(t, root, "content/bai-viet/a.md", baseSite()["content/bai-viet/a.md"]+"\nThêm.\n")
	w.change(root, "content/bai-viet/a.md", "content/bai-viet/sedX1y2Z3") // sed -i's temp, gone now
	ev.next(t)
	if line := lastLine(r.out.String()); !strings.HasPrefix(line, "Dựng lại sau khi sửa content/bai-viet/a.md: ") {
		t.Errorf("edit with a vanished temp file: %q", line)
	}

	if err := os.Remove(filepath.Join(root, "content", "bai-viet", "nhap.md")); err != nil {
		t.Fatal(err)
	}
	w.change(root, "content/bai-viet/nhap.md")
	ev.next(t)
	if line := lastLine(r.out.String()); !strings.HasPrefix(line, "Dựng lại sau khi sửa content/bai-viet/nhap.md: ") {
		t.Errorf("deletion: %q", line)
	}
}
