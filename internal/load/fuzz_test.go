package load_test

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/load"
)

// FuzzLoadMarkdown feeds arbitrary bytes as an article: the loader must
// never panic, and every diagnostic it gives names the file.
func FuzzLoadMarkdown(f *testing.F) {
	for _, seed := range []string{
		article,
		"+++\ntitle = \"a\"\ndate = 2026-01-16\ntopics = [\"PCI\"]\n+++\nx",
		"---\n---\n",
		"---\ntitle: [\n---\n",
		"---\n\t- x\n---\n",
		"\uFEFF---\r\ntitle: a\r\n---\r\n",
		"---\ndate: 30/02/2026\nslug: ../x\naliases: [\"//evil\"]\n---\n",
		"---\n&a [x]\nb: *a\n---\n",
		"---\ntitle: A\ndate: 2026-01-16\n\nThời gian: 8 giờ sáng.\n\n---\n\nĐoạn.\n",
		"---\ntitle:\u00a0“A”\n\u200bdate:\u00a02026-01-16\n---\n",
		"+++\ntitle = “A”\ndate = 16/01/2026\ntopics = [SIPAS,\ntitle: \"B\"\ntac gia = \"x\"\n+++\n",
		"+++\ntitle = \"A\ndraft = true\n",
	} {
		f.Add([]byte(seed))
	}
	cfg := config.Default()
	now := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"content/bai-viet/x.md": {Data: data}}
		_, ds := load.Site(fsys, cfg, load.Options{Now: now})
		for _, d := range ds {
			if d.Pos.File != "content/bai-viet/x.md" {
				t.Fatalf("diagnostic without the file: %v", d)
			}
			if d.Pos.Line < 0 {
				t.Fatalf("negative line: %v", d)
			}
		}
	})
}
