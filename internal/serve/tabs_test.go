package serve

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// tab is one browser tab of a test.
type tab struct {
	ctx    context.Context
	cancel context.CancelFunc
}

// openTabs opens n tabs of the browser of ctx on url.
func openTabs(t *testing.T, ctx context.Context, n int, url string) []tab {
	t.Helper()
	tabs := make([]tab, n)
	for i := range tabs {
		tctx, cancel := chromedp.NewContext(ctx)
		t.Cleanup(cancel)
		// The first run opens the tab, which lives as long as the context
		// of that run: it gets no deadline.
		if err := chromedp.Do(tctx); err != nil {
			t.Fatal(err)
		}
		tabs[i] = tab{tctx, cancel}
		navigate(t, tctx, url)
	}
	return tabs
}

// leaders lists the tabs whose client holds the site's event stream.
func leaders(t *testing.T, tabs []tab) []int {
	t.Helper()
	var out []int
	for i, tb := range tabs {
		lead, err := eval[bool](tb.ctx, `!!document.querySelector("script[data-leader]")`)
		if err != nil {
			t.Fatalf("tab %d: %v", i, err)
		}
		if lead {
			out = append(out, i)
		}
	}
	return out
}

// Twenty tabs share one event stream, so the browser's six connections to
// the server stay free for pages; every tab still shows each edit, and
// when the tab holding the stream closes, another takes it over.
func TestBrowserManyTabsShareOneStream(t *testing.T) {
	ctx := browser(t)
	root, r := longArticleSite(t)

	const n = 20
	tabs := openTabs(t, ctx, n, r.base+"/cchc/bai-viet/a/")
	for i, tb := range tabs {
		waitTrue(t, tb.ctx, fmt.Sprintf("tab %d: the article", i), `document.body.textContent.includes("Nội dung ban đầu của bài A.")`)
	}
	waitFor(t, "one leader", func() bool { return len(leaders(t, tabs)) == 1 })
	if got := r.hub.Clients(); got != 1 {
		t.Fatalf("with %d tabs open the hub has %d clients, want 1", n, got)
	}

	// Every tab shows the edit, in place.
	for _, tb := range tabs {
		if _, err := eval[bool](tb.ctx, `window.cchcNoReload = true`); err != nil {
			t.Fatal(err)
		}
	}
	// A hidden tab waits until it is shown to catch up: twenty tabs
	// morphing at once would slow down the one being read.
	const hidden = 3
	setHidden(t, tabs[hidden].ctx, true)
	writeFile(t, root, "content/bai-viet/a.md", longArticle("Nội dung sửa lần một."))
	for i, tb := range tabs {
		if i == hidden {
			continue
		}
		waitTrue(t, tb.ctx, fmt.Sprintf("tab %d: the first edit", i), `document.body.textContent.includes("Nội dung sửa lần một.")`)
	}
	if shown, err := eval[bool](tabs[hidden].ctx, `document.body.textContent.includes("Nội dung sửa lần một.")`); err != nil || shown {
		t.Errorf("the hidden tab was updated (%v)", err)
	}
	setHidden(t, tabs[hidden].ctx, false)
	waitTrue(t, tabs[hidden].ctx, "the hidden tab, shown again", `document.body.textContent.includes("Nội dung sửa lần một.")`)
	for i, tb := range tabs {
		if kept, err := eval[bool](tb.ctx, `window.cchcNoReload === true`); err != nil || !kept {
			t.Errorf("tab %d reloaded for an edit of its text (%v)", i, err)
		}
	}

	// A navigation in one tab is not held behind the streams (a held one
	// waits for ever; the bound leaves room for a busy machine).
	begin := time.Now()
	nctx, cancel := context.WithTimeout(tabs[7].ctx, 10*time.Second)
	defer cancel()
	if err := chromedp.Do(nctx, chromedp.Navigate(r.base+"/cchc/gioi-thieu/")); err != nil {
		t.Fatalf("navigating with %d tabs open: %v", n, err)
	}
	waitTrue(t, tabs[7].ctx, "the page navigated to", `document.body.textContent.includes("Trang giới thiệu.")`)
	if took := time.Since(begin); took > 5*time.Second {
		t.Errorf("navigating with %d tabs open took %s", n, took)
	}

	// The tab holding the stream goes; another takes it over.
	lead := leaders(t, tabs)
	if len(lead) != 1 {
		t.Fatalf("leaders %v, want one", lead)
	}
	gone := lead[0]
	tabs[gone].cancel()
	rest := append(append([]tab(nil), tabs[:gone]...), tabs[gone+1:]...)
	waitFor(t, "a new leader", func() bool { return len(leaders(t, rest)) == 1 })
	waitFor(t, "the new leader's stream alone", func() bool { return r.hub.Clients() == 1 })
	writeFile(t, root, "content/bai-viet/a.md", longArticle("Nội dung sửa lần hai."))
	for i, tb := range rest {
		if tb.ctx == tabs[7].ctx {
			continue // on another page now
		}
		waitTrue(t, tb.ctx, fmt.Sprintf("tab %d: the edit after the leader left", i), `document.body.textContent.includes("Nội dung sửa lần hai.")`)
	}
}

// setHidden makes the page of ctx act as if its tab were hidden or shown
// again: headless Chromium shows every tab.
func setHidden(t *testing.T, ctx context.Context, hidden bool) {
	t.Helper()
	expr := fmt.Sprintf(`Object.defineProperty(document, "hidden", {value: %t, configurable: true});
		document.dispatchEvent(new Event("visibilitychange", {bubbles: true})); true`, hidden)
	if _, err := eval[bool](ctx, expr); err != nil {
		t.Fatal(err)
	}
}

// Without Web Locks each tab has its own stream, closed while the tab is
// hidden; back in view, the tab catches up on what changed meanwhile.
func TestBrowserTabsWithoutLocksCloseStreamWhileHidden(t *testing.T) {
	ctx := browser(t)
	root, r := longArticleSite(t)
	tabs := make([]tab, 2)
	for i := range tabs {
		tctx, cancel := chromedp.NewContext(ctx)
		t.Cleanup(cancel)
		if err := chromedp.Do(tctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
				Source: `Object.defineProperty(Navigator.prototype, "locks", {get: function () { return undefined; }});`,
			})
			return err
		})); err != nil {
			t.Fatal(err)
		}
		tabs[i] = tab{tctx, cancel}
		navigate(t, tctx, r.base+"/cchc/bai-viet/a/")
		waitFor(t, "a stream per tab", func() bool { return r.hub.Clients() == i+1 })
	}
	setHidden(t, tabs[1].ctx, true)
	waitFor(t, "the hidden tab's stream closed", func() bool { return r.hub.Clients() == 1 })

	writeFile(t, root, "content/bai-viet/a.md", longArticle("Nội dung sửa khi thẻ bị ẩn."))
	waitTrue(t, tabs[0].ctx, "the edit in the visible tab", `document.body.textContent.includes("Nội dung sửa khi thẻ bị ẩn.")`)
	if shown, err := eval[bool](tabs[1].ctx, `document.body.textContent.includes("Nội dung sửa khi thẻ bị ẩn.")`); err != nil || shown {
		t.Errorf("the hidden tab was updated (%v)", err)
	}
	if _, err := eval[bool](tabs[1].ctx, `window.cchcNoReload = true`); err != nil {
		t.Fatal(err)
	}
	setHidden(t, tabs[1].ctx, false)
	waitTrue(t, tabs[1].ctx, "the edit once shown again", `document.body.textContent.includes("Nội dung sửa khi thẻ bị ẩn.")`)
	waitFor(t, "its stream open again", func() bool { return r.hub.Clients() == 2 })
	if kept, err := eval[bool](tabs[1].ctx, `window.cchcNoReload === true`); err != nil || !kept {
		t.Errorf("the tab reloaded to catch up (%v)", err)
	}
}
