package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"testing/fstest"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/browsertest"
	"github.com/cchc-vn/cchc/internal/publish"
)

// chartSite is a page with a chart of each kind, in the default theme:
// columns of three series with a negative and a missing value, bars with
// long labels, a line from a CSV file with a gap.
func chartSite(t *testing.T) (map[string][]byte, string) {
	t.Helper()
	site := fstest.MapFS{
		"content/bai-viet/bieu-do/index.md": {Data: []byte(`---
title: "Ba loại biểu đồ"
date: 2026-01-16
topics: [PCI]
summary: "Biểu đồ cột, thanh và đường."
---
` + "```bieu-do" + `
loai: cot
tieu_de: "Chênh lệch hồ sơ so với cùng kỳ"
don_vi: hồ sơ
nhan: Quý I; Quý II; Quý III; Quý IV
chuoi:
  - ten: Hộ tịch
    so_lieu: 120; -35; 1.204; 310
  - ten: Chứng thực
    so_lieu: 80; ; 15; 42
  - ten: Đất đai
    so_lieu: -12; 4; 9; 60
` + "```" + `

` + "```bieu-do" + `
loai: thanh
tieu_de: "Tỷ lệ hài lòng theo yếu tố"
don_vi: "%"
nhan:
  - Tiếp cận dịch vụ
  - Công chức giải quyết công việc
  - Tiếp nhận, xử lý ý kiến góp ý, phản ánh, kiến nghị của người dân và doanh nghiệp
  - Kết quả dịch vụ
so_lieu: 88,6; 91,2; 82,3; -
` + "```" + `

` + "```bieu-do" + `
loai: duong
tieu_de: "Điểm PCI"
don_vi: điểm
du_lieu: pci.csv
` + "```" + `
`)},
		"content/bai-viet/bieu-do/pci.csv": {Data: []byte("\uFEFFNăm;Điểm PCI\r\n2019;66,64\r\n2020;64,73\r\n2021;\r\n2022;66,60\r\n2023;65,72\r\n2024;1.066,5\r\n")},
	}
	var out publish.Collector
	res, ds := Build(Options{Site: site, Theme: cchc.Theme(), Now: testNow}, &out)
	if len(ds) > 0 {
		t.Fatalf("build: %v", ds)
	}
	return out.Files(), res.Config.BasePath()
}

// chartMeasures is what the page tells of its charts.
type chartMeasures struct {
	Figures     int      `json:"figures"`
	Texts       int      `json:"texts"`
	MinFont     float64  `json:"minFont"` // smallest rendered text, CSS px
	Outside     []string `json:"outside"` // texts past the drawing's edges
	PageWidth   int      `json:"pageWidth"`
	ScrollWidth int      `json:"scrollWidth"`
	Widest      float64  `json:"widest"` // right edge of the widest figure
}

// chartMeasuresJS measures every text of every chart as rendered: its
// font size times the drawing's scale, and its box against the viewBox
// (the layout estimates text widths; the browser knows them).
const chartMeasuresJS = `(() => {
  const out = {figures: 0, texts: 0, minFont: 1e9, outside: [], widest: 0,
    pageWidth: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth};
  for (const fig of document.querySelectorAll("figure.bieu-do")) {
    out.figures++;
    out.widest = Math.max(out.widest, fig.getBoundingClientRect().right);
    const svg = fig.querySelector("svg");
    const scale = svg.getScreenCTM().a, vb = svg.viewBox.baseVal;
    for (const t of svg.querySelectorAll("text")) {
      out.texts++;
      out.minFont = Math.min(out.minFont, parseFloat(getComputedStyle(t).fontSize) * scale);
      const b = t.getBBox();
      if (b.x < vb.x - 0.5 || b.x + b.width > vb.x + vb.width + 0.5) out.outside.push(t.textContent + " " + Math.round(b.x) + "+" + Math.round(b.width));
    }
  }
  return out;
})()`

// TestChartsInBrowser loads a page with a chart of each kind at 360 px
// and 1280 px: every text of a drawing is 12 px or more and inside the
// drawing, nothing scrolls sideways, axe-core finds nothing wrong with
// the figures, nothing is fetched from elsewhere, and print shows the
// drawings and their tables.
func TestChartsInBrowser(t *testing.T) {
	browser := searchBrowser(t)
	files, base := chartSite(t)
	srv := serveSite(t, files, base)
	axe := browsertest.FindAxe() // the charts' other checks run without it
	if axe == "" {
		if os.Getenv(browsertest.Required) != "" {
			t.Fatal("axe-core not found: run .ci/a11y --tools, or set CCHC_AXE to axe.min.js")
		}
		t.Log("axe-core not found (.ci/a11y --tools installs it): the charts are not checked with axe")
	}
	for _, width := range []int64{360, 1280} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			tab, log := searchTab(t, browser, width, 900)
			do(t, tab, "opening the page", chromedp.Navigate(srv.URL+"bai-viet/bieu-do/"))
			m := mustJS[chartMeasures](t, tab, chartMeasuresJS)
			if m.Figures != 3 || m.Texts < 30 {
				t.Fatalf("%d figures, %d texts: the page is not the one built", m.Figures, m.Texts)
			}
			if m.MinFont < 12 {
				t.Errorf("the smallest text of a chart is %.1f px at %d px, want 12 px or more", m.MinFont, width)
			}
			if len(m.Outside) > 0 {
				t.Errorf("texts past the edge of their drawing: %q", m.Outside)
			}
			if m.ScrollWidth > m.PageWidth || m.Widest > float64(m.PageWidth) {
				t.Errorf("the page scrolls sideways: %d px of content in %d px (widest figure ends at %.0f)", m.ScrollWidth, m.PageWidth, m.Widest)
			}
			if axe != "" {
				checkChartsWithAxe(t, tab, axe)
			}
			if off := log.offOrigin(srv.Origin); len(off) > 0 {
				t.Errorf("requests outside the site: %q", off)
			}
			checkChartsInPrint(t, tab)
		})
	}
}

// checkChartsWithAxe runs axe-core (WCAG 2.1 A and AA, best practice) on
// the figures.
func checkChartsWithAxe(t *testing.T, tab context.Context, axe string) {
	t.Helper()
	vs, err := browsertest.Axe(tab, axe, "figure.bieu-do")
	if err != nil {
		t.Fatalf("axe-core on the charts: %v", err)
	}
	for _, v := range vs {
		t.Errorf("axe-core on the charts: %s", v)
	}
}

// chartsShownJS tells, for each figure, whether its drawing and its
// table are rendered (checkVisibility: a closed disclosure's content is
// not), the drawing's size, and whether the disclosure's summary shows.
const chartsShownJS = `[...document.querySelectorAll("figure.bieu-do")].map(f => {
  const svg = f.querySelector("svg"), r = svg.getBoundingClientRect();
  return {svg: svg.checkVisibility(), size: [r.width, r.height],
    table: f.querySelector("table").checkVisibility({contentVisibilityAuto: true}),
    summary: f.querySelector("summary").checkVisibility()};
})`

type chartShown struct {
	SVG     bool       `json:"svg"`
	Size    [2]float64 `json:"size"`
	Table   bool       `json:"table"`
	Summary bool       `json:"summary"`
}

// checkChartsInPrint: on screen the table waits behind its summary; in
// print the summary goes and the table shows, and the drawing keeps a
// size that fits the paper.
func checkChartsInPrint(t *testing.T, tab context.Context) {
	t.Helper()
	for _, media := range []string{"screen", "print"} {
		if _, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media}); err != nil {
			t.Fatal(err)
		}
		var got []chartShown
		if err := json.Unmarshal(mustJS[json.RawMessage](t, tab, chartsShownJS), &got); err != nil {
			t.Fatal(err)
		}
		print := media == "print"
		for i, f := range got {
			if !f.SVG || f.Size[0] < 200 || f.Size[1] < 100 || f.Size[0] > 620 {
				t.Errorf("%s: chart %d drawn %.0f×%.0f px (shown: %v)", media, i+1, f.Size[0], f.Size[1], f.SVG)
			}
			if f.Table != print || f.Summary == print {
				t.Errorf("%s: chart %d's table shown %v, its summary shown %v", media, i+1, f.Table, f.Summary)
			}
		}
	}
	_, _ = chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
}
