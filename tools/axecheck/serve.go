package main

import (
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// server serves the built site under its base path, as the portal does.
// It turns off meta refresh, so a redirect page is checked itself, and
// remembers every request that found nothing, with the page that made it.
type server struct {
	dir, base string

	mu     sync.Mutex
	misses []finding
}

func newServer(dir, base string) *server { return &server{dir: dir, base: base} }

var refreshRE = regexp.MustCompile(`(?i)(http-equiv=["']?)refresh`)

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	rel, ok := strings.CutPrefix(p, s.base)
	if !ok {
		s.notFound(w, r)
		return
	}
	name := path.Clean("/" + rel)
	if strings.HasSuffix(p, "/") {
		name = path.Join(name, "index.html")
	}
	full := filepath.Join(s.dir, filepath.FromSlash(name))
	fi, err := os.Stat(full)
	switch {
	case err != nil:
		s.notFound(w, r)
	case fi.IsDir():
		http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
	case strings.HasSuffix(full, ".html"):
		b, err := os.ReadFile(full)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(refreshRE.ReplaceAll(b, []byte("${1}x-refresh-off")))
	default:
		http.ServeFile(w, r, full)
	}
}

func (s *server) notFound(w http.ResponseWriter, r *http.Request) {
	http.NotFound(w, r)
	if r.URL.Path == "/favicon.ico" { // asked by the browser, not the page
		return
	}
	from := "(no referrer)"
	if u, err := url.Parse(r.Referer()); err == nil && u.Path != "" {
		from = u.Path
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.misses = append(s.misses, finding{
		Page: from, Rule: "cchc-missing-file", Impact: "serious", Target: r.URL.Path,
		Help: "Every file a page asks for exists in the built site",
	})
}

func (s *server) missing() []finding {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.misses)
}
