// Package qrtest reads back, in tests, the QR codes the site prints: it
// rasterises the SVG that internal/qrsvg draws and scans the picture with
// an independent decoder (github.com/makiuchi-d/gozxing, a port of ZXing,
// which phone scanner apps are built on). Like browsertest it is a helper
// for tests: the generator never imports it.
package qrtest

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"regexp"
	"strconv"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

var (
	viewBoxRE = regexp.MustCompile(`viewBox="?0 0 (\d+) (\d+)"?`)
	pathRE    = regexp.MustCompile(`<path stroke="?#000"? d="([^"]*)"`)
	tokenRE   = regexp.MustCompile(`[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)`)
)

// Raster draws svg (one code as qrsvg writes it, or as the site's
// minifier rewrites it: a white square and one path of horizontal strokes
// one unit wide, centred on the rows) into a grey image, scale pixels per
// module.
func Raster(svg string, scale int) (*image.Gray, error) {
	vb := viewBoxRE.FindStringSubmatch(svg)
	d := pathRE.FindStringSubmatch(svg)
	if vb == nil || d == nil {
		return nil, fmt.Errorf("not a QR code SVG of qrsvg: %.80q", svg)
	}
	side, _ := strconv.Atoi(vb[1])
	img := image.NewGray(image.Rect(0, 0, side*scale, side*scale))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	var x, y float64
	cmd := ""
	var args []float64
	flush := func() error {
		for len(args) > 0 {
			switch cmd {
			case "M", "m":
				if len(args) < 2 {
					return fmt.Errorf("%s needs two numbers", cmd)
				}
				if cmd == "M" {
					x, y = args[0], args[1]
				} else {
					x, y = x+args[0], y+args[1]
				}
				args = args[2:]
				cmd = map[string]string{"M": "L", "m": "l"}[cmd] // SVG: more pairs are lines
			case "h", "H":
				to := args[0]
				if cmd == "h" {
					to += x
				}
				if y-math.Floor(y) != 0.5 {
					return fmt.Errorf("stroke at y=%v is not centred on a row", y)
				}
				for cx := math.Min(x, to); cx < math.Max(x, to); cx++ {
					fill(img, int(cx), int(y), scale)
				}
				x, args = to, args[1:]
			default:
				return fmt.Errorf("path command %q is not one qrsvg draws with", cmd)
			}
		}
		return nil
	}
	for _, tok := range tokenRE.FindAllString(d[1], -1) {
		if n, err := strconv.ParseFloat(tok, 64); err == nil {
			args = append(args, n)
			continue
		}
		if err := flush(); err != nil {
			return nil, err
		}
		cmd = tok
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return img, nil
}

func fill(img *image.Gray, mx, my, scale int) {
	for py := my * scale; py < (my+1)*scale; py++ {
		for px := mx * scale; px < (mx+1)*scale; px++ {
			img.SetGray(px, py, color.Gray{})
		}
	}
}

// Decode scans img as a phone would: find the code, then read it.
func Decode(img image.Image) (string, error) {
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return "", err
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true})
	if err != nil {
		return "", err
	}
	return res.GetText(), nil
}

// Read rasterises svg and decodes it.
func Read(svg string) (string, error) {
	img, err := Raster(svg, 4)
	if err != nil {
		return "", err
	}
	return Decode(img)
}
