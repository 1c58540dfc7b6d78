package serve

import (
	"bytes"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/cchc-vn/cchc/internal/desk"
	"github.com/cchc-vn/cchc/internal/livereload"
)

// The preview server's own files live under this folder of the base path;
// no build output starts with an underscore folder of that name.
const (
	reserved   = "_cchc/"
	scriptPath = reserved + "livereload.js"
	morphPath  = reserved + "idiomorph.js" // loaded by livereload.js from beside itself
	streamPath = reserved + "events"
	// identityPath, at the root whatever the base path, tells a second
	// `cchc serve` which site this server previews (see Listen).
	identityPath = "/" + reserved + "id"
)

// writeGrace bounds writing one ordinary response: the bytes are in
// memory, so only a client that stopped reading takes longer.
const writeGrace = 30 * time.Second

// ServeHTTP serves the last good build from memory. It answers only
// requests addressed to the server by a name it listens on (against DNS
// rebinding: a page of another site that resolves its own name to
// 127.0.0.1 must not read the drafts), and only paths that stay inside
// the output.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if !s.hosts.allows(r.Host) {
		http.Error(w, "Địa chỉ không được phép: máy chủ xem thử chỉ trả lời khi được gọi bằng "+s.hosts.example()+".", http.StatusForbidden)
		return
	}
	p, ok := cleanPath(r.URL.Path)
	if !ok {
		http.Error(w, "Đường dẫn không hợp lệ.", http.StatusBadRequest)
		return
	}
	if p == identityPath {
		s.respond(w, r, http.StatusOK, "application/json", s.identity())
		return
	}
	snap := s.current()
	base, err := url.PathUnescape(snap.base)
	if err != nil {
		base = snap.base
	}
	rel, under := strings.CutPrefix(p, base)
	if under && (rel+"/" == desk.Prefix || strings.HasPrefix(rel, desk.Prefix)) && !s.opts.Published {
		s.serveDesk(w, r, p, rel)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "Máy chủ xem thử chỉ nhận GET và HEAD.", http.StatusMethodNotAllowed)
		return
	}
	if !under {
		if p == "/" || p+"/" == base {
			http.Redirect(w, r, snap.base, http.StatusFound)
			return
		}
		s.notFound(w, r, snap)
		return
	}
	switch {
	case s.opts.Published:
		// No live reload: its paths are ordinary (missing) files.
	case rel == scriptPath:
		s.respond(w, r, http.StatusOK, "text/javascript; charset=utf-8", []byte(livereload.Script()))
		return
	case rel == morphPath:
		s.respond(w, r, http.StatusOK, "text/javascript; charset=utf-8", []byte(livereload.MorphScript()))
		return
	case rel == warningsPath && !snap.failed:
		s.respond(w, r, http.StatusOK, "text/html; charset=utf-8", s.inject(s.warningsPage(snap), snap, ""))
		return
	case rel == streamPath:
		if !sameOrigin(r) {
			http.Error(w, "Nguồn yêu cầu không được phép.", http.StatusForbidden)
			return
		}
		s.hub.ServeHTTP(w, r)
		return
	}
	if snap.failed {
		s.respond(w, r, http.StatusServiceUnavailable, "text/html; charset=utf-8", s.inject(s.placeholder(snap), snap, ""))
		return
	}
	name := rel
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if page, broken := snap.drafts[name]; broken {
		s.respond(w, r, http.StatusOK, "text/html; charset=utf-8", s.inject(page, snap, name))
		return
	}
	data, found := snap.files[name]
	if !found {
		if _, isDir := snap.files[name+"/index.html"]; isDir {
			// A folder asked without its slash: its page, at its own URL,
			// so that relative links resolve. Never a listing.
			http.Redirect(w, r, (&url.URL{Path: p + "/"}).EscapedPath(), http.StatusMovedPermanently)
			return
		}
		s.notFound(w, r, snap)
		return
	}
	ctype := contentType(name)
	if strings.HasPrefix(ctype, "text/html") {
		data = s.inject(data, snap, name)
	}
	s.respond(w, r, http.StatusOK, ctype, data)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request, snap *snapshot) {
	page, ok := snap.files["404.html"]
	if !ok {
		http.Error(w, "Không tìm thấy trang.", http.StatusNotFound)
		return
	}
	s.respond(w, r, http.StatusNotFound, "text/html; charset=utf-8", s.inject(page, snap, ""))
}

func (s *Server) respond(w http.ResponseWriter, r *http.Request, status int, ctype string, data []byte) {
	http.NewResponseController(w).SetWriteDeadline(time.Now().Add(writeGrace))
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// inject adds the live-reload script to a page (and, to a page made from
// a Markdown file, the panel of its warnings and the desk's "Sửa bài này"
// link), before its </body> (or at the end when it has none). The build's
// bytes are left untouched: this happens per response, in serve only.
func (s *Server) inject(page []byte, snap *snapshot, name string) []byte {
	if s.opts.Published {
		return page
	}
	tag := s.panel(snap, name) + s.editLink(snap, name) + livereload.Tag(snap.base+scriptPath, snap.base+streamPath, s.hub.Version())
	i := lastIndexFold(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// lastIndexFold is bytes.LastIndex ignoring ASCII case.
func lastIndexFold(s, sep []byte) int {
	for i := len(s) - len(sep); i >= 0; i-- {
		if bytes.EqualFold(s[i:i+len(sep)], sep) {
			return i
		}
	}
	return -1
}

// cleanPath checks a request path, already percent-decoded once by
// net/http. Anything that could climb out of the output or name
// something other than one file of it is refused rather than repaired:
// ".." and "." segments, empty segments ("//"), backslashes (a separator
// on Windows), NUL and other control characters, and "%" (left over from
// double encoding such as %252e%252e, which a second decoding elsewhere
// would turn into "..").
func cleanPath(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") {
		return "", false
	}
	for _, c := range []byte(p) {
		if c < 0x20 || c == 0x7f || c == '\\' || c == '%' {
			return "", false
		}
	}
	segs := strings.Split(p[1:], "/")
	for i, seg := range segs {
		switch seg {
		case ".", "..":
			return "", false
		case "":
			if i != len(segs)-1 { // only a trailing slash may leave one
				return "", false
			}
		}
	}
	// Nothing is left for Clean to change but to prove it; it keeps
	// the trailing slash out, so put it back.
	clean := path.Clean(p)
	if strings.HasSuffix(p, "/") && clean != "/" {
		clean += "/"
	}
	if clean != p {
		return "", false
	}
	return clean, true
}

// sameOrigin accepts an event-stream request that comes from a page of
// this server: no Origin (browsers send none for same-origin GETs), or an
// Origin whose host is the one the request was addressed to.
func sameOrigin(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	return err == nil && u.Scheme == "http" && strings.EqualFold(u.Host, r.Host)
}

// contentTypes covers what a site's output holds; mime's table depends on
// the machine, and a preview must not.
var contentTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".json":  "application/json",
	".xml":   "application/xml; charset=utf-8",
	".txt":   "text/plain; charset=utf-8",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".jpeg":  "image/jpeg",
	".gif":   "image/gif",
	".webp":  "image/webp",
	".avif":  "image/avif",
	".ico":   "image/x-icon",
	".pdf":   "application/pdf",
	".woff":  "font/woff",
	".woff2": "font/woff2",
	".doc":   "application/msword",
	".docx":  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xls":   "application/vnd.ms-excel",
	".xlsx":  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".zip":   "application/zip",
}

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// placeholder is served in place of every page while no build has
// succeeded yet. In the preview the overlay shows why, and the page
// reloads once a build succeeds; the published view has no script, so the
// errors are written into the page.
func (s *Server) placeholder(snap *snapshot) []byte {
	const head = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Chưa dựng được trang</title></head>`
	if !s.opts.Published {
		return []byte(head + `<body><h1>Chưa dựng được trang</h1><p>Hãy sửa các lỗi được báo rồi lưu tệp: trang sẽ tự tải lại.</p></body></html>`)
	}
	return []byte(head + `<body style="margin:0;padding:1rem;background:#2b0b0b;color:#fff;font:16px/1.5 system-ui,sans-serif">` +
		`<h1>Chưa dựng được trang</h1><p>Sửa các lỗi dưới đây, lưu tệp rồi nhấn F5.</p>` + snap.errors + `</body></html>`)
}

// serveDesk hands a request below <base>/_soan/ to the desk, or says why
// the desk is off.
func (s *Server) serveDesk(w http.ResponseWriter, r *http.Request, p, rel string) {
	if s.desk == nil {
		http.Error(w, s.deskOff, http.StatusForbidden)
		return
	}
	if rel+"/" == desk.Prefix {
		http.Redirect(w, r, (&url.URL{Path: p + "/"}).EscapedPath(), http.StatusMovedPermanently)
		return
	}
	s.desk.Serve(w, r, strings.TrimPrefix(rel, desk.Prefix))
}
