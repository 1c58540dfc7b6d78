package serve

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cchc-vn/cchc/internal/browsertest"
)

// press focuses the element of the CSS selector sel and presses key on it.
func press(t *testing.T, ctx context.Context, sel, key string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(sel)), chromedp.KeyEvent(key)); err != nil {
		t.Fatalf("pressing %q on %s: %v", key, sel, err)
	}
}

// panelState says, in the page, what the warnings panel shows: "none",
// or whether it is open, then its summary.
const panelState = `(function () {
	var p = document.getElementById("cchc-canh-bao");
	if (!p) return "none";
	var d = document.getElementById("cchc-canh-bao-hop");
	return (d.open ? "open" : "closed") + ": " + d.querySelector("summary").textContent;
})()`

func waitPanel(t *testing.T, ctx context.Context, what, want string) {
	t.Helper()
	waitTrue(t, ctx, what+" ("+want+")", panelState+` === `+"`"+want+"`")
}

// The panel is seen in a corner of its page, closed; the keyboard opens
// and closes it; it follows each save without a reload, keeps the state
// the editor left it in, goes with the last fix and comes back open.
func TestBrowserWarningsPanel(t *testing.T) {
	ctx := browser(t)
	root := writeSite(t, warningsSite())
	r := start(t, root, Options{})
	step, cancel := context.WithTimeout(ctx, 10*time.Second)
	err := chromedp.Do(step, chromedp.EmulateViewport(360, 700), chromedp.Navigate(r.base+"/cchc/bai-viet/a/")) // a phone: the tightest corner
	cancel()
	if err != nil {
		t.Fatal(err)
	}
	waitTrue(t, ctx, "the article", `document.body.innerText.includes("Nội dung ban đầu của bài A.")`)
	waitFor(t, "the page's event stream", func() bool { return r.hub.Clients() == 1 })

	waitPanel(t, ctx, "the panel, closed", "closed: Trang này có 3 cảnh báo")
	seen := `(function () {
		var p = document.getElementById("cchc-canh-bao"), b = p.getBoundingClientRect();
		var e = document.querySelector(".cchc-sua").getBoundingClientRect();
		var apart = b.right <= e.left || e.right <= b.left || b.bottom <= e.top || e.bottom <= b.top;
		return getComputedStyle(p).position === "fixed" && b.width > 0 && b.height > 0 && b.left >= 0 && b.bottom <= innerHeight && apart &&
			document.elementFromPoint(b.left + 5, b.bottom - 5).closest("#cchc-canh-bao") === p &&
			document.querySelector("#cchc-canh-bao summary").tabIndex === 0 &&
			!document.querySelector("#cchc-canh-bao li").checkVisibility();
	})()`
	if ok, err := eval[bool](ctx, seen); err != nil || !ok {
		t.Fatalf("the closed panel is not seen in its corner, clear of the edit link, on top, reachable by Tab, its list hidden (%v)", err)
	}
	press(t, ctx, "#cchc-canh-bao summary", "\r")
	waitPanel(t, ctx, "Enter opens it", "open: Trang này có 3 cảnh báo")
	if text, err := eval[string](ctx, `document.querySelector("#cchc-canh-bao ol").innerText`); err != nil ||
		!strings.Contains(text, "Dòng 2: `title` (tiêu đề) dài 71 ký tự") || !strings.Contains(text, "Cách sửa: rút gọn tiêu đề còn tối đa 70 ký tự") {
		t.Errorf("the open panel shows %q (%v)", text, err)
	}
	if _, err := eval[bool](ctx, `window.cchcNoReload = true`); err != nil {
		t.Fatal(err)
	}

	// A save that fixes one warning: the panel follows, still open.
	writeFile(t, root, "content/bai-viet/a.md", strings.Replace(warningsSite()["content/bai-viet/a.md"], longTitle, "Bài A", 1))
	waitPanel(t, ctx, "the panel after the first fix", "open: Trang này có 2 cảnh báo")
	if ok, err := eval[bool](ctx, `document.activeElement === document.querySelector("#cchc-canh-bao summary")`); err != nil || !ok {
		t.Errorf("the focus left the panel's summary with the edit (%v)", err)
	}
	// The last fix: the panel goes.
	writeFile(t, root, "content/bai-viet/a.md", "---\ntitle: \"Bài A\"\ndate: 2026-01-16\ntopics: [SIPAS]\nsummary: \"Tóm tắt.\"\n---\nNội dung đã sửa hết.\n")
	waitPanel(t, ctx, "the panel after the last fix", "none")
	// A new warning: the panel comes back as the editor left it, open.
	writeFile(t, root, "content/bai-viet/a.md", "---\ntitle: \""+longTitle+"\"\ndate: 2026-01-16\ntopics: [SIPAS]\nsummary: \"Tóm tắt.\"\n---\nNội dung.\n")
	waitPanel(t, ctx, "the panel back", "open: Trang này có 1 cảnh báo")
	if kept, err := eval[bool](ctx, `window.cchcNoReload === true`); err != nil || !kept {
		t.Errorf("the page reloaded for the edits (%v)", err)
	}

	// Closed with the keyboard, it stays closed on the next visit.
	press(t, ctx, "#cchc-canh-bao summary", "\r")
	waitPanel(t, ctx, "Enter closes it", "closed: Trang này có 1 cảnh báo")
	navigate(t, ctx, r.base+"/cchc/bai-viet/a/")
	waitTrue(t, ctx, "the page again", `document.readyState === "complete"`)
	waitPanel(t, ctx, "the panel after a new visit", "closed: Trang này có 1 cảnh báo")
	navigate(t, ctx, r.base+"/cchc/bai-viet/b/")
	waitTrue(t, ctx, "a clean page", `document.body.innerText.includes("Bài B sạch.")`)
	waitPanel(t, ctx, "a clean page", "none")
}

// axe finds nothing to say of the panel, open, at 360 px and 1280 px,
// nor of the list page.
func TestBrowserWarningsPassAxe(t *testing.T) {
	axe := browsertest.AxeSource(t)
	ctx := browser(t)
	root := writeSite(t, warningsSite())
	r := start(t, root, Options{Watcher: newFakeWatcher()})
	for _, width := range []int64{360, 1280} {
		step, cancel := context.WithTimeout(ctx, 10*time.Second)
		err := chromedp.Do(step, chromedp.EmulateViewport(width, 800), chromedp.Navigate(r.base+"/cchc/bai-viet/a/"))
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		// Opened by the first pass, it is open on the second: remembered.
		if width == 360 {
			waitPanel(t, ctx, "the panel", "closed: Trang này có 3 cảnh báo")
			press(t, ctx, "#cchc-canh-bao summary", " ")
		}
		waitPanel(t, ctx, "the panel open", "open: Trang này có 3 cảnh báo")
		if wide, _ := eval[bool](ctx, `document.getElementById("cchc-canh-bao").getBoundingClientRect().right > innerWidth`); wide {
			t.Errorf("%d px: the open panel overflows the window", width)
		}
		vs, err := browsertest.Axe(ctx, axe, "#cchc-canh-bao")
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			t.Errorf("%d px, the panel: %s", width, v)
		}
	}
	navigate(t, ctx, r.base+"/cchc/_cchc/canh-bao/")
	waitTrue(t, ctx, "the list", `document.readyState === "complete"`)
	vs, err := browsertest.Axe(ctx, axe, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		t.Errorf("the list: %s", v)
	}
}
