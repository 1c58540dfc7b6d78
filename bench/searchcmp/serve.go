package main

import (
	"compress/gzip"
	"io"
	"mime"
	"net"
	"net/http"
	"path"
	"strings"
	"sync"
)

// countingServer serves a built site under its base path the way a portal
// would (gzip for text types, files already compressed sent as they are)
// and counts the bytes it sends, by path, so a query's transfer can be
// read off after it.
type countingServer struct {
	mu    sync.Mutex
	sent  map[string]int64
	url   string
	close func()
}

func startServer(dir, base string) (*countingServer, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &countingServer{sent: map[string]int64{}, url: "http://" + ln.Addr().String() + base}
	files := http.StripPrefix(strings.TrimSuffix(base, "/"), http.FileServer(http.Dir(dir)))
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &countingWriter{ResponseWriter: w}
		if compressible(r.URL.Path) && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Del("Content-Length")
			gz := gzip.NewWriter(cw)
			files.ServeHTTP(&gzipWriter{ResponseWriter: w, w: gz}, r)
			gz.Close()
		} else {
			files.ServeHTTP(cw, r)
		}
		s.mu.Lock()
		s.sent[r.URL.Path] += cw.n
		s.mu.Unlock()
	})}
	go srv.Serve(ln)
	s.close = func() { srv.Close() }
	return s, nil
}

// take returns the bytes sent per path since the last call, and forgets them.
func (s *countingServer) take() map[string]int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.sent
	s.sent = map[string]int64{}
	return out
}

func compressible(p string) bool {
	switch path.Ext(p) {
	case ".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", "":
		return true
	}
	t := mime.TypeByExtension(path.Ext(p))
	return strings.HasPrefix(t, "text/")
}

type countingWriter struct {
	http.ResponseWriter
	n int64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.ResponseWriter.Write(b)
	c.n += int64(n)
	return n, err
}

type gzipWriter struct {
	http.ResponseWriter
	w io.Writer
}

func (g *gzipWriter) Write(b []byte) (int, error) { return g.w.Write(b) }

func (g *gzipWriter) WriteHeader(code int) {
	g.ResponseWriter.Header().Del("Content-Length")
	g.ResponseWriter.WriteHeader(code)
}
