package pipeline

import (
	"testing"
	"testing/fstest"

	"github.com/cchc-vn/cchc"
)

// FuzzBuildArticle runs the whole pipeline on an arbitrary article next to
// a good one: whatever an editor pastes, the build reports problems and
// never panics, and each problem names a file of the site.
func FuzzBuildArticle(f *testing.F) {
	good := []byte("---\ntitle: \"Tốt\"\ndate: 2026-01-16\ntopics: [SIPAS]\n---\nXem [bài kia](x.md).\n")
	for _, seed := range []string{
		string(good),
		"---\ntitle: x\ndate: 2026-01-16\ntopics: [SIPAS]\nimage: a.png\nimage_alt: a\naliases: [/a/]\n---\n[t](tot.md) ![a](b.png) <script>x</script> [j](javascript:x)",
		"+++\ntitle = \"a\"\n+++\n",
		"---\nslug: tot\ntitle: a\ndate: 2026-01-16\ntopics: [PCI]\n---\n",
		"---\ntitle: a\ndate: 2026-01-16\ntopics: [PCI]\n---\n" + "> > > > [[[[ ****",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		site := fstest.MapFS{
			"content/bai-viet/tot.md": {Data: good},
			"content/bai-viet/x.md":   {Data: data},
		}
		_, ds := Build(Options{Site: site, Theme: cchc.Theme(), Now: testNow, Workers: 1}, discard{})
		for _, d := range ds {
			if d.Pos.File == "" {
				t.Fatalf("diagnostic without a file: %v", d)
			}
		}
	})
}
