// Package qrsvg draws a QR code as a small inline SVG for print: a white
// square with the quiet zone scanners need, one <path> of the dark
// modules, crisp edges, and an accessible name. The encoding itself is
// github.com/piglig/go-qr (Nayuki's reference generator, ported); this
// package only chooses its settings and draws. It is pure: the same text
// gives the same bytes.
package qrsvg

import (
	"errors"
	"fmt"
	"html"
	"strconv"
	"strings"

	goqr "github.com/piglig/go-qr"
)

// QuietZone is the light margin around the symbol, in modules: the four
// the QR standard asks for, so a code printed on a coloured or busy page
// still scans.
const QuietZone = 4

// Code is an encoded QR symbol: a square of modules, dark or light.
type Code struct {
	size int
	dark []bool // row by row
}

// Encode encodes text (a URL) with error correction level M, raised to Q
// or H when the text fits in the same size anyway: a leaflet pinned at a
// desk gets creased and scratched.
func Encode(text string) (*Code, error) {
	if text == "" {
		return nil, errors.New("địa chỉ trống, không có gì để mã hóa")
	}
	tooLong := func(err error) error {
		// The only failure of a text that is not empty is its length: the
		// message reaches whoever wrote the URL (link_dvc, a template).
		return fmt.Errorf("địa chỉ dài %d byte, quá sức chứa của một mã QR (khoảng 2.300 byte) — rút ngắn địa chỉ (%w)", len(text), err)
	}
	segs, err := goqr.MakeSegments(text)
	if err != nil {
		return nil, tooLong(err)
	}
	if n, dark, ok, err := encodeBestMask(segs); err != nil {
		return nil, tooLong(err)
	} else if ok {
		return &Code{size: n, dark: dark}, nil
	}
	q, err := goqr.EncodeText(text, goqr.Medium)
	if err != nil {
		return nil, tooLong(err)
	}
	n := q.Size()
	c := &Code{size: n, dark: make([]bool, n*n)}
	for y := range n {
		for x := range n {
			c.dark[y*n+x] = q.Module(x, y)
		}
	}
	return c, nil
}

// Size is the side of the symbol in modules, without the quiet zone.
func (c *Code) Size() int { return c.size }

// Dark reports whether the module at column x, row y is dark; outside the
// symbol (the quiet zone) everything is light.
func (c *Code) Dark(x, y int) bool {
	return x >= 0 && y >= 0 && x < c.size && y < c.size && c.dark[y*c.size+x]
}

// SVG draws the code with the quiet zone, one unit per module. name is its
// accessible name (the <title>), such as "Mã QR: https://…"; it is
// escaped here. The element has class "qr" and no size: the page's CSS
// gives it one.
func (c *Code) SVG(name string) string {
	side := strconv.Itoa(c.size + 2*QuietZone)
	var b strings.Builder
	b.Grow(64 + len(name) + c.size*c.size/2)
	b.WriteString(`<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `)
	b.WriteString(side + " " + side)
	b.WriteString(`" role="img" shape-rendering="crispEdges"><title>`)
	b.WriteString(html.EscapeString(name))
	b.WriteString(`</title><rect width="` + side + `" height="` + side + `" fill="#fff"/><path stroke="#000" d="`)
	c.path(&b)
	b.WriteString(`"/></svg>`)
	return b.String()
}

// path writes the dark modules as horizontal strokes one unit wide, a run
// of dark modules per stroke: "M4 4.5h7m1 0h2" is the shortest way SVG
// has to say it, about a third of a path of filled squares.
func (c *Code) path(b *strings.Builder) {
	for y := range c.size {
		pen := -1 // x where the last stroke of this row ended, or -1
		for x := 0; x < c.size; {
			if !c.Dark(x, y) {
				x++
				continue
			}
			run := 1
			for c.Dark(x+run, y) {
				run++
			}
			if pen < 0 {
				b.WriteString("M" + strconv.Itoa(x+QuietZone) + " " + strconv.Itoa(y+QuietZone) + ".5")
			} else {
				b.WriteString("m" + strconv.Itoa(x-pen) + " 0")
			}
			b.WriteString("h" + strconv.Itoa(run))
			pen = x + run
			x += run
		}
	}
}

// SVG encodes text and draws it: Encode, then Code.SVG.
func SVG(text, name string) (string, error) {
	c, err := Encode(text)
	if err != nil {
		return "", err
	}
	return c.SVG(name), nil
}
