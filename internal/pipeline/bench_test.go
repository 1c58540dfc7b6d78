package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/cache"
	"github.com/cchc-vn/cchc/internal/publish"
)

// discard is a Writer that keeps nothing: the benchmark measures the
// pipeline, bench/compare.sh measures whole builds with their writes.
type discard struct{}

func (discard) Write(string, []byte) error { return nil }

// BenchmarkBuildCorpus builds the corpus written by
// ../shared/bench/gencorpus into CCHC_CORPUS (skipped when unset):
//
//	(cd ../shared/bench/gencorpus && go run . -n 1000 -out /tmp/corpus-1k)
//	CCHC_CORPUS=/tmp/corpus-1k go test -bench BuildCorpus -run XXX ./internal/pipeline
func BenchmarkBuildCorpus(b *testing.B) {
	dir := os.Getenv("CCHC_CORPUS")
	if dir == "" {
		b.Skip("CCHC_CORPUS is not set")
	}
	opts := Options{Site: os.DirFS(dir), Theme: cchc.Theme(), Future: true, Now: time.Now()}
	for b.Loop() {
		res, ds := Build(opts, discard{})
		if ds.HasErrors() {
			b.Fatal(ds)
		}
		b.ReportMetric(float64(res.Pages), "pages")
	}
}

// BenchmarkBuildCorpusWarmCache is BenchmarkBuildCorpus with a cache filled
// by one build before the timer starts: every page is reused.
func BenchmarkBuildCorpusWarmCache(b *testing.B) {
	dir := os.Getenv("CCHC_CORPUS")
	if dir == "" {
		b.Skip("CCHC_CORPUS is not set")
	}
	cacheDir := b.TempDir()
	store, _ := cache.Open(cacheDir)
	opts := Options{Site: os.DirFS(dir), Theme: cchc.Theme(), Future: true, Now: time.Now()}
	if _, ds := NewSession(store, "bench").Build(opts, discard{}); ds.HasErrors() {
		b.Fatal(ds)
	}
	if err := store.Save(); err != nil {
		b.Fatal(err)
	}
	store, _ = cache.Open(cacheDir)
	for b.Loop() {
		// A new Session each time, as a new `cchc build --cache` process:
		// only the folder's pages are warm.
		if _, ds := NewSession(store, "bench").Build(opts, discard{}); ds.HasErrors() {
			b.Fatal(ds)
		}
	}
}

// BenchmarkRebuildAfterEdit is the preview server's rebuild: the parse
// cache and an in-memory page cache are warm, one article changes, the
// site is built again into memory.
func BenchmarkRebuildAfterEdit(b *testing.B) {
	dir := os.Getenv("CCHC_CORPUS")
	if dir == "" {
		b.Skip("CCHC_CORPUS is not set")
	}
	names, _ := filepath.Glob(filepath.Join(dir, "content", "bai-viet", "[^_]*.md"))
	victim := names[len(names)/2]
	orig, err := os.ReadFile(victim)
	if err != nil {
		b.Fatal(err)
	}
	defer os.WriteFile(victim, orig, 0o644)
	opts := Options{Site: os.DirFS(dir), Theme: cchc.Theme(), Future: true, Drafts: true, Preview: true, Now: time.Now()}
	sess := NewSession(cache.NewMemory(), "bench")
	var out publish.Collector
	if _, ds := sess.Build(opts, &out); ds.HasErrors() {
		b.Fatal(ds)
	}
	sess.Store.Rotate()
	i := 0
	for b.Loop() {
		i++
		if err := os.WriteFile(victim, append(orig, fmt.Sprintf("\nSửa lần %d.\n", i)...), 0o644); err != nil {
			b.Fatal(err)
		}
		var out publish.Collector // a Collector takes each path once, as the server's does
		if _, ds := sess.Build(opts, &out); ds.HasErrors() {
			b.Fatal(ds)
		}
		sess.Store.Rotate()
	}
}

// BenchmarkBuildOneBigArticle builds a site of one 2 MB article (under the
// 2 MiB cap), of each shape a long report imported from Word takes: the
// cost must grow with the size, not its square (a paragraph full of links
// once took 12 s at 0.4 MB). Each shape should build within 2 s.
//
//	go test -bench BuildOneBigArticle -run XXX ./internal/pipeline
func BenchmarkBuildOneBigArticle(b *testing.B) {
	const size = 2_000_000
	words := strings.Fields("cải cách hành chính một cửa liên thông chuyển đổi số dịch vụ công trực tuyến người dân hồ sơ thủ tục")
	fill := func(unit func(i int) string) string {
		var sb strings.Builder
		for i := 0; sb.Len() < size; i++ {
			sb.WriteString(unit(i))
		}
		return sb.String()
	}
	w := func(i int) string { return words[i%len(words)] }
	shapes := map[string]string{
		"paragraphs": fill(func(i int) string {
			if i%40 == 39 {
				return "\n\n## Mục " + w(i) + "\n\n"
			}
			return w(i) + " " + w(i*7) + " **" + w(i*3) + "** [liên kết](https://dichvucong.gov.vn/" + w(i) + ") " + map[bool]string{true: "\n\n", false: ""}[i%12 == 11]
		}),
		"one-paragraph-of-links": fill(func(i int) string { return "www.dichvucong" + w(i) + ".vn " }),
		// Rows long enough to stay under the renderer's cap of 100,000 cells.
		"table": "| A | B | C |\n|---|---|---|\n" + fill(func(i int) string {
			return "| " + w(i) + " " + w(i+1) + " " + w(i+2) + " " + w(i+3) + " " + w(i+4) + " | " + w(i*5) + " " + w(i*5+1) + " " + w(i*5+2) + " | " + fmt.Sprint(i) + " |\n"
		}),
		"list": fill(func(i int) string { return "- " + w(i) + " " + w(i*3) + " " + w(i*5) + "\n" }),
	}
	for _, name := range []string{"paragraphs", "one-paragraph-of-links", "table", "list"} {
		site := fstest.MapFS{"content/bai-viet/bao-cao.md": &fstest.MapFile{Data: []byte(
			"---\ntitle: \"Báo cáo\"\ndate: 2026-01-16\ntopics: [PCI]\nsummary: \"x\"\n---\n" + shapes[name] + "\n")}}
		b.Run(name, func(b *testing.B) {
			opts := Options{Site: site, Theme: cchc.Theme(), Now: time.Now()}
			for b.Loop() {
				if _, ds := Build(opts, discard{}); ds.HasErrors() {
					b.Fatal(ds)
				}
			}
		})
	}
}
