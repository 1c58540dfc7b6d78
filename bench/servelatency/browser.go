package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
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
// scripts. When the awaited text is in the document, it reports the time
// of the next animation frame, the one that paints the text (a reload's
// first frame waits for its stylesheet, so this counts that wait too), as
// milliseconds since the epoch on the machine's clock.
const watchJS = `(function () {
  var done = false;
  function check() {
    var want = sessionStorage.getItem("` + wantKey + `");
    if (!want || !document.body || document.body.textContent.indexOf(want) < 0) return;
    sessionStorage.removeItem("` + wantKey + `");
    requestAnimationFrame(function () {
      cchcSeen(want + " " + (performance.timeOrigin + performance.now()));
    });
  }
  new MutationObserver(check).observe(document, {childList: true, subtree: true, characterData: true});
  document.addEventListener("DOMContentLoaded", check);
})();`

// browserLatency opens pageURL in headless Chromium and edits file n
// times, each time appending a paragraph with a fresh marker, and returns
// for each edit the time from the write to the frame showing the marker.
func browserLatency(chromium, pageURL, file string, n int, pause, timeout time.Duration) ([]time.Duration, error) {
	original, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	defer os.WriteFile(file, original, 0o644)
	profile, err := os.MkdirTemp("", "servelatency-chromium-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(profile)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), browsertest.Options(chromium, profile)...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()

	seen := make(chan string, 16)
	err = chromedp.Listen(ctx, func(ev any) {
		if b, ok := ev.(*runtime.EventBindingCalled); ok && b.Name == "cchcSeen" {
			select {
			case seen <- b.Payload:
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
		return nil, fmt.Errorf("opening %s: %w", pageURL, err)
	}
	// The page's live-reload client connects once the page has loaded.
	time.Sleep(time.Second)

	var lat []time.Duration
	for i := range n {
		time.Sleep(pause)
		var b [6]byte
		rand.Read(b[:])
		marker := "cchcbench" + hex.EncodeToString(b[:])
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](
			`sessionStorage.setItem("`+wantKey+`", "`+marker+`")`)); err != nil {
			return nil, err
		}
		edited := fmt.Appendf(append([]byte(nil), original...), "\n\nĐoạn thêm lần thứ %d, mã %s.\n", i+1, marker)
		start := time.Now()
		if err := os.WriteFile(file, edited, 0o644); err != nil {
			return nil, err
		}
		at, err := awaitMarker(seen, marker, timeout)
		if err != nil {
			return nil, fmt.Errorf("edit %d: %w", i+1, err)
		}
		lat = append(lat, at.Sub(start))
	}
	return lat, nil
}

// awaitMarker waits for the page to report marker, and returns when.
func awaitMarker(seen <-chan string, marker string, timeout time.Duration) (time.Time, error) {
	deadline := time.After(timeout)
	for {
		select {
		case p := <-seen:
			got, ms, ok := strings.Cut(p, " ")
			if !ok || got != marker {
				continue // a late report of an earlier edit
			}
			f, err := strconv.ParseFloat(ms, 64)
			if err != nil {
				return time.Time{}, fmt.Errorf("page reported %q", p)
			}
			return time.UnixMicro(int64(f * 1000)), nil
		case <-deadline:
			return time.Time{}, errors.New("the edit's text did not appear within " + timeout.String())
		}
	}
}
