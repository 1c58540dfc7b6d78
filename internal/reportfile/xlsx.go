// Package reportfile writes the report of `cchc report` to a file: an
// XLSX workbook with one sheet per table (excelize), or one CSV file with
// a section per table; Save replaces the file in one step and says when
// Excel holds it open.
package reportfile

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/cchc-vn/cchc/internal/report"
	"github.com/cchc-vn/cchc/internal/viet"
)

// Number formats of the workbook. Dates use custom formats because the
// built-in date format (14) follows the reader's locale, and a report
// read on an English Windows must still show 16/01/2026. The separators
// of counts and shares follow the reader's locale, as they should.
const (
	fmtCount    = 3  // built-in "#,##0"
	fmtPercent  = 10 // built-in "0.00%"
	fmtDecimal  = "#,##0.0"
	fmtDate     = "dd/mm/yyyy"
	fmtMonth    = "mm/yyyy"
	fmtDateTime = "dd/mm/yyyy hh:mm"
)

// Column widths, in characters of the default font.
const (
	minWidth = 8
	maxWidth = 60
)

// WriteXLSX writes the report as a workbook: one sheet per table, with a
// bold, frozen header row, fitted columns, real dates and numbers. made,
// when not zero, is recorded as the time the report was made; otherwise
// the file's dates are the period's last day, so the same content gives
// the same bytes.
func WriteXLSX(w io.Writer, r *report.Report, made time.Time) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxWriter{f: f, styles: map[styleKey]int{}}
	for i, t := range r.Tables(made) {
		if err := x.sheet(i, t); err != nil {
			return fmt.Errorf("trang tính %q: %w", t.Sheet, err)
		}
	}
	stamp := r.Period.To
	if !made.IsZero() {
		stamp = made
	}
	props := &excelize.DocProperties{
		Creator:        "cchc",
		LastModifiedBy: "cchc",
		Title:          "Báo cáo kết quả tuyên truyền cải cách hành chính – " + r.Period.Label,
		Subject:        r.Organization,
		Language:       "vi-VN",
		Created:        wallUTC(stamp).Format(time.RFC3339),
		Modified:       wallUTC(stamp).Format(time.RFC3339),
	}
	if err := f.SetDocProps(props); err != nil {
		return err
	}
	_, err := f.WriteTo(w)
	return err
}

// wallUTC keeps the wall clock of t in Vietnam and calls it UTC: Excel
// stores dates without a zone, and 16/01/2026 must not become the 15th.
func wallUTC(t time.Time) time.Time {
	t = t.In(viet.Location())
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}

type styleKey struct {
	kind        report.CellKind
	header      bool
	total, flag bool
	wrap        bool
}

type xlsxWriter struct {
	f      *excelize.File
	styles map[styleKey]int
}

// sheet writes table t as the i-th sheet.
func (x *xlsxWriter) sheet(i int, t report.Table) error {
	name := t.Sheet
	var err error
	if i == 0 {
		err = x.f.SetSheetName(x.f.GetSheetName(0), name)
	} else {
		_, err = x.f.NewSheet(name)
	}
	if err != nil {
		return err
	}
	widths := columnWidths(t)
	for c, h := range t.Headers {
		if err := x.cell(name, c+1, 1, report.Cell{Kind: report.Text, Text: h}, styleKey{kind: report.Text, header: true, wrap: true}); err != nil {
			return err
		}
	}
	for ri, row := range t.Rows {
		for c, cell := range row.Cells {
			k := styleKey{kind: cell.Kind, total: row.Total, flag: row.Flag, wrap: cell.Kind == report.Text && widths[c] >= maxWidth}
			if err := x.cell(name, c+1, ri+2, cell, k); err != nil {
				return err
			}
		}
	}
	for ni, note := range slices.Concat(t.Notes, t.Hints) {
		ref, _ := excelize.CoordinatesToCellName(1, len(t.Rows)+3+ni)
		if err := x.f.SetCellStr(name, ref, note); err != nil {
			return err
		}
	}
	for c, wd := range widths {
		col, _ := excelize.ColumnNumberToName(c + 1)
		if err := x.f.SetColWidth(name, col, col, wd); err != nil {
			return err
		}
	}
	return x.layout(name)
}

// layout freezes the header row and prints the sheet on A4 paper, as
// wide as the page.
func (x *xlsxWriter) layout(name string) error {
	err := x.f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}})
	if err != nil {
		return err
	}
	yes, a4, landscape, wide, tall := true, 9, "landscape", 1, 0
	if err := x.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	return x.f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall})
}

// cell writes one value at column c, row r (from 1) with its style.
func (x *xlsxWriter) cell(sheet string, c, r int, cell report.Cell, k styleKey) error {
	ref, err := excelize.CoordinatesToCellName(c, r)
	if err != nil {
		return err
	}
	switch cell.Kind {
	case report.Text:
		err = x.f.SetCellStr(sheet, ref, cell.Text)
	case report.Int:
		err = x.f.SetCellInt(sheet, ref, int64(cell.Num))
	case report.Decimal, report.Percent:
		err = x.f.SetCellFloat(sheet, ref, cell.Num, -1, 64)
	case report.Date, report.Month, report.DateTime:
		err = x.f.SetCellValue(sheet, ref, wallUTC(cell.Time))
	}
	if err != nil {
		return err
	}
	style, err := x.style(k)
	if err != nil {
		return err
	}
	return x.f.SetCellStyle(sheet, ref, ref, style)
}

// style returns the id of the style for k, made on first use.
func (x *xlsxWriter) style(k styleKey) (int, error) {
	if id, ok := x.styles[k]; ok {
		return id, nil
	}
	s := &excelize.Style{Font: &excelize.Font{Bold: k.header || k.total}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: k.wrap}}
	switch k.kind {
	case report.Int:
		s.NumFmt = fmtCount
	case report.Percent:
		s.NumFmt = fmtPercent
	case report.Decimal:
		s.CustomNumFmt = ptr(fmtDecimal)
	case report.Date:
		s.CustomNumFmt = ptr(fmtDate)
	case report.Month:
		s.CustomNumFmt = ptr(fmtMonth)
	case report.DateTime:
		s.CustomNumFmt = ptr(fmtDateTime)
	}
	if k.header {
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E2F3"}}
		s.Border = []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}
		s.Alignment.Vertical = "center"
	}
	if k.flag {
		// Excel's own "Bad" colours: dark red on light red.
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}
		s.Font.Color = "9C0006"
	}
	if k.total {
		s.Border = []excelize.Border{{Type: "top", Color: "000000", Style: 1}}
	}
	id, err := x.f.NewStyle(s)
	if err != nil {
		return 0, err
	}
	x.styles[k] = id
	return id, nil
}

func ptr[T any](v T) *T { return &v }

// columnWidths fits each column to its longest value as displayed, in
// characters: Vietnamese letters with their marks are as wide as plain
// ones, so a count of runes is a fair measure. Long texts stop at
// maxWidth and wrap.
func columnWidths(t report.Table) []float64 {
	n := len(t.Headers)
	for _, r := range t.Rows {
		n = max(n, len(r.Cells))
	}
	out := make([]float64, n)
	measure := func(c int, runes int, bold bool) {
		w := float64(runes)
		if bold {
			w *= 1.1
		}
		out[c] = max(out[c], math.Ceil(w*1.1)+2)
	}
	for c, h := range t.Headers {
		// A header may wrap onto two lines rather than widen a column of
		// short numbers too much, but never inside a word.
		half := (utf8.RuneCountInString(h) + 1) / 2
		for _, word := range strings.Fields(h) {
			half = max(half, utf8.RuneCountInString(word))
		}
		measure(c, half, true)
	}
	for _, r := range t.Rows {
		for c, cell := range r.Cells {
			measure(c, utf8.RuneCountInString(cell.String()), r.Total)
		}
	}
	for c := range out {
		out[c] = min(max(out[c], minWidth), maxWidth)
	}
	return out
}
