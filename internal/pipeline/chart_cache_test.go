package pipeline

import (
	"bytes"
	"testing"
	"testing/fstest"

	"github.com/cchc-vn/cchc/internal/cache"
)

// TestCachedBuildRereadsChartData edits the data files of charts, in
// data/ and in a bundle, keeping their sizes: a cached build must draw
// the new numbers, as a clean build does. A chart reads its file while
// its page renders, so the file is not in the page's own key.
func TestCachedBuildRereadsChartData(t *testing.T) {
	page := func(file string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: \"Biểu đồ\"\ndate: 2026-01-16\ntopics: [PCI]\nsummary: \"Số liệu.\"\n---\n" +
			"```bieu-do\nloai: cot\ntieu_de: \"Điểm\"\ndu_lieu: " + file + "\n```\n")}
	}
	site := fstest.MapFS{
		"content/bai-viet/a.md":          page("pci.csv"),
		"content/bai-viet/b/index.md":    page("so-lieu.csv"),
		"content/bai-viet/b/so-lieu.csv": {Data: []byte("Năm;Điểm\n2024;11,5\n")},
		"data/pci.csv":                   {Data: []byte("Năm;Điểm\n2024;65,7\n")},
	}
	dir := t.TempDir()
	warm, _ := cache.Open(dir)
	buildWith(t, site, warm)
	if err := warm.Save(); err != nil {
		t.Fatal(err)
	}
	for _, edit := range []struct{ file, from, to, page string }{
		{"data/pci.csv", "65,7", "66,6", "bai-viet/a/index.html"},
		{"content/bai-viet/b/so-lieu.csv", "11,5", "12,5", "bai-viet/b/index.html"},
	} {
		site[edit.file] = &fstest.MapFile{Data: bytes.Replace(site[edit.file].Data, []byte(edit.from), []byte(edit.to), 1)}
		again, _ := cache.Open(dir)
		got := buildWith(t, site, again)
		sameFiles(t, "after editing "+edit.file, got, buildWith(t, site, nil))
		if !bytes.Contains(got[edit.page], []byte("<td>"+edit.to)) {
			t.Errorf("after editing %s: the chart still shows the old number", edit.file)
		}
		if err := again.Save(); err != nil {
			t.Fatal(err)
		}
	}
}
