package chart

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// The drawing is laid out for the narrowest screen: a 360 px phone shows
// the article 328 px wide, and the SVG scales with it. Text is 16 units in
// a 380-unit viewBox, so it is 16 × 328 / 380 ≈ 13.8 px there (12 px is
// reached only below 285 px); the figure's max-width (style.css) keeps it
// near 20 px on a desktop. Every text of the drawing has this size.
const (
	viewWidth = 380.0
	fontSize  = 16.0
	lineStep  = 20.0 // from one line of text to the next
	edge      = 2.0  // margin inside the viewBox
)

// Colours, each at least 4.5:1 on white and on the page's cream, so bars,
// lines and markers pass the 3:1 of non-text contrast with room to spare.
const (
	inkColour   = "#1f2933" // values and labels: 14.8:1 on white
	mutedColour = "#52606d" // axis labels: 6.5:1
	gridColour  = "#d9d4c7" // grid lines: decoration, not information
)

// style tells a series apart without colour: a fill pattern for bars and
// columns, a dash and a marker shape for lines.
type style struct {
	colour string
	dash   string // stroke-dasharray, "" for solid
}

func seriesStyle(i int) style {
	switch i % MaxSeries {
	case 1:
		return style{"#9b1c1c", "9 4"}
	case 2:
		return style{"#14532d", "3 3"}
	case 3:
		return style{"#7a3e00", "12 4 3 4"}
	case 4:
		return style{"#5b2a86", "5 2"}
	case 5:
		return style{"#333d47", "14 3 3 3 3 3"}
	}
	return style{"#0b3d6e", ""}
}

// patternDef defines the fill of series i's bars: the first is solid, the
// others stripes, cross-hatching or dots in the series' colour on white.
func patternDef(id string, i int) string {
	c := seriesStyle(i).colour
	open := func(extra string) string {
		return fmt.Sprintf(`<pattern id="%s-m%d" width="8" height="8" patternUnits="userSpaceOnUse"%s><rect width="8" height="8" fill="#fff"/>`, id, i, extra)
	}
	switch i {
	case 1: // diagonal stripes
		return open(` patternTransform="rotate(45)"`) + fmt.Sprintf(`<rect width="4" height="8" fill="%s"/></pattern>`, c)
	case 2: // cross-hatching
		return open(` patternTransform="rotate(45)"`) + fmt.Sprintf(`<rect width="3" height="8" fill="%s"/><rect width="8" height="3" fill="%s"/></pattern>`, c, c)
	case 3: // horizontal stripes
		return open("") + fmt.Sprintf(`<rect width="8" height="4" fill="%s"/></pattern>`, c)
	case 4: // dots
		return open("") + fmt.Sprintf(`<circle cx="4" cy="4" r="2.5" fill="%s"/></pattern>`, c)
	}
	// vertical stripes
	return open("") + fmt.Sprintf(`<rect width="4" height="8" fill="%s"/></pattern>`, c)
}

// fill is the fill of series i's bars.
func fill(id string, i int) string {
	if i == 0 {
		return seriesStyle(0).colour
	}
	return fmt.Sprintf("url(#%s-m%d)", id, i)
}

// marker draws series i's marker centred on (x, y): circle, square,
// triangle, diamond, inverted triangle, cross.
func marker(b *strings.Builder, i int, x, y float64) {
	c := seriesStyle(i).colour
	switch i % MaxSeries {
	case 0:
		fmt.Fprintf(b, `<circle cx="%s" cy="%s" r="5" fill="%s"/>`, num(x), num(y), c)
	case 1:
		fmt.Fprintf(b, `<rect x="%s" y="%s" width="9" height="9" fill="%s"/>`, num(x-4.5), num(y-4.5), c)
	case 2:
		poly(b, c, x, y, [][2]float64{{0, -6}, {6, 5}, {-6, 5}})
	case 3:
		poly(b, c, x, y, [][2]float64{{0, -6.5}, {6.5, 0}, {0, 6.5}, {-6.5, 0}})
	case 4:
		poly(b, c, x, y, [][2]float64{{-6, -5}, {6, -5}, {0, 6}})
	default:
		poly(b, c, x, y, [][2]float64{{-2, -6}, {2, -6}, {2, -2}, {6, -2}, {6, 2}, {2, 2}, {2, 6}, {-2, 6}, {-2, 2}, {-6, 2}, {-6, -2}, {-2, -2}})
	}
}

func poly(b *strings.Builder, colour string, x, y float64, pts [][2]float64) {
	b.WriteString(`<polygon points="`)
	for k, p := range pts {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(num(x + p[0]))
		b.WriteByte(',')
		b.WriteString(num(y + p[1]))
	}
	fmt.Fprintf(b, `" fill="%s"/>`, colour)
}

// num writes a coordinate with one decimal at most: the same bytes for
// the same drawing on every machine.
func num(x float64) string {
	x = math.Round(x*10) / 10
	if x == 0 {
		x = 0 // no "-0"
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// textWidth estimates the width of s at fontSize in the fonts pages use
// (system-ui: Segoe UI, Roboto, DejaVu Sans). It errs wide, so that what
// it says fits does fit.
func textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r == ' ':
			w += 0.32
		case strings.ContainsRune("iljI.,:;'|!()[]-", r):
			w += 0.34
		case r >= '0' && r <= '9':
			w += 0.64
		case strings.ContainsRune("mwMWĐ%", r):
			w += 0.92
		case unicode.IsUpper(r):
			w += 0.72
		default:
			w += 0.6
		}
	}
	return w * fontSize
}

// wrap breaks s into lines no wider than width, at spaces. A word wider
// than width stays whole on its own line; fits is then false.
func wrap(s string, width float64) (lines []string, fits bool) {
	fits = true
	cur := ""
	for _, word := range strings.Fields(s) {
		if textWidth(word) > width {
			fits = false
		}
		switch {
		case cur == "":
			cur = word
		case textWidth(cur+" "+word) <= width:
			cur += " " + word
		default:
			lines = append(lines, cur)
			cur = word
		}
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines, fits
}

// axis is a value scale with nice ticks: steps of 1, 2 or 5 times a power
// of ten, from lo to hi.
type axis struct {
	lo, hi, step float64
	decimals     int // of the tick labels
}

// niceAxis covers [lo, hi] with at most maxTicks steps.
func niceAxis(lo, hi float64, maxTicks int) axis {
	if lo == hi {
		switch {
		case lo == 0:
			hi = 1
		case lo > 0 && lo <= 1:
			lo = 0
		default:
			d := math.Abs(lo) * 0.1
			lo, hi = lo-d, hi+d
		}
	}
	mag := math.Pow(10, math.Floor(math.Log10((hi-lo)/float64(maxTicks))))
	for _, m := range []float64{1, 2, 5, 10, 20} {
		step := m * mag
		a, b := math.Floor(lo/step+1e-9), math.Ceil(hi/step-1e-9)
		if b-a <= float64(maxTicks) {
			return axis{lo: a * step, hi: b * step, step: step, decimals: max(0, int(-math.Floor(math.Log10(step)+1e-9)))}
		}
	}
	return axis{lo: lo, hi: hi, step: hi - lo}
}

// ticks lists the tick values.
func (a axis) ticks() []float64 {
	n := int(math.Round((a.hi - a.lo) / a.step))
	out := make([]float64, 0, n+1)
	for i := 0; i <= n; i++ {
		out = append(out, a.lo+float64(i)*a.step)
	}
	return out
}

// label writes a tick value.
func (a axis) label(v float64) string { return FormatNumber(v, a.decimals) }

// at maps v onto [from, to].
func (a axis) at(v, from, to float64) float64 {
	return from + (v-a.lo)/(a.hi-a.lo)*(to-from)
}

// extent returns the smallest and largest values of the chart.
func (c *Chart) extent() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, s := range c.Series {
		for _, v := range s.Values {
			if !v.Missing {
				lo, hi = min(lo, v.N), max(hi, v.N)
			}
		}
	}
	return lo, hi
}
