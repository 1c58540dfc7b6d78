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
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cchc-vn/cchc/internal/browsertest"
	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
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
		append(browsertest.Options(bin, profile), chromedp.Flag("hide-scrollbars", false))...)
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
