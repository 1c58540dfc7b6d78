package desk_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cchc-vn/cchc/internal/browsertest"
	"github.com/cchc-vn/cchc/internal/serve"
)

// benchSites are the sites the preview is timed on: the frozen sample,
// and the corpus of ../shared/bench/gencorpus when CCHC_CORPUS names one:
//
//	(cd ../shared/bench/gencorpus && go run . -n 1000 -out /tmp/corpus-1k)
//	CCHC_CORPUS=/tmp/corpus-1k go test -run XXX -bench Preview -benchtime 30x ./internal/desk
func benchSites(b *testing.B) map[string]string {
	sites := map[string]string{"sample": sampleDir}
	if dir := os.Getenv("CCHC_CORPUS"); dir != "" {
		sites["corpus"] = dir
	}
	return sites
}

// benchPage is a page of the site to edit: a middle article.
func benchPage(b *testing.B, root string) string {
	names, _ := filepath.Glob(filepath.Join(root, "content", "bai-viet", "[^_]*.md"))
	if len(names) == 0 {
		b.Fatal("no article in content/bai-viet")
	}
	slices.Sort(names)
	rel, _ := filepath.Rel(root, names[len(names)/2])
	return filepath.ToSlash(rel)
}

func median(ds []float64) float64 {
	slices.Sort(ds)
	return ds[len(ds)/2]
}

// BenchmarkBrowserPreview times a keystroke in the body to the preview
// shown again, in Chromium: "ms-after-pause" from the request the pause
// sends to the iframe loaded with the new page (the target: under 300
// ms at 1,000 articles), of which "ms-answer" until the server's answer
// arrived, and "ms-from-key" from the keystroke (the 300 ms pause
// included). Medians.
func BenchmarkBrowserPreview(b *testing.B) {
	for name, root := range benchSites(b) {
		b.Run(name, func(b *testing.B) {
			ctx := browsertest.Start(b)
			r := start(b, root, "", serve.Options{})
			file := benchPage(b, root)
			run(b, ctx, "opening the form", chromedp.Navigate(r.desk+"sua?tep="+file))
			waitTrue(b, ctx, "the first preview", previewed)
			run(b, ctx, "the end of the body", chromedp.Focus(chromedp.CSS("#than-bai")))
			var afterPause, fromKey, answer []float64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				n, _ := eval[int](ctx, `cchcDesk.timing.length`)
				run(b, ctx, "a keystroke", chromedp.SendKeys(chromedp.CSS("#than-bai"), "x"))
				waitTrue(b, ctx, "the preview", `cchcDesk.timing.length > `+jsonInt(n))
				t, _ := eval[map[string]float64](ctx, `cchcDesk.timing[cchcDesk.timing.length-1]`)
				afterPause = append(afterPause, t["request"])
				fromKey = append(fromKey, t["pause"])
				answer = append(answer, t["answer"])
				time.Sleep(50 * time.Millisecond)
			}
			b.StopTimer()
			b.ReportMetric(median(afterPause), "ms-after-pause")
			b.ReportMetric(median(fromKey), "ms-from-key")
			b.ReportMetric(median(answer), "ms-answer")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// BenchmarkPreviewRequest times the server's part alone: a preview
// request answered over HTTP (compose, build one page, diagnostics).
func BenchmarkPreviewRequest(b *testing.B) {
	for name, root := range benchSites(b) {
		b.Run(name, func(b *testing.B) {
			r := start(b, root, "", serve.Options{})
			file := benchPage(b, root)
			text, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(file)))
			if err != nil {
				b.Fatal(err)
			}
			var ms []float64
			for i := 0; b.Loop(); i++ {
				began := time.Now()
				a := r.post(b, "xem-truoc", map[string]any{"tep": file, "goc": sum(string(text)), "body": string(text) + jsonInt(i)}, nil)
				ms = append(ms, float64(time.Since(began).Microseconds())/1000)
				if a.status != 200 {
					b.Fatalf("preview: %d %s", a.status, a.body)
				}
			}
			b.ReportMetric(median(ms), "ms-median")
		})
	}
}

func jsonInt(n int) string { return js(n) }
