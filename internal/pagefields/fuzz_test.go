package pagefields_test

import (
	"path"
	"testing"
	"testing/fstest"
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/load"
)

// FuzzKindPage feeds arbitrary front matter to a page of each kind's
// section: no panic, every diagnostic names the file with a line.
func FuzzKindPage(f *testing.F) {
	for _, seed := range []string{
		"---\n" + docOK + "dinh_kem: [a.pdf, {tep: b.pdf, ten: B}, [x], {ten: y}]\n---\n",
		"---\n" + qaOK + "---\n",
		"---\n" + procOK + "link_dvc: http://x\n---\n",
		"---\n" + eventOK + "ket_thuc: \"7:00\"\n---\n",
		"---\nngay_ban_hanh: 01/2026\nso_ky_hieu: /\n---\n",
		"+++\ndinh_kem = [{tep = \"a\"}]\n+++\n",
		"---\nthoi_gian: 2026-01-16T08:30:00+07:00\nket_thuc: 99:99\n---\n",
	} {
		f.Add(seed, uint8(0))
		f.Add(seed, uint8(1))
		f.Add(seed, uint8(2))
		f.Add(seed, uint8(3))
	}
	sections := []string{content.SectionDocuments, content.SectionQA, content.SectionProcedures, content.SectionEvents}
	now := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, src string, which uint8) {
		file := "content/" + sections[int(which)%len(sections)] + "/x/index.md"
		site, ds := loadFuzz(file, src, now)
		for _, d := range ds {
			if d.Pos.File != file || d.Pos.Line < 0 {
				t.Fatalf("diagnostic without the file or with a bad line: %v", d)
			}
		}
		if site == nil {
			return
		}
		for _, p := range site.Pages {
			if n := btoi(p.Doc != nil) + btoi(p.QA != nil) + btoi(p.Proc != nil) + btoi(p.Event != nil); n > 1 {
				t.Fatalf("page with %d kinds", n)
			}
		}
	})
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func loadFuzz(file, src string, now time.Time) (*content.Site, diag.List) {
	fsys := fstest.MapFS{file: {Data: []byte(src)}, path.Dir(file) + "/a.pdf": {Data: []byte("x")}}
	return load.Site(fsys, config.Default(), load.Options{Now: now})
}
