package reportfile

import (
	"bufio"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/cchc-vn/cchc/internal/report"
	"github.com/cchc-vn/cchc/internal/viet"
)

// CSV layout. One file holds every table, one section after another: the
// table's title on a line of its own, its header, its rows, its notes, and
// a blank line. One file is what `-o bao-cao.csv` promises and what
// Excel opens with a double click; a workbook with one sheet per table is
// the XLSX output.
//
// Excel opens a CSV file with the list separator of Windows' regional
// settings. Windows' "Vietnamese (Vietnam)" format writes decimals with a
// comma, and its list separator is a comma too (the Windows locale data
// that .NET reproduces in IcuLocaleData.cs gives vi-VN the comma); with
// the two equal, Excel takes the semicolon as list separator instead,
// which is why formulas on such PCs read =SUM(A1;B1). So the default is
// ';' with a decimal comma. A PC left on "English (United States)" uses
// ',' and a decimal point: CSVOptions.Comma. The file starts with a UTF-8
// byte order mark, without which Excel reads the file in the ANSI code
// page and garbles every Vietnamese letter; there is no "sep=" line,
// because with one Excel ignores the mark. The workbook avoids all this.

// CSVOptions change the separators of WriteCSV.
type CSVOptions struct {
	// Comma separates fields with "," and writes decimals with ".", as
	// Excel does under English regional settings; the default is ";" and
	// ",", as under Vietnamese ones.
	Comma bool
	Made  time.Time // as for WriteXLSX
}

// bom is the UTF-8 byte order mark.
const bom = "\ufeff"

// WriteCSV writes the report's tables to one CSV file.
func WriteCSV(w io.Writer, r *report.Report, opts CSVOptions) error {
	sep, point := byte(';'), byte(',')
	if opts.Comma {
		sep, point = ',', '.'
	}
	b := bufio.NewWriter(w)
	b.WriteString(bom)
	for i, t := range r.Tables(opts.Made) {
		if i > 0 {
			b.WriteString("\r\n")
		}
		writeRecord(b, sep, []string{t.Title})
		writeRecord(b, sep, t.Headers)
		for _, row := range t.Rows {
			fields := make([]string, len(row.Cells))
			for c, cell := range row.Cells {
				fields[c] = csvValue(cell, point)
			}
			writeRecord(b, sep, fields)
		}
		for _, n := range slices.Concat(t.Notes, t.Hints) {
			writeRecord(b, sep, []string{n})
		}
	}
	return b.Flush()
}

// csvValue writes a cell as Excel reads it back under the matching
// regional settings: plain digits for counts, the decimal mark given,
// shares as percentages, dates day first.
func csvValue(c report.Cell, point byte) string {
	switch c.Kind {
	case report.Int:
		return report.FormatNumber(c.Num, 0, point, 0)
	case report.Decimal:
		return report.FormatNumber(c.Num, 1, point, 0)
	case report.Percent:
		return report.FormatNumber(100*c.Num, 2, point, 0) + "%"
	case report.Date:
		return viet.ShortDate(c.Time)
	case report.Month:
		return c.Time.In(viet.Location()).Format("01/2006")
	case report.DateTime:
		return c.Time.In(viet.Location()).Format("02/01/2006 15:04")
	}
	if formulaLike(c.Text) {
		return "'" + c.Text
	}
	return c.Text
}

// writeRecord writes one line, quoting a field that holds the separator,
// a quote or a line break.
func writeRecord(b *bufio.Writer, sep byte, fields []string) {
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(sep)
		}
		if strings.ContainsAny(f, string(sep)+"\"\r\n") {
			b.WriteByte('"')
			b.WriteString(strings.ReplaceAll(f, `"`, `""`))
			b.WriteByte('"')
			continue
		}
		b.WriteString(f)
	}
	b.WriteString("\r\n")
}

// formulaLike reports text Excel would evaluate as a formula even when
// quoted ("=HYPERLINK(…)" in a citizen's question is the classic CSV
// injection); such text gets a leading apostrophe, which makes it text.
func formulaLike(s string) bool {
	return s != "" && strings.ContainsRune("=+-@", rune(s[0]))
}
