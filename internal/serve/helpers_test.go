package serve

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/pipeline"
	"github.com/cchc-vn/cchc/internal/publish"
	"github.com/cchc-vn/cchc/internal/watch"
)

// testNow is the clock of every test build: the same instant for the
// server and for the fresh builds it is compared with.
var testNow = time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)

func fixedClock() time.Time { return testNow }

// baseSite is a small site under the base path /cchc/.
func baseSite() map[string]string {
	return map[string]string{
		"site.yaml": "# SITE-YAML-SECRET\nbase_url: \"https://dienchau.example/cchc/\"\n",
		"content/bai-viet/a.md": "---\ntitle: \"Bài A\"\ndate: 2026-01-16\ntopics: [SIPAS]\n---\n" +
			"Nội dung ban đầu của bài A.\n",
		"content/bai-viet/nhap.md": "---\ntitle: \"Bản nháp B\"\ndate: 2026-02-01\ntopics: [PAPI]\ndraft: true\n---\n" +
			"Bài nháp.\n",
		"content/gioi-thieu.md": "---\ntitle: \"Giới thiệu\"\n---\nTrang giới thiệu.\n",
	}
}

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		writeFile(t, root, name, body)
	}
	return root
}

func writeFile(t *testing.T, root, name, body string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	// Written beside and renamed over, as most editors save: a watcher
	// event between a truncate and a write would otherwise show the
	// server an empty file on a loaded machine, and the test would see a
	// build error it did not make. The hidden temp name is ignored.
	tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".tmp")
	if err := os.WriteFile(tmp, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
}

// fakeWatcher lets a test say when, and what, changed.
type fakeWatcher struct {
	ch chan watch.Batch
}

func newFakeWatcher() *fakeWatcher { return &fakeWatcher{ch: make(chan watch.Batch)} }

func (w *fakeWatcher) Batches() <-chan watch.Batch { return w.ch }
func (w *fakeWatcher) Close() error                { return nil }

// syncBuffer is an io.Writer that tests can read while the server writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// running is a started server and what a test needs to talk to it.
type running struct {
	*Server
	root     string
	base     string // "http://127.0.0.1:PORT"
	out, err *syncBuffer
}

// start runs a server on a free port of 127.0.0.1 until the test ends,
// and checks that it then stops cleanly.
func start(t *testing.T, root string, opts Options) *running {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r := &running{root: root, base: "http://" + ln.Addr().String(), out: &syncBuffer{}, err: &syncBuffer{}}
	opts.Root, opts.Theme, opts.Listener, opts.Now = root, cchc.Theme(), ln, fixedClock
	opts.Out, opts.Err = r.out, r.err
	r.Server, err = New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("Run did not return 10 s after its context ended")
		}
	})
	waitFor(t, "the server to answer", func() bool {
		resp, err := http.Get(r.base + "/cchc/_cchc/livereload.js")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return true
	})
	return r
}

// waitFor polls cond until it holds, for at most 10 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

type response struct {
	status int
	header http.Header
	body   string
}

// get fetches a URL, never following redirects, and checks what every
// answer of the server must (or must not) carry.
func get(t *testing.T, url string, header ...string) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "Host" {
			req.Host = header[i+1]
		} else {
			req.Header.Set(header[i], header[i+1])
		}
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	checkHeaders(t, url, resp.Header)
	return response{resp.StatusCode, resp.Header, string(body)}
}

func checkHeaders(t *testing.T, url string, h http.Header) {
	t.Helper()
	if v := h.Values("Access-Control-Allow-Origin"); len(v) > 0 {
		t.Errorf("%s: Access-Control-Allow-Origin %q", url, v)
	}
	if v := h.Get("Cache-Control"); v != "no-store" && v != "no-cache" {
		t.Errorf("%s: Cache-Control %q, want no-store", url, v)
	}
}

// rawGet sends a request line as written, with no client-side cleaning
// of the path, and returns the status and body.
func rawGet(t *testing.T, addr, target, host string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	req := "GET " + target + " HTTP/1.1\r\n"
	if host != "" {
		req += "Host: " + host + "\r\n"
	}
	req += "Connection: close\r\n\r\n"
	if _, err := io.WriteString(conn, req); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if host == "" {
		// net/http answers this one itself, before the handler.
		if v := resp.Header.Values("Access-Control-Allow-Origin"); len(v) > 0 {
			t.Errorf("%s: Access-Control-Allow-Origin %q", target, v)
		}
	} else {
		checkHeaders(t, target, resp.Header)
	}
	return resp.StatusCode, string(body)
}

// sseEvent is one event of the stream.
type sseEvent struct{ name, data string }

type events struct {
	ch     chan sseEvent
	cancel context.CancelFunc
	hello  sseEvent // the stream's first event
}

// subscribe opens the event stream the way a page would, and reads the
// hello it starts with.
func subscribe(t *testing.T, r *running) *events {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, r.base+"/cchc/_cchc/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		cancel()
		t.Fatalf("event stream: status %d", resp.StatusCode)
	}
	e := &events{ch: make(chan sseEvent, 64), cancel: cancel}
	go func() {
		defer close(e.ch)
		defer resp.Body.Close()
		br := bufio.NewReader(resp.Body)
		var ev sseEvent
		var data []string
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimSuffix(line, "\n")
			switch {
			case line == "" && ev.name != "":
				ev.data = strings.Join(data, "\n")
				e.ch <- ev
				ev, data = sseEvent{}, nil
			case strings.HasPrefix(line, "event: "):
				ev.name = line[7:]
			case strings.HasPrefix(line, "data: "):
				data = append(data, line[6:])
			}
		}
	}()
	t.Cleanup(cancel)
	waitFor(t, "the stream to be counted", func() bool { return r.hub.Clients() > 0 })
	if e.hello = e.next(t); e.hello.name != "hello" {
		t.Fatalf("the stream starts with %+v, want hello", e.hello)
	}
	return e
}

// next waits for the next event.
func (e *events) next(t *testing.T) sseEvent {
	t.Helper()
	select {
	case ev, ok := <-e.ch:
		if !ok {
			t.Fatal("event stream ended")
		}
		return ev
	case <-time.After(10 * time.Second):
		t.Fatal("no event within 10 s")
	}
	return sseEvent{}
}

var injected = regexp.MustCompile(`(?s:<aside id="cchc-canh-bao" .*?</aside>)?(<style>\.cchc-sua\{[^<]*</style><a class="cchc-sua" href="[^"]*">Sửa bài này</a>)?<script src="[^"]*/_cchc/livereload\.js"[^>]*></script>`)

// stripInjected removes the live-reload tag (and the warnings panel and
// the desk's edit link before it), and checks there was one.
func stripInjected(t *testing.T, name, page string) string {
	t.Helper()
	if n := len(injected.FindAllStringIndex(page, -1)); n != 1 {
		t.Errorf("%s: %d live-reload tags, want 1", name, n)
	}
	return injected.ReplaceAllString(page, "")
}

// freshBuild builds root from scratch, with the options serve uses but no
// cache: what the served site must equal.
func freshBuild(t *testing.T, root string) map[string][]byte {
	t.Helper()
	var w publish.Collector
	_, ds := pipeline.Build(pipeline.Options{
		Site: os.DirFS(root), Theme: cchc.Theme(),
		Drafts: true, Future: true, Preview: true, Now: testNow,
	}, &w)
	if ds.HasErrors() {
		t.Fatalf("fresh build failed:\n%v", ds)
	}
	return w.Files()
}
