// Package browsertest starts the headless Chromium that browser tests
// drive with chromedp (live reload, search) and serves a built site to it
// under its base path, counting the bytes sent. It is a helper for tests
// and benchmarks, like net/http/httptest: the generator never imports it.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"

	"github.com/chromedp/chromedp"
)

// Required turns a missing browser into a failure: CI sets it (.ci/run
// installs Debian's chromium), so CI never skips a browser test.
const Required = "CCHC_BROWSER_REQUIRED"

// Options are the flags of a headless Chromium at path with a fresh
// profile in the folder profile, for a program that starts its own (a
// benchmark's command): no sandbox, GPU, first-run pages or background
// traffic.
func Options(path, profile string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
	}
}

// Start launches a headless Chromium with a fresh profile for the test and
// returns its context, or skips the test when there is no browser (fails
// when Required is set). The browser stops when the test ends.
func Start(t testing.TB) context.Context {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		path, err = exec.LookPath("/usr/bin/chromium")
	}
	if err != nil {
		if os.Getenv(Required) != "" {
			t.Fatalf("%s is set but chromium is not installed: %v", Required, err)
		}
		t.Skip("chromium not installed (apt-get install chromium): browser test skipped")
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), Options(path, t.TempDir())...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	// The first call starts the browser; chromedp wants no deadline on it
	// (a deadline there would stop the browser): each step gets its own.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}
