package pipeline

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cchc-vn/cchc/internal/cache"
	"github.com/cchc-vn/cchc/internal/publish"
	"github.com/cchc-vn/cchc/internal/qrtest"
	"github.com/cchc-vn/cchc/internal/searchquery"
)

var svgRE = regexp.MustCompile(`(?s)<svg class="?qr"?.*?</svg>`)

// TestLeafletCodesScanToTheirURLs scans the codes of a golden site's
// leaflet, as built and minified: one opens the online service
// (link_dvc), the other the procedure's page; the booklet carries the same.
func TestLeafletCodesScanToTheirURLs(t *testing.T) {
	_, opts, _ := readGolden(t, "testdata/sites/leaflet_has_both_qr_codes_and_fields.txtar")
	var out publish.Collector
	if _, ds := Build(opts, &out); ds.HasErrors() {
		t.Fatal(ds)
	}
	want := []string{
		"https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193",
		"https://dienchau.example/cchc/thu-tuc/khai-sinh/",
	}
	for _, path := range []string{"thu-tuc/khai-sinh/in/index.html", "thu-tuc/in/index.html"} {
		var got []string
		for _, svg := range svgRE.FindAllString(string(out.Files()[path]), -1) {
			text, err := qrtest.Read(svg)
			if err != nil {
				t.Fatalf("%s: a code does not scan: %v\n%s", path, err, svg)
			}
			if !strings.Contains(svg, ": "+text+"</title>") {
				t.Errorf("%s: the code of %s is named otherwise:\n%.300s", path, text, svg)
			}
			got = append(got, text)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: codes scan to %q, want %q", path, got, want)
		}
	}
}

// TestLeafletsAreNotSearched: the printable pages repeat their procedure;
// the search index lists the procedure only.
func TestLeafletsAreNotSearched(t *testing.T) {
	_, opts, _ := readGolden(t, "testdata/sites/leaflet_has_both_qr_codes_and_fields.txtar")
	var out publish.Collector
	if _, ds := Build(opts, &out); ds.HasErrors() {
		t.Fatal(ds)
	}
	files := out.Files()
	name, _ := searchMeta(t, files)
	ix, err := searchquery.Open(func(p string) ([]byte, error) { return files[p], nil }, name)
	if err != nil {
		t.Fatal(err)
	}
	for id := range ix.Len() {
		if fr, err := ix.Fragment(id); err != nil || strings.HasSuffix(fr.URL, "/in/") {
			t.Errorf("document %d: %+v, %v: a printable page is indexed", id, fr, err)
		}
	}
	if ix.Len() != 1 {
		t.Errorf("the index has %d documents, want the one procedure", ix.Len())
	}
}

// TestCachedLeafletsFollowTheirProcedure edits a procedure's papers with a
// warm cache: its leaflet and the booklet change, and every file is the
// bytes of a clean build.
func TestCachedLeafletsFollowTheirProcedure(t *testing.T) {
	dir := t.TempDir()
	site := sampleSite(t)
	warm, _ := cache.Open(dir)
	before := buildWith(t, site, warm)
	if err := warm.Save(); err != nil {
		t.Fatal(err)
	}
	const edited = "content/thu-tuc/dang-ky-khai-sinh.md"
	src := string(site[edited].Data)
	site[edited] = &fstest.MapFile{Data: []byte(strings.Replace(src, "Giấy chứng sinh;", "Giấy chứng sinh bản chính;", 1))}
	if string(site[edited].Data) == src {
		t.Fatal("the edit changed nothing")
	}
	again, _ := cache.Open(dir)
	after := buildWith(t, site, again)
	sameFiles(t, "after an edit of a procedure", after, buildWith(t, site, nil))
	for _, p := range []string{"thu-tuc/dang-ky-khai-sinh/in/index.html", "thu-tuc/in/index.html"} {
		if bytes.Equal(before[p], after[p]) || !bytes.Contains(after[p], []byte("Giấy chứng sinh bản chính;")) {
			t.Errorf("%s did not follow the edit", p)
		}
	}
	if p := "thu-tuc/dang-ky-ket-hon/in/index.html"; !bytes.Equal(before[p], after[p]) {
		t.Errorf("%s changed with another procedure", p)
	}
	if again.Hits() == 0 {
		t.Error("nothing came from the cache")
	}
}
