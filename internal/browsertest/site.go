package browsertest

import (
	"compress/gzip"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
)

// Site serves a built site under its base path as a portal's web server
// would (text gzipped when the client asks) and counts the bytes it sends
// for each file, so a test or a benchmark can read what one search cost.
type Site struct {
	URL      string // "http://127.0.0.1:port/cchc/"
	Origin   string // "http://127.0.0.1:port"
	BasePath string // "/cchc/"

	files map[string][]byte // path below base → bytes
	srv   *httptest.Server

	mu    sync.Mutex
	sent  map[string]int64 // path below base → bytes on the wire (body)
	order []string         // paths below base in the order asked
	// hold, when set, decides per path below base whether to fail it
	// (status != 0) or delay it.
	hold func(p string) (status int, delay time.Duration)
}

// NewSite starts serving files (paths below the base path) on 127.0.0.1;
// Close stops it.
func NewSite(files map[string][]byte, basePath string) *Site {
	s := &Site{files: files, BasePath: basePath, sent: map[string]int64{}}
	s.srv = httptest.NewServer(s)
	s.Origin = s.srv.URL
	s.URL = s.srv.URL + basePath
	return s
}

// Close stops the server.
func (s *Site) Close() { s.srv.Close() }

// ReadDir reads a built site from a folder, as NewSite takes it.
func ReadDir(dir string) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path.Join(dir, p))
		files[p] = data
		return err
	})
	return files, err
}

var gzipTypes = regexp.MustCompile(`^(text/|application/(json|javascript|xml|rss\+xml)|image/svg\+xml)`)

func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p, ok := strings.CutPrefix(r.URL.Path, s.BasePath)
	if !ok {
		http.NotFound(w, r)
		return
	}
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	s.mu.Lock()
	hold := s.hold
	s.order = append(s.order, p)
	s.mu.Unlock()
	if hold != nil {
		status, delay := hold(p)
		time.Sleep(delay)
		if status != 0 {
			http.Error(w, "held by the test", status)
			return
		}
	}
	data, ok := s.files[p]
	status := http.StatusOK
	if !ok {
		data, status = s.files["404.html"], http.StatusNotFound
		p = "404.html"
	}
	ctype := mime.TypeByExtension(path.Ext(p))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-cache")
	counter := &countingWriter{w: w}
	if gzipTypes.MatchString(ctype) && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Vary", "Accept-Encoding")
		w.WriteHeader(status)
		gz := gzip.NewWriter(counter)
		gz.Write(data)
		gz.Close()
	} else {
		w.WriteHeader(status)
		counter.Write(data)
	}
	s.mu.Lock()
	s.sent[p] += counter.n
	s.mu.Unlock()
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// Take returns the bytes sent per file since the last Take, and forgets them.
func (s *Site) Take() map[string]int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.sent
	s.sent = map[string]int64{}
	s.order = nil
	return out
}

// Asked tells whether a file below prefix was asked for since the last Take.
func (s *Site) Asked(prefix string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.ContainsFunc(s.order, func(p string) bool { return strings.HasPrefix(p, prefix) })
}

// SetHold makes the server fail (status != 0) or delay the files h names;
// nil serves everything again.
func (s *Site) SetHold(h func(p string) (status int, delay time.Duration)) {
	s.mu.Lock()
	s.hold = h
	s.mu.Unlock()
}
