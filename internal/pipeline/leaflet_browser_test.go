package pipeline

import (
	"bytes"
	"context"
	"image/png"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/browsertest"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/publish"
	"github.com/cchc-vn/cchc/internal/qrtest"
)

// The printable pages in Chromium, as a reader prints them (Ctrl+P, A4
// from the page's CSS, its margins), on the frozen sample site.

// The printable area of an A4 page inside leaflet.css's @page margins
// (12 mm top and bottom, 14 mm left and right), in CSS pixels.
const (
	printWidth  = (210 - 2*14) * 96 / 25.4
	printHeight = (297 - 2*12) * 96 / 25.4
)

type printFixture struct {
	site *content.Site
	srv  *browsertest.Site
	tab  context.Context
}

func newPrintFixture(t *testing.T) *printFixture {
	t.Helper()
	browser := browsertest.Start(t)
	var out publish.Collector
	res, ds := Build(Options{Site: os.DirFS(sampleDir), Theme: cchc.Theme(), Now: testNow}, &out)
	if ds.HasErrors() {
		t.Fatalf("sample site: %v", ds)
	}
	tab, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	if err := chromedp.Do(tab); err != nil {
		t.Fatal(err)
	}
	return &printFixture{site: res.Site, srv: serveSite(t, out.Files(), res.Config.BasePath()), tab: tab}
}

// media makes the tab lay the page out as for "print", at the width of
// the printable area as the printer does, or, with "", as on a screen
// again (an emulated "screen" would also hold when printing to PDF).
func (f *printFixture) media(t *testing.T, media string) {
	t.Helper()
	if _, err := chromedp.Call(f.tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media}); err != nil {
		t.Fatal(err)
	}
	w, h := int64(1280), int64(900)
	if media == "print" {
		w, h = int64(math.Round(printWidth)), int64(math.Round(printHeight))
	}
	do(t, f.tab, "resizing", chromedp.EmulateViewport(w, h))
}

// pdf prints the open page as the print dialog would: paper size and
// margins from the page's CSS, no header or footer.
func (f *printFixture) pdf(t *testing.T) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(f.tab, 30*time.Second)
	defer cancel()
	data, err := chromedp.Run(ctx, chromedp.PrintToPDF(func(p *page.PrintToPDFParams) {
		css := true
		p.PreferCSSPageSize = &css
	}))
	if err != nil {
		t.Fatalf("printing to PDF: %v", err)
	}
	return data
}

var (
	pdfPageRE = regexp.MustCompile(`/Type\s*/Page[^s]`)
	pdfA4RE   = regexp.MustCompile(`/MediaBox\s*\[0 0 59[45]\.\d+ 84[12]\.\d+\]`)
)

// pdfPages counts the page objects of a PDF, and the A4 ones among them.
func pdfPages(data []byte) (pages, a4 int) {
	return len(pdfPageRE.FindAll(data, -1)), len(pdfA4RE.FindAll(data, -1))
}

// scan screenshots the element at sel, enlarged, and decodes the QR code
// in it. The element must be in the viewport: a capture beyond it would
// lay the page out again (without a scroll bar) and shift the element.
func (f *printFixture) scan(t *testing.T, sel string) string {
	t.Helper()
	r := mustJS[[]float64](t, f.tab, `(() => { const r = document.querySelector(`+strconv.Quote(sel)+`).getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })()`)
	surface := true
	shot, err := chromedp.Call(f.tab, page.CaptureScreenshot, page.CaptureScreenshotParams{
		Format: page.CaptureScreenshotFormatPng, FromSurface: &surface,
		Clip: &page.Viewport{X: r[0], Y: r[1], Width: r[2], Height: r[3], Scale: 3},
	})
	if err != nil {
		t.Fatalf("screenshot of %s: %v", sel, err)
	}
	img, err := png.Decode(bytes.NewReader(shot.Data))
	if err != nil {
		t.Fatal(err)
	}
	text, err := qrtest.Decode(img)
	if err != nil {
		t.Fatalf("the code at %s does not scan: %v", sel, err)
	}
	return text
}

// longestProcedure is the procedure with the most to print.
func longestProcedure(site *content.Site) *content.Page {
	var best *content.Page
	size := func(p *content.Page) int {
		pr := p.Proc
		n := len(p.Title) + len(pr.Field) + len(pr.Code) + len(pr.Level) + len(pr.Duration) + len(pr.Fee) + len(pr.Place) + len(pr.OnlineURL)
		for _, s := range pr.Papers {
			n += len(s)
		}
		return n
	}
	for _, p := range site.Pages {
		if p.Proc != nil && (best == nil || size(p) > size(best)) {
			best = p
		}
	}
	return best
}

// TestPrintedPages prints the sample's printable pages in one browser.
func TestPrintedPages(t *testing.T) {
	f := newPrintFixture(t)
	t.Run("leaflet on one A4 page", f.leafletOnOnePage)
	t.Run("booklet one page per procedure", f.bookletOnePagePerProcedure)
	t.Run("article and answer print view", f.articlePrintView)
	t.Run("long procedures on one page each", f.longProceduresOnOnePage)
}

// leafletOnOnePage prints the leaflet of the sample's longest procedure:
// exactly one A4 page, nothing outside the printable area, and both codes
// scan to their addresses as printed.
func (f *printFixture) leafletOnOnePage(t *testing.T) {
	p := longestProcedure(f.site)
	if p == nil || p.Proc.OnlineURL == "" {
		t.Fatal("the sample has no procedure with an online service")
	}
	do(t, f.tab, "opening the leaflet", chromedp.Navigate(f.srv.URL+p.URL+"in/"))
	if pages, a4 := pdfPages(f.pdf(t)); pages != 1 || a4 != 1 {
		t.Errorf("the leaflet of %s prints on %d pages (%d A4), want one A4 page", p.URL, pages, a4)
	}

	f.media(t, "print")
	// Nothing cut: every element of the sheet lies inside one printable page.
	out := mustJS[[]string](t, f.tab, `(() => {
		const out = [], w = `+ftoa(printWidth)+`, h = `+ftoa(printHeight)+`;
		for (const el of document.querySelectorAll(".sheet, .sheet *")) {
			const r = el.getBoundingClientRect();
			if (r.width === 0 && r.height === 0) continue;
			if (r.left < -0.5 || r.top < -0.5 || r.right > w + 0.5 || r.bottom > h + 0.5)
				out.push(el.tagName + "." + el.className + " " + [r.left, r.top, r.right, r.bottom].map(Math.round).join(","));
		}
		const foot = document.querySelector(".sheet-foot");
		if (!foot || foot.getBoundingClientRect().bottom <= 0) out.push("no footer");
		if (document.documentElement.scrollWidth > w + 0.5) out.push("page wider than the paper: " + document.documentElement.scrollWidth);
		return out;
	})()`)
	if len(out) > 0 {
		t.Errorf("outside the printable area (%.0f×%.0f px):\n%s", printWidth, printHeight, strings.Join(out, "\n"))
	}
	if hidden := mustJS[bool](t, f.tab, `getComputedStyle(document.querySelector(".print-toolbar")).display === "none"`); !hidden {
		t.Error("the toolbar prints")
	}
	if got := f.scan(t, ".sheet-code:nth-child(1) .qr"); got != p.Proc.OnlineURL {
		t.Errorf("the online service's code reads %q, want %q", got, p.Proc.OnlineURL)
	}
	if got, want := f.scan(t, ".sheet-code:nth-child(2) .qr"), "https://dienchau.nghean.gov.vn/cchc/"+p.URL; got != want {
		t.Errorf("the page's code reads %q, want %q", got, want)
	}

	// On a screen the button shows (the script runs) and prints.
	f.media(t, "")
	waitJS(t, f.tab, "the print button", `!document.querySelector("[data-print]").hidden`)
}

// bookletOnePagePerProcedure: the cover, then one page for each
// procedure of the sample.
func (f *printFixture) bookletOnePagePerProcedure(t *testing.T) {
	procs := 0
	for _, p := range f.site.Pages {
		if p.Proc != nil {
			procs++
		}
	}
	do(t, f.tab, "opening the booklet", chromedp.Navigate(f.srv.URL+"thu-tuc/in/"))
	if pages, a4 := pdfPages(f.pdf(t)); pages != procs+1 || a4 != pages {
		t.Errorf("the booklet prints on %d pages (%d A4), want %d: the cover and one per procedure", pages, a4, procs+1)
	}
}

// articlePrintView: printed, an article and an answer show the print
// header and its code, and no navigation, search or footer; on a screen
// the header is hidden.
func (f *printFixture) articlePrintView(t *testing.T) {
	for _, kind := range []string{"", content.SectionQA} {
		var page *content.Page
		for _, p := range f.site.Pages {
			// A news article (no kind's fields), then a question.
			if p.Role == content.RoleArticle && (p.QA != nil) == (kind == content.SectionQA) && p.Doc == nil && p.Proc == nil && p.Event == nil {
				page = p
				break
			}
		}
		do(t, f.tab, "opening "+page.URL, chromedp.Navigate(f.srv.URL+page.URL))
		display := func(sel string) string {
			return mustJS[string](t, f.tab, `(() => { const e = document.querySelector("`+sel+`"); return e ? getComputedStyle(e).display : "missing"; })()`)
		}
		f.media(t, "print")
		for _, sel := range []string{".site-header", ".site-nav", ".header-search", ".site-footer", ".breadcrumb"} {
			if d := display(sel); d != "none" && d != "missing" {
				t.Errorf("%s: %s prints (display %s)", page.URL, sel, d)
			}
		}
		if d := display(".print-header"); d != "flex" {
			t.Errorf("%s: the print header has display %s in print", page.URL, d)
		}
		if got, want := f.scan(t, ".print-header .qr"), "https://dienchau.nghean.gov.vn/cchc/"+page.URL; got != want {
			t.Errorf("%s: the printed code reads %q, want %q", page.URL, got, want)
		}
		f.media(t, "")
		if d := display(".print-header"); d != "none" {
			t.Errorf("%s: the print header shows on screen (display %s)", page.URL, d)
		}
	}
}

func ftoa(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

// longProceduresOnOnePage prints procedures much longer than the
// sample's, one for each step of the leaflet's tighter layouts: each
// still takes one A4 page.
func (f *printFixture) longProceduresOnOnePage(t *testing.T) {
	site := fstest.MapFS{"site.yaml": {Data: []byte("title: \"Chuyên mục CCHC\"\norganization: \"UBND xã Diễn Châu\"\n" +
		"base_url: \"https://dienchau.example/cchc/\"\ncontact:\n  hours: \"Sáng 7 giờ 30 – 11 giờ 30, chiều 13 giờ 30 – 17 giờ, thứ Hai đến thứ Sáu\"\n")}}
	steps := []struct {
		class          string
		papers, length int // how many papers, of how many letters
	}{{"sheet-dense", 5, 110}, {"sheet-denser", 8, 110}, {"sheet-densest", 12, 140}}
	for i, st := range steps {
		site["content/thu-tuc/dai-"+strconv.Itoa(i)+".md"] = &fstest.MapFile{Data: []byte(longProcedure(st.papers, st.length))}
	}
	var out publish.Collector
	res, ds := Build(Options{Site: site, Theme: cchc.Theme(), Now: testNow}, &out)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	srv := serveSite(t, out.Files(), res.Config.BasePath())
	for i, st := range steps {
		url := "thu-tuc/dai-" + strconv.Itoa(i) + "/in/"
		if !bytes.Contains(out.Files()[url+"index.html"], []byte(st.class+`"`)) {
			t.Errorf("%s is not laid out as %s", url, st.class)
		}
		do(t, f.tab, "opening "+url, chromedp.Navigate(srv.URL+url))
		if pages, _ := pdfPages(f.pdf(t)); pages != 1 {
			t.Errorf("%s (%d papers of %d letters) prints on %d pages", url, st.papers, st.length, pages)
		}
	}
}

// longProcedure is a procedure of the national catalogue's longest kind:
// a long name, long time limit, fee and place, and many papers.
func longProcedure(papers, length int) string {
	text := func(n int) string {
		const words = "Bản sao giấy tờ chứng minh nơi cư trú hợp pháp của người yêu cầu, kèm bản chính để đối chiếu khi nộp trực tiếp tại nơi tiếp nhận hồ sơ; "
		r := []rune(strings.Repeat(words, n/len([]rune(words))+1))
		return strings.TrimSpace(string(r[:n]))
	}
	var b strings.Builder
	b.WriteString("---\ntitle: \"Đăng ký kết hôn có yếu tố nước ngoài giữa công dân Việt Nam với người nước ngoài\"\n")
	b.WriteString("linh_vuc: \"Hộ tịch\"\nmuc_do: \"Một phần\"\nma_thu_tuc: \"1.000894\"\n")
	b.WriteString("thoi_han: \"" + text(150) + "\"\nle_phi: \"" + text(120) + "\"\nnoi_tiep_nhan: \"" + text(90) + "\"\n")
	b.WriteString("link_dvc: \"https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.000894\"\nho_so:\n")
	for i := range papers {
		b.WriteString("  - \"" + strconv.Itoa(i+1) + ". " + text(length) + "\"\n")
	}
	b.WriteString("---\n")
	return b.String()
}
