package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// FindAxe reads axe-core's axe.min.js: from $CCHC_AXE (.ci/run sets it
// from `.ci/a11y --tools`), else from .ci/a11y's cache ($CCHC_TOOLS, by
// default ~/.cache/cchc-tools). It returns "" when there is none.
func FindAxe() string {
	paths := []string{os.Getenv("CCHC_AXE")}
	tools := os.Getenv("CCHC_TOOLS")
	if home, err := os.UserHomeDir(); tools == "" && err == nil {
		tools = filepath.Join(home, ".cache", "cchc-tools")
	}
	found, _ := filepath.Glob(filepath.Join(tools, "npm-*", "node_modules", "axe-core", "axe.min.js"))
	for _, p := range append(paths, found...) {
		if data, err := os.ReadFile(p); p != "" && err == nil {
			return string(data)
		}
	}
	return ""
}

// AxeSource is FindAxe for a test that is about accessibility: without
// axe-core the test is skipped, or fails when Required is set.
func AxeSource(t testing.TB) string {
	t.Helper()
	if src := FindAxe(); src != "" {
		return src
	}
	if os.Getenv(Required) != "" {
		t.Fatalf("%s is set but axe-core is not found: run .ci/a11y --tools, or set CCHC_AXE to axe.min.js", Required)
	}
	t.Skip("axe-core not found (run .ci/a11y --tools, or set CCHC_AXE): accessibility test skipped")
	return ""
}

// Axe runs axe-core (source from AxeSource) in the page of ctx, on the
// elements the CSS selector include matches (the whole document when
// ""), with the rules of WCAG 2.1 A and AA and best practice, and returns
// one line per violation: rule, impact, help and the elements.
func Axe(ctx context.Context, source, include string) ([]string, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](source+"\n;true")); err != nil {
		return nil, err
	}
	type violation struct {
		ID, Impact, Help string
		Nodes            []string
	}
	script := `(async (include) => {
		const r = await axe.run(include ? {include: [[include]]} : document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}, resultTypes: ['violations']});
		return r.violations.map(v => ({ID: v.id, Impact: v.impact || '', Help: v.help, Nodes: v.nodes.map(n => n.target.flat().join(' ') + ': ' + (n.failureSummary || ''))}));
	})(` + jsString(include) + `)`
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]violation](script, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, v := range vs {
		out = append(out, v.ID+" ("+v.Impact+") "+v.Help+"\n  "+strings.Join(v.Nodes, "\n  "))
	}
	return out, nil
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\u2028", `\u2028`, "\u2029", `\u2029`).Replace(s) + `"`
}
