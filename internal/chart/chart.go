// Package chart draws a chart as an accessible figure, at build time: a
// caption with the title, unit and source; an inline SVG (role="img",
// with a title and a description) laid out for a 360 px phone, its
// series told apart without colour; and the same numbers as a table.
// No script, nothing from another origin, the same bytes every time.
//
// The Chart comes from internal/chartspec, which reads the ```bieu-do
// blocks editors write; this package only draws.
package chart

import (
	"math"
	"strconv"
	"strings"
)

// Kind is the shape of a chart.
type Kind int

const (
	Column Kind = iota + 1 // loai: cot — vertical columns
	Bar                    // loai: thanh — horizontal bars, labels above them
	Line                   // loai: duong — one line per series
)

// Limits of one chart: a phone shows about fifty bars, and six series
// told apart by pattern, dash and marker, and no more.
const (
	MaxLabels = 50
	MaxSeries = 6
)

// Chart is what a figure shows. Every series has one value per label.
type Chart struct {
	Kind        Kind
	Title       string
	Unit        string // "%", "điểm"…, or ""
	Source      string
	Desc        string // the editor's description, or ""
	LabelHeader string // heading of the labels' column of the table
	Labels      []string
	Series      []Series
}

// Series is one named row of numbers, one per label.
type Series struct {
	Name   string
	Values []Value
}

// Value is one number as the editor wrote it.
type Value struct {
	N        float64
	Decimals int  // digits written after the decimal comma: shown as written
	Missing  bool // blank or "-": drawn as a gap
}

// Problem is something wrong in a chart's spec, or worth a warning in its
// drawing. Line and Col count from 1 in the spec's text (Col in
// characters); Line 0 is the block as a whole. Message says what is wrong
// and Hint how to fix it, both in Vietnamese.
type Problem struct {
	Line, Col int
	Warning   bool
	Message   string
	Hint      string
}

// kindWords names k in a sentence.
func kindWords(k Kind) string {
	switch k {
	case Column:
		return "Biểu đồ cột"
	case Bar:
		return "Biểu đồ thanh ngang"
	}
	return "Biểu đồ đường"
}

// FormatNumber writes n the Vietnamese way with the given number of
// decimals: 1.234,5; -0,25.
func FormatNumber(n float64, decimals int) string {
	s := strconv.FormatFloat(math.Abs(n), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if n < 0 && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	for i := range len(intPart) {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteByte(intPart[i])
	}
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// Text writes a value as the editor wrote it, or "" when missing.
func (v Value) Text() string {
	if v.Missing {
		return ""
	}
	return FormatNumber(v.N, v.Decimals)
}
