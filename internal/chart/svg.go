package chart

import (
	"fmt"
	"html"
	"math"
	"strings"
)

// plotHeight is the height of the value axis of columns and lines.
const plotHeight = 200.0

// drawing is one SVG being laid out from top to bottom.
type drawing struct {
	c      *Chart
	id     string
	back   strings.Builder // grid lines, under the marks
	front  strings.Builder // marks and text
	y      float64         // the next free height
	warned bool
	warns  []Problem
}

// svg draws c; id prefixes the ids of its title, description and fill
// patterns, unique in the page.
func (c *Chart) svg(id string) (string, []Problem) {
	d := &drawing{c: c, id: id, y: edge}
	switch c.Kind {
	case Bar:
		d.bars()
	default:
		d.columns(c.Kind == Line)
	}
	height := math.Ceil(d.y)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="bieu-do-hinh" viewBox="0 0 %s %s" width="%s" height="%s" role="img" aria-labelledby="%s-ten" aria-describedby="%s-mo-ta" font-size="%s">`,
		num(viewWidth), num(height), num(viewWidth), num(height), id, id, num(fontSize))
	fmt.Fprintf(&b, "\n<title id=\"%s-ten\">%s</title>\n<desc id=\"%s-mo-ta\">%s</desc>\n", id, html.EscapeString(c.Title), id, html.EscapeString(c.describe()))
	if c.Kind != Line && len(c.Series) > 1 {
		b.WriteString("<defs>")
		for i := 1; i < len(c.Series); i++ {
			b.WriteString(patternDef(id, i))
		}
		b.WriteString("</defs>\n")
	}
	b.WriteString(d.back.String())
	b.WriteString(d.front.String())
	b.WriteString("</svg>\n")
	return b.String(), d.warns
}

// text writes one line of text; anchor is "" (start), "middle" or "end".
func text(b *strings.Builder, x, y float64, anchor, colour, s string) {
	fmt.Fprintf(b, `<text x="%s" y="%s"`, num(x), num(y))
	if anchor != "" {
		fmt.Fprintf(b, ` text-anchor="%s"`, anchor)
	}
	fmt.Fprintf(b, ` fill="%s">%s</text>`, colour, html.EscapeString(s))
	b.WriteByte('\n')
}

// valueText writes a value in ink with a white halo, so that it stays
// readable where it crosses a line or a grid line.
func valueText(b *strings.Builder, x, y float64, anchor, s string) {
	fmt.Fprintf(b, `<text x="%s" y="%s"`, num(x), num(y))
	if anchor != "" {
		fmt.Fprintf(b, ` text-anchor="%s"`, anchor)
	}
	fmt.Fprintf(b, ` fill="%s" stroke="#fff" stroke-width="4" stroke-linejoin="round" style="paint-order:stroke">%s</text>`, inkColour, html.EscapeString(s))
	b.WriteByte('\n')
}

// centred writes text centred on x, moved inward when it would cross an
// edge of the viewBox; value texts get their halo.
func centred(b *strings.Builder, x, y float64, colour, s string) {
	w := textWidth(s)
	write := func(x float64, anchor string) {
		if colour == "" {
			valueText(b, x, y, anchor, s)
		} else {
			text(b, x, y, anchor, colour, s)
		}
	}
	switch {
	case x-w/2 < edge:
		write(edge, "")
	case x+w/2 > viewWidth-edge:
		write(viewWidth-edge, "end")
	default:
		write(x, "middle")
	}
}

func line(b *strings.Builder, x1, y1, x2, y2 float64, colour string, width float64) {
	fmt.Fprintf(b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"/>`+"\n",
		num(x1), num(y1), num(x2), num(y2), colour, num(width))
}

// rect draws series i's bar between two corners in any order.
func (d *drawing) rect(i int, x1, y1, x2, y2 float64) {
	fmt.Fprintf(&d.front, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="%s" stroke-width="1.5"/>`+"\n",
		num(min(x1, x2)), num(min(y1, y2)), num(math.Abs(x2-x1)), num(math.Abs(y2-y1)), fill(d.id, i), seriesStyle(i).colour)
}

// valueLabel is the text written beside a bar or point.
func (c *Chart) valueLabel(v Value) string {
	if c.Unit == "%" {
		return v.Text() + "%"
	}
	return v.Text()
}

// legend names the series when there are several, each with its swatch:
// the bar's pattern, or the line's dash and marker.
func (d *drawing) legend(lines bool) {
	if len(d.c.Series) < 2 {
		return
	}
	x, y := edge, d.y
	for i, s := range d.c.Series {
		w := 34 + textWidth(s.Name) + 14
		if x > edge && x+w > viewWidth-edge {
			x, y = edge, y+lineStep+4
		}
		if lines {
			st := seriesStyle(i)
			fmt.Fprintf(&d.front, `<path d="M%s %sh28" stroke="%s" stroke-width="2.5" fill="none"`, num(x), num(y+10), st.colour)
			if st.dash != "" {
				fmt.Fprintf(&d.front, ` stroke-dasharray="%s"`, st.dash)
			}
			d.front.WriteString("/>\n")
			marker(&d.front, i, x+14, y+10)
			d.front.WriteByte('\n')
		} else {
			d.rect(i, x, y+3, x+26, y+17)
		}
		text(&d.front, x+34, y+15, "", inkColour, s.Name)
		x += w
	}
	d.y = y + lineStep + 10
}

// bars draws horizontal bars: each label on its own line(s), its bars
// below it, the value after each bar. A label of any length fits a phone.
func (d *drawing) bars() {
	c := d.c
	lo, hi := c.extent()
	ax := niceAxis(min(lo, 0), max(hi, 0), 4)
	left, right := 0.0, 0.0
	for _, s := range c.Series {
		for _, v := range s.Values {
			switch {
			case v.Missing:
			case v.N < 0:
				left = max(left, textWidth(c.valueLabel(v))+6)
			default:
				right = max(right, textWidth(c.valueLabel(v))+6)
			}
		}
	}
	x0, x1 := edge+left, viewWidth-edge-right
	xz := ax.at(0, x0, x1)
	ticks := ax.ticks()
	d.legend(false)
	bh := 20.0
	if len(c.Series) > 1 {
		bh = 16
	}
	plotTop := d.y
	for i, label := range c.Labels {
		lines, _ := wrap(label, viewWidth-2*edge)
		for _, l := range lines {
			text(&d.front, edge, d.y+15, "", inkColour, l)
			d.y += lineStep
		}
		top := d.y + 5
		bottom := top + float64(len(c.Series))*(bh+3)
		for _, t := range ticks {
			x := ax.at(t, x0, x1)
			line(&d.back, x, top-2, x, bottom, gridColour, 1)
		}
		for j, s := range c.Series {
			d.bar(j, s.Values[i], ax, x0, x1, xz, top+float64(j)*(bh+3), bh)
		}
		line(&d.front, xz, top-2, xz, bottom, inkColour, 1.5)
		d.y = bottom + 10
	}
	if len(c.Labels) == 0 {
		d.y = plotTop
	}
	for _, t := range ticks {
		centred(&d.front, ax.at(t, x0, x1), d.y+14, mutedColour, ax.label(t))
	}
	d.y += lineStep + edge
}

// bar draws one horizontal bar of series j at height y.
func (d *drawing) bar(j int, v Value, ax axis, x0, x1, xz, y, bh float64) {
	mid := y + bh/2 + 5.5
	if v.Missing {
		const gap = "không có số liệu"
		if xz+4+textWidth(gap) <= viewWidth-edge {
			text(&d.front, xz+4, mid, "", mutedColour, gap)
		} else {
			text(&d.front, xz-4, mid, "end", mutedColour, gap)
		}
		return
	}
	xv := ax.at(v.N, x0, x1)
	d.rect(j, xz, y, xv, y+bh)
	if v.N < 0 {
		valueText(&d.front, xv-4, mid, "end", d.c.valueLabel(v))
	} else {
		valueText(&d.front, xv+4, mid, "", d.c.valueLabel(v))
	}
}

// columns draws vertical columns, or lines through the same places.
// Values are written above columns and points when each has room; the
// table under the chart always has them.
func (d *drawing) columns(lines bool) {
	c := d.c
	lo, hi := c.extent()
	ax := niceAxis(min(lo, 0), max(hi, 0), 5)
	if lines {
		ax = niceAxis(lo, hi, 5)
	}
	ticks := ax.ticks()
	tickWidth := 0.0
	for _, t := range ticks {
		tickWidth = max(tickWidth, textWidth(ax.label(t)))
	}
	xL, xR := edge+tickWidth+6, viewWidth-edge
	n, m := len(c.Labels), len(c.Series)
	slot := (xR - xL) / float64(max(n, 1))
	group := slot * 0.78
	cw := group / float64(m)
	show := d.valuesFit(slot, cw, lines)
	d.legend(lines)
	top := d.y + 8
	if show {
		top += lineStep
	}
	bottom := top + plotHeight
	below := 0.0
	if show && (lines || lo < 0) {
		below = lineStep // values under negative columns, under the low points of a line
	}
	yOf := func(v float64) float64 { return ax.at(v, bottom, top) }
	for _, t := range ticks {
		line(&d.back, xL, yOf(t), xR, yOf(t), gridColour, 1)
		text(&d.back, xL-6, yOf(t)+5.5, "end", mutedColour, ax.label(t))
	}
	base := bottom
	if ax.lo <= 0 && ax.hi >= 0 {
		base = yOf(0)
	}
	for i := range c.Labels {
		for j, s := range c.Series {
			v := s.Values[i]
			if v.Missing || lines {
				continue
			}
			x := xL + float64(i)*slot + (slot-group)/2 + float64(j)*cw
			d.rect(j, x, yOf(max(v.N, 0)), x+cw, yOf(min(v.N, 0)))
			if show && v.N < 0 {
				centred(&d.front, x+cw/2, yOf(v.N)+16, "", c.valueLabel(v))
			} else if show {
				centred(&d.front, x+cw/2, yOf(v.N)-6, "", c.valueLabel(v))
			}
		}
	}
	if lines {
		for j := range c.Series {
			d.line(j, xL, slot, yOf, show)
		}
	}
	line(&d.front, xL, base, xR, base, inkColour, 1.5)
	d.y = bottom + below + d.categoryLabels(xL, slot, bottom+below) + 8
}

// valuesFit reports whether every value's text fits over its column or
// point: one series of lines, or columns not wider than their text.
func (d *drawing) valuesFit(slot, cw float64, lines bool) bool {
	c := d.c
	room := cw + 2
	if len(c.Series) == 1 {
		room = slot - 4
	} else if lines {
		return false
	}
	for _, s := range c.Series {
		for _, v := range s.Values {
			if !v.Missing && textWidth(c.valueLabel(v)) > room {
				return false
			}
		}
	}
	return true
}

// line draws series j as a line through its points, broken where a value
// is missing, with a marker on every point.
func (d *drawing) line(j int, xL, slot float64, yOf func(float64) float64, show bool) {
	s, st := d.c.Series[j], seriesStyle(j)
	var path strings.Builder
	prev := false
	for i, v := range s.Values {
		if v.Missing {
			prev = false
			continue
		}
		cmd := "M"
		if prev {
			cmd = "L"
		}
		fmt.Fprintf(&path, "%s%s %s", cmd, num(xL+(float64(i)+0.5)*slot), num(yOf(v.N)))
		prev = true
	}
	fmt.Fprintf(&d.front, `<path d="%s" fill="none" stroke="%s" stroke-width="2.5" stroke-linejoin="round"`, path.String(), st.colour)
	if st.dash != "" {
		fmt.Fprintf(&d.front, ` stroke-dasharray="%s"`, st.dash)
	}
	d.front.WriteString("/>\n")
	for i, v := range s.Values {
		if v.Missing {
			continue
		}
		x, y := xL+(float64(i)+0.5)*slot, yOf(v.N)
		marker(&d.front, j, x, y)
		d.front.WriteByte('\n')
		switch {
		case !show:
		case lowPoint(s.Values, i):
			centred(&d.front, x, y+24, "", d.c.valueLabel(v))
		default:
			centred(&d.front, x, y-11, "", d.c.valueLabel(v))
		}
	}
}

// lowPoint reports whether the points next to i are all higher than it:
// its value then goes under it, away from the line.
func lowPoint(vs []Value, i int) bool {
	higher, lower := 0, 0
	for _, k := range []int{i - 1, i + 1} {
		if k < 0 || k >= len(vs) || vs[k].Missing {
			continue
		}
		if vs[k].N > vs[i].N {
			higher++
		} else {
			lower++
		}
	}
	return higher > 0 && lower == 0
}

// categoryLabels writes the labels under the slots, wrapped to the slot's
// width, and returns the height they take. A word wider than its slot is
// worth a warning: on a phone it runs into its neighbours.
func (d *drawing) categoryLabels(xL, slot, y float64) float64 {
	most := 1
	for i, label := range d.c.Labels {
		lines, fits := wrap(label, slot-1)
		if !fits && !d.warned {
			d.warned = true
			d.warns = append(d.warns, Problem{Warning: true,
				Message: fmt.Sprintf("nhãn %q quá dài cho %s: trên điện thoại các nhãn chồng lên nhau", label, strings.ToLower(kindWords(d.c.Kind))),
				Hint:    "rút ngắn nhãn (ví dụ T1, T2 thay cho Tháng 1, Tháng 2), hoặc dùng `loai: thanh` (thanh ngang) để nhãn có đủ chỗ"})
		}
		for k, l := range lines {
			centred(&d.front, xL+(float64(i)+0.5)*slot, y+18+float64(k)*lineStep, inkColour, l)
		}
		most = max(most, len(lines))
	}
	return float64(most) * lineStep
}
