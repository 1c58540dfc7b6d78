package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

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
