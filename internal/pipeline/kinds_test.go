package pipeline

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/cache"
	"github.com/cchc-vn/cchc/internal/publish"
)

// kindSite is a small site whose question cites a document and whose
// event is judged against the build's time.
func kindSite() fstest.MapFS {
	return fstest.MapFS{
		"content/van-ban/kh.md": {Data: []byte(`---
so_ky_hieu: "35/KH-UBND"
loai: "Kế hoạch"
co_quan: "UBND xã Diễn Châu"
cap: "Xã"
ngay_ban_hanh: 16/01/2026
trich_yeu: "Tuyên truyền cải cách hành chính năm 2026"
lien_ket: "https://vanban.example.vn/kh-35"
topics: [Cải cách thể chế]
---
`)},
		"content/hoi-dap/hoi.md": {Data: []byte(`---
cau_hoi: "Hỏi gì?"
nguoi_hoi: "Ông A, thôn 1"
ngay_hoi: 01/11/2026
co_quan_tra_loi: "UBND xã"
ngay_tra_loi: 02/11/2026
topics: [Một cửa]
---
Theo Kế hoạch số 35/KH-UBND.
`)},
		"content/su-kien/hop.md": {Data: []byte(`---
title: "Hội nghị"
thoi_gian: 01/12/2026 08:00
ket_thuc: "11:00"
dia_diem: "Hội trường"
don_vi: "Văn phòng"
topics: [Một cửa]
---
`)},
	}
}

func buildAt(t *testing.T, site fstest.MapFS, now time.Time, store *cache.Store) map[string][]byte {
	t.Helper()
	var out publish.Collector
	_, ds := NewSession(store, "test").Build(Options{Site: site, Theme: cchc.Theme(), Now: now}, &out)
	if ds.HasErrors() {
		t.Fatalf("build: %v", ds)
	}
	return out.Files()
}

// TestCachedKindPagesFollowWhatTheyShow: a cached page is not reused when
// what the kinds add to it changed elsewhere: the number of a document a
// question cites, or the time that makes an event past.
func TestCachedKindPagesFollowWhatTheyShow(t *testing.T) {
	dir := t.TempDir()
	site := kindSite()
	before := testNow
	warm := func(now time.Time) {
		s, _ := cache.Open(dir)
		buildAt(t, site, now, s)
		if err := s.Save(); err != nil {
			t.Fatal(err)
		}
	}
	warm(before)
	if !strings.Contains(string(buildAt(t, site, before, nil)["hoi-dap/hoi/index.html"]), `<a href=/van-ban/kh/>35/KH-UBND</a>`) {
		t.Fatal("the question does not link the document it cites")
	}

	doc := string(site["content/van-ban/kh.md"].Data)
	site["content/van-ban/kh.md"] = &fstest.MapFile{Data: []byte(strings.Replace(doc, "35/KH-UBND", "36/KH-UBND", 1))}
	s, _ := cache.Open(dir)
	got := buildAt(t, site, before, s)
	sameFiles(t, "after renumbering the document", got, buildAt(t, site, before, nil))
	if strings.Contains(string(got["hoi-dap/hoi/index.html"]), `href=/van-ban/kh/`) {
		t.Error("the question still links a number no document has")
	}
	if s.Hits() == 0 {
		t.Error("nothing reused: the test proves nothing")
	}
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}

	after := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	s, _ = cache.Open(dir)
	got = buildAt(t, site, after, s)
	sameFiles(t, "after the event", got, buildAt(t, site, after, nil))
	for _, p := range []string{"su-kien/hop/index.html", "su-kien/index.html", "index.html"} {
		if !strings.Contains(string(got[p]), "Đã diễn ra") {
			t.Errorf("%s: the event is not past", p)
		}
	}
}
