package serve

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cchc-vn/cchc/internal/browsertest"
)

// browser starts a headless Chromium, or skips the test.
func browser(t *testing.T) context.Context { return browsertest.Start(t) }

// eval evaluates a JavaScript expression in the page, within 5 s.
func eval[T any](ctx context.Context, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr))
}

func navigate(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
}

// waitTrue evaluates a JavaScript expression in the page until it is
// true, for at most 10 s. The page may reload meanwhile: an evaluation
// that fails on the way is tried again.
func waitTrue(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var lastErr error
	for time.Now().Before(deadline) {
		ok, err := eval[bool](ctx, expr)
		if err == nil && ok {
			return
		}
		lastErr = err
		time.Sleep(50 * time.Millisecond)
	}
	text, _ := eval[string](ctx, `document.body ? document.body.innerText.slice(0, 500) : ""`)
	t.Fatalf("%s: not seen within 10 s (last error: %v); the page shows:\n%s", what, lastErr, text)
}

// longArticle is an article long enough to scroll.
func longArticle(marker string) string {
	var b strings.Builder
	b.WriteString("---\ntitle: \"Bài A\"\ndate: 2026-01-16\ntopics: [SIPAS]\n---\n")
	b.WriteString(marker + "\n\n")
	for i := range 60 {
		b.WriteString("Đoạn văn số " + string(rune('0'+i%10)) + " để trang đủ dài mà cuộn xuống.\n\n")
	}
	return b.String()
}

// longArticleSite serves a site whose article a is long enough to scroll.
func longArticleSite(t *testing.T) (root string, r *running) {
	files := baseSite()
	files["content/bai-viet/a.md"] = longArticle("Nội dung ban đầu của bài A.")
	root = writeSite(t, files)
	return root, start(t, root, Options{})
}

// openArticle shows article a in the browser and waits for its stream.
func openArticle(t *testing.T, ctx context.Context, r *running) {
	t.Helper()
	navigate(t, ctx, r.base+"/cchc/bai-viet/a/")
	waitTrue(t, ctx, "the article", `document.body.innerText.includes("Nội dung ban đầu của bài A.")`)
	waitFor(t, "the page's event stream", func() bool { return r.hub.Clients() == 1 })
}

func TestBrowserReloadsAfterEditAndShowsErrors(t *testing.T) {
	ctx := browser(t)
	root, r := longArticleSite(t)
	openArticle(t, ctx, r)
	if y, err := eval[float64](ctx, `window.scrollTo(0, 400); window.scrollY`); err != nil || y != 400 {
		t.Fatalf("scrolling: at %v (%v)", y, err)
	}

	// An edit on disk shows up by itself, where the reader was.
	writeFile(t, root, "content/bai-viet/a.md", longArticle("Nội dung đã sửa trên đĩa."))
	waitTrue(t, ctx, "the edited text", `document.body.innerText.includes("Nội dung đã sửa trên đĩa.")`)
	waitTrue(t, ctx, "the scroll position kept", `document.readyState === "complete" && Math.abs(window.scrollY - 400) < 2`)

	// The client itself puts the reader back, not only the browser's own
	// restoration on reload: a fresh visit with a saved position scrolls.
	if _, err := eval[bool](ctx, `sessionStorage.setItem("cchc-scroll:/cchc/bai-viet/a/", "300"), true`); err != nil {
		t.Fatal(err)
	}
	navigate(t, ctx, r.base+"/cchc/bai-viet/a/")
	waitTrue(t, ctx, "the saved scroll position restored", `document.readyState === "complete" && Math.abs(window.scrollY - 300) < 2`)
	waitFor(t, "the page's event stream", func() bool { return r.hub.Clients() == 1 })

	// A broken front matter: the overlay names the file; the fix clears it.
	writeFile(t, root, "content/bai-viet/a.md", brokenA)
	waitTrue(t, ctx, "the error overlay", `(function () {
		var box = document.getElementById("cchc-loi-dung-lai");
		return !!box && box.innerText.includes("Lỗi khi dựng lại trang") && box.innerText.includes("content/bai-viet/a.md:4:1");
	})()`)
	if still, err := eval[bool](ctx, `document.body.innerText.includes("Nội dung đã sửa trên đĩa.")`); err != nil || !still {
		t.Errorf("the last good page is gone under the overlay (%v)", err)
	}
	writeFile(t, root, "content/bai-viet/a.md", longArticle("Nội dung sau khi sửa lỗi."))
	waitTrue(t, ctx, "the overlay gone and the fix shown", `!document.getElementById("cchc-loi-dung-lai") && document.body.innerText.includes("Nội dung sau khi sửa lỗi.")`)
}

func TestBrowserSwapsStylesheetWithoutReload(t *testing.T) {
	ctx := browser(t)
	theme, err := os.ReadFile("../../assets/css/style.css")
	if err != nil {
		t.Fatal(err)
	}
	files := baseSite()
	files["assets/css/style.css"] = string(theme)
	root := writeSite(t, files)
	r := start(t, root, Options{})

	navigate(t, ctx, r.base+"/cchc/")
	waitTrue(t, ctx, "the home page", `document.readyState === "complete"`)
	waitFor(t, "the page's event stream", func() bool { return r.hub.Clients() == 1 })
	if _, err := eval[bool](ctx, `window.cchcNoReload = true`); err != nil {
		t.Fatal(err)
	}
	writeFile(t, root, "assets/css/style.css", string(theme)+"\nbody{outline:7px solid rgb(200,0,0)}\n")
	waitTrue(t, ctx, "the new stylesheet applied", `getComputedStyle(document.body).outlineWidth === "7px"`)
	waitTrue(t, ctx, "one stylesheet link left", `document.querySelectorAll('link[rel~="stylesheet"]').length === 1`)
	if kept, err := eval[bool](ctx, `window.cchcNoReload === true`); err != nil || !kept {
		t.Errorf("the page reloaded for a stylesheet change (%v)", err)
	}
}
