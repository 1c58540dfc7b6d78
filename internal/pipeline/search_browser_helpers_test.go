package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/browsertest"
	"github.com/cchc-vn/cchc/internal/publish"
	"github.com/cchc-vn/cchc/internal/searchquery"
)

// Helpers of the search browser tests: Chromium, a server that serves a
// built site under its base path with gzip and counts the bytes it sends,
// and the Go reference query.

// searchBrowser starts a headless Chromium, or skips the test.
func searchBrowser(t *testing.T) context.Context { return browsertest.Start(t) }

// searchTab opens a new tab of the browser at the given viewport width,
// with the HTTP cache off, and records the URL of every request it makes.
func searchTab(t *testing.T, browser context.Context, width, height int64) (context.Context, *requestLog) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	log := &requestLog{}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			log.add(e.Request.URL)
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height)); err != nil {
		t.Fatal(err)
	}
	return ctx, log
}

type requestLog struct {
	mu   sync.Mutex
	urls []string
}

func (l *requestLog) add(u string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.urls = append(l.urls, u)
}

// offOrigin lists the requests that did not go to origin.
func (l *requestLog) offOrigin(origin string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, u := range l.urls {
		if !strings.HasPrefix(u, origin+"/") && u != origin {
			out = append(out, u)
		}
	}
	return out
}

// js evaluates a JavaScript expression in the page, awaiting a promise,
// within 10 s.
func js[T any](ctx context.Context, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

func mustJS[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := js[T](ctx, expr)
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// waitJS evaluates a JavaScript expression until it is true, for at most
// 10 s.
func waitJS(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var lastErr error
	for time.Now().Before(deadline) {
		ok, err := js[bool](ctx, expr)
		if err == nil && ok {
			return
		}
		lastErr = err
		time.Sleep(20 * time.Millisecond)
	}
	text, _ := js[string](ctx, `document.body ? document.body.innerText.slice(0, 800) : ""`)
	t.Fatalf("%s: not seen within 10 s (last error: %v); the page shows:\n%s", what, lastErr, text)
}

// serveSite serves a built site for the length of the test.
func serveSite(t testing.TB, files map[string][]byte, basePath string) *browsertest.Site {
	s := browsertest.NewSite(files, basePath)
	t.Cleanup(s.Close)
	return s
}

// buildSample builds the repository's sample site in memory.
func buildSample(t testing.TB) (map[string][]byte, string) {
	t.Helper()
	var out publish.Collector
	res, ds := Build(Options{Site: os.DirFS(sampleDir), Theme: cchc.Theme(), Now: testNow}, &out)
	if ds.HasErrors() {
		t.Fatalf("sample site: %v", ds)
	}
	return out.Files(), res.Config.BasePath()
}

// readSite reads a built site from a folder.
func readSite(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files, err := browsertest.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// metaFile is the part of the index's entry file the tests read.
type metaFile struct {
	N        int         `json:"n"`
	Sections [][2]string `json:"sections"`
	Topics   [][2]string `json:"topics"`
}

// searchMeta finds the search page's index entry file in a built site.
func searchMeta(t testing.TB, files map[string][]byte) (string, metaFile) {
	t.Helper()
	page := string(files["tim-kiem/index.html"])
	m := regexp.MustCompile(`data-index="?([^" >]+)`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("tim-kiem/index.html names no index (data-index):\n%s", page)
	}
	var name string
	for p := range files {
		if strings.HasPrefix(p, "tim-kiem/i/meta.") && strings.HasSuffix(m[1], p) {
			name = p
		}
	}
	if name == "" {
		t.Fatalf("the search page's index %s is not in the output", m[1])
	}
	var meta metaFile
	if err := json.Unmarshal(files[name], &meta); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return name, meta
}

func typeInto(t *testing.T, ctx context.Context, sel, text string) {
	t.Helper()
	do(t, ctx, "typing "+text, chromedp.SendKeys(chromedp.CSS(sel), text))
}

func clearBox(t *testing.T, ctx context.Context) {
	t.Helper()
	mustJS[bool](t, ctx, `(() => { const q = document.getElementById("tim-kiem-q"); q.focus(); q.select(); return true })()`)
	do(t, ctx, "clearing the box", chromedp.KeyEvent("\b"))
}

// shown is what the result list shows.
type shown struct {
	Status string   `json:"status"`
	Hrefs  []string `json:"hrefs"`
	Marked int      `json:"marked"` // titles with a <mark>
	Query  string   `json:"query"`  // location.search
	Value  string   `json:"value"`  // the box
}

const shownJS = `(() => ({
	status: document.getElementById("tim-kiem-trang-thai").textContent,
	hrefs: [...document.querySelectorAll("#tim-kiem-ket-qua > li h2 a")].map(a => a.getAttribute("href")),
	marked: document.querySelectorAll("#tim-kiem-ket-qua h2 a mark").length ? [...document.querySelectorAll("#tim-kiem-ket-qua h2 a")].filter(a => a.querySelector("mark")).length : 0,
	query: location.search,
	value: document.getElementById("tim-kiem-q").value,
}))()`

// countText is the status line the page shows for n results of q.
func countText(q string, n int) string {
	if n == 0 {
		return "Không tìm thấy kết quả nào cho “" + q + "”"
	}
	return fmt.Sprintf("Tìm thấy %s kết quả cho “%s”", groupDigits(n), q)
}

// groupDigits writes n as vi-VN does: 1.234.
func groupDigits(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

// searchFixture is a built site served over HTTP, with its index.
type searchFixture struct {
	files    map[string][]byte
	srv      *browsertest.Site
	metaPath string // below the base path
	meta     metaFile
}

func newSearchFixture(t testing.TB, files map[string][]byte, basePath string) *searchFixture {
	t.Helper()
	name, meta := searchMeta(t, files)
	return &searchFixture{files: files, srv: serveSite(t, files, basePath), metaPath: name, meta: meta}
}

func sampleFixture(t testing.TB) *searchFixture {
	t.Helper()
	files, base := buildSample(t)
	return newSearchFixture(t, files, base)
}

// goHit is a result of the Go reference, as the hook gives it.
type goHit struct {
	ID    int    `json:"id"`
	Score int    `json:"score"`
	URL   string `json:"url"` // with the base path; the hook gives the first 10 only
}

// goQuery runs q through the Go reference query of internal/searchquery.
func (f *searchFixture) goQuery(t testing.TB, q string, fl searchquery.Filters) []goHit {
	t.Helper()
	fetch := func(p string) ([]byte, error) {
		if data, ok := f.files[p]; ok {
			return data, nil
		}
		return nil, fs.ErrNotExist
	}
	ix, err := searchquery.Open(fetch, f.metaPath)
	if err != nil {
		t.Fatal(err)
	}
	hits, err := ix.Search(q, fl)
	if err != nil {
		t.Fatalf("Go reference, %q: %v", q, err)
	}
	out := make([]goHit, len(hits))
	for i, h := range hits {
		frag, err := ix.Fragment(h.Doc)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = goHit{ID: h.Doc, Score: h.Score, URL: f.srv.BasePath + frag.URL}
	}
	return out
}

// filesFor lists the index files the page reads for q besides the meta
// file: the chunks, and the bundles of the first ten results.
func (f *searchFixture) filesFor(t testing.TB, q string) map[string]bool {
	t.Helper()
	read := map[string]bool{}
	fetch := func(p string) ([]byte, error) {
		if p != f.metaPath {
			read[p] = true
		}
		if data, ok := f.files[p]; ok {
			return data, nil
		}
		return nil, fs.ErrNotExist
	}
	ix, err := searchquery.Open(fetch, f.metaPath)
	if err != nil {
		t.Fatal(err)
	}
	hits, err := ix.Search(q, searchquery.Filters{})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits[:min(10, len(hits))] {
		if _, err := ix.Fragment(h.Doc); err != nil {
			t.Fatal(err)
		}
	}
	return read
}

// jsQuery runs q through the page's hook, window.cchcSearch.query.
func jsQuery(t testing.TB, ctx context.Context, q string, fl searchquery.Filters) []goHit {
	t.Helper()
	arg, _ := json.Marshal(map[string]string{"section": fl.Section, "topic": fl.Topic})
	qs, _ := json.Marshal(q)
	hits, err := js[[]goHit](ctx, fmt.Sprintf(`window.cchcSearch.query(%s, %s).then(r => r.map(h => ({id: h.id, score: h.score, url: h.url || ""})))`, qs, arg))
	if err != nil {
		t.Fatalf("the page's query %q: %v", q, err)
	}
	return hits
}

// indexBytes sums what the server sent of the index's files, by kind.
func indexBytes(sent map[string]int64) (total int64, by map[string]int64, files int) {
	by = map[string]int64{}
	for p, n := range sent {
		rest, ok := strings.CutPrefix(p, "tim-kiem/i/")
		if !ok {
			continue
		}
		kind := rest[:1] // m(eta), w(ords), p(airs), d(ocuments), f(ilter)
		total += n
		by[kind] += n
		files++
	}
	return total, by, files
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
