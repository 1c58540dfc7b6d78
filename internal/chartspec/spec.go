// Package chartspec reads the charts editors write in ```bieu-do blocks:
// a small YAML spec, or a data file it names, becomes a chart.Chart that
// internal/chart draws.
//
// A spec names its keys in Vietnamese without diacritics, as the content
// kinds do (`so_ky_hieu`, `don_vi`), and only that way: one spelling per
// key keeps the guide and the messages short, and an English key (`type`,
// `title`) is an error that names the Vietnamese one.
//
//	loai: cot               # cot (columns), thanh (horizontal bars), duong (line)
//	tieu_de: "Tỷ lệ hồ sơ nộp trực tuyến năm 2026"
//	don_vi: "%"             # optional
//	nguon: "Trung tâm Phục vụ hành chính công xã"   # optional
//	mo_ta: "…"              # optional: what the chart shows, for screen readers
//	ten_nhan: "Tháng"       # optional: heading of the labels' column
//	nhan: T1; T2; T3        # labels, separated by ';' (or a YAML list)
//	so_lieu: 58,4; 55,1; 63 # one series, numbers written as in Vietnamese
//	chuoi:                  # or several series
//	  - ten: "2025"
//	    so_lieu: 50; 52; -
//	du_lieu: so-lieu.csv    # or the labels and series from a data file
//
// Numbers are read as Vietnamese writes them (1.234,5; "16.208" is sixteen
// thousand), and as an English spreadsheet does when that cannot be
// mistaken ("58.4"); a blank or "-" is a missing value, drawn as a gap.
// Inside [ ] a comma separates items, so "[58,4]" is refused: numbers are
// separated by ';'. A data file is CSV as Excel saves it (UTF-8 with or
// without BOM, ';' or ',' between cells; first row: the labels' heading
// then the series' names; each other row: a label then its numbers), or
// YAML holding `nhan`, `so_lieu` or `chuoi`.
//
// Every problem is a chart.Problem at a line of the spec, in Vietnamese,
// saying how to fix it; a problem in a data file is reported at the
// `du_lieu` line and names the file's line or cell. The package is pure:
// it reads files only through the Files function its caller passes.
package chartspec

import "fmt"

const (
	// maxFileBytes: a data file larger than this is not a chart's data.
	maxFileBytes = 1 << 20
	// maxMagnitude keeps numbers where float64 prints every digit written.
	maxMagnitude = 1e15
)

// Files reads a data file by the name the editor wrote after `du_lieu:`.
// path is where it was found, relative to the site root, for messages
// ("data/pci.csv"). When there is no such file the error is a
// *NotFoundError.
type Files func(name string) (data []byte, path string, err error)

// NotFoundError says a data file does not exist. Near is a file whose
// name differs only in letter case, or "": a Windows PC opens it, the web
// server would not.
type NotFoundError struct {
	Name string
	Near string
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("no data file %q", e.Name) }
