package qrsvg

import (
	"math/rand/v2"
	"strings"
	"testing"

	goqr "github.com/piglig/go-qr"
)

// sameAsGoQR reports whether this package's symbol for text is go-qr's own
// (EncodeText, which scores every mask module by module), and whether the
// fast path made it.
func sameAsGoQR(t testing.TB, text string) (fast bool) {
	t.Helper()
	segs, err := goqr.MakeSegments(text)
	if err != nil {
		t.Fatalf("%q: %v", text, err)
	}
	n, dark, ok, err := encodeBestMask(segs)
	want, wantErr := goqr.EncodeText(text, goqr.Medium)
	if (err != nil) != (wantErr != nil) {
		t.Fatalf("%q: error %v, go-qr %v", text, err, wantErr)
	}
	if !ok {
		return false
	}
	if n != want.Size() {
		t.Fatalf("%q: size %d, go-qr %d", text, n, want.Size())
	}
	for y := range n {
		for x := range n {
			if dark[y*n+x] != want.Module(x, y) {
				t.Fatalf("%q (size %d): module (%d, %d) differs from go-qr's symbol", text, n, x, y)
			}
		}
	}
	return true
}

// TestSameSymbolAsGoQR encodes texts of every length the fast path takes,
// in each of QR's modes (digits, upper case, bytes, UTF-8 Vietnamese),
// and wants go-qr's symbol bit for bit: the same mask chosen, the same
// format information, at every version up to the widest that fits a word.
func TestSameSymbolAsGoQR(t *testing.T) {
	alphabets := []string{
		"0123456789",
		"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:",
		"abcdefghijklmnopqrstuvwxyz0123456789-/.?=&_",
		"aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệốồổỗộớờởỡợứừửữự -",
	}
	rng := rand.New(rand.NewPCG(2026, 12))
	fast, sizes := 0, map[int]bool{}
	for _, abc := range alphabets {
		letters := []rune(abc)
		for length := 1; length <= 420; length += 1 + length/40 {
			for range 3 {
				var b strings.Builder
				for range length {
					b.WriteRune(letters[rng.IntN(len(letters))])
				}
				if sameAsGoQR(t, b.String()) {
					fast++
					c, _ := Encode(b.String())
					sizes[c.Size()] = true
				}
			}
		}
	}
	for _, text := range []string{
		"https://dienchau.nghean.gov.vn/cchc/thu-tuc/dang-ky-khai-sinh/",
		"https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.004222&loai=toan-trinh",
	} {
		if !sameAsGoQR(t, text) {
			t.Errorf("%q took the slow path", text)
		}
	}
	// Versions 1 to 11 are sides 21 to 61: each must have been met.
	for side := 21; side <= 61; side += 4 {
		if !sizes[side] {
			t.Errorf("no text made a symbol of side %d", side)
		}
	}
	if fast < 500 {
		t.Errorf("only %d texts took the fast path", fast)
	}
}

// TestEveryMaskIsChosen: over many URLs each of the eight patterns wins
// somewhere, so the comparison above covers every pattern's rows.
func TestEveryMaskIsChosen(t *testing.T) {
	won := map[int]bool{}
	for i := 0; i < 400 && len(won) < 8; i++ {
		text := "https://xa.example/cchc/bai-viet/" + strings.Repeat("x", i%90) + "-" + string(rune('a'+i%26)) + "/"
		segs, _ := goqr.MakeSegments(text)
		n, dark, ok, err := encodeBestMask(segs)
		if err != nil || !ok {
			t.Fatalf("%q: %v %v", text, ok, err)
		}
		var g grid
		for y := range n {
			for x := range n {
				if dark[y*n+x] {
					g[y] |= 1 << x
				}
			}
		}
		l := newLayout(n)
		for m := range 8 {
			for _, lv := range []goqr.Ecc{goqr.Low, goqr.Medium, goqr.Quartile, goqr.High} {
				fb, _ := l.formatGrids(lv, m)
				if g[8]&(l.format[8]) == fb[8]&l.format[8] && g[n-1]&l.format[n-1] == fb[n-1]&l.format[n-1] {
					won[m] = true
				}
			}
		}
	}
	if len(won) < 8 {
		t.Errorf("masks chosen: %v, want all eight", won)
	}
}

func FuzzSameSymbolAsGoQR(f *testing.F) {
	f.Add("https://dienchau.nghean.gov.vn/cchc/thu-tuc/dang-ky-khai-sinh/")
	f.Add("1001193")
	f.Add("HTTPS://DVC.GOV.VN/1.000894")
	f.Add("https://xa.vn/bài-viết/chuyển-đổi-số/")
	f.Fuzz(func(t *testing.T, text string) {
		if text == "" || len(text) > 300 {
			return
		}
		sameAsGoQR(t, text)
	})
}

func BenchmarkEncode(b *testing.B) {
	const u = "https://dienchau.nghean.gov.vn/cchc/bai-viet/trung-tam-phuc-vu-hanh-chinh-cong-xa-tiep-nhan-ho-so-truc-tuyen/"
	b.Run("fast", func(b *testing.B) {
		for b.Loop() {
			if _, err := Encode(u); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("go-qr", func(b *testing.B) {
		for b.Loop() {
			if _, err := goqr.EncodeText(u, goqr.Medium); err != nil {
				b.Fatal(err)
			}
		}
	})
}
