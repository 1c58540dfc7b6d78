// Command searchcmp runs the same queries against cchc's search and
// Pagefind's on one built site in headless Chromium, and prints for each
// query what each engine finds among its first ten results, the bytes it
// transferred (gzip where a portal would compress), and its time.
//
//	cchc build -s corpus -d site && pagefind --site site
//	searchcmp -site site -corpus corpus [-base /cchc/]
//
// Each query runs in a fresh page with the browser cache off, as for a
// reader who searches once: cchc's search page without a query (it
// fetches no index until used; search.js comes with the page and is not
// counted), Pagefind from the home page (its pagefind.js, worker and wasm
// load with the search and are counted). The server (browsertest.Site)
// sends no validators, so nothing is revalidated from a cache.
package main

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/cchc-vn/cchc/internal/browsertest"
)

// queries are what readers type: mostly without diacritics, some mixed,
// some with the other tone placement or half typed.
var queries = []string{
	"chuyen doi so", "mot cua lien thong", "sipas", "par index", "dinh danh dien tu",
	"vneid", "chu ky so", "thu tuc hanh chinh", "dich vu cong truc tuyen", "thanh toan truc tuyen",
	"khai sinh", "ho tich", "dat dai", "tiep cong dan", "phan anh kien nghi",
	"so hoa ho so", "nong thon moi", "an sinh xa hoi", "ky nang so", "xin loi",
	"pci", "papi",
	"chuyển đổi so", "thủ tuc hành chinh", "văn hoá", "uỷ ban nhân dân", "ĐỊNH DANH ĐIỆN TỬ",
	"hồ sơ trễ hạn", "ky nang s", "nong thon m",
}

type outcome struct {
	results  int      // how many results the engine reports
	top      []string // URLs of the first ten, below the base path
	relevant int      // how many of top are relevant
	bytes    int64    // sent for the search (index, engine, fragments)
	ms       float64  // query to results, in the page
	err      error
}

func main() {
	site := flag.String("site", "", "built site folder (with tim-kiem/ and pagefind/)")
	corpus := flag.String("corpus", "", "the corpus the site was built from, for the truth")
	base := flag.String("base", "/cchc/", "base path the site is served under")
	engines := flag.String("engines", "cchc,pagefind", "engines to run")
	flag.Parse()
	if *site == "" || *corpus == "" {
		fmt.Fprintln(os.Stderr, "usage: searchcmp -site DIR -corpus DIR [-base /cchc/]")
		os.Exit(2)
	}
	docs, err := loadCorpus(*corpus)
	check(err)
	files, err := browsertest.ReadDir(*site)
	check(err)
	srv := browsertest.NewSite(files, *base)
	defer srv.Close()
	ctx, cancel := startBrowser()
	defer cancel()

	names := strings.Split(*engines, ",")
	results := map[string][]outcome{}
	for _, name := range names {
		for _, q := range queries {
			o := run(ctx, srv, name, q)
			if o.err == nil {
				for _, u := range o.top {
					if i := slices.IndexFunc(docs, func(d corpusDoc) bool { return d.url == u }); i >= 0 && relevant(docs[i].tokens, q) {
						o.relevant++
					}
				}
			}
			results[name] = append(results[name], o)
		}
	}
	report(names, results, docs)
}

func run(ctx context.Context, srv *browsertest.Site, engine, q string) outcome {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	var o outcome
	var page, expr string
	switch engine {
	case "cchc":
		// The search page without a query fetches no index until used,
		// so all the query costs is counted; the hook returns what the
		// page would show.
		page = srv.URL + "tim-kiem/"
		expr = fmt.Sprintf(`(async () => {
			const t0 = performance.now();
			const r = await window.cchcSearch.query(%q, {});
			return {n: r.length, urls: r.slice(0, 10).map(x => x.url), ms: performance.now() - t0};
		})()`, q)
	case "pagefind":
		page = srv.URL
		expr = fmt.Sprintf(`(async () => {
			const t0 = performance.now();
			const pf = await import(%q);
			await pf.options({baseUrl: %q});
			const r = await pf.search(%q);
			const top = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
			return {n: r.results.length, urls: top.map(d => d.url), ms: performance.now() - t0};
		})()`, srv.URL+"pagefind/pagefind.js", srv.BasePath, q)
	default:
		o.err = fmt.Errorf("unknown engine %q", engine)
		return o
	}
	noCache := func(ctx context.Context, _ *chromedp.Target) (chromedp.Void, error) {
		if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
			return chromedp.Void{}, err
		}
		_, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
		return chromedp.Void{}, err
	}
	if err := chromedp.Do(ctx, noCache, chromedp.Navigate(page)); err != nil {
		o.err = err
		return o
	}
	srv.Take() // the page itself is not the search's cost
	type answer struct {
		N    int      `json:"n"`
		URLs []string `json:"urls"`
		MS   float64  `json:"ms"`
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[answer](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		o.err = err
		return o
	}
	for _, n := range srv.Take() {
		o.bytes += n
	}
	o.results, o.ms = res.N, res.MS
	for _, u := range res.URLs {
		if pu, err := url.Parse(u); err == nil {
			u = pu.Path
		}
		o.top = append(o.top, strings.TrimPrefix(strings.TrimPrefix(u, srv.BasePath), "/"))
	}
	return o
}

func report(names []string, results map[string][]outcome, docs []corpusDoc) {
	fmt.Printf("%-26s %8s", "query", "relevant")
	for _, n := range names {
		fmt.Printf(" | %-8s %5s %7s %6s", n, "top10", "KB", "ms")
	}
	fmt.Println()
	for i, q := range queries {
		rel := 0
		for _, d := range docs {
			if relevant(d.tokens, q) {
				rel++
			}
		}
		fmt.Printf("%-26s %8d", q, rel)
		for _, n := range names {
			o := results[n][i]
			if o.err != nil {
				fmt.Printf(" | error: %v", o.err)
				continue
			}
			fmt.Printf(" | %8d %2d/%-2d %7.1f %6.0f", o.results, o.relevant, len(o.top), float64(o.bytes)/1024, o.ms)
		}
		fmt.Println()
	}
	for _, n := range names {
		found, bytes, ms := 0, []float64{}, []float64{}
		for i, o := range results[n] {
			rel := 0
			for _, d := range docs {
				if relevant(d.tokens, queries[i]) {
					rel++
				}
			}
			if o.err == nil && (o.relevant > 0 || rel == 0 && o.results == 0) {
				found++
			}
			bytes = append(bytes, float64(o.bytes)/1024)
			ms = append(ms, o.ms)
		}
		fmt.Printf("%s: finds %d/%d queries; KB per query median %.1f max %.1f; ms median %.0f\n",
			n, found, len(queries), median(bytes), slices.Max(bytes), median(ms))
	}
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	sort.Float64s(s)
	return s[len(s)/2]
}

func startBrowser() (context.Context, context.CancelFunc) {
	path, err := exec.LookPath("chromium")
	check(err)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path), chromedp.Flag("headless", true), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true))
	ctx, cancel := chromedp.NewContext(alloc)
	check(chromedp.Do(ctx))
	return ctx, func() { cancel(); cancelAlloc() }
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "searchcmp:", err)
		os.Exit(1)
	}
}
