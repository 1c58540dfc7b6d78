package report

import (
	"time"

	"github.com/cchc-vn/cchc/internal/viet"
)

// The report's views are tables, one per sheet of the workbook and one
// per section of the CSV file; the writers only lay them out.

// CellKind says what a cell holds, and so how a writer formats it.
type CellKind int

const (
	Text     CellKind = iota
	Int               // a count
	Decimal           // a number with one decimal: a median of days
	Percent           // a share from 0 to 1
	Date              // a day, shown 16/01/2026
	Month             // a month, shown 01/2026
	DateTime          // a moment, shown 16/01/2026 08:30
)

// Cell is one value of a table.
type Cell struct {
	Kind CellKind
	Text string
	Num  float64
	Time time.Time
}

func text(s string) Cell        { return Cell{Kind: Text, Text: s} }
func count(n int) Cell          { return Cell{Kind: Int, Num: float64(n)} }
func decimal(f float64) Cell    { return Cell{Kind: Decimal, Num: f} }
func percent(f float64) Cell    { return Cell{Kind: Percent, Num: f} }
func date(t time.Time) Cell     { return Cell{Kind: Date, Time: day(t)} }
func month(t time.Time) Cell    { return Cell{Kind: Month, Time: day(t)} }
func dateTime(t time.Time) Cell { return Cell{Kind: DateTime, Time: t} }

// String is the cell as a Vietnamese reader writes it: 1.234 for a
// count, 8,5 for a decimal, 26,67% for a share, 16/01/2026 for a day.
func (c Cell) String() string {
	switch c.Kind {
	case Int:
		return number(c.Num, 0)
	case Decimal:
		return number(c.Num, 1)
	case Percent:
		return number(100*c.Num, 2) + "%"
	case Date:
		return viet.ShortDate(c.Time)
	case Month:
		return c.Time.In(viet.Location()).Format("01/2006")
	case DateTime:
		return c.Time.In(viet.Location()).Format("02/01/2006 15:04")
	}
	return c.Text
}

// share is n out of total as a percent cell, 0 when total is 0.
func share(n, total int) Cell {
	if total == 0 {
		return percent(0)
	}
	return percent(float64(n) / float64(total))
}

// Row is one line of a table.
type Row struct {
	Cells []Cell
	Total bool // a sum of the rows above: shown bold
	Flag  bool // a shortfall or a question left waiting: shown marked
}

// Table is one view of the report.
type Table struct {
	Sheet   string // sheet name: at most 31 characters, none of []:*?/\
	Title   string // what the table shows, for the CSV section heading
	Headers []string
	Rows    []Row
	Notes   []string // lines shown under the table
	// Hints are notes for the editors (how to fill site.yaml): the files
	// show them, the public page does not.
	Hints []string
}

func (t *Table) add(cells ...Cell) { t.Rows = append(t.Rows, Row{Cells: cells}) }

func (t *Table) total(cells ...Cell) { t.Rows = append(t.Rows, Row{Cells: cells, Total: true}) }

func (t *Table) flagged(flag bool, cells ...Cell) {
	t.Rows = append(t.Rows, Row{Cells: cells, Flag: flag})
}
