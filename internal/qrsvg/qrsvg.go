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
	b := make([]byte, 0, 200+len(name)+c.size*c.size)
	b = append(b, `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `...)
	b = append(b, side+" "+side...)
	b = append(b, `" role="img" shape-rendering="crispEdges"><title>`...)
	b = append(b, html.EscapeString(name)...)
	b = append(b, `</title><rect width="`+side+`" height="`+side+`" fill="#fff"/><path stroke="#000" d="`...)
	b = c.appendPath(b)
	b = append(b, `"/></svg>`...)
	return string(b)
}

// appendPath appends the dark modules as horizontal strokes one unit
// wide, a run of dark modules per stroke: "M4 4.5h7m1 0h2" is the shortest
// way SVG has to say it, about a third of a path of filled squares.
func (c *Code) appendPath(b []byte) []byte {
	for y := range c.size {
		row := c.dark[y*c.size : (y+1)*c.size]
		pen := -1 // x where the last stroke of this row ended, or -1
		for x := 0; x < c.size; {
			if !row[x] {
				x++
				continue
			}
			run := 1
			for x+run < c.size && row[x+run] {
				run++
			}
			if pen < 0 {
				b = append(b, 'M')
				b = strconv.AppendInt(b, int64(x+QuietZone), 10)
				b = append(b, ' ')
				b = strconv.AppendInt(b, int64(y+QuietZone), 10)
				b = append(b, ".5"...)
			} else {
				b = append(b, 'm')
				b = strconv.AppendInt(b, int64(x-pen), 10)
				b = append(b, " 0"...)
			}
			b = append(b, 'h')
			b = strconv.AppendInt(b, int64(run), 10)
			pen = x + run
			x += run
		}
	}
	return b
}

// SVG encodes text and draws it: Encode, then Code.SVG.
func SVG(text, name string) (string, error) {
	c, err := Encode(text)
	if err != nil {
		return "", err
	}
	return c.SVG(name), nil
}
