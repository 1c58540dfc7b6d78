package chart

import (
	"fmt"
	"html"
	"strings"
)

// missingText stands in the table for a value not given.
const missingText = "không có số liệu"

// HTML writes the chart as a figure: a caption with the title, unit and
// source, the SVG, and the numbers as a table in a disclosure. n is the
// chart's number in the page (from 1): it makes the ids of the page
// unique. Warnings say what a phone will show badly.
func (c *Chart) HTML(n int) ([]byte, []Problem) {
	id := fmt.Sprintf("bieu-do-%d", n)
	var b strings.Builder
	b.WriteString("<figure class=\"bieu-do\">\n<figcaption><span class=\"bieu-do-ten\">")
	b.WriteString(html.EscapeString(c.Title))
	b.WriteString("</span>")
	if note := c.note(); note != "" {
		b.WriteString(` <span class="bieu-do-chu">`)
		b.WriteString(html.EscapeString(note))
		b.WriteString("</span>")
	}
	b.WriteString("</figcaption>\n")
	svg, warns := c.svg(id)
	b.WriteString(svg)
	c.table(&b, n)
	b.WriteString("</figure>\n")
	return []byte(b.String()), warns
}

// note is the caption's second line: "Đơn vị: %. Nguồn: …".
func (c *Chart) note() string {
	var parts []string
	if c.Unit != "" {
		parts = append(parts, "Đơn vị: "+c.Unit+".")
	}
	if c.Source != "" {
		s := "Nguồn: " + c.Source
		if !strings.HasSuffix(s, ".") {
			s += "."
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// table writes the numbers, one row per label and one column per series,
// in a disclosure that print shows open (style.css).
func (c *Chart) table(b *strings.Builder, n int) {
	fmt.Fprintf(b, "<details class=\"bieu-do-so-lieu\">\n<summary>Xem bảng số liệu</summary>\n"+
		"<div class=\"bang-cuon\" role=\"region\" tabindex=\"0\" aria-label=\"Số liệu của biểu đồ %d: %s\">\n<table>\n<thead>\n<tr><th scope=\"col\">%s</th>",
		n, html.EscapeString(c.Title), html.EscapeString(c.LabelHeader))
	for _, s := range c.Series {
		head := s.Name
		if c.Unit != "" {
			head += " (" + c.Unit + ")"
		}
		fmt.Fprintf(b, "<th scope=\"col\">%s</th>", html.EscapeString(head))
	}
	b.WriteString("</tr>\n</thead>\n<tbody>\n")
	for i, label := range c.Labels {
		fmt.Fprintf(b, "<tr><th scope=\"row\">%s</th>", html.EscapeString(label))
		for _, s := range c.Series {
			if v := s.Values[i]; v.Missing {
				b.WriteString("<td class=\"bieu-do-trong\">" + missingText + "</td>")
			} else {
				b.WriteString("<td>" + v.Text() + "</td>")
			}
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n</div>\n</details>\n")
}

// describe is the SVG's description for screen readers: the editor's own
// words if any, then what the drawing shows.
func (c *Chart) describe() string {
	var b strings.Builder
	if c.Desc != "" {
		b.WriteString(c.Desc)
		if !strings.HasSuffix(c.Desc, ".") {
			b.WriteByte('.')
		}
		b.WriteByte(' ')
	}
	b.WriteString(kindWords(c.Kind))
	if len(c.Labels) > 0 {
		fmt.Fprintf(&b, ", %d nhãn từ %s đến %s", len(c.Labels), c.Labels[0], c.Labels[len(c.Labels)-1])
	}
	if len(c.Series) > 1 {
		names := make([]string, len(c.Series))
		for i, s := range c.Series {
			names[i] = s.Name
		}
		fmt.Fprintf(&b, ", %d chuỗi số liệu: %s.", len(c.Series), strings.Join(names, "; "))
	} else if len(c.Series) == 1 {
		b.WriteString(". ")
		b.WriteString(c.extremes(c.Series[0]))
	}
	b.WriteString(" Số liệu đầy đủ ở bảng ngay dưới biểu đồ.")
	return b.String()
}

// extremes says where one series is highest and lowest.
func (c *Chart) extremes(s Series) string {
	hi, lo, missing := -1, -1, 0
	for i, v := range s.Values {
		switch {
		case v.Missing:
			missing++
		case hi < 0:
			hi, lo = i, i
		case v.N > s.Values[hi].N:
			hi = i
		case v.N < s.Values[lo].N:
			lo = i
		}
	}
	if hi < 0 {
		return ""
	}
	out := fmt.Sprintf("Cao nhất: %s, %s; thấp nhất: %s, %s.", c.Labels[hi], c.withUnit(s.Values[hi]), c.Labels[lo], c.withUnit(s.Values[lo]))
	if missing > 0 {
		out += fmt.Sprintf(" %d nhãn không có số liệu.", missing)
	}
	return out
}

// withUnit writes a value with its unit: "78,9%", "65,72 điểm".
func (c *Chart) withUnit(v Value) string {
	switch c.Unit {
	case "":
		return v.Text()
	case "%":
		return v.Text() + "%"
	}
	return v.Text() + " " + c.Unit
}
