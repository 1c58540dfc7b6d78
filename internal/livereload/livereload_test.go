package livereload

import (
	"bufio"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// sseEvent is one parsed event, or a comment line (name "comment").
type sseEvent struct {
	id, name, data string
}

type stream struct {
	resp   *http.Response
	events chan sseEvent
	cancel context.CancelFunc
}

// open connects to the hub's stream and parses what arrives.
func open(t *testing.T, url string, header http.Header) (*stream, *http.Response) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		cancel()
		return nil, resp
	}
	s := &stream{resp: resp, events: make(chan sseEvent, 64), cancel: cancel}
	go s.read()
	t.Cleanup(func() { cancel(); resp.Body.Close() })
	return s, resp
}

func (s *stream) read() {
	defer close(s.events)
	br := bufio.NewReader(s.resp.Body)
	var e sseEvent
	var data []string
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimSuffix(line, "\n")
		switch {
		case line == "":
			if e.name != "" {
				e.data = strings.Join(data, "\n")
				s.events <- e
			}
			e, data = sseEvent{}, nil
		case strings.HasPrefix(line, ":"):
			s.events <- sseEvent{name: "comment", data: strings.TrimSpace(line[1:])}
		case strings.HasPrefix(line, "id: "):
			e.id = line[4:]
		case strings.HasPrefix(line, "event: "):
			e.name = line[7:]
		case strings.HasPrefix(line, "data: "):
			data = append(data, line[6:])
		}
	}
}

// next returns the next event that is not a comment.
func (s *stream) next(t *testing.T) sseEvent {
	t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case e, ok := <-s.events:
			if !ok {
				t.Fatal("stream ended")
			}
			if e.name != "comment" {
				return e
			}
		case <-timeout:
			t.Fatal("no event within 5 s")
		}
	}
}

// hello reads the event every stream starts with, and checks that it
// names the hub's version.
func (s *stream) hello(t *testing.T, h *Hub) sseEvent {
	t.Helper()
	e := s.next(t)
	if e.name != "hello" || e.id != h.Version() {
		t.Fatalf("first event %+v, want hello with id %q", e, h.Version())
	}
	return e
}

// waitClients waits until the hub counts n clients.
func waitClients(t *testing.T, h *Hub, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for h.Clients() != n {
		if time.Now().After(deadline) {
			t.Fatalf("hub has %d clients, want %d", h.Clients(), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func newServer(t *testing.T, opts Options) (*Hub, *httptest.Server) {
	h := New(opts)
	srv := httptest.NewServer(h)
	t.Cleanup(func() { h.Close(); srv.Close() })
	return h, srv
}

func TestStreamHeadersAndReload(t *testing.T) {
	h, srv := newServer(t, Options{})
	s, _ := open(t, srv.URL, nil)
	if got := s.resp.Header.Get("Content-Type"); got != "text/event-stream; charset=utf-8" {
		t.Errorf("Content-Type = %q", got)
	}
	if got := s.resp.Header.Get("Cache-Control"); got != "no-cache" {
		t.Errorf("Cache-Control = %q", got)
	}
	if got := s.resp.Header.Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("Access-Control-Allow-Origin = %q, want none", got)
	}
	waitClients(t, h, 1)
	if e := s.hello(t, h); e.data != "" {
		t.Errorf("hello with no overlay up carries %q", e.data)
	}
	before := h.Version()
	h.Reload()
	e := s.next(t)
	if e.name != "reload" || e.id != h.Version() || e.id == before {
		t.Errorf("got %+v, want reload with id %q (was %q)", e, h.Version(), before)
	}
}

func TestCSSSendsStylesheetURLs(t *testing.T) {
	h, srv := newServer(t, Options{})
	s, _ := open(t, srv.URL, nil)
	waitClients(t, h, 1)
	s.hello(t, h)
	h.CSS([]string{"/cchc/assets/css/style.0123456789.css"})
	e := s.next(t)
	if e.name != "css" || e.data != `["/cchc/assets/css/style.0123456789.css"]` {
		t.Errorf("got %+v", e)
	}
}

func TestErrorOverlayReachesLateClientsUntilCleared(t *testing.T) {
	h, srv := newServer(t, Options{})
	early, _ := open(t, srv.URL, nil)
	waitClients(t, h, 1)
	early.hello(t, h)
	const overlay = "<h2>Lỗi</h2>\n<pre>a\r\nb</pre>"
	h.Error(overlay)
	if e := early.next(t); e.name != "build-error" || e.data != "<h2>Lỗi</h2>\n<pre>a\nb</pre>" {
		t.Errorf("early client got %+v", e)
	}
	late, _ := open(t, srv.URL, nil)
	if e := late.hello(t, h); e.data != "<h2>Lỗi</h2>\n<pre>a\nb</pre>" {
		t.Errorf("late client's hello carries %q, want the overlay", e.data)
	}
	h.ClearError()
	h.ClearError() // a second clear sends nothing
	h.Reload()
	for _, s := range []*stream{early, late} {
		if e := s.next(t); e.name != "ok" {
			t.Errorf("got %+v, want ok", e)
		}
		if e := s.next(t); e.name != "reload" {
			t.Errorf("got %+v, want reload", e)
		}
	}
}

func TestStaleClientReloadsOnConnect(t *testing.T) {
	h, srv := newServer(t, Options{})
	// Versions are named by role, resolved when each case runs: "old" is
	// the version before the last change, "cur" the current one.
	tests := []struct {
		name       string
		page       string // ?v= of the page
		lastID     string // Last-Event-ID on reconnect
		wantReload bool
	}{
		{"page from an older build", "old", "", true},
		{"page from a restarted server", "0000.7", "", true},
		{"up to date", "cur", "", false},
		{"reconnect after the last event", "old", "cur", false},
		{"reconnect that missed an event", "cur", "old", true},
		{"no version", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := h.Version()
			h.Reload()
			resolve := map[string]string{"old": old, "cur": h.Version()}
			role := func(s string) string {
				if v, ok := resolve[s]; ok {
					return v
				}
				return s
			}
			header := http.Header{}
			if tt.lastID != "" {
				header.Set("Last-Event-ID", role(tt.lastID))
			}
			s, _ := open(t, srv.URL+"?v="+role(tt.page), header)
			s.hello(t, h)
			if !tt.wantReload {
				// Nothing pending: the first event is the next change.
				waitClients(t, h, 1)
				h.CSS(nil)
				if e := s.next(t); e.name != "css" || e.data != "[]" {
					t.Fatalf("got %+v, want css []", e)
				}
			} else if e := s.next(t); e.name != "reload" || e.id != h.Version() {
				t.Fatalf("got %+v, want reload with id %q", e, h.Version())
			}
			s.cancel()
			waitClients(t, h, 0)
		})
	}
}

func TestClientCapAndCleanupOnDisconnect(t *testing.T) {
	h, srv := newServer(t, Options{MaxClients: 2})
	a, _ := open(t, srv.URL, nil)
	open(t, srv.URL, nil)
	waitClients(t, h, 2)
	if s, resp := open(t, srv.URL, nil); s != nil || resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("third client: status %d, want 503", resp.StatusCode)
	}
	a.cancel()
	waitClients(t, h, 1)
	if s, resp := open(t, srv.URL, nil); s == nil {
		t.Fatalf("after a client left: status %d, want 200", resp.StatusCode)
	}
}

func TestPingKeepsStreamAlive(t *testing.T) {
	_, srv := newServer(t, Options{Ping: 10 * time.Millisecond})
	s, _ := open(t, srv.URL, nil)
	timeout := time.After(5 * time.Second)
	for {
		select {
		case e := <-s.events:
			if e.name == "comment" && e.data == "ping" {
				return
			}
		case <-timeout:
			t.Fatal("no ping within 5 s")
		}
	}
}

func TestCloseEndsStreamsAndRefusesNew(t *testing.T) {
	h, srv := newServer(t, Options{})
	s, _ := open(t, srv.URL, nil)
	waitClients(t, h, 1)
	h.Close()
	h.Close() // idempotent
	timeout := time.After(5 * time.Second)
	for ended := false; !ended; {
		select {
		case _, ok := <-s.events:
			ended = !ok
		case <-timeout:
			t.Fatal("stream still open after Close")
		}
	}
	if _, resp := open(t, srv.URL, nil); resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("after Close: status %d, want 503", resp.StatusCode)
	}
}

// A slow client must not hold up the others: it is dropped, and catches
// up through its version when it reconnects.
func TestSlowClientIsDropped(t *testing.T) {
	h := New(Options{})
	c, _, ok := h.join("")
	if !ok {
		t.Fatal("join refused")
	}
	for range clientBuffer + 1 {
		h.Reload()
	}
	select {
	case <-c.kicked:
	default:
		t.Fatal("client that never read was not dropped")
	}
	if h.Clients() != 0 {
		t.Errorf("Clients() = %d, want 0", h.Clients())
	}
}

// The server's ReadTimeout must not end a stream that outlives it.
func TestStreamOutlivesReadTimeout(t *testing.T) {
	h := New(Options{})
	srv := httptest.NewUnstartedServer(h)
	srv.Config.ReadTimeout = 50 * time.Millisecond
	srv.Start()
	t.Cleanup(func() { h.Close(); srv.Close() })
	s, _ := open(t, srv.URL, nil)
	waitClients(t, h, 1)
	s.hello(t, h)
	time.Sleep(200 * time.Millisecond) // well past the read deadline
	h.Reload()
	if e := s.next(t); e.name != "reload" {
		t.Errorf("got %+v, want reload", e)
	}
}

func TestOnlyGET(t *testing.T) {
	_, srv := newServer(t, Options{})
	resp, err := http.Post(srv.URL, "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", resp.StatusCode)
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		e    event
		want string
	}{
		{event{name: "reload", id: "a.1"}, "id: a.1\nevent: reload\ndata: \n\n"},
		{event{name: "build-error", data: "x\r\ny\nz", id: "a.2"}, "id: a.2\nevent: build-error\ndata: x\ndata: y\ndata: z\n\n"},
	}
	for _, tt := range tests {
		if got := format(tt.e); got != tt.want {
			t.Errorf("format(%+v) = %q, want %q", tt.e, got, tt.want)
		}
	}
}

func TestTagEscapes(t *testing.T) {
	got := Tag("/a/_cchc/livereload.js", `/a"b/_cchc/events`, "v.1")
	want := `<script src="/a/_cchc/livereload.js" data-stream="/a&#34;b/_cchc/events" data-version="v.1" defer></script>`
	if got != want {
		t.Errorf("Tag = %s\nwant  %s", got, want)
	}
}

func TestScriptListensToEveryEvent(t *testing.T) {
	for _, name := range []string{`"hello"`, `"reload"`, `"css"`, `"build-error"`, `"ok"`, "sessionStorage", "EventSource",
		"navigator.locks", "BroadcastChannel", "idiomorph.js"} {
		if !strings.Contains(Script(), name) {
			t.Errorf("client script does not mention %s", name)
		}
	}
}
