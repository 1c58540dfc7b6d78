// Package livereload tells the browser tabs of an editor that the preview
// changed, over server-sent events: plain HTTP, so no proxy needs a
// websocket upgrade, and the browser reconnects by itself.
//
// A Hub is an http.Handler for the event stream. The preview server calls
// Reload after a good rebuild, CSS after one that changed only
// stylesheets, Error when a rebuild failed and ClearError when it works
// again. The client script (Script) is injected by the preview server into
// the pages it serves, never into the output of a build; it shares one
// stream between the tabs of a site and updates a page in place with the
// morphing library (MorphScript), served beside it.
//
// Events on the wire:
//
//	hello        first on every stream: data is the overlay's HTML, or
//	             empty when no overlay is up
//	reload       the site changed: show the page again (data is empty)
//	css          data is a JSON array of the new stylesheet URLs
//	build-error  data is the overlay's HTML, already escaped
//	ok           remove the overlay
//
// The error event is not called "error": EventSource fires its own
// "error" event when the connection drops, and the two would mix.
//
// Every event carries the site version as its id; hello carries the
// current one, so a client compares it with its page's version and catches
// up on whatever it missed, or on a restarted server. A client that tells
// the version it last saw (Last-Event-ID, or ?v= from older clients) and
// is behind also gets reload right after hello.
package livereload

import (
	"crypto/rand"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:embed client.js
var clientJS string

// morphJS is idiomorph 0.8.0 (npm package idiomorph, dist/idiomorph.min.js,
// 0BSD: idiomorph/LICENSE), unchanged.
//
//go:embed idiomorph/idiomorph.min.js
var morphJS string

// Script returns the client script, to be served as text/javascript.
func Script() string { return clientJS }

// MorphScript returns the DOM-morphing library that the client loads from
// "idiomorph.js" beside its own URL, to be served as text/javascript.
func MorphScript() string { return morphJS }

// Tag returns the <script> element that loads the client from scriptURL
// and connects it to streamURL. version is the Hub's Version when the page
// was served, so that a page older than the site reloads as it connects.
func Tag(scriptURL, streamURL, version string) string {
	return fmt.Sprintf(`<script src="%s" data-stream="%s" data-version="%s" defer></script>`,
		html.EscapeString(scriptURL), html.EscapeString(streamURL), html.EscapeString(version))
}

// Options tune a Hub; zero values take the defaults.
type Options struct {
	// MaxClients caps simultaneous streams (default 32); one more gets 503.
	// The tabs of a browser share one, so a runaway page cannot pile up
	// goroutines, and a browser without Web Locks has one per visible tab.
	MaxClients int
	// Ping is how often an idle stream gets a comment line (default 20 s),
	// so proxies and the browser do not drop it, and a gone client is
	// noticed by the failed write.
	Ping time.Duration
	// WriteTimeout bounds each write to a client (default 10 s): a stalled
	// reader is dropped instead of holding its goroutine for ever.
	WriteTimeout time.Duration
}

// Hub fans events out to the connected clients. Safe for concurrent use.
type Hub struct {
	opts  Options
	nonce string // this process: a restarted server never matches an old page

	mu      sync.Mutex
	clients map[*client]struct{}
	gen     uint64
	errHTML string // the overlay being shown, "" for none
	closed  bool
	done    chan struct{}
}

type client struct {
	events chan event
	kicked chan struct{} // closed when the client fell behind
}

type event struct {
	name, data, id string // id: the site version when it was sent
}

// clientBuffer is how many events may wait for a slow client before it is
// dropped; it reconnects and catches up through its version.
const clientBuffer = 16

// New returns a Hub.
func New(opts Options) *Hub {
	if opts.MaxClients <= 0 {
		opts.MaxClients = 32
	}
	if opts.Ping <= 0 {
		opts.Ping = 20 * time.Second
	}
	if opts.WriteTimeout <= 0 {
		opts.WriteTimeout = 10 * time.Second
	}
	var b [6]byte
	rand.Read(b[:])
	return &Hub{opts: opts, nonce: hex.EncodeToString(b[:]), clients: map[*client]struct{}{}, done: make(chan struct{})}
}

// Version names the current state of the site; it changes on Reload and CSS.
func (h *Hub) Version() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.versionLocked()
}

func (h *Hub) versionLocked() string { return h.nonce + "." + strconv.FormatUint(h.gen, 10) }

// Clients is how many streams are open.
func (h *Hub) Clients() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// Reload tells every client to reload the page.
func (h *Hub) Reload() { h.changed(event{name: "reload"}) }

// CSS tells every client that only stylesheets changed: hrefs are the new
// (fingerprinted) URLs of all stylesheets of the site.
func (h *Hub) CSS(hrefs []string) {
	if hrefs == nil {
		hrefs = []string{}
	}
	data, _ := json.Marshal(hrefs) // a []string always marshals
	h.changed(event{name: "css", data: string(data)})
}

func (h *Hub) changed(e event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.gen++
	e.id = h.versionLocked()
	h.broadcastLocked(e)
}

// Error shows the overlay with html (escaped by the caller) on every
// client, including those that connect later, until ClearError.
func (h *Hub) Error(html string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.errHTML = html
	h.broadcastLocked(event{name: "build-error", data: html, id: h.versionLocked()})
}

// ClearError removes the overlay, if one is shown.
func (h *Hub) ClearError() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.errHTML == "" {
		return
	}
	h.errHTML = ""
	h.broadcastLocked(event{name: "ok", id: h.versionLocked()})
}

func (h *Hub) broadcastLocked(e event) {
	for c := range h.clients {
		select {
		case c.events <- e:
		default:
			delete(h.clients, c)
			close(c.kicked)
		}
	}
}

// Close ends every stream and refuses new ones. Call it before shutting
// the HTTP server down: Shutdown waits for handlers, and a stream's
// handler returns only when its client leaves.
func (h *Hub) Close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		close(h.done)
	}
}

// ServeHTTP streams events to one client until it goes away or the Hub
// closes. The caller checks Host and Origin before.
func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", "GET")
		http.Error(w, "chỉ nhận GET", http.StatusMethodNotAllowed)
		return
	}
	c, first, ok := h.join(clientVersion(r))
	if !ok {
		w.Header().Set("Retry-After", "5")
		http.Error(w, "quá nhiều thẻ trình duyệt đang xem thử — hãy đóng bớt rồi tải lại trang", http.StatusServiceUnavailable)
		return
	}
	defer h.leave(c)

	rc := http.NewResponseController(w)
	// The server's ReadTimeout would otherwise end this long request: its
	// deadline covers the whole request, and when the connection's
	// background read hits it, the request's context is cancelled.
	rc.SetReadDeadline(time.Time{})
	hd := w.Header()
	hd.Set("Content-Type", "text/event-stream; charset=utf-8")
	hd.Set("Cache-Control", "no-cache")
	hd.Set("X-Accel-Buffering", "no") // nginx in front must not buffer the stream
	w.WriteHeader(http.StatusOK)

	send := func(text string) bool {
		rc.SetWriteDeadline(time.Now().Add(h.opts.WriteTimeout))
		if _, err := io.WriteString(w, text); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !send("retry: 1000\n: cchc\n\n" + first) {
		return
	}
	ping := time.NewTicker(h.opts.Ping)
	defer ping.Stop()
	for {
		select {
		case e := <-c.events:
			if !send(format(e)) {
				return
			}
		case <-ping.C:
			if !send(": ping\n\n") {
				return
			}
		case <-c.kicked:
			return
		case <-h.done:
			return
		case <-r.Context().Done():
			return
		}
	}
}

// join registers a client, and says what it must be told first: hello,
// with the version and the overlay, then reload if the client said it saw
// an older version.
func (h *Hub) join(seen string) (c *client, first string, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed || len(h.clients) >= h.opts.MaxClients {
		return nil, "", false
	}
	c = &client{events: make(chan event, clientBuffer), kicked: make(chan struct{})}
	h.clients[c] = struct{}{}
	v := h.versionLocked()
	first = format(event{name: "hello", data: h.errHTML, id: v})
	if seen != "" && seen != v {
		first += format(event{name: "reload", id: v})
	}
	return c, first, true
}

func (h *Hub) leave(c *client) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.clients, c)
}

// clientVersion is the last version the client saw: the id of its last
// event when it reconnects, else the one its page was served with.
func clientVersion(r *http.Request) string {
	if id := r.Header.Get("Last-Event-ID"); id != "" {
		return id
	}
	return r.URL.Query().Get("v")
}

// format renders one event. Data may hold newlines: each line becomes a
// data: field, and the client joins them back with "\n".
func format(e event) string {
	var b strings.Builder
	b.WriteString("id: ")
	b.WriteString(e.id)
	b.WriteString("\nevent: ")
	b.WriteString(e.name)
	b.WriteByte('\n')
	for line := range strings.SplitSeq(strings.ReplaceAll(e.data, "\r", ""), "\n") {
		b.WriteString("data: ")
		b.WriteString(line)
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	return b.String()
}
