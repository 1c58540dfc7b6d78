package pipeline

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/cchc-vn/cchc/internal/searchquery"
)

// The reader's side of the site search (assets/js/search.js and
// layouts/search.html), tested in headless Chromium against the sample
// site, and compared with the Go reference query of internal/searchquery.
// Helpers are in search_browser_helpers_test.go.

// searchEqualityQueries are typed without, with and with mixed
// diacritics, old and new tone placement, prefixes, codes, more than
// eight words and trailing space.
var searchEqualityQueries = []string{
	"chuyen doi so", "chuyển đổi số", "Chuyển Đổi Số", "mot cua", "một cửa liên thông", "mot cua lien th",
	"sipas", "SIPAS 2025", "thu tuc", "thủ tuc", "thủ tục ", "thu t", "hoa giai", "hoà giải", "hòa giải",
	"ket hon", "kết hôn", "khai sinh khai tu", "ho so truc tuyen", "hồ sơ trực tuyến", "dich vu cong",
	"c", "ch", "chuy", "cải cách hành chính năm 2026", "papi", "par index", "vneid de an 06",
	"35/KH-UBND", "quy", "quý IV", "ky so", "ký số", "tiếp nhận hồ sơ  ",
	"một hai ba bốn năm sáu bảy tám chín mười", "zzzz khong co", "mot cua ", "cua hoi", "của xã", "nop ho so cua",
}

// TestSearchBrowserMatchesGoReference runs the same queries through the
// browser's client and the Go reference: the same documents, scores and
// order, with and without filters.
func TestSearchBrowserMatchesGoReference(t *testing.T) {
	ctx := searchBrowser(t)
	f := sampleFixture(t)
	tab, _ := searchTab(t, ctx, 1280, 900)
	do(t, tab, "opening the search page", chromedp.Navigate(f.srv.URL+"tim-kiem/"))
	waitJS(t, tab, "the hook", `!!window.cchcSearch`)

	withResults := 0
	compare := func(q string, fl searchquery.Filters) {
		t.Helper()
		want := f.goQuery(t, q, fl)
		for i := 10; i < len(want); i++ {
			want[i].URL = "" // the hook, like the page, fetches the records of ten
		}
		got := jsQuery(t, tab, q, fl)
		if len(want) > 1 {
			withResults++
		}
		if !slices.Equal(got, want) {
			t.Errorf("query %q %+v:\n the browser: %v\n Go:          %v", q, fl, got, want)
		}
	}
	for _, q := range searchEqualityQueries {
		compare(q, searchquery.Filters{})
	}
	if withResults < len(searchEqualityQueries)/2 {
		t.Errorf("only %d of %d queries found more than one document: the comparison says little", withResults, len(searchEqualityQueries))
	}
	// Filters: every section and topic of the index, on a broad query.
	for _, s := range f.meta.Sections {
		compare("cai cach", searchquery.Filters{Section: s[0]})
	}
	for _, tp := range f.meta.Topics {
		compare("ho so", searchquery.Filters{Topic: tp[0]})
	}
	compare("ho so", searchquery.Filters{Section: "khong-co"})
}

// TestSearchBrowserPage uses the search page as a reader does, on a
// 360 px phone and on a desktop: results while typing without diacritics,
// highlighted titles, the count, the address, reload, Back and Forward,
// filters, "Xem thêm kết quả", the keyboard, and no request off the site.
func TestSearchBrowserPage(t *testing.T) {
	ctx := searchBrowser(t)
	f := sampleFixture(t)
	for _, vp := range []struct {
		name          string
		width, height int64
	}{{"phone-360", 360, 740}, {"desktop", 1280, 900}} {
		t.Run(vp.name, func(t *testing.T) {
			tab, requests := searchTab(t, ctx, vp.width, vp.height)
			searchPageFlow(t, tab, f, vp.width)
			if off := requests.offOrigin(f.srv.Origin); len(off) > 0 {
				t.Errorf("requests left the site's origin: %v", off)
			}
		})
	}
}

func searchPageFlow(t *testing.T, tab context.Context, f *searchFixture, width int64) {
	const box = "#tim-kiem-q"
	// The page paints without the index: nothing is fetched before the
	// reader has a query or puts the cursor in the box.
	f.srv.Take()
	do(t, tab, "opening the search page", chromedp.Navigate(f.srv.URL+"tim-kiem/"))
	waitJS(t, tab, "the script", `!!window.cchcSearch`)
	time.Sleep(200 * time.Millisecond)
	if f.srv.Asked("tim-kiem/i/") {
		t.Errorf("the index was fetched before any query or focus")
	}
	if hidden := mustJS[bool](t, tab, `getComputedStyle(document.querySelector(".header-search")).display === "none"`); !hidden {
		t.Errorf("the header's search box shows on the search page, beside the page's own")
	}
	if n := mustJS[float64](t, tab, `document.documentElement.scrollWidth`); n > float64(width) {
		t.Errorf("the page is %v px wide at a %d px viewport", n, width)
	}
	a11y := mustJS[string](t, tab, `(() => {
		const q = document.getElementById("tim-kiem-q"), s = document.getElementById("tim-kiem-trang-thai");
		const label = document.querySelector('label[for="tim-kiem-q"]');
		return [label && label.textContent.trim(), s.getAttribute("aria-live"), s.getAttribute("role"),
			document.getElementById("tim-kiem-ket-qua").tagName, q.type, document.querySelector("form[role=search]") ? "search" : ""].join("|");
	})()`)
	if want := "Từ khóa|polite|status|OL|search|search"; a11y != want {
		t.Errorf("label, live region, list, box type, landmark: %q, want %q", a11y, want)
	}
	do(t, tab, "focusing the box", chromedp.Focus(chromedp.CSS(box)))
	waitJS(t, tab, "the index's meta file fetched on focus", `performance.getEntriesByType("resource").some(e => e.name.includes("/tim-kiem/i/meta."))`)

	// Typing key by key, without diacritics and without Enter.
	expectResults := func(q string, fl searchquery.Filters) []goHit {
		t.Helper()
		want := f.goQuery(t, q, fl)
		if len(want) == 0 {
			t.Fatalf("the sample site has no result for %q: choose another query", q)
		}
		waitJS(t, tab, "the results of "+q, fmt.Sprintf(`document.getElementById("tim-kiem-trang-thai").textContent.startsWith(%s)`, jsString(countText(q, len(want)))))
		got := mustJS[shown](t, tab, shownJS)
		var wantHrefs []string
		for _, h := range want[:min(10, len(want))] {
			wantHrefs = append(wantHrefs, h.URL)
		}
		if !slices.Equal(got.Hrefs, wantHrefs) {
			t.Errorf("%q shows\n %v\nwant (Go reference)\n %v", q, got.Hrefs, wantHrefs)
		}
		return want
	}
	typeInto(t, tab, box, "chuyen doi so")
	want := expectResults("chuyen doi so", searchquery.Filters{})
	got := mustJS[shown](t, tab, shownJS)
	if got.Marked == 0 {
		t.Errorf("no result title has a <mark>")
	}
	if got.Query != "?q=chuyen+doi+so" {
		t.Errorf("the address has %q, want ?q=chuyen+doi+so", got.Query)
	}
	// Exactly the words that match are marked, in titles and snippets:
	// chuyen and doi by their fold, so as the prefix being typed.
	if bad := mustJS[[]string](t, tab, `(() => {
		const fold = w => w.toLowerCase().normalize("NFD").replace(/\p{Mn}/gu, "").replace(/đ/g, "d");
		const hit = w => ["chuyen", "doi"].includes(fold(w)) || fold(w).startsWith("so");
		const bad = [];
		for (const el of document.querySelectorAll("#tim-kiem-ket-qua h2 a, #tim-kiem-ket-qua .search-result-snippet")) {
			for (const n of el.childNodes) {
				const words = n.textContent.match(/[\p{L}\p{M}\p{Nd}]+/gu) || [];
				if (n.nodeName === "MARK") {
					if (words.length !== 1 || !hit(words[0])) bad.push("marked: " + n.textContent);
				} else {
					for (const w of words) if (hit(w)) bad.push("not marked: " + w);
				}
			}
		}
		return bad;
	})()`); len(bad) > 0 {
		t.Errorf("highlighting of chuyen doi so: %v", bad)
	}
	// "cua" also folds "của", on nearly every page: once "một cửa" is
	// found, "của" and "một" are marked only as part of the phrase.
	clearBox(t, tab)
	typeInto(t, tab, box, "mot cua")
	expectResults("mot cua", searchquery.Filters{})
	if bad := mustJS[[]string](t, tab, `(() => {
		const fold = w => w.toLowerCase().normalize("NFD").replace(/\p{Mn}/gu, "").replace(/đ/g, "d");
		const bad = [];
		for (const el of document.querySelectorAll("#tim-kiem-ket-qua h2 a, #tim-kiem-ket-qua .search-result-snippet")) {
			const words = [];
			for (const n of el.childNodes) {
				for (const w of n.textContent.match(/[\p{L}\p{M}\p{Nd}]+/gu) || []) words.push({w, mark: n.nodeName === "MARK"});
			}
			words.forEach((x, k) => {
				const lw = x.w.toLowerCase(), f = fold(x.w);
				const cua = g => g.startsWith("cua"); // the last word, still being typed: a prefix
				const phrase = (f === "mot" && words[k+1] && cua(fold(words[k+1].w))) || (cua(f) && k > 0 && fold(words[k-1].w) === "mot");
				const common = lw === "của" || lw === "một";
				const want = phrase || (!common && (f === "mot" || cua(f)));
				if (x.mark !== want) bad.push((x.mark ? "marked: " : "not marked: ") + words.slice(Math.max(0, k-1), k+2).map(y => y.w).join(" "));
			});
		}
		return bad;
	})()`); len(bad) > 0 {
		t.Errorf("highlighting of mot cua: %v", bad)
	}
	clearBox(t, tab)
	typeInto(t, tab, box, "chuyen doi so")
	expectResults("chuyen doi so", searchquery.Filters{})

	snippets := mustJS[int](t, tab, `[...document.querySelectorAll("#tim-kiem-ket-qua .search-result-snippet")].filter(p => p.textContent.length > 20).length`)
	if snippets < min(10, len(want))/2 {
		t.Errorf("only %d results have a snippet", snippets)
	}

	// A reload (or a shared link) shows the same results.
	do(t, tab, "reloading", chromedp.Reload())
	waitJS(t, tab, "the query back in the box", `document.getElementById("tim-kiem-q").value === "chuyen doi so"`)
	expectResults("chuyen doi so", searchquery.Filters{})

	// Submitted queries make history entries; Back and Forward restore them.
	clearBox(t, tab)
	typeInto(t, tab, box, "mot cua\r")
	expectResults("mot cua", searchquery.Filters{})
	clearBox(t, tab)
	typeInto(t, tab, box, "sipas\r")
	expectResults("sipas", searchquery.Filters{})
	mustJS[bool](t, tab, `history.back(), true`)
	waitJS(t, tab, "Back to mot cua", `location.search === "?q=mot+cua" && document.getElementById("tim-kiem-q").value === "mot cua"`)
	expectResults("mot cua", searchquery.Filters{})
	mustJS[bool](t, tab, `history.back(), true`)
	waitJS(t, tab, "Back to chuyen doi so", `location.search === "?q=chuyen+doi+so"`)
	expectResults("chuyen doi so", searchquery.Filters{})
	mustJS[bool](t, tab, `history.forward(), true`)
	waitJS(t, tab, "Forward to mot cua", `location.search === "?q=mot+cua"`)
	expectResults("mot cua", searchquery.Filters{})

	// Filters narrow the list, and go in the address.
	clearBox(t, tab)
	typeInto(t, tab, box, "thu tuc")
	all := expectResults("thu tuc", searchquery.Filters{})
	topic := ""
	for _, tp := range f.meta.Topics {
		n := len(f.goQuery(t, "thu tuc", searchquery.Filters{Topic: tp[0]}))
		if n > 0 && n < len(all) && mustJS[bool](t, tab, fmt.Sprintf(`!!document.querySelector('#tim-kiem-chu-de option[value=%s]')`, jsString(tp[0]))) {
			topic = tp[0]
			break
		}
	}
	if topic == "" {
		t.Fatalf("no topic narrows %q", "thu tuc")
	}
	mustJS[bool](t, tab, fmt.Sprintf(`(() => { const s = document.getElementById("tim-kiem-chu-de"); s.value = %s; s.dispatchEvent(new Event("change")); return true })()`, jsString(topic)))
	narrow := f.goQuery(t, "thu tuc", searchquery.Filters{Topic: topic})
	waitJS(t, tab, "the topic filter", fmt.Sprintf(`document.getElementById("tim-kiem-trang-thai").textContent.startsWith(%s)`, jsString(countText("thu tuc", len(narrow))+" trong chủ đề")))
	if q := mustJS[string](t, tab, `location.search`); q != "?q=thu+tuc&chu-de="+topic {
		t.Errorf("address with a filter: %q", q)
	}
	mustJS[bool](t, tab, `(() => { const s = document.getElementById("tim-kiem-chu-de"); s.value = ""; s.dispatchEvent(new Event("change")); return true })()`)
	if len(f.meta.Sections) > 1 {
		sec := f.meta.Sections[0][0]
		mustJS[bool](t, tab, fmt.Sprintf(`(() => { const s = document.getElementById("tim-kiem-chuyen-muc"); s.value = %s; s.dispatchEvent(new Event("change")); return true })()`, jsString(sec)))
		n := len(f.goQuery(t, "thu tuc", searchquery.Filters{Section: sec}))
		waitJS(t, tab, "the section filter", fmt.Sprintf(`document.getElementById("tim-kiem-trang-thai").textContent.startsWith(%s)`, jsString(countText("thu tuc", n)+" trong chuyên mục")))
		mustJS[bool](t, tab, `(() => { const s = document.getElementById("tim-kiem-chuyen-muc"); s.value = ""; s.dispatchEvent(new Event("change")); return true })()`)
	}

	// More than ten results: the button shows ten more and takes the
	// reader to the first of them.
	clearBox(t, tab)
	typeInto(t, tab, box, "hanh chinh")
	many := expectResults("hanh chinh", searchquery.Filters{})
	if len(many) <= 10 {
		t.Fatalf("%q finds only %d documents: choose a broader query", "hanh chinh", len(many))
	}
	do(t, tab, "showing more", chromedp.Click(chromedp.CSS("#tim-kiem-them")))
	waitJS(t, tab, "ten more results", fmt.Sprintf(`document.querySelectorAll("#tim-kiem-ket-qua > li").length === %d`, min(20, len(many))))
	if focused := mustJS[string](t, tab, `document.activeElement.getAttribute("href") || ""`); focused != many[10].URL {
		t.Errorf("after Xem thêm the focus is on %q, want the 11th result %q", focused, many[10].URL)
	}
	hidden := mustJS[bool](t, tab, `document.getElementById("tim-kiem-them").hidden`)
	if hidden != (len(many) <= 20) {
		t.Errorf("Xem thêm hidden = %v with %d results", hidden, len(many))
	}

	// The keyboard reaches the results from the box.
	do(t, tab, "focusing the box", chromedp.Focus(chromedp.CSS(box)))
	reached := false
	for range 8 {
		do(t, tab, "pressing Tab", chromedp.KeyEvent("\t"))
		if mustJS[bool](t, tab, `!!document.activeElement.closest("#tim-kiem-ket-qua") && document.activeElement.tagName === "A"`) {
			reached = true
			break
		}
	}
	if !reached {
		t.Errorf("eight Tabs from the box do not reach a result link")
	}
	if n := mustJS[float64](t, tab, `document.documentElement.scrollWidth`); n > float64(width) {
		t.Errorf("with results the page is %v px wide at a %d px viewport", n, width)
	}
}

// TestSearchBrowserStaleAnswersAndErrors: an answer that comes after a
// newer query's never replaces its results, and a failed fetch says so in
// Vietnamese and is tried again on the next query.
func TestSearchBrowserStaleAnswersAndErrors(t *testing.T) {
	ctx := searchBrowser(t)
	f := sampleFixture(t)
	tab, _ := searchTab(t, ctx, 1280, 900)
	const box = "#tim-kiem-q"
	do(t, tab, "opening the search page", chromedp.Navigate(f.srv.URL+"tim-kiem/"))
	waitJS(t, tab, "the script", `!!window.cchcSearch`)
	do(t, tab, "focusing the box", chromedp.Focus(chromedp.CSS(box)))
	waitJS(t, tab, "the meta file", `performance.getEntriesByType("resource").some(e => e.name.includes("/tim-kiem/i/meta."))`)

	// Query a is slow to answer: the chunks it reads that b, typed after
	// it, does not read are slow to come.
	queries := []string{"sipas", "vneid", "papi", "mot cua", "chuyen doi so", "ket hon", "thu tuc", "ho so"}
	a, b, slow := "", "", map[string]bool{}
	for _, qa := range queries {
		for _, qb := range queries {
			if qa == qb || a != "" || len(f.goQuery(t, qa, searchquery.Filters{})) == 0 || len(f.goQuery(t, qb, searchquery.Filters{})) == 0 {
				continue
			}
			other := f.filesFor(t, qb)
			for p := range f.filesFor(t, qa) {
				if name := strings.TrimPrefix(p, "tim-kiem/i/"); !other[p] && (name[0] == 'w' || name[0] == 'p') {
					slow[p] = true
				}
			}
			if len(slow) > 0 {
				a, b = qa, qb
			}
		}
	}
	if a == "" {
		t.Fatalf("no two queries of %v read different chunks", queries)
	}
	f.srv.Take()
	f.srv.SetHold(func(p string) (int, time.Duration) {
		if slow[p] {
			return 0, 1500 * time.Millisecond
		}
		return 0, 0
	})
	typeInto(t, tab, box, a)
	deadline := time.Now().Add(5 * time.Second)
	for !f.srv.Asked("tim-kiem/i/") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	clearBox(t, tab)
	typeInto(t, tab, box, b)
	wantB := f.goQuery(t, b, searchquery.Filters{})
	waitJS(t, tab, "the results of "+b, fmt.Sprintf(`document.getElementById("tim-kiem-trang-thai").textContent.startsWith(%s)`, jsString(countText(b, len(wantB)))))
	time.Sleep(2 * time.Second) // a's answers arrive now
	got := mustJS[shown](t, tab, shownJS)
	if !strings.HasPrefix(got.Status, countText(b, len(wantB))) || len(got.Hrefs) == 0 || got.Hrefs[0] != wantB[0].URL {
		t.Errorf("after the late answer to %q the page shows %q %v, want the results of %q", a, got.Status, got.Hrefs, b)
	}

	// A failed fetch: a message, no stale list; the next query tries again.
	f.srv.SetHold(func(p string) (int, time.Duration) {
		if strings.HasPrefix(p, "tim-kiem/i/") && !strings.HasPrefix(p, "tim-kiem/i/meta.") {
			return http.StatusServiceUnavailable, 0
		}
		return 0, 0
	})
	clearBox(t, tab)
	typeInto(t, tab, box, "khai sinh")
	waitJS(t, tab, "the error message", `document.getElementById("tim-kiem-trang-thai").textContent === "Không tải được dữ liệu tìm kiếm. Hãy kiểm tra kết nối mạng rồi thử lại." && !document.querySelector("#tim-kiem-ket-qua li")`)
	f.srv.SetHold(nil)
	typeInto(t, tab, box, " ")
	want := f.goQuery(t, "khai sinh ", searchquery.Filters{})
	waitJS(t, tab, "the results once the network is back", fmt.Sprintf(`document.getElementById("tim-kiem-trang-thai").textContent.startsWith(%s)`, jsString(countText("khai sinh", len(want)))))
}

// TestSearchBrowserHeaderBoxAndNoScript: the header's box is a plain form
// that lands on the search page, with or without JavaScript; without it
// the page says, in Vietnamese, that it cannot search.
func TestSearchBrowserHeaderBoxAndNoScript(t *testing.T) {
	ctx := searchBrowser(t)
	f := sampleFixture(t)

	tab, _ := searchTab(t, ctx, 360, 740)
	do(t, tab, "opening the home page", chromedp.Navigate(f.srv.URL))
	typeInto(t, tab, "#o-tim-kiem", "mot cua\r")
	waitJS(t, tab, "the search page", `location.pathname.endsWith("/tim-kiem/") && location.search === "?q=mot+cua"`)
	want := f.goQuery(t, "mot cua", searchquery.Filters{})
	waitJS(t, tab, "the results", fmt.Sprintf(`document.getElementById("tim-kiem-trang-thai").textContent.startsWith(%s)`, jsString(countText("mot cua", len(want)))))
	if v := mustJS[string](t, tab, `document.getElementById("tim-kiem-q").value`); v != "mot cua" {
		t.Errorf("the box holds %q", v)
	}

	off, _ := searchTab(t, ctx, 360, 740)
	if _, err := chromedp.Call(off, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	f.srv.Take()
	do(t, off, "opening the home page", chromedp.Navigate(f.srv.URL))
	do(t, off, "searching from the header", chromedp.SendKeys(chromedp.CSS("#o-tim-kiem"), "thu tuc\r"))
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) && !f.srv.Asked("tim-kiem/index.html") {
		time.Sleep(20 * time.Millisecond)
	}
	if !f.srv.Asked("tim-kiem/index.html") {
		t.Fatalf("the header's form did not go to the search page")
	}
	do(t, off, "waiting for the notice", chromedp.WaitVisible(chromedp.CSS(".search-noscript")))
	text, err := chromedp.Run(off, chromedp.Text(chromedp.CSS(".search-noscript")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "Trình duyệt đang tắt JavaScript nên trang này chưa tìm kiếm được.") {
		t.Errorf("without JavaScript the page says %q", text)
	}
	if f.srv.Asked("tim-kiem/i/") || f.srv.Asked("assets/js/") {
		t.Errorf("without JavaScript the page fetched script or index files")
	}
}

// TestSearchBrowserBytesPerQuery counts the gzip bytes of index files the
// browser fetches for one query: typed in the box, and opened as a shared
// link. The budget is for a reader on a slow mobile network.
func TestSearchBrowserBytesPerQuery(t *testing.T) {
	ctx := searchBrowser(t)
	f := sampleFixture(t)
	const budget = 64 << 10
	for _, q := range []string{"mot cua", "chuyen doi so", "sipas"} {
		tab, _ := searchTab(t, ctx, 360, 740)
		do(t, tab, "opening the search page", chromedp.Navigate(f.srv.URL+"tim-kiem/"))
		waitJS(t, tab, "the script", `!!window.cchcSearch`)
		f.srv.Take()
		typeInto(t, tab, "#tim-kiem-q", q)
		want := f.goQuery(t, q, searchquery.Filters{})
		waitJS(t, tab, "the results of "+q, fmt.Sprintf(`document.getElementById("tim-kiem-trang-thai").textContent.startsWith(%s)`, jsString(countText(q, len(want)))))
		total, by, files := indexBytes(f.srv.Take())
		t.Logf("typed %q: %d index files, %d bytes gzip (meta %d, words %d, pairs %d, bundles of results %d)", q, files, total, by["m"], by["w"], by["p"], by["d"])
		if by["m"] == 0 || by["w"] == 0 || by["d"] == 0 || by["f"] != 0 {
			t.Errorf("typed %q: the server sent no meta, word chunk or bundle, or the filter file without a filter: %v", q, by)
		}
		if total > budget {
			t.Errorf("typed %q: %d bytes of index, over the budget of %d", q, total, budget)
		}

		link, _ := searchTab(t, ctx, 360, 740)
		f.srv.Take()
		do(t, link, "opening a shared link", chromedp.Navigate(f.srv.URL+"tim-kiem/?q="+strings.ReplaceAll(q, " ", "+")))
		waitJS(t, link, "the results of "+q, fmt.Sprintf(`document.getElementById("tim-kiem-trang-thai").textContent.startsWith(%s)`, jsString(countText(q, len(want)))))
		sent := f.srv.Take()
		total, _, files = indexBytes(sent)
		var page int64
		for _, n := range sent {
			page += n
		}
		t.Logf("shared link %q: %d index files, %d bytes gzip; with the page, style and script %d bytes", q, files, total, page)
	}
}

// TestSearchBrowserLatency measures, in Chromium, the time from a
// keystroke (the input event of the last letter) to the results in the
// page, debounce included: the median of several queries, first with the
// index files still to fetch (cold) and again with them in memory (warm).
// It is a measurement, not a check, so it runs only on request:
//
//	CCHC_SEARCH_BENCH=sample go test ./internal/pipeline -run TestSearchBrowserLatency -v
//	CCHC_SEARCH_BENCH=/tmp/c1k go test ./internal/pipeline -run TestSearchBrowserLatency -v
//
// A folder is a built site; its base path is read from its search page.
func TestSearchBrowserLatency(t *testing.T) {
	where := os.Getenv("CCHC_SEARCH_BENCH")
	if where == "" {
		t.Skip("set CCHC_SEARCH_BENCH=sample or =<built site folder> to measure search latency")
	}
	var f *searchFixture
	if where == "sample" {
		f = sampleFixture(t)
	} else {
		files := readSite(t, where)
		m := regexp.MustCompile(`data-base="?([^" >]+)`).FindSubmatch(files["tim-kiem/index.html"])
		if m == nil {
			t.Fatalf("%s/tim-kiem/index.html has no data-base", where)
		}
		f = newSearchFixture(t, files, string(m[1]))
	}
	ctx := searchBrowser(t)
	queries := []string{"chuyen doi so", "mot cua", "thu tuc hanh chinh", "sipas", "ho so truc tuyen",
		"cai cach", "dich vu cong", "ky so", "khai sinh", "papi", "kết quả", "công chức"}
	for _, vp := range []struct {
		name          string
		width, height int64
		slowdown      float64 // CPU throttling: a phone is slower than this machine
	}{{"desktop", 1280, 900, 1}, {"phone-360, CPU 4× slower", 360, 740, 4}} {
		tab, _ := searchTab(t, ctx, vp.width, vp.height)
		if _, err := chromedp.Call(tab, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: vp.slowdown}); err != nil {
			t.Fatal(err)
		}
		do(t, tab, "opening the search page", chromedp.Navigate(f.srv.URL+"tim-kiem/"))
		waitJS(t, tab, "the script", `!!window.cchcSearch`)
		do(t, tab, "focusing the box", chromedp.Focus(chromedp.CSS("#tim-kiem-q")))
		waitJS(t, tab, "the meta file", `performance.getEntriesByType("resource").some(e => e.name.includes("/tim-kiem/i/meta."))`)
		var cold, warm, engine, kb []float64
		for round := range 2 {
			for _, q := range queries {
				f.srv.Take()
				ms := mustJS[float64](t, tab, fmt.Sprintf(`(async () => {
					const box = document.getElementById("tim-kiem-q"), status = document.getElementById("tim-kiem-trang-thai");
					box.value = "";
					box.dispatchEvent(new Event("input", {bubbles: true}));
					await new Promise(r => { const w = () => status.textContent === "" ? r() : setTimeout(w, 5); w(); });
					const q = %s;
					const done = new Promise(r => {
						const mo = new MutationObserver(() => {
							if (status.textContent.includes("“" + q + "”")) { mo.disconnect(); r(performance.now()); }
						});
						mo.observe(status, {childList: true, characterData: true, subtree: true});
					});
					box.value = q;
					const t0 = performance.now();
					box.dispatchEvent(new Event("input", {bubbles: true}));
					const t1 = await done;
					return t1 - t0;
				})()`, jsString(q)))
				if round == 0 {
					cold = append(cold, ms)
					total, _, _ := indexBytes(f.srv.Take())
					kb = append(kb, float64(total)/1024)
				} else {
					warm = append(warm, ms)
					ms := mustJS[float64](t, tab, fmt.Sprintf(`(async () => { const t0 = performance.now(); await window.cchcSearch.query(%s, {}); return performance.now() - t0 })()`, jsString(q)))
					engine = append(engine, ms)
				}
			}
		}
		t.Logf("%s, %d documents, %s: keystroke → results shown (120 ms debounce included): median cold %.1f ms (max %.1f), warm %.1f ms (max %.1f); query alone, warm: median %.2f ms (max %.2f); index fetched by a cold query: median %.1f KB gzip (max %.1f)",
			where, f.meta.N, vp.name, median(cold), slices.Max(cold), median(warm), slices.Max(warm), median(engine), slices.Max(engine), median(kb), slices.Max(kb))
	}
}
