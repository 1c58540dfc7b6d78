package serve

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/cchc-vn/cchc/internal/livereload"
)

// The morphing library is served beside the client, in the preview only:
// a published site and a build never carry it.
func TestMorphScriptOnlyInPreview(t *testing.T) {
	root := writeSite(t, baseSite())
	r := start(t, root, Options{Watcher: newFakeWatcher()})
	res := get(t, r.base+"/cchc/_cchc/idiomorph.js")
	if res.status != http.StatusOK || res.header.Get("Content-Type") != "text/javascript; charset=utf-8" ||
		res.body != livereload.MorphScript() || !strings.HasPrefix(res.body, "var Idiomorph=") {
		t.Errorf("preview: %d %q, %d bytes", res.status, res.header.Get("Content-Type"), len(res.body))
	}
	pub := start(t, root, Options{Watcher: newFakeWatcher(), Published: true})
	if res := get(t, pub.base+"/cchc/_cchc/idiomorph.js"); res.status != http.StatusNotFound {
		t.Errorf("published view: %d, want 404", res.status)
	}
	for name, data := range freshBuild(t, root) {
		if bytes.Contains(data, []byte("Idiomorph")) || bytes.Contains(data, []byte("_cchc/")) {
			t.Errorf("the build's %s carries the preview's scripts", name)
		}
	}
}

// An edit is shown in place: no reload, and what the reader did to the
// page stays, scroll, focus, open menus and typed text.
func TestBrowserMorphKeepsReaderState(t *testing.T) {
	ctx := browser(t)
	root, r := longArticleSite(t)
	openArticle(t, ctx, r)
	const setUp = `(function () {
		window.cchcNoReload = true;
		document.querySelector("details.topic-menu").open = true;
		var box = document.getElementById("o-tim-kiem");
		box.focus();
		box.value = "một cửa";
		box.setSelectionRange(2, 4);
		window.scrollTo(0, 400);
		return window.scrollY === 400;
	})()`
	if ok, err := eval[bool](ctx, setUp); err != nil || !ok {
		t.Fatalf("setting the page up: %v %v", ok, err)
	}

	writeFile(t, root, "content/bai-viet/a.md", longArticle("Nội dung đã sửa trên đĩa."))
	waitTrue(t, ctx, "the edited text", `document.body.textContent.includes("Nội dung đã sửa trên đĩa.")`)
	checks := map[string]string{
		"no reload":              `window.cchcNoReload === true`,
		"scroll position":        `Math.abs(window.scrollY - 400) < 2`,
		"open <details>":         `document.querySelector("details.topic-menu").open`,
		"focus":                  `document.activeElement === document.getElementById("o-tim-kiem")`,
		"typed text":             `document.getElementById("o-tim-kiem").value === "một cửa"`,
		"selection":              `document.getElementById("o-tim-kiem").selectionStart === 2 && document.getElementById("o-tim-kiem").selectionEnd === 4`,
		"old text gone":          `!document.body.textContent.includes("Nội dung ban đầu của bài A.")`,
		"one live-reload script": `document.querySelectorAll("script[data-stream]").length === 1`,
	}
	for what, expr := range checks {
		if ok, err := eval[bool](ctx, expr); err != nil || !ok {
			t.Errorf("after the morph, %s: %s is %v (%v)", what, expr, ok, err)
		}
	}

	// The title in <head> follows too (the body has titles of its own, in
	// the SVG of the print view's QR code).
	writeFile(t, root, "content/bai-viet/a.md", strings.Replace(longArticle("Lần sửa thứ hai."), `title: "Bài A"`, `title: "Bài A đổi tên"`, 1))
	waitTrue(t, ctx, "the new title", `document.title.startsWith("Bài A đổi tên")`)
	if ok, err := eval[bool](ctx, `window.cchcNoReload === true && document.head.querySelectorAll("title").length === 1`); err != nil || !ok {
		t.Errorf("after a title change: one title, no reload: %v (%v)", ok, err)
	}
}

// A page that runs scripts of its own keeps its state in them, which a
// morph cannot carry: it reloads. The search page is one.
func TestBrowserPageWithScriptsReloads(t *testing.T) {
	ctx := browser(t)
	root := writeSite(t, baseSite())
	r := start(t, root, Options{})
	if res := get(t, r.base+"/cchc/tim-kiem/"); res.status != http.StatusOK || !strings.Contains(res.body, "search.") {
		t.Fatalf("the search page: %d", res.status)
	}
	navigate(t, ctx, r.base+"/cchc/tim-kiem/")
	waitTrue(t, ctx, "the search page", `document.readyState === "complete"`)
	waitFor(t, "the page's event stream", func() bool { return r.hub.Clients() == 1 })
	if _, err := eval[bool](ctx, `window.cchcNoReload = true`); err != nil {
		t.Fatal(err)
	}
	writeFile(t, root, "content/gioi-thieu.md", "---\ntitle: \"Giới thiệu\"\n---\nTrang giới thiệu, đã sửa.\n")
	waitTrue(t, ctx, "the reload", `window.cchcNoReload === undefined && document.readyState === "complete"`)
}
