package serve

import (
	"net/http"
	"strings"
	"testing"
)

// brokenDraft is baseSite's draft with a date that does not exist.
const brokenDraft = "---\ntitle: \"Bản nháp B\"\ndate: 30/02/2026\ntopics: [PAPI]\ndraft: true\n---\nBài nháp.\n"

// TestBrokenDraftNeverHidesTheSite: one editor's draft with errors, at
// start and after an edit, shows its errors on its own page while every
// other page is served and live reload goes on; no overlay goes up.
func TestBrokenDraftNeverHidesTheSite(t *testing.T) {
	files := baseSite()
	files["content/bai-viet/nhap.md"] = brokenDraft
	root := writeSite(t, files)
	w := newFakeWatcher()
	r := start(t, root, Options{Watcher: w})

	const wantErr = "content/bai-viet/nhap.md:3:7: lỗi: `date` (ngày đăng): ngày \"30/02/2026\" không có thật: tháng 2 năm 2026 chỉ có 28 ngày (bài nháp, chưa đăng) — sửa lại ngày, ví dụ 28/02/2026"
	if !strings.Contains(r.err.String(), wantErr) {
		t.Errorf("terminal lacks the draft's error:\n%s", r.err.String())
	}
	if !strings.Contains(r.out.String(), "Bài nháp có lỗi: content/bai-viet/nhap.md — các trang khác vẫn được phục vụ; trang của bài nháp hiện lỗi của nó.\n") {
		t.Errorf("terminal does not name the broken draft:\n%s", r.out.String())
	}
	if res := get(t, r.base+"/cchc/bai-viet/a/"); res.status != http.StatusOK || !strings.Contains(res.body, "Nội dung ban đầu của bài A.") {
		t.Fatalf("the published page is not served: %d", res.status)
	}
	draft := get(t, r.base+"/cchc/bai-viet/nhap/")
	for _, want := range []string{
		"Bài nháp content/bai-viet/nhap.md có lỗi",
		"content/bai-viet/nhap.md:3:7",
		"không có thật: tháng 2 năm 2026 chỉ có 28 ngày (bài nháp, chưa đăng)",
		"_cchc/livereload.js", // it reloads by itself once fixed
	} {
		if !strings.Contains(draft.body, want) {
			t.Errorf("the draft's page lacks %q:\n%s", want, draft.body)
		}
	}

	// Fixed: the draft's page is the page again.
	ev := subscribe(t, r)
	writeFile(t, root, "content/bai-viet/nhap.md", baseSite()["content/bai-viet/nhap.md"])
	w.change(root, "content/bai-viet/nhap.md")
	if e := ev.next(t); e.name != "reload" {
		t.Fatalf("got %+v, want reload", e)
	}
	if res := get(t, r.base+"/cchc/bai-viet/nhap/"); !strings.Contains(res.body, "Bài nháp.") || strings.Contains(res.body, "có lỗi") {
		t.Errorf("the fixed draft is not served:\n%s", res.body)
	}

	// Broken again by an edit: a reload, not the overlay of a failed build.
	writeFile(t, root, "content/bai-viet/nhap.md", brokenDraft)
	w.change(root, "content/bai-viet/nhap.md")
	if e := ev.next(t); e.name != "reload" {
		t.Fatalf("got %+v, want reload", e)
	}
	if res := get(t, r.base+"/cchc/bai-viet/a/"); !strings.Contains(res.body, "Nội dung ban đầu của bài A.") {
		t.Error("the published page is no longer served")
	}
	if res := get(t, r.base+"/cchc/bai-viet/nhap/"); !strings.Contains(res.body, "Bài nháp content/bai-viet/nhap.md có lỗi") {
		t.Error("the draft's page does not show its errors")
	}
}
