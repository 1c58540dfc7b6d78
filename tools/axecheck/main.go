// Command axecheck checks the accessibility of a built site in headless
// Chromium: it serves the folder on 127.0.0.1 under the site's base path,
// so that every page loads as in production, runs axe-core on each HTML
// page at each viewport width, adds checks axe does not make (one <main>,
// a skip link first in the tab order, lang="vi", a visible keyboard focus
// on every focusable element, no horizontal scrolling, no missing or
// outside requests, no script errors) and prints the findings grouped by
// rule. It exits 1 when there is any finding, 2 when it could not check.
//
//	go run ./tools/axecheck -site public -axe node_modules/axe-core/axe.min.js
//
// .ci/a11y runs it on the sample site after the Nu HTML Checker.
package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// options are the command line of axecheck.
type options struct {
	site     string   // the built site folder
	base     string   // URL path the site is served under, "/cchc/"
	axe      string   // axe.min.js
	widths   []int    // viewport widths in CSS px
	tags     []string // axe tags whose violations fail
	noteTags []string // axe tags reported without failing
	chromium string
	extras   []string // more URLs to check, relative to base, with a query
	tabs     int
	timeout  time.Duration

	wrap func(http.Handler) http.Handler // tests: wraps the site's server
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("axecheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	var widths, tags, notes string
	fs.StringVar(&o.site, "site", "", "built site folder (required)")
	fs.StringVar(&o.base, "base", "", "URL path of the site, such as /cchc/ (default: the path of index.html's canonical link, else /)")
	fs.StringVar(&o.axe, "axe", "", "path of axe.min.js (required)")
	fs.StringVar(&widths, "widths", "360,1280", "viewport widths in CSS px, comma-separated")
	fs.StringVar(&tags, "tags", "wcag2a,wcag2aa,wcag21a,wcag21aa", "axe tags whose violations fail")
	fs.StringVar(&notes, "notes", "best-practice", "axe tags whose violations are reported without failing (empty: none)")
	fs.StringVar(&o.chromium, "chromium", "", "Chromium binary (default: chromium on PATH, else /usr/bin/chromium)")
	fs.Func("extra", "one more URL to check, relative to the base, such as 'tim-kiem/?q=một cửa' (a page in a state its query gives; it is checked after its DOM settles); repeatable", func(s string) error {
		o.extras = append(o.extras, s)
		return nil
	})
	fs.IntVar(&o.tabs, "tabs", min(runtime.NumCPU(), 4), "pages checked at once, each in its own tab of one browser")
	fs.DurationVar(&o.timeout, "timeout", 30*time.Second, "time limit for one page at one width")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	var err error
	if o.widths, err = parseWidths(widths); err != nil {
		fmt.Fprintln(stderr, "axecheck: -widths:", err)
		return 2
	}
	o.tags, o.noteTags = splitList(tags), splitList(notes)
	if o.site == "" || o.axe == "" || fs.NArg() > 0 || len(o.tags) == 0 || o.tabs < 1 {
		fs.Usage()
		return 2
	}
	if o.base == "" {
		if o.base, err = basePathOf(o.site); err != nil {
			fmt.Fprintln(stderr, "axecheck:", err)
			return 2
		}
	}
	if !strings.HasPrefix(o.base, "/") || !strings.HasSuffix(o.base, "/") {
		fmt.Fprintf(stderr, "axecheck: -base %q must start and end with /\n", o.base)
		return 2
	}
	res, err := check(context.Background(), o)
	if err != nil {
		fmt.Fprintln(stderr, "axecheck:", err)
		return 2
	}
	if report(stdout, res) > 0 {
		return 1
	}
	return 0
}

func parseWidths(s string) ([]int, error) {
	var ws []int
	for _, f := range splitList(s) {
		w, err := strconv.Atoi(f)
		if err != nil || w < 200 || w > 4000 {
			return nil, fmt.Errorf("%q is not a width between 200 and 4000", f)
		}
		ws = append(ws, w)
	}
	if len(ws) == 0 {
		return nil, errors.New("no width")
	}
	return ws, nil
}

func splitList(s string) []string {
	var out []string
	for f := range strings.SplitSeq(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

var canonicalRE = regexp.MustCompile(`<link\s[^>]*rel=("?)canonical[^>]*>`)
var hrefRE = regexp.MustCompile(`href=(?:"([^"]*)"|'([^']*)'|([^\s>]+))`)

// basePathOf reads the base path from the canonical link of the site's
// index.html (its absolute base URL), or gives "/" when it has none.
func basePathOf(site string) (string, error) {
	b, err := os.ReadFile(filepath.Join(site, "index.html"))
	if err != nil {
		return "", fmt.Errorf("the site has no index.html: %w", err)
	}
	return basePathFromHTML(string(b)), nil
}

func basePathFromHTML(html string) string {
	link := canonicalRE.FindString(html)
	m := hrefRE.FindStringSubmatch(link)
	if m == nil {
		return "/"
	}
	u, err := url.Parse(m[1] + m[2] + m[3])
	if err != nil || u.Path == "" {
		return "/"
	}
	p := u.Path
	if !strings.HasSuffix(p, "/") {
		p = path.Dir(p) + "/"
	}
	return p
}

// htmlPages lists the HTML files under site, as slash paths relative to
// it, sorted.
func htmlPages(site string) ([]string, error) {
	var pages []string
	err := filepath.WalkDir(site, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), ".html") {
			rel, err := filepath.Rel(site, p)
			if err != nil {
				return err
			}
			pages = append(pages, filepath.ToSlash(rel))
		}
		return nil
	})
	slices.Sort(pages)
	return pages, err
}

// pageURL is the URL path a reader opens for the file rel: a folder's
// index.html is opened as the folder, so relative links resolve as in
// production.
func pageURL(base, rel string) string {
	if rel == "index.html" {
		return base
	}
	if d, ok := strings.CutSuffix(rel, "/index.html"); ok {
		return base + d + "/"
	}
	return base + rel
}

// extraURL turns an -extra argument into the URL path and query to open,
// and says whether its page is in the site.
func extraURL(site, base, raw string) (string, bool) {
	p, q, _ := strings.Cut(raw, "?")
	p = strings.TrimPrefix(p, "/")
	file := p
	if file == "" || strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	_, err := os.Stat(filepath.Join(site, filepath.FromSlash(path.Clean("/"+file))))
	u := base + p
	if vals, perr := url.ParseQuery(q); perr == nil && len(vals) > 0 {
		u += "?" + vals.Encode()
	}
	return u, err == nil
}

// finding is one problem on one page at one width.
type finding struct {
	Page    string // URL path
	Width   int
	Rule    string
	Impact  string
	Target  string // CSS selector, or the request
	Help    string
	HelpURL string
	Detail  string
	Note    bool // reported, does not fail
}

// result is what a run found, with what it ran on.
type result struct {
	Pages    int
	States   int      // -extra URLs checked
	Skipped  []string // -extra URLs whose page is not in the site
	Widths   []int
	Axe      string // axe-core version
	Browser  string // Chromium version
	Findings []finding
	Elapsed  time.Duration
}

func check(ctx context.Context, o options) (*result, error) {
	start := time.Now()
	pages, err := htmlPages(o.site)
	if err != nil {
		return nil, err
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("no HTML file in %s", o.site)
	}
	axeSrc, err := os.ReadFile(o.axe)
	if err != nil {
		return nil, err
	}
	srv := newServer(o.site, o.base)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	var h http.Handler = srv
	if o.wrap != nil {
		h = o.wrap(srv)
	}
	hs := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go hs.Serve(ln)
	defer hs.Close()
	origin := "http://" + ln.Addr().String()

	bin, err := chromiumPath(o.chromium)
	if err != nil {
		return nil, err
	}
	profile, err := os.MkdirTemp("", "axecheck-profile-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(profile)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", false),
		chromedp.UserDataDir(profile),
	)
	defer cancelAlloc()
	browserCtx, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()
	// The first call starts the browser: no deadline on it.
	if err := chromedp.Do(browserCtx); err != nil {
		return nil, fmt.Errorf("starting chromium: %w", err)
	}
	ver, err := chromedp.CallBrowser(browserCtx, cdpbrowser.GetVersion, cdp.Empty{})
	if err != nil {
		return nil, err
	}
	browser := ver.Product // "HeadlessChrome/156.0.8078.108" or "Chrome/…"
	if _, v, ok := strings.Cut(browser, "Chrome/"); ok {
		browser = "Chromium " + v
	}

	type job struct {
		page   string
		width  int
		settle bool
	}
	jobs := make(chan job)
	var (
		mu       sync.Mutex
		findings []finding
		axeVer   string
		firstErr error
	)
	// All tabs first: a tab that fails to open leaves no worker waiting.
	tabs := make([]*tab, o.tabs)
	for i := range tabs {
		tabCtx := browserCtx
		if i > 0 {
			var cancel context.CancelFunc
			tabCtx, cancel = chromedp.NewContext(browserCtx)
			defer cancel()
		}
		if tabs[i], err = newTab(tabCtx, origin, axeSrc); err != nil {
			return nil, err
		}
	}
	var wg sync.WaitGroup
	for _, t := range tabs {
		wg.Go(func() {
			for j := range jobs {
				fs, info, err := t.checkPage(j.page, j.width, j.settle, o)
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = fmt.Errorf("%s at %d px: %w", j.page, j.width, err)
				}
				findings = append(findings, fs...)
				axeVer = cmp.Or(axeVer, info.axe)
				mu.Unlock()
			}
		})
	}
	var extras, skipped []string
	for _, raw := range o.extras {
		u, ok := extraURL(o.site, o.base, raw)
		if !ok {
			skipped = append(skipped, raw)
			continue
		}
		extras = append(extras, u)
	}
	go func() {
		for _, w := range o.widths {
			for _, p := range pages {
				jobs <- job{pageURL(o.base, p), w, false}
			}
			for _, u := range extras {
				jobs <- job{u, w, true}
			}
		}
		close(jobs)
	}()
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	findings = append(findings, srv.missing()...)
	return &result{
		Pages: len(pages), States: len(extras), Skipped: skipped, Widths: o.widths, Axe: axeVer, Browser: browser,
		Findings: findings, Elapsed: time.Since(start),
	}, nil
}

func chromiumPath(p string) (string, error) {
	if p != "" {
		return exec.LookPath(p)
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p, nil
	}
	p, err := exec.LookPath("/usr/bin/chromium")
	if err != nil {
		return "", errors.New("chromium is not installed (apt-get install chromium)")
	}
	return p, nil
}

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

// tab is one browser tab with axe-core added to every document it opens.
type tab struct {
	ctx    context.Context
	origin string

	mu     sync.Mutex
	page   string
	width  int
	events []finding // from the browser's events, for the current page
}

func newTab(ctx context.Context, origin string, axeSrc []byte) (*tab, error) {
	t := &tab{ctx: ctx, origin: origin}
	if err := chromedp.Listen(ctx, t.onEvent); err != nil {
		return nil, err
	}
	c, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	// A page that is not the browser's front tab has no focus, and
	// :focus-visible would never match there.
	if _, err := chromedp.Call(c, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		return nil, err
	}
	for _, src := range []string{pendingJS, string(axeSrc)} {
		if _, err := chromedp.Call(c, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src}); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// onEvent runs on the tab's reading goroutine: it only records.
func (t *tab) onEvent(ev any) {
	var f finding
	switch ev := ev.(type) {
	case *cdpruntime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg = firstLine(d.Exception.Description)
		}
		f = finding{Rule: "cchc-script-error", Impact: "serious", Target: fmt.Sprintf("%s:%d", urlPath(d.URL), d.LineNumber+1),
			Help: "The page's scripts run without an uncaught error", Detail: msg}
	case *cdpruntime.EventConsoleAPICalled:
		if ev.Type != cdpruntime.ConsoleAPICalledTypeError {
			return
		}
		var parts []string
		for _, a := range ev.Args {
			if a.Value != nil {
				parts = append(parts, strings.Trim(string(a.Value), `"`))
			} else {
				parts = append(parts, a.Description)
			}
		}
		f = finding{Rule: "cchc-console-error", Impact: "moderate", Target: "console.error",
			Help: "The page logs no error", Detail: strings.Join(parts, " ")}
	case *network.EventRequestWillBeSent:
		u, err := url.Parse(ev.Request.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "ws" && u.Scheme != "wss") {
			return
		}
		if u.Scheme+"://"+u.Host == t.origin {
			return
		}
		f = finding{Rule: "cchc-outside-request", Impact: "serious", Target: ev.Request.URL,
			Help: "No request leaves the site's origin (the column must work on an intranet)"}
	default:
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.page == "" {
		return
	}
	f.Page, f.Width = t.page, t.width
	t.events = append(t.events, f)
}

func urlPath(s string) string {
	if u, err := url.Parse(s); err == nil && u.Path != "" {
		return u.Path
	}
	return s
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// pageInfo is what a page tells of the tools that checked it.
type pageInfo struct{ axe string }

// jsFinding is a finding as the page scripts return it.
type jsFinding struct {
	Rule   string `json:"rule"`
	Target string `json:"target"`
	Detail string `json:"detail"`
}

// axeResult is the part of axe.run's result that axecheck reads.
type axeResult struct {
	Version    string `json:"version"`
	Violations []struct {
		ID      string   `json:"id"`
		Impact  string   `json:"impact"`
		Help    string   `json:"help"`
		HelpURL string   `json:"helpUrl"`
		Tags    []string `json:"tags"`
		Nodes   []struct {
			Target  string `json:"target"`
			Summary string `json:"summary"`
		} `json:"nodes"`
	} `json:"violations"`
}

func (t *tab) checkPage(pageURLPath string, width int, settle bool, o options) ([]finding, pageInfo, error) {
	t.mu.Lock()
	t.page, t.width, t.events = pageURLPath, width, nil
	t.mu.Unlock()
	defer func() {
		t.mu.Lock()
		t.page = ""
		t.mu.Unlock()
	}()

	ctx, cancel := context.WithTimeout(t.ctx, o.timeout)
	defer cancel()
	var info pageInfo
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(int64(width), 800),
		chromedp.Navigate(t.origin+pageURLPath),
	); err != nil {
		return nil, info, err
	}
	if settle {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](settleJS, chromedp.EvalAwaitPromise)); err != nil {
			return nil, info, fmt.Errorf("waiting for the page to settle: %w", err)
		}
	}

	var out []finding
	add := func(fs []jsFinding) {
		for _, f := range fs {
			out = append(out, finding{Page: pageURLPath, Width: width, Rule: f.Rule, Impact: "serious",
				Target: f.Target, Detail: f.Detail, Help: customHelp[f.Rule]})
		}
	}

	// axe-core first, on the page as loaded.
	all := append(slices.Clone(o.tags), o.noteTags...)
	tagsJSON, _ := json.Marshal(all)
	ax, err := chromedp.Run(ctx, chromedp.Evaluate[axeResult](fmt.Sprintf(axeRunJS, tagsJSON), chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, info, fmt.Errorf("running axe-core: %w", err)
	}
	info = pageInfo{axe: ax.Version}
	for _, v := range ax.Violations {
		note := !slices.ContainsFunc(v.Tags, func(t string) bool { return slices.Contains(o.tags, t) })
		for _, n := range v.Nodes {
			out = append(out, finding{Page: pageURLPath, Width: width, Rule: v.ID, Impact: v.Impact,
				Target: n.Target, Help: v.Help, HelpURL: v.HelpURL, Detail: n.Summary, Note: note})
		}
	}

	// Then the keyboard: Tab must reach the skip link first, and Enter on
	// it must move the focus into <main>.
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
		return nil, info, err
	}
	fs, err := chromedp.Run(ctx, chromedp.Evaluate[[]jsFinding](script(structureJS)))
	if err != nil {
		return nil, info, fmt.Errorf("checking the structure: %w", err)
	}
	add(fs)
	redirect, err := chromedp.Run(ctx, chromedp.Evaluate[bool](isRedirectJS))
	if err != nil {
		return nil, info, err
	}
	skipOK := !slices.ContainsFunc(fs, func(f jsFinding) bool { return f.Rule == "cchc-skip-link" })
	if skipOK && !redirect {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
			return nil, info, err
		}
		fs, err := chromedp.Run(ctx, chromedp.Evaluate[[]jsFinding](script(skipTargetJS)))
		if err != nil {
			return nil, info, fmt.Errorf("following the skip link: %w", err)
		}
		add(fs)
	}
	fs, err = chromedp.Run(ctx, chromedp.Evaluate[[]jsFinding](script(linkTextJS+focusAndReflowJS)))
	if err != nil {
		return nil, info, fmt.Errorf("checking focus and reflow: %w", err)
	}
	add(fs)

	t.mu.Lock()
	out = append(out, t.events...)
	t.mu.Unlock()
	return out, info, nil
}

// customHelp is the one-line rule of each check axecheck adds to axe.
var customHelp = map[string]string{
	"cchc-lang-vi":       `The <html> element has lang="vi"`,
	"cchc-one-main":      "The page has exactly one <main> landmark",
	"cchc-skip-link":     "The first Tab reaches a visible skip link to <main>, and Enter on it moves the focus there",
	"cchc-focus-visible": "A focused element shows a visible focus indicator (outline, box-shadow, background or border)",
	"cchc-link-text":     "A link's text says where it goes, not only \"xem thêm\" or \"tại đây\" (WCAG 2.4.4)",
	"cchc-reflow":        "The page does not scroll sideways (WCAG 1.4.10 Reflow)",
	"cchc-meta-refresh":  "A redirect page refreshes at once (0 s)",
}

// pendingJS runs before the page's own scripts: it counts the page's
// fetch and XMLHttpRequest calls still under way, for settleJS.
const pendingJS = `(() => {
  let n = 0;
  window.__axecheckPending = () => n;
  const f = window.fetch;
  if (f) window.fetch = function (...args) { n++; return f.apply(this, args).finally(() => { n--; }); };
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (...args) {
    n++; this.addEventListener("loadend", () => { n--; }, {once: true});
    return send.apply(this, args);
  };
})();`

// settleJS waits until no request of the page is under way and the DOM
// has not changed for 300 ms (a page that fetches and shows results from
// its query), at most 5 s.
const settleJS = `new Promise(done => {
  let quiet;
  const pending = window.__axecheckPending || (() => 0);
  const arm = () => { clearTimeout(quiet); quiet = setTimeout(() => pending() ? arm() : end(), 300); };
  const mo = new MutationObserver(arm);
  const hard = setTimeout(end, 5000);
  function end() { mo.disconnect(); clearTimeout(quiet); clearTimeout(hard); done(true); }
  mo.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  arm();
})`

// axeRunJS runs axe-core with the tags given as a JSON array, and returns
// the violations only, with a selector per node.
const axeRunJS = `(async () => {
  if (!window.axe) throw new Error("axe-core is not loaded in the page");
  const r = await axe.run(document, {runOnly: {type: "tag", values: %s}, resultTypes: ["violations"]});
  return {
    version: axe.version,
    violations: r.violations.map(v => ({
      id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl, tags: v.tags,
      nodes: v.nodes.map(n => ({target: n.target.flat().join(" "), summary: n.failureSummary || ""})),
    })),
  };
})()`

// helpersJS defines sel(el), a short CSS path for a report, and the
// findings list out with add(rule, el, detail).
const helpersJS = `
const sel = el => {
  if (!el || el.nodeType !== 1) return String(el);
  const parts = [];
  for (let e = el; e && e.nodeType === 1 && parts.length < 4; e = e.parentElement) {
    if (e.id) { parts.unshift("#" + CSS.escape(e.id)); break; }
    let s = e.localName;
    if (e.classList.length) s += "." + [...e.classList].map(c => CSS.escape(c)).join(".");
    const p = e.parentElement;
    if (p && e !== document.body && e !== document.documentElement) {
      const same = [...p.children].filter(c => c.localName === e.localName);
      if (same.length > 1) s += ":nth-of-type(" + (same.indexOf(e) + 1) + ")";
    }
    parts.unshift(s);
    if (e === document.body) break;
  }
  return parts.join(" > ");
};
const out = [];
const add = (rule, el, detail) => out.push({rule, target: typeof el === "string" ? el : sel(el), detail: detail || ""});
const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
`

// script wraps a check's body, with the helpers, in a function: names
// declared at the top level of an evaluation would stay in the page and
// clash with the next one.
func script(body string) string { return "(() => {" + helpersJS + body + "})()" }

// isRedirectJS tells a redirect page (its meta refresh turned off by the
// server): one sentence and one link, it needs no skip link.
const isRedirectJS = `document.querySelector('meta[http-equiv="x-refresh-off" i]') !== null`

// structureJS runs after one Tab from the page's start.
const structureJS = `
  const lang = document.documentElement.getAttribute("lang");
  if (lang !== "vi" && !/^vi-/i.test(lang || "")) add("cchc-lang-vi", "html", lang === null ? "no lang attribute" : 'lang="' + lang + '"');

  const refresh = document.querySelector('meta[http-equiv="x-refresh-off" i]');
  const redirect = refresh !== null;
  if (redirect && !/^\s*0\s*(;|$)/.test(refresh.content)) add("cchc-meta-refresh", "meta", 'content="' + refresh.content + '"');

  const mains = document.querySelectorAll("main, [role=main]");
  if (mains.length !== 1) add("cchc-one-main", "html", mains.length + " main landmarks");
  const main = mains[0];

  // A redirect page shows one sentence and one link: it needs no skip link.
  if (redirect) return out;
  const a = document.activeElement;
  if (!a || a === document.body || a.localName !== "a") {
    add("cchc-skip-link", a || "html", "the first Tab focuses " + (a && a !== document.body ? sel(a) : "nothing") + ", not a skip link");
    return out;
  }
  const href = a.getAttribute("href") || "";
  if (!href.startsWith("#")) {
    add("cchc-skip-link", a, "the first focusable element links to " + href + ", not to an anchor in the page");
    return out;
  }
  const target = document.getElementById(decodeURIComponent(href.slice(1)));
  if (!target || !main || target !== main) {
    add("cchc-skip-link", a, href + " is " + (target ? sel(target) : "missing") + ", not the <main> element");
    return out;
  }
  const r = a.getBoundingClientRect();
  if (!shown(a) || r.width < 1 || r.height < 1 || r.top < 0 || r.left < 0 || r.right > innerWidth || r.bottom > innerHeight) {
    add("cchc-skip-link", a, "not fully visible when focused (" + [r.left, r.top, r.width, r.height].map(Math.round).join(",") + ")");
  }
  if (!a.textContent.trim()) add("cchc-skip-link", a, "the skip link has no text");
  return out;
`

// linkTextJS finds links whose whole text says nothing of where they go
// ("xem thêm", "tại đây"…): WCAG 2.4.4 asks for the purpose of a link
// from its text, and a screen reader's list of links shows only that.
const linkTextJS = `
  const vague = new Set(["tai day", "o day", "day", "xem", "xem them", "xem tiep", "doc them", "doc tiep",
    "chi tiet", "xem chi tiet", "bam vao day", "nhan vao day", "bam day", "nhan day", "link", "lien ket",
    "tai ve", "tai xuong", "click", "click here", "here", "more", "read more", "..."]);
  const fold = s => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")
    .toLowerCase().replace(/[^a-z0-9.]+/g, " ").trim();
  for (const a of document.querySelectorAll("a[href]")) {
    if (!shown(a)) continue;
    let name = a.getAttribute("aria-label") || "";
    const by = a.getAttribute("aria-labelledby");
    if (!name && by) name = by.split(/\s+/).map(id => document.getElementById(id)?.textContent || "").join(" ");
    if (!name) name = a.textContent + " " + [...a.querySelectorAll("img[alt]")].map(i => i.alt).join(" ");
    if (vague.has(fold(name))) add("cchc-link-text", a, 'the link says only "' + name.trim() + '"');
  }
`

// skipTargetJS runs after Enter on the skip link.
const skipTargetJS = `
  const main = document.querySelector("main, [role=main]");
  const a = document.activeElement;
  if (!main || !(a === main || main.contains(a))) {
    add("cchc-skip-link", a || "html", "after Enter on the skip link the focus is on " + sel(a) + ", not in <main> (give <main> tabindex=\"-1\")");
  }
  return out;
`

// focusAndReflowJS focuses each focusable element (the keyboard was used,
// so :focus-visible matches) and compares its outline and box-shadow with
// its unfocused look; then it looks for content wider than the viewport.
const focusAndReflowJS = `
  const focusables = [...document.querySelectorAll(
    'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, [tabindex], [contenteditable]:not([contenteditable=false])'
  )].filter(el => !el.disabled && el.tabIndex >= 0 && shown(el));
  if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  const look = el => {
    const cs = getComputedStyle(el);
    return {outline: [cs.outlineStyle, cs.outlineWidth, cs.outlineColor].join(" "), style: cs.outlineStyle,
            width: parseFloat(cs.outlineWidth), color: cs.outlineColor, shadow: cs.boxShadow,
            background: cs.backgroundColor, border: [cs.borderTopColor, cs.borderRightColor, cs.borderBottomColor, cs.borderLeftColor].join(" ")};
  };
  const transparent = c => /^rgba\(.*,\s*0\)$/.test(c) || c === "transparent";
  const before = focusables.map(look);
  let bad = 0;
  focusables.forEach((el, i) => {
    el.focus({preventScroll: true});
    if (document.activeElement !== el) return; // not focusable after all
    const now = look(el), was = before[i];
    const outline = now.style !== "none" && now.width > 0 && !transparent(now.color) && now.outline !== was.outline;
    const shadow = now.shadow !== "none" && now.shadow !== was.shadow;
    // A fill of its own (the GOV.UK pattern) or a new border colour shows too.
    const fill = !transparent(now.background) && now.background !== was.background;
    const border = now.border !== was.border;
    if (!outline && !shadow && !fill && !border && bad++ < 10) {
      add("cchc-focus-visible", el, "focused: outline " + now.outline + ", box-shadow " + now.shadow + ", background " + now.background +
        (el.matches(":focus-visible") ? "" : " (:focus-visible did not match)"));
    }
  });
  if (bad > 10) add("cchc-focus-visible", "html", (bad - 10) + " more elements without a visible focus");
  if (document.activeElement) document.activeElement.blur();

  const vw = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > vw + 1) {
    const clips = el => {
      for (let e = el.parentElement; e && e !== document.documentElement; e = e.parentElement) {
        const o = getComputedStyle(e).overflowX;
        if (o !== "visible") return true;
      }
      return false;
    };
    const wide = [...document.body.querySelectorAll("*")].filter(el => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.right > vw + 1 && !clips(el);
    });
    const outer = wide.filter(el => !wide.includes(el.parentElement));
    outer.slice(0, 5).forEach(el => add("cchc-reflow", el,
      "reaches " + Math.round(el.getBoundingClientRect().right) + " px in a " + vw + " px viewport"));
    if (outer.length === 0) add("cchc-reflow", "html", "the page is " + document.documentElement.scrollWidth + " px wide in a " + vw + " px viewport");
  }
  return out;
`

// report prints the findings grouped by rule, failing ones first, and a
// summary line; it returns the number of failing findings.
func report(w io.Writer, r *result) int {
	type group struct {
		rule, impact, help, helpURL string
		note                        bool
		items                       []finding
	}
	groups := map[string]*group{}
	failing, notes := 0, 0
	for _, f := range r.Findings {
		key := f.Rule
		if f.Note {
			key += " (note)"
			notes++
		} else {
			failing++
		}
		g := groups[key]
		if g == nil {
			g = &group{rule: f.Rule, impact: f.Impact, help: f.Help, helpURL: f.HelpURL, note: f.Note}
			groups[key] = g
		}
		g.items = append(g.items, f)
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		ga, gb := groups[a], groups[b]
		if ga.note != gb.note {
			if ga.note {
				return 1
			}
			return -1
		}
		return strings.Compare(a, b)
	})
	const perRule = 40
	for _, k := range keys {
		g := groups[k]
		kind := "FAIL"
		if g.note {
			kind = "note"
		}
		fmt.Fprintf(w, "%s %s (%s): %s\n", kind, g.rule, g.impact, g.help)
		if g.helpURL != "" {
			fmt.Fprintf(w, "     %s\n", g.helpURL)
		}
		// The same element on the same page at several widths is one line.
		type line struct{ page, target, detail string }
		var lines []line
		widths := map[line][]string{}
		seen := map[line]bool{}
		for _, f := range g.items {
			l := line{f.Page, f.Target, f.Detail}
			if !seen[l] {
				seen[l] = true
				lines = append(lines, l)
			}
			if f.Width > 0 {
				widths[l] = append(widths[l], strconv.Itoa(f.Width))
			}
		}
		slices.SortStableFunc(lines, func(a, b line) int { return strings.Compare(a.page, b.page) })
		for i, l := range lines {
			if i == perRule {
				fmt.Fprintf(w, "     … and %d more\n", len(lines)-perRule)
				break
			}
			at := ""
			if ws := widths[l]; len(ws) > 0 {
				slices.SortFunc(ws, func(a, b string) int { x, _ := strconv.Atoi(a); y, _ := strconv.Atoi(b); return x - y })
				at = " @" + strings.Join(slices.Compact(ws), ",") + "px"
			}
			fmt.Fprintf(w, "   %s%s  %s\n", l.page, at, l.target)
			if l.detail != "" {
				fmt.Fprintf(w, "       %s\n", strings.ReplaceAll(strings.TrimSpace(l.detail), "\n", "\n       "))
			}
		}
	}
	ws := make([]string, len(r.Widths))
	for i, x := range r.Widths {
		ws[i] = strconv.Itoa(x)
	}
	for _, s := range r.Skipped {
		fmt.Fprintf(w, "skipped -extra %s: its page is not in the site\n", s)
	}
	states := ""
	if r.States > 0 {
		states = fmt.Sprintf(" + %d states", r.States)
	}
	fmt.Fprintf(w, "axecheck: %d pages%s × %d widths (%s px), axe-core %s, %s, %.1fs: %d findings, %d notes\n",
		r.Pages, states, len(r.Widths), strings.Join(ws, ", "), r.Axe, r.Browser, r.Elapsed.Seconds(), failing, notes)
	return failing
}
