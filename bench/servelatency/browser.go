package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/cchc-vn/cchc/internal/browsertest"
)

// wantKey is where the page finds the text it waits for: sessionStorage
// outlives a reload of the tab, so the same watch works whether the
// server reloads the page or updates it in place.
const wantKey = "cchc-bench-want"

// watchJS runs in every document of the tab before the page's own
// scripts. When the awaited text is in the document, it reports it at the
// next animation frame, the one that paints the text (a reload's first
// frame waits for its stylesheet, so this counts that wait too). The time
// is taken when the report reaches this program, on its monotonic clock:
// the page's clock (timeOrigin, a wall time, plus a monotonic count) was
// seen to drift from the wall clock by 5 ms a second on this VM, more
// than the delivery of the report costs.
const watchJS = `(function () {
  function check() {
    var want = sessionStorage.getItem("` + wantKey + `");
    if (!want || !document.body || document.body.textContent.indexOf(want) < 0) return;
    sessionStorage.removeItem("` + wantKey + `");
    requestAnimationFrame(function () { cchcSeen(want); });
  }
  new MutationObserver(check).observe(document, {childList: true, subtree: true, characterData: true});
  document.addEventListener("DOMContentLoaded", check);
})();`

// browserLatency opens pageURL in headless Chromium and edits file n
// times, each time appending a paragraph with a fresh marker, and returns
// for each edit the time from the write to the frame showing the marker,
// and, when reloads is not nil, to the server's reload message.
func browserLatency(chromium, pageURL, file string, n int, pause, timeout time.Duration, reloads <-chan time.Time) (screen, event []time.Duration, err error) {
	original, err := os.ReadFile(file)
	if err != nil {
		return nil, nil, err
	}
	defer os.WriteFile(file, original, 0o644)
	profile, err := os.MkdirTemp("", "servelatency-chromium-")
	if err != nil {
		return nil, nil, err
	}
	defer os.RemoveAll(profile)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), browsertest.Options(chromium, profile)...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()

	seen := make(chan sighting, 16)
	err = chromedp.Listen(ctx, func(ev any) {
		if b, ok := ev.(*runtime.EventBindingCalled); ok && b.Name == "cchcSeen" {
			select {
			case seen <- sighting{b.Payload, time.Now()}:
			default: // never block the tab's message loop
			}
		}
	})
	if err == nil {
		err = chromedp.Do(ctx,
			chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				if _, err := cdp.Call(ctx, t, runtime.AddBinding, runtime.AddBindingParams{Name: "cchcSeen"}); err != nil {
					return err
				}
				_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchJS})
				return err
			}),
			chromedp.Navigate(pageURL),
		)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("opening %s: %w", pageURL, err)
	}
	// The page's live-reload client connects once the page has loaded.
	time.Sleep(time.Second)

	for i := range n {
		time.Sleep(pause)
		drain(reloads)
		var b [6]byte
		rand.Read(b[:])
		marker := "cchcbench" + hex.EncodeToString(b[:])
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](
			`sessionStorage.setItem("`+wantKey+`", "`+marker+`")`)); err != nil {
			return nil, nil, err
		}
		edited := fmt.Appendf(append([]byte(nil), original...), "\n\nĐoạn thêm lần thứ %d, mã %s.\n", i+1, marker)
		start := time.Now()
		if err := os.WriteFile(file, edited, 0o644); err != nil {
			return nil, nil, err
		}
		at, err := awaitMarker(seen, marker, timeout)
		if err != nil {
			return nil, nil, fmt.Errorf("edit %d: %w", i+1, err)
		}
		screen = append(screen, at.Sub(start))
		if reloads != nil {
			select {
			case ev := <-reloads:
				event = append(event, ev.Sub(start))
			case <-time.After(timeout):
				return nil, nil, fmt.Errorf("edit %d: shown, but no reload message", i+1)
			}
		}
	}
	return screen, event, nil
}

// sighting is the page's word that it shows a marker, and when it came.
type sighting struct {
	marker string
	at     time.Time
}

// awaitMarker waits for the page to report marker, and returns when.
func awaitMarker(seen <-chan sighting, marker string, timeout time.Duration) (time.Time, error) {
	deadline := time.After(timeout)
	for {
		select {
		case r := <-seen:
			if r.marker == marker {
				return r.at, nil
			}
			// a late report of an earlier edit
		case <-deadline:
			return time.Time{}, errors.New("the edit's text did not appear within " + timeout.String())
		}
	}
}
