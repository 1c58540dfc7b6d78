// Package serve is the preview server of `cchc serve`: it builds the site
// with drafts and future articles into memory, serves the last good build
// over HTTP under the base path, rebuilds when the watcher reports a
// change, and tells the open browser tabs through livereload. It never
// writes a file: `public/` stays as `cchc build` left it.
//
// A failed rebuild keeps the last good site served and shows the errors,
// with the offending source lines, in an overlay on every open page and in
// the terminal. A failed first build is served the same way, over a
// placeholder page, so that the editor sees the errors in the browser and
// the page comes up by itself once they are fixed.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cchc-vn/cchc/internal/cache"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/desk"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/errorpage"
	"github.com/cchc-vn/cchc/internal/livereload"
	"github.com/cchc-vn/cchc/internal/pipeline"
	"github.com/cchc-vn/cchc/internal/publish"
	"github.com/cchc-vn/cchc/internal/rules"
	"github.com/cchc-vn/cchc/internal/warnpanel"
	"github.com/cchc-vn/cchc/internal/watch"
)

// Watcher reports batches of changed files; *watch.Watcher is one. Tests
// pass their own.
type Watcher interface {
	Batches() <-chan watch.Batch
	Close() error
}

// Options configure a Server.
type Options struct {
	Root  string // the site folder (content/, optional layouts/, assets/, site.yaml)
	Theme fs.FS  // the default theme, embedded in the binary
	// Listener, when set, is used as it is; else the server listens on
	// Bind:Port (Bind defaults to 127.0.0.1, Port 0 picks a free port).
	Listener net.Listener
	Bind     string
	Port     int
	// Watcher, when nil, is a watch.Watcher over content/, layouts/,
	// assets/ and site.yaml, polling every Poll when Poll > 0.
	Watcher Watcher
	Poll    time.Duration
	// Now is the clock that judges "future" articles; nil is time.Now.
	Now func() time.Time
	// Out gets the address and one line per rebuild; Err the diagnostics.
	Out, Err io.Writer
	// MaxClients caps the open event streams (0: livereload's default).
	MaxClients int
	// Published serves the site as `cchc build` publishes it: no drafts,
	// no future articles, no preview marks and no live-reload script. It
	// still rebuilds on change; the reader reloads by hand.
	Published bool
	// OnReady, when set, is called with the site's address once the first
	// build is done and the server is about to answer (`--open` opens the
	// browser there).
	OnReady func(url string)
	// Desk turns the writing desk on when the server listens beyond
	// loopback (on loopback it always is, except in Published); it then
	// asks for DeskPassword, or for one made and printed at start.
	Desk         bool
	DeskPassword string
	// Importer turns a Word document dropped into the desk into Markdown;
	// nil: the desk says to use `cchc import`.
	Importer desk.Importer
}

// Server is one preview server. Create it with New, start it with Run.
type Server struct {
	opts    Options
	root    string
	ln      net.Listener
	watcher Watcher
	hub     *livereload.Hub
	hosts   hostCheck
	http    *http.Server

	// sess keeps what the next build can reuse: parsed files, pages of
	// the last build, the search index's work on unchanged pages.
	sess   *pipeline.Session
	site   atomic.Pointer[snapshot]
	failed bool // the last build failed: the overlay is up
	// memo keeps each page's editorial warnings for the next rebuild.
	memo rules.Memo

	desk         *desk.Desk // nil when off
	deskOff      string     // why it is off, when it is
	deskPassword string
	last         atomic.Pointer[desk.Build] // the last build, good or failed, for the desk
	previewing   sync.Mutex                 // one desk preview at a time
}

// cacheSalt names the renderer for the in-memory cache: it lives no longer
// than this process, so the code that made its pages is always this one.
const cacheSalt = "cchc serve"

// New checks the site, takes the port and starts watching, so that a busy
// port is reported before the first build, and no change made during that
// build is missed. The caller must Run or Close the Server.
func New(opts Options) (*Server, error) {
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return nil, err
	}
	if st, err := os.Stat(root); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("không tìm thấy thư mục site %q", opts.Root)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Out == nil {
		opts.Out = io.Discard
	}
	if opts.Err == nil {
		opts.Err = io.Discard
	}
	if opts.Bind == "" {
		opts.Bind = "127.0.0.1"
	}
	ln := opts.Listener
	if ln == nil {
		addr := net.JoinHostPort(opts.Bind, fmt.Sprint(opts.Port))
		if ln, err = net.Listen("tcp", addr); err != nil {
			return nil, fmt.Errorf("không mở được cổng %s: %v — cổng đang bị chương trình khác dùng? hãy chọn cổng khác bằng --port", addr, err)
		}
	}
	w := opts.Watcher
	if w == nil {
		w, err = watch.New(watch.Options{Roots: watchRoots(root), Ignore: content.Ignored, Debounce: debounce, Poll: opts.Poll})
		if err != nil {
			ln.Close()
			// watch's messages already say how to fix them (raise the
			// inotify limit or use --poll).
			return nil, fmt.Errorf("không theo dõi được các tệp của site: %w", err)
		}
	}
	s := &Server{
		opts: opts, root: root, ln: ln, watcher: w,
		hub:   livereload.New(livereload.Options{MaxClients: opts.MaxClients}),
		hosts: newHostCheck(ln.Addr()),
		sess:  pipeline.NewSession(cache.NewMemory(), cacheSalt),
	}
	s.http = &http.Server{
		Handler: s,
		// Slow or silent clients must not hold connections: headers within
		// 5 s, a whole request (they have no body) within 30 s. There is
		// no WriteTimeout: it would cut the event stream, a response that
		// lasts as long as the tab is open. Each write has its own
		// deadline instead (see respond and livereload).
		ReadHeaderTimeout: 5 * time.Second,
		ErrorLog:          log.New(io.Discard, "", 0), // net/http's English notes would only confuse editors
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	if err := s.setupDesk(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// debounce is the quiet time that ends a burst of file events. Editors'
// saves (write a temp file, rename it over, delete a backup) take a few
// milliseconds; a longer save only costs one more rebuild, while every
// millisecond here is added to each edit's wait. With the page morphed in
// place, the wait is mostly this and the rebuild.
const debounce = 20 * time.Millisecond

// watchRoots are what a site is built from; data/ holds charts' data.
func watchRoots(root string) []string {
	return []string{
		filepath.Join(root, "content"), filepath.Join(root, "layouts"),
		filepath.Join(root, "assets"), filepath.Join(root, "site.yaml"),
		filepath.Join(root, "data"),
	}
}

// Addr is the address the server listens on.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// URL is the address to open in a browser: the site's base path on the
// listening address (localhost when listening on every interface).
func (s *Server) URL() string {
	host, port, _ := net.SplitHostPort(s.ln.Addr().String())
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + s.current().base
}

// Run builds the site, serves it and rebuilds after each change until ctx
// is done; then it stops watching, ends the event streams, shuts the HTTP
// server down and frees the port. It returns nil after a clean stop.
func (s *Server) Run(ctx context.Context) error {
	s.first()
	if s.opts.Published {
		fmt.Fprintf(s.opts.Out, "Bản sẽ đăng lên cổng (không có bài nháp, không tự tải lại; sửa bài xong nhấn F5) tại %s — nhấn Ctrl+C để dừng.\n", s.URL())
	} else {
		fmt.Fprintf(s.opts.Out, "Xem thử tại %s — nhấn Ctrl+C để dừng.\n", s.URL())
	}
	if warning := exposed(s.ln.Addr()); warning != "" {
		fmt.Fprintln(s.opts.Err, warning)
	}
	if line := s.deskLine(); line != "" {
		fmt.Fprintln(s.opts.Out, line)
	}
	served := make(chan error, 1)
	go func() { served <- s.http.Serve(s.ln) }()
	if s.opts.OnReady != nil {
		s.opts.OnReady(s.URL())
	}

	var err error
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case err = <-served:
			break loop // the listener failed
		case b, ok := <-s.watcher.Batches():
			if !ok {
				err = errors.New("bộ theo dõi tệp đã dừng")
				break loop
			}
			s.rebuild(b)
		}
	}
	if cerr := s.shutdown(); err == nil {
		err = cerr
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// exposed warns when the server listens beyond this machine.
func exposed(addr net.Addr) string {
	if tcp, ok := addr.(*net.TCPAddr); ok && tcp.IP.IsLoopback() {
		return ""
	}
	return fmt.Sprintf("cảnh báo: máy chủ xem thử đang mở cho các máy khác trong mạng (%s): ai trong mạng cũng xem được cả bài nháp và bài chưa đến ngày đăng. Chỉ dùng --bind khi thật cần.", addr)
}

// Close frees what New took, for a Server that will not Run.
func (s *Server) Close() error {
	s.watcher.Close()
	s.hub.Close()
	return s.ln.Close()
}

// shutdownGrace is how long open requests get to finish when stopping.
const shutdownGrace = 3 * time.Second

func (s *Server) shutdown() error {
	s.watcher.Close()
	s.hub.Close() // the streams end now, else Shutdown would wait for them
	ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	err := s.http.Shutdown(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		err = s.http.Close()
	}
	return err
}

// first runs the build made at start and reports it.
func (s *Server) first() {
	start := time.Now()
	res, files, ds := s.build()
	notes := s.editorial(res)
	all := joined(ds, notes)
	if ds.HasErrors() && !pipeline.DraftsOnly(res, ds) {
		s.showErrors(ds, nil)
		base := basePathAfterFailure(res)
		s.remember(res, all, base)
		s.site.Store(&snapshot{base: base, failed: true, errors: errorpage.Overlay(s.root, ds)})
		errs, _ := ds.Count()
		fmt.Fprintf(s.opts.Out, "Dựng thất bại: %d lỗi — trình duyệt sẽ hiện lỗi; sửa rồi lưu tệp, trang sẽ tự dựng lại.\n", errs)
		return
	}
	errorpage.Print(s.opts.Err, s.root, ds)
	s.sess.Store.Rotate()
	s.remember(res, all, res.Config.BasePath())
	s.site.Store(s.snapshotOf(res, files, all))
	s.tellBrokenDrafts(res, ds)
	what := "có cả bài nháp và bài hẹn đăng"
	if s.opts.Published {
		what = "đúng như bản đăng lên cổng"
	}
	fmt.Fprintf(s.opts.Out, "Đã dựng %d trang (%d tệp, %s) trong %s.\n", res.Pages, res.Files, what, seconds(time.Since(start)))
	if line := s.notesLine(notes); line != "" {
		fmt.Fprintln(s.opts.Out, line)
	}
}

// rebuild builds again after a batch of changes and tells the browsers.
func (s *Server) rebuild(b watch.Batch) {
	for _, err := range b.Errors {
		fmt.Fprintf(s.opts.Err, "cảnh báo: theo dõi tệp: %v\n", err)
	}
	changed := s.relative(b.Paths)
	shown := s.named(changed)
	start := time.Now()
	res, files, ds := s.build()
	all := joined(ds, s.editorial(res))
	took := seconds(time.Since(start))
	s.remember(res, all, s.current().base)
	if ds.HasErrors() && !pipeline.DraftsOnly(res, ds) {
		// The terminal line first: whoever sees the browser's overlay
		// (a test, too) finds the line already written.
		errs, _ := ds.Count()
		fmt.Fprintf(s.opts.Out, "Dựng lại thất bại sau khi sửa %s: %d lỗi, %s — trang cũ vẫn được phục vụ, lỗi hiện trên trình duyệt.\n", describe(shown), errs, took)
		s.showErrors(ds, changed)
		return
	}
	errorpage.Print(s.opts.Err, s.root, onlyErrorsOr(all, changed))
	s.sess.Store.Rotate()
	s.remember(res, all, res.Config.BasePath())
	next := s.snapshotOf(res, files, all)
	prev := s.current()
	s.site.Store(next)
	fmt.Fprintf(s.opts.Out, "Dựng lại sau khi sửa %s: %s.\n", describe(shown), took)
	s.tellBrokenDrafts(res, ds)
	switch {
	case s.failed:
		s.failed = false
		s.hub.ClearError()
		s.hub.Reload()
	case cssOnly(changed) && !prev.failed && prev.base == next.base:
		s.hub.CSS(next.stylesheets())
	default:
		s.hub.Reload()
	}
}

// snapshotOf is a good build as served. The errors a build may still
// have are drafts' (pipeline.DraftsOnly): each such draft's page shows its
// errors, and every other page is served, so that one editor's broken
// draft never hides the site from the others. The warnings of ds, the
// build's and the editorial rules', are shown in a panel on each file's
// page.
func (s *Server) snapshotOf(res *pipeline.Result, files map[string][]byte, ds diag.List) *snapshot {
	snap := newSnapshot(res.Config.BasePath(), files, res.Site)
	snap.warnings = warnpanel.New(ds)
	if ds.HasErrors() {
		snap.drafts = draftPages(s.root, res.Site, ds)
	}
	return snap
}

// tellBrokenDrafts says in the terminal which drafts have errors, when
// the site was served all the same.
func (s *Server) tellBrokenDrafts(res *pipeline.Result, ds diag.List) {
	if names := brokenDrafts(res.Site, ds); len(names) > 0 {
		fmt.Fprintf(s.opts.Out, "Bài nháp có lỗi: %s — các trang khác vẫn được phục vụ; trang của bài nháp hiện lỗi của nó.\n", describe(names))
	}
}

// build runs the pipeline into memory, drafts and future articles
// included and marked.
func (s *Server) build() (*pipeline.Result, map[string][]byte, diag.List) {
	var w publish.Collector
	preview := !s.opts.Published
	res, ds := s.sess.Build(pipeline.Options{
		Site: os.DirFS(s.root), Theme: s.opts.Theme,
		Drafts: preview, Future: preview, Preview: preview, Now: s.opts.Now(),
	}, &w)
	return res, w.Files(), ds
}

// showErrors prints the diagnostics with their source lines, and puts the
// overlay up in the browsers.
func (s *Server) showErrors(ds diag.List, changed []string) {
	s.failed = true
	errorpage.Print(s.opts.Err, s.root, onlyErrorsOr(ds, changed))
	s.hub.Error(errorpage.Overlay(s.root, ds))
}

// relative turns the watcher's absolute paths into slash-separated paths
// relative to the site, as diagnostics name files.
func (s *Server) relative(paths []string) []string {
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		if rel, err := filepath.Rel(s.root, p); err == nil && filepath.IsLocal(rel) {
			p = filepath.ToSlash(rel)
		}
		out = append(out, p)
	}
	return out
}

// named picks the changed files worth naming to the editor: those that
// exist now, leaving out the temp files tools create and delete while
// saving (sed's "sedAbc123", some Windows editors' ones); when nothing is
// left, the batch was deletions, and those are named.
func (s *Server) named(changed []string) []string {
	var existing []string
	for _, p := range changed {
		if _, err := os.Lstat(filepath.Join(s.root, filepath.FromSlash(p))); err == nil {
			existing = append(existing, p)
		}
	}
	if len(existing) == 0 {
		return changed
	}
	return existing
}

// cssOnly reports a batch of stylesheet changes under assets/, which the
// browsers can take without reloading.
func cssOnly(changed []string) bool {
	if len(changed) == 0 {
		return false
	}
	for _, p := range changed {
		if !strings.HasPrefix(p, "assets/") || !strings.EqualFold(filepath.Ext(p), ".css") {
			return false
		}
	}
	return true
}

// describe names the changed files for the terminal, at most three.
func describe(changed []string) string {
	const shown = 3
	switch {
	case len(changed) == 0:
		return "(không rõ tệp)"
	case len(changed) <= shown:
		return strings.Join(changed, ", ")
	}
	return fmt.Sprintf("%s và %d tệp khác", strings.Join(changed[:shown], ", "), len(changed)-shown)
}

// seconds formats a duration the Vietnamese way: "0,04 giây".
func seconds(d time.Duration) string {
	return strings.Replace(fmt.Sprintf("%.2f", d.Seconds()), ".", ",", 1) + " giây"
}
