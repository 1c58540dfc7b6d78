package qrsvg_test

import (
	"image"
	"image/color"
	"strings"
	"testing"

	"github.com/cchc-vn/cchc/internal/publish"
	"github.com/cchc-vn/cchc/internal/qrsvg"
	"github.com/cchc-vn/cchc/internal/qrtest"
)

// texts are what the site encodes: page URLs of every length a commune's
// column makes, a national portal's search link, text with diacritics
// (a path a portal might keep unescaped), digits only (numeric mode) and
// upper case (alphanumeric mode).
var texts = []string{
	"https://dienchau.nghean.gov.vn/cchc/thu-tuc/dang-ky-khai-sinh/",
	"https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?keyword=1.001193",
	"https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.004222&loai=toan-trinh",
	"https://x.vn/",
	"https://dienchau.nghean.gov.vn/cchc/bài-viết/chuyển-đổi-số/",
	"1001193",
	"HTTPS://DVC.GOV.VN/1.000894",
	"https://dienchau.nghean.gov.vn/cchc/hoi-dap/" + strings.Repeat("cau-hoi-ve-thu-tuc-dat-dai-", 12),
}

func TestCodesDecodeToTheirText(t *testing.T) {
	for _, text := range texts {
		c, err := qrsvg.Encode(text)
		if err != nil {
			t.Fatalf("Encode(%q): %v", text, err)
		}
		// From the matrix itself, and from the SVG drawn from it.
		if got, err := qrtest.Decode(matrixImage(c, 3)); err != nil || got != text {
			t.Errorf("matrix of %q decodes to %q, %v", text, got, err)
		}
		svg := c.SVG("Mã QR: " + text)
		if got, err := qrtest.Read(svg); err != nil || got != text {
			t.Errorf("SVG of %q decodes to %q, %v", text, got, err)
		}
	}
}

// TestSVGDrawsExactlyTheDarkModules compares the SVG's path, drawn, with
// the matrix module by module, quiet zone included.
func TestSVGDrawsExactlyTheDarkModules(t *testing.T) {
	for _, text := range texts {
		c, _ := qrsvg.Encode(text)
		img, err := qrtest.Raster(c.SVG("x"), 1)
		if err != nil {
			t.Fatal(err)
		}
		side := c.Size() + 2*qrsvg.QuietZone
		if b := img.Bounds(); b.Dx() != side || b.Dy() != side {
			t.Fatalf("%q: SVG of %dx%d units, want %d", text, b.Dx(), b.Dy(), side)
		}
		for y := range side {
			for x := range side {
				want := c.Dark(x-qrsvg.QuietZone, y-qrsvg.QuietZone)
				if got := img.GrayAt(x, y).Y == 0; got != want {
					t.Fatalf("%q: unit (%d,%d) dark = %v, want %v", text, x, y, got, want)
				}
			}
		}
	}
}

func TestSVGMarkup(t *testing.T) {
	svg, err := qrsvg.SVG("https://x.vn/?a=1&b=<2>", `Mã QR: "trang" & <thủ tục>`)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 33 33" role="img" shape-rendering="crispEdges">`,
		`<title>Mã QR: &#34;trang&#34; &amp; &lt;thủ tục&gt;</title>`,
		`<rect width="33" height="33" fill="#fff"/>`,
		// The finder pattern's top row, at the quiet zone's corner.
		`<path stroke="#000" d="M4 4.5h7m`,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %q:\n%s", want, svg)
		}
	}
	if n := strings.Count(svg, "<path"); n != 1 {
		t.Errorf("%d paths, want one", n)
	}
	again, _ := qrsvg.SVG("https://x.vn/?a=1&b=<2>", `Mã QR: "trang" & <thủ tục>`)
	if again != svg {
		t.Error("the same text drew two different SVGs")
	}
}

// TestSVGIsSmall bounds the weight a page's code adds: every article
// carries one for its print header.
func TestSVGIsSmall(t *testing.T) {
	svg, _ := qrsvg.SVG(texts[0], "Mã QR: "+texts[0])
	if len(svg) > 2500 {
		t.Errorf("the code of a page URL is %d bytes", len(svg))
	}
}

func TestEncodeErrors(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"empty", "", "địa chỉ trống, không có gì để mã hóa"},
		{"too long", strings.Repeat("a", 3000), "địa chỉ dài 3000 byte, quá sức chứa của một mã QR (khoảng 2.300 byte) — rút ngắn địa chỉ (go_qr: data too long: data length 24020 bits exceeds capacity 18672 bits)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := qrsvg.Encode(tc.text)
			if err == nil || err.Error() != tc.want {
				t.Errorf("error = %v, want %q", err, tc.want)
			}
		})
	}
}

// matrixImage draws c from its matrix, quiet zone included.
func matrixImage(c *qrsvg.Code, scale int) image.Image {
	side := (c.Size() + 2*qrsvg.QuietZone) * scale
	img := image.NewGray(image.Rect(0, 0, side, side))
	for py := range side {
		for px := range side {
			v := uint8(0xff)
			if c.Dark(px/scale-qrsvg.QuietZone, py/scale-qrsvg.QuietZone) {
				v = 0
			}
			img.SetGray(px, py, color.Gray{Y: v})
		}
	}
	return img
}

// Pages copy a QR code past the SVG minifier by its opening: the two must
// agree, or every page would pay for minifying the code again.
func TestSVGOpensAsDrawnSVG(t *testing.T) {
	svg, err := qrsvg.SVG(texts[0], "Mã QR")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(svg, publish.DrawnSVGPrefix) {
		t.Errorf("the SVG opens %q, want %q", svg[:len(publish.DrawnSVGPrefix)], publish.DrawnSVGPrefix)
	}
}

// BenchmarkSVG is what a printable page pays: a URL encoded and drawn.
func BenchmarkSVG(b *testing.B) {
	const u = "https://dienchau.nghean.gov.vn/cchc/bai-viet/trung-tam-phuc-vu-hanh-chinh-cong-xa-tiep-nhan-ho-so-truc-tuyen/"
	for b.Loop() {
		if _, err := qrsvg.SVG(u, "Mã QR mở trang này: "+u); err != nil {
			b.Fatal(err)
		}
	}
}
