package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestPageURL(t *testing.T) {
	for _, tc := range []struct{ base, rel, want string }{
		{"/cchc/", "index.html", "/cchc/"},
		{"/cchc/", "bai-viet/index.html", "/cchc/bai-viet/"},
		{"/cchc/", "bai-viet/trang/2/index.html", "/cchc/bai-viet/trang/2/"},
		{"/cchc/", "404.html", "/cchc/404.html"},
		{"/", "gioi-thieu/index.html", "/gioi-thieu/"},
		{"/", "a/b.html", "/a/b.html"},
	} {
		if got := pageURL(tc.base, tc.rel); got != tc.want {
			t.Errorf("pageURL(%q, %q) = %q, want %q", tc.base, tc.rel, got, tc.want)
		}
	}
}

func TestBasePathFromHTML(t *testing.T) {
	for _, tc := range []struct{ html, want string }{
		{`<link rel=canonical href=https://dienchau.nghean.gov.vn/cchc/>`, "/cchc/"},
		{`<link rel="canonical" href="https://x.vn/a/b/">`, "/a/b/"},
		{`<link href='https://x.vn/cchc/index.html' rel=canonical>`, "/cchc/"},
		{`<link rel=canonical href=https://x.vn>`, "/"},
		{`<link rel=stylesheet href=/cchc/a.css>`, "/"},
		{``, "/"},
	} {
		if got := basePathFromHTML(tc.html); got != tc.want {
			t.Errorf("basePathFromHTML(%q) = %q, want %q", tc.html, got, tc.want)
		}
	}
}

func TestParseWidths(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []int
		err  string
	}{
		{"360,1280", []int{360, 1280}, ""},
		{" 320 , ", []int{320}, ""},
		{"", nil, "no width"},
		{"360,wide", nil, `"wide" is not a width between 200 and 4000`},
		{"100", nil, `"100" is not a width between 200 and 4000`},
	} {
		got, err := parseWidths(tc.in)
		if msg := fmt.Sprint(err); (err != nil || tc.err != "") && msg != tc.err {
			t.Errorf("parseWidths(%q): error %q, want %q", tc.in, msg, tc.err)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("parseWidths(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestServer(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"site/index.html":   "home",
		"site/a/index.html": `<meta http-equiv=refresh content="0; url=/cchc/b/"><META HTTP-EQUIV="Refresh">`,
		"site/assets/s.css": "body{}",
		"outside.txt":       "secret",
	})
	s := newServer(filepath.Join(dir, "site"), "/cchc/")
	get := func(path, referer string) (int, string, string) {
		r := httptest.NewRequest("GET", path, nil)
		if referer != "" {
			r.Header.Set("Referer", referer)
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		b, _ := io.ReadAll(w.Result().Body)
		return w.Code, string(b), w.Header().Get("Location")
	}
	for _, tc := range []struct {
		path, body string
		code       int
		location   string
	}{
		{"/cchc/", "home", 200, ""},
		{"/cchc/a/", `<meta http-equiv=x-refresh-off content="0; url=/cchc/b/"><META HTTP-EQUIV="x-refresh-off">`, 200, ""},
		{"/cchc/a", "", 301, "/cchc/a/"},
		{"/cchc/assets/s.css", "body{}", 200, ""},
		{"/cchc/../outside.txt", "", 404, ""},
		{"/cchc/%2e%2e/outside.txt", "", 404, ""},
	} {
		code, body, loc := get(tc.path, "")
		if code != tc.code || (tc.body != "" && body != tc.body) || loc != tc.location {
			t.Errorf("GET %s: %d %q (Location %q), want %d %q (%q)", tc.path, code, body, loc, tc.code, tc.body, tc.location)
		}
	}
	// Misses are remembered with the page that asked; the browser's own
	// /favicon.ico is not the page's doing.
	get("/cchc/assets/gone.css", "http://127.0.0.1:1/cchc/a/")
	get("/other/", "")
	get("/favicon.ico", "http://127.0.0.1:1/cchc/a/")
	var got []string
	for _, f := range s.missing() {
		got = append(got, f.Page+" "+f.Rule+" "+f.Target)
	}
	want := []string{
		"(no referrer) cchc-missing-file /cchc/../outside.txt",
		"(no referrer) cchc-missing-file /cchc/../outside.txt",
		"/cchc/a/ cchc-missing-file /cchc/assets/gone.css",
		"(no referrer) cchc-missing-file /other/",
	}
	if !slices.Equal(got, want) {
		t.Errorf("misses:\n got %q\nwant %q", got, want)
	}
}

func TestReport(t *testing.T) {
	r := &result{
		Pages: 3, Widths: []int{360, 1280}, Axe: "4.14.1", Browser: "Chromium 156", Elapsed: 1500 * time.Millisecond,
		Findings: []finding{
			{Page: "/b/", Width: 1280, Rule: "color-contrast", Impact: "serious", Target: ".meta", Help: "Contrast", HelpURL: "https://h/cc", Detail: "Fix any:\n  ratio 3.1"},
			{Page: "/b/", Width: 360, Rule: "color-contrast", Impact: "serious", Target: ".meta", Help: "Contrast", HelpURL: "https://h/cc", Detail: "Fix any:\n  ratio 3.1"},
			{Page: "/a/", Width: 360, Rule: "color-contrast", Impact: "serious", Target: "p", Help: "Contrast", HelpURL: "https://h/cc"},
			{Page: "/a/", Width: 360, Rule: "region", Impact: "moderate", Target: "p", Help: "Landmarks", Note: true},
			{Page: "/a/", Rule: "cchc-missing-file", Impact: "serious", Target: "/x.css", Help: "Files exist"},
		},
	}
	var b bytes.Buffer
	if n := report(&b, r); n != 4 {
		t.Errorf("report returned %d failing findings, want 4", n)
	}
	want := `FAIL cchc-missing-file (serious): Files exist
   /a/  /x.css
FAIL color-contrast (serious): Contrast
     https://h/cc
   /a/ @360px  p
   /b/ @360,1280px  .meta
       Fix any:
         ratio 3.1
note region (moderate): Landmarks
   /a/ @360px  p
axecheck: 3 pages × 2 widths (360, 1280 px), axe-core 4.14.1, Chromium 156, 1.5s: 4 findings, 1 notes
`
	if got := b.String(); got != want {
		t.Errorf("report:\n%s\nwant:\n%s", got, want)
	}
}

// fakeAxe stands in for axe-core: it reports one violation, tagged
// wcag2a, on pages whose title says "axe-bad", and one best-practice
// violation on pages whose title says "axe-note".
const fakeAxe = `window.axe = {version: "fake-1", run: async () => {
  const v = [];
  if (document.title.includes("axe-bad")) v.push({id: "fake-rule", impact: "critical", help: "Fake", helpUrl: "https://h/fake", tags: ["wcag2a"],
    nodes: [{target: ["h1"], failureSummary: "Fix it"}]});
  if (document.title.includes("axe-note")) v.push({id: "fake-note", impact: "minor", help: "Note", helpUrl: "", tags: ["best-practice"],
    nodes: [{target: ["p"], failureSummary: ""}]});
  return {violations: v};
}};`

// testPage is a test page: head extras, and the body after the skip link.
func testPage(title, head, body string) string {
	return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>` + title + `</title>
<link rel="stylesheet" href="/cchc/s.css">` + head + `</head><body>
<a class="skip" href="#main">Bỏ qua</a><nav><a href="/cchc/">Trang chủ</a></nav>
<main id="main" tabindex="-1"><h1>` + title + `</h1>` + body + `</main></body></html>`
}

const testCSS = `.skip{position:absolute;top:-10rem}.skip:focus{top:0}a:focus-visible{outline:3px solid #fd0}
.plain a:focus-visible,.plain a:focus{outline:none}`

func TestCheckFindsProblemsInTheBrowser(t *testing.T) {
	if _, err := chromiumPath(""); err != nil {
		if os.Getenv("CCHC_BROWSER_REQUIRED") != "" {
			t.Fatalf("CCHC_BROWSER_REQUIRED is set but %v", err)
		}
		t.Skip(err)
	}
	site := writeFiles(t, map[string]string{
		"s.css":                testCSS,
		"index.html":           strings.Replace(testPage("Trang chủ", `<link rel="canonical" href="https://x.vn/cchc/">`, "<p>Xin chào</p>"), `<nav>`, `<nav class="x">`, 1),
		"good/index.html":      testPage("Tốt", "", `<p>Nội dung <a href="/cchc/">Trang chủ chuyên mục</a> <a href="/cchc/">Xem thêm tin về chuyển đổi số</a> <a href="/cchc/" aria-label="Xem thêm: Chuyển đổi số">Xem thêm</a></p>`),
		"vague/index.html":     testPage("Mơ hồ", "", `<p>Chi tiết <a href="/cchc/">tại đây</a>, <a href="/cchc/good/">Xem thêm…</a>, <a href="/cchc/good/" aria-label="Chi tiết">Kế hoạch</a></p>`),
		"axe/index.html":       testPage("axe-bad axe-note", "", "<p>x</p>"),
		"nolang/index.html":    strings.Replace(testPage("Không lang", "", "<p>x</p>"), ` lang="vi"`, ` lang="en"`, 1),
		"twomain/index.html":   strings.Replace(testPage("Hai main", "", "<p>x</p>"), `</body>`, `<main>thêm</main></body>`, 1),
		"noskip/index.html":    strings.Replace(testPage("Không skip", "", "<p>x</p>"), `<a class="skip" href="#main">Bỏ qua</a>`, ``, 1),
		"skipwrong/index.html": strings.Replace(testPage("Skip sai", "", "<p>x</p>"), `href="#main"`, `href="#khac"`, 1),
		"nofocus/index.html":   testPage("Không viền", "", `<p class="plain"><a href="/cchc/">liên kết không viền</a></p>`),
		"wide/index.html":      testPage("Rộng", "", `<div style="width:900px" class="bang">rộng</div><div style="overflow-x:auto"><div style="width:900px">cuộn riêng</div></div>`),
		"missing/index.html":   testPage("Thiếu tệp", `<link rel="stylesheet" href="/cchc/khong-co.css">`, "<p>x</p>"),
		"state/index.html": testPage("Trạng thái", `<script>
if (location.search === "?q=l%E1%BB%97i") setTimeout(() => { document.title += " axe-bad"; document.body.append(document.createElement("p")); }, 200);
</script>`, "<p>x</p>"),
		// Its result comes after a request that takes longer than the
		// quiet time: the check waits for the request.
		"slow/index.html": testPage("Chậm", `<script>
if (location.search) fetch("/cchc/slow-data").then(r => r.text()).then(t => { document.title += " " + t; });
</script>`, "<p>x</p>"),
		"script/index.html": testPage("Lỗi script", `<script>undefinedFunction()</script>`, "<p>x</p>"),
		"redirect/index.html": `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Chuyển</title>
<meta http-equiv="refresh" content="0; url=/cchc/good/"></head><body><main><h1>Chuyển</h1><p><a href="/cchc/good/">Tốt</a></p></main></body></html>`,
	})
	axe := filepath.Join(t.TempDir(), "axe.js")
	if err := os.WriteFile(axe, []byte(fakeAxe), 0o644); err != nil {
		t.Fatal(err)
	}
	base, err := basePathOf(site)
	if err != nil || base != "/cchc/" {
		t.Fatalf("basePathOf: %q, %v", base, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res, err := check(ctx, options{
		site: site, base: base, axe: axe, widths: []int{360, 1280},
		tags: []string{"wcag2a"}, noteTags: []string{"best-practice"}, tabs: 2, timeout: 20 * time.Second,
		extras: []string{"state/?q=lỗi", "khong-co/?q=x", "slow/?q=1"},
		wrap: func(h http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/cchc/slow-data" {
					time.Sleep(800 * time.Millisecond)
					io.WriteString(w, "axe-bad")
					return
				}
				h.ServeHTTP(w, r)
			})
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.States != 2 || !slices.Equal(res.Skipped, []string{"khong-co/?q=x"}) {
		t.Errorf("extras: %d checked, skipped %q", res.States, res.Skipped)
	}
	if res.Pages != 15 || res.Axe != "fake-1" || !strings.HasPrefix(res.Browser, "Chromium ") {
		t.Errorf("result: %d pages, axe %q, browser %q", res.Pages, res.Axe, res.Browser)
	}
	var got []string
	for _, f := range res.Findings {
		s := fmt.Sprintf("%s %d %s %s", f.Page, f.Width, f.Rule, f.Target)
		if f.Note {
			s += " (note)"
		}
		got = append(got, s)
	}
	slices.Sort(got)
	got = slices.Compact(got)
	want := []string{
		"/cchc/axe/ 1280 fake-note p (note)",
		"/cchc/axe/ 1280 fake-rule h1",
		"/cchc/axe/ 360 fake-note p (note)",
		"/cchc/axe/ 360 fake-rule h1",
		"/cchc/missing/ 0 cchc-missing-file /cchc/khong-co.css",
		"/cchc/nofocus/ 1280 cchc-focus-visible #main > p.plain > a",
		"/cchc/nofocus/ 360 cchc-focus-visible #main > p.plain > a",
		"/cchc/nolang/ 1280 cchc-lang-vi html",
		"/cchc/nolang/ 360 cchc-lang-vi html",
		"/cchc/noskip/ 1280 cchc-skip-link body > nav > a",
		"/cchc/noskip/ 360 cchc-skip-link body > nav > a",
		"/cchc/script/ 1280 cchc-script-error /cchc/script/:2",
		"/cchc/script/ 360 cchc-script-error /cchc/script/:2",
		"/cchc/skipwrong/ 1280 cchc-skip-link body > a.skip",
		"/cchc/skipwrong/ 360 cchc-skip-link body > a.skip",
		"/cchc/slow/?q=1 1280 fake-rule h1",
		"/cchc/slow/?q=1 360 fake-rule h1",
		"/cchc/state/?q=l%E1%BB%97i 1280 fake-rule h1",
		"/cchc/state/?q=l%E1%BB%97i 360 fake-rule h1",
		"/cchc/twomain/ 1280 cchc-one-main html",
		"/cchc/twomain/ 360 cchc-one-main html",
		"/cchc/vague/ 1280 cchc-link-text #main > p > a:nth-of-type(1)",
		"/cchc/vague/ 1280 cchc-link-text #main > p > a:nth-of-type(2)",
		"/cchc/vague/ 1280 cchc-link-text #main > p > a:nth-of-type(3)",
		"/cchc/vague/ 360 cchc-link-text #main > p > a:nth-of-type(1)",
		"/cchc/vague/ 360 cchc-link-text #main > p > a:nth-of-type(2)",
		"/cchc/vague/ 360 cchc-link-text #main > p > a:nth-of-type(3)",
		"/cchc/wide/ 360 cchc-reflow #main > div.bang:nth-of-type(1)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n got %q\nwant %q", got, want)
		var b bytes.Buffer
		report(&b, res)
		t.Log(b.String())
	}
}

// TestMainExitCodes runs the command: wrong usage is 2.
func TestMainExitCodes(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"-site", t.TempDir()}, &out, &errb); code != 2 {
		t.Errorf("without -axe: exit %d, want 2", code)
	}
	if code := run([]string{"-site", t.TempDir(), "-axe", "x.js", "-widths", "10"}, &out, &errb); code != 2 {
		t.Errorf("bad width: exit %d, want 2", code)
	}
	if !strings.Contains(errb.String(), `axecheck: -widths: "10" is not a width between 200 and 4000`) {
		t.Errorf("stderr: %s", errb.String())
	}
}
