package serve

import (
	"net"
	"net/http"
	"strings"
	"testing"
)

func TestServesBuildUnderBasePath(t *testing.T) {
	r := start(t, writeSite(t, baseSite()), Options{Watcher: newFakeWatcher()})
	snap := r.current()

	if res := get(t, r.base+"/"); res.status != http.StatusFound || res.header.Get("Location") != "/cchc/" {
		t.Errorf("/: %d to %q, want 302 to /cchc/", res.status, res.header.Get("Location"))
	}
	if res := get(t, r.base+"/cchc"); res.status != http.StatusFound || res.header.Get("Location") != "/cchc/" {
		t.Errorf("/cchc: %d to %q, want 302 to /cchc/", res.status, res.header.Get("Location"))
	}
	if res := get(t, r.base+"/cchc/bai-viet/a"); res.status != http.StatusMovedPermanently || res.header.Get("Location") != "/cchc/bai-viet/a/" {
		t.Errorf("folder without slash: %d to %q, want 301 to /cchc/bai-viet/a/", res.status, res.header.Get("Location"))
	}

	for url, file := range map[string]string{
		"/cchc/":                      "index.html",
		"/cchc/bai-viet/a/":           "bai-viet/a/index.html",
		"/cchc/bai-viet/nhap/":        "bai-viet/nhap/index.html",
		"/cchc/gioi-thieu/index.html": "gioi-thieu/index.html",
	} {
		res := get(t, r.base+url)
		if res.status != http.StatusOK || res.header.Get("Content-Type") != "text/html; charset=utf-8" {
			t.Errorf("%s: %d %q", url, res.status, res.header.Get("Content-Type"))
		}
		if got := stripInjected(t, url, res.body); got != string(snap.files[file]) {
			t.Errorf("%s: body is not %s plus the script", url, file)
		}
		if !strings.Contains(res.body, `data-stream="/cchc/_cchc/events"`) {
			t.Errorf("%s: script does not name the stream under the base path", url)
		}
	}
	if res := get(t, r.base+"/cchc/bai-viet/nhap/"); !strings.Contains(res.body, "BẢN NHÁP — chưa xuất bản") {
		t.Error("the draft is not marked as one")
	}

	css := snap.stylesheets()
	if len(css) == 0 {
		t.Fatal("no stylesheet in the build")
	}
	res := get(t, r.base+css[0])
	if res.status != http.StatusOK || res.header.Get("Content-Type") != "text/css; charset=utf-8" {
		t.Errorf("%s: %d %q", css[0], res.status, res.header.Get("Content-Type"))
	}
	if res.body != string(snap.files[strings.TrimPrefix(css[0], "/cchc/")]) {
		t.Errorf("%s: body differs from the build (a stylesheet gets no script)", css[0])
	}

	res = get(t, r.base+"/cchc/khong-co-trang-nay/")
	if res.status != http.StatusNotFound || stripInjected(t, "404", res.body) != string(snap.files["404.html"]) {
		t.Errorf("missing page: %d, want 404 with the site's 404.html", res.status)
	}
	res = get(t, r.base+"/cchc/_cchc/livereload.js")
	if res.status != http.StatusOK || res.header.Get("Content-Type") != "text/javascript; charset=utf-8" || !strings.Contains(res.body, "EventSource") {
		t.Errorf("client script: %d %q", res.status, res.header.Get("Content-Type"))
	}
	for _, rss := range []string{"/cchc/rss.xml", "/cchc/sitemap.xml"} {
		if res := get(t, r.base+rss); res.status != http.StatusOK || res.header.Get("Content-Type") != "application/xml; charset=utf-8" || strings.Contains(res.body, "livereload") {
			t.Errorf("%s: %d %q", rss, res.status, res.header.Get("Content-Type"))
		}
	}
}

func TestOnlyGETAndHEAD(t *testing.T) {
	r := start(t, writeSite(t, baseSite()), Options{Watcher: newFakeWatcher()})
	resp, err := http.Post(r.base+"/cchc/", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d, want 405", resp.StatusCode)
	}
	resp, err = http.Head(r.base + "/cchc/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.ContentLength <= 0 {
		t.Errorf("HEAD: %d, length %d", resp.StatusCode, resp.ContentLength)
	}
}

// No probe may return a file from outside the output: not site.yaml, not
// a source file, not /etc/passwd.
func TestTraversalProbesAreRefused(t *testing.T) {
	r := start(t, writeSite(t, baseSite()), Options{Watcher: newFakeWatcher()})
	addr := r.Addr().String()
	probes := []struct {
		target string
		status int
	}{
		{"/cchc/../site.yaml", http.StatusBadRequest},
		{"/cchc/%2e%2e/site.yaml", http.StatusBadRequest},
		{"/cchc/%2E%2E/site.yaml", http.StatusBadRequest},
		{"/cchc/..%2fsite.yaml", http.StatusBadRequest},
		{"/cchc/%252e%252e/site.yaml", http.StatusBadRequest},
		{"/cchc/%252e%252e%252fsite.yaml", http.StatusBadRequest},
		{"/cchc/..%5csite.yaml", http.StatusBadRequest},
		{`/cchc/..\site.yaml`, http.StatusBadRequest},
		{"/cchc/bai-viet/..%5c..%5csite.yaml", http.StatusBadRequest},
		{"/cchc/%00", http.StatusBadRequest},
		{"/cchc/index.html%00.css", http.StatusBadRequest},
		{"//etc/passwd", http.StatusBadRequest},
		{"/cchc//etc/passwd", http.StatusBadRequest},
		{"/cchc/%2fetc%2fpasswd", http.StatusBadRequest},
		{"/cchc/./index.html", http.StatusBadRequest},
		{"/etc/passwd", http.StatusNotFound},
		{"/cchc/site.yaml", http.StatusNotFound},
		{"/cchc/content/bai-viet/a.md", http.StatusNotFound},
		{"/site.yaml", http.StatusNotFound},
		{"/cchc/bai-viet/", http.StatusOK}, // the one that exists, for contrast
	}
	for _, p := range probes {
		status, body := rawGet(t, addr, p.target, addr)
		if status != p.status {
			t.Errorf("%s: status %d, want %d", p.target, status, p.status)
		}
		for _, leak := range []string{"SITE-YAML-SECRET", "root:", "Nội dung ban đầu của bài A.\n"} {
			if strings.Contains(body, leak) {
				t.Errorf("%s: body leaks %q", p.target, leak)
			}
		}
	}
}

func TestHostHeaderMustNameThisServer(t *testing.T) {
	r := start(t, writeSite(t, baseSite()), Options{Watcher: newFakeWatcher()})
	_, port, _ := net.SplitHostPort(r.Addr().String())
	hosts := []struct {
		host   string
		status int
	}{
		{"127.0.0.1:" + port, http.StatusOK},
		{"localhost:" + port, http.StatusOK},
		{"LocalHost:" + port, http.StatusOK},
		{"[::1]:" + port, http.StatusOK},
		{"evil.example", http.StatusForbidden},
		{"evil.example:" + port, http.StatusForbidden},
		{"localhost.evil.example:" + port, http.StatusForbidden},
		{"127.0.0.1", http.StatusForbidden}, // port 80
		{"127.0.0.1:1", http.StatusForbidden},
		{"10.0.0.1:" + port, http.StatusForbidden},
		{"", http.StatusBadRequest}, // HTTP/1.1 demands a Host: net/http refuses first
	}
	for _, h := range hosts {
		status, _ := rawGet(t, r.Addr().String(), "/cchc/", h.host)
		if status != h.status {
			t.Errorf("Host %q: status %d, want %d", h.host, status, h.status)
		}
	}
	// The event stream too.
	if res := get(t, r.base+"/cchc/_cchc/events", "Host", "evil.example:"+port); res.status != http.StatusForbidden {
		t.Errorf("event stream with a foreign Host: %d, want 403", res.status)
	}
}

func TestEventStreamChecksOrigin(t *testing.T) {
	r := start(t, writeSite(t, baseSite()), Options{Watcher: newFakeWatcher()})
	for _, origin := range []string{"http://evil.example", "null", "https://" + r.Addr().String(), "http://localhost.evil.example"} {
		if res := get(t, r.base+"/cchc/_cchc/events", "Origin", origin); res.status != http.StatusForbidden {
			t.Errorf("Origin %q: status %d, want 403", origin, res.status)
		}
	}
	// A page of this server may connect: the stream opens (then the
	// server's shutdown ends it).
	for _, origin := range []string{"", "http://" + r.Addr().String()} {
		req, _ := http.NewRequest(http.MethodGet, r.base+"/cchc/_cchc/events", nil)
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		checkHeaders(t, "events", resp.Header)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/event-stream; charset=utf-8" {
			t.Errorf("Origin %q: %d %q", origin, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}
}

func TestEventStreamClientCap(t *testing.T) {
	r := start(t, writeSite(t, baseSite()), Options{Watcher: newFakeWatcher(), MaxClients: 2})
	subscribe(t, r)
	subscribe(t, r)
	waitFor(t, "two clients", func() bool { return r.hub.Clients() == 2 })
	if res := get(t, r.base+"/cchc/_cchc/events"); res.status != http.StatusServiceUnavailable {
		t.Errorf("third stream: %d, want 503", res.status)
	}
}

func TestCleanPath(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"/", "/", true},
		{"/cchc/", "/cchc/", true},
		{"/cchc/bai-viet/a/index.html", "/cchc/bai-viet/a/index.html", true},
		{"/cchc/tài-liệu/tệp đính kèm.pdf", "/cchc/tài-liệu/tệp đính kèm.pdf", true},
		{"", "", false},
		{"cchc/", "", false},
		{"/cchc/../site.yaml", "", false},
		{"/cchc/..", "", false},
		{"/..", "", false},
		{"/cchc/./a", "", false},
		{"/cchc//a", "", false},
		{"//etc/passwd", "", false},
		{`/cchc/..\site.yaml`, "", false},
		{"/cchc/%2e%2e/site.yaml", "", false},
		{"/cchc/a\x00.html", "", false},
		{"/cchc/a\nb", "", false},
		{"/cchc/a\x7f", "", false},
	}
	for _, tt := range tests {
		got, ok := cleanPath(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("cleanPath(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// Whatever a client sends, an accepted path is absolute, has no empty,
// "." or ".." segment, and holds no backslash, NUL or "%".
func FuzzCleanPath(f *testing.F) {
	for _, s := range []string{"/", "/cchc/a/", "/cchc/../x", "//x", `/a\b`, "/a%2e", "/a/./b", "/a/b/.."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		got, ok := cleanPath(p)
		if !ok {
			return
		}
		if got != p || !strings.HasPrefix(got, "/") || strings.ContainsAny(got, "\\\x00%") || strings.Contains(got, "//") {
			t.Fatalf("cleanPath(%q) accepted %q", p, got)
		}
		for _, seg := range strings.Split(got, "/") {
			if seg == "." || seg == ".." {
				t.Fatalf("cleanPath(%q) kept segment %q", p, seg)
			}
		}
	})
}

func TestHostCheck(t *testing.T) {
	tcp := func(ip string, port int) net.Addr { return &net.TCPAddr{IP: net.ParseIP(ip), Port: port} }
	tests := []struct {
		addr  net.Addr
		host  string
		allow bool
	}{
		{tcp("127.0.0.1", 1313), "127.0.0.1:1313", true},
		{tcp("127.0.0.1", 1313), "localhost:1313", true},
		{tcp("127.0.0.1", 1313), "[::1]:1313", true},
		{tcp("127.0.0.1", 1313), "192.168.1.5:1313", false},
		{tcp("127.0.0.1", 1313), "rebind.evil.example:1313", false},
		{tcp("127.0.0.1", 80), "localhost", true},
		{tcp("127.0.0.1", 80), "127.0.0.1", true},
		{tcp("127.0.0.1", 80), "[::1]", true},
		{tcp("0.0.0.0", 1313), "192.168.1.5:1313", true},
		{tcp("0.0.0.0", 1313), "localhost:1313", true},
		{tcp("0.0.0.0", 1313), "may-cua-toi.local:1313", false},
		{tcp("0.0.0.0", 1313), "192.168.1.5:8080", false},
		{tcp("192.168.1.5", 1313), "192.168.1.5:1313", true},
		{tcp("192.168.1.5", 1313), "192.168.1.6:1313", false},
		{tcp("192.168.1.5", 1313), "localhost:1313", false},
		{&net.UnixAddr{Name: "x"}, "localhost:1313", false},
	}
	for _, tt := range tests {
		if got := newHostCheck(tt.addr).allows(tt.host); got != tt.allow {
			t.Errorf("listening on %v, Host %q: allowed %v, want %v", tt.addr, tt.host, got, tt.allow)
		}
	}
}

func TestInjectBeforeBodyEnd(t *testing.T) {
	r := start(t, writeSite(t, baseSite()), Options{Watcher: newFakeWatcher()})
	snap := r.current()
	tests := []struct{ in, wantPrefix, wantSuffix string }{
		{"<html><body><p>x</body></html>", "<html><body><p>x<script ", "</script></body></html>"},
		{"<p>x</BODY>", "<p>x<script ", "</script></BODY>"},
		{"<p>x", "<p>x<script ", "</script>"},
		{"<p></body> in text</body>", "<p></body> in text<script ", "</script></body>"},
	}
	for _, tt := range tests {
		got := string(r.inject([]byte(tt.in), snap, ""))
		if !strings.HasPrefix(got, tt.wantPrefix) || !strings.HasSuffix(got, tt.wantSuffix) {
			t.Errorf("inject(%q) = %q", tt.in, got)
		}
	}
}
