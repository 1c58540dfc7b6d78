package qrsvg

import (
	"math/bits"
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

// finderPenaltyWalk is rule 3 for one line, walked run by run as the
// reference walks it module by module: a history of the last seven runs
// (h0 the latest), the light border beyond the symbol counted as a run as
// long as it, and a pattern looked for each time a light run ends. It is
// how finderPenalty worked before it took whole lines at once; the tests
// hold finderPenalty to it.
func finderPenaltyWalk(line uint64, n int) int {
	var h0, h1, h2, h3, h4, h5, h6 int
	add := func(run int) {
		if h0 == 0 {
			run += n // the light border before the line
		}
		h6, h5, h4, h3, h2, h1, h0 = h5, h4, h3, h2, h1, h0, run
	}
	count := func() int {
		m := h1
		if m == 0 || h2 != m || h3 != 3*m || h4 != m || h5 != m {
			return 0
		}
		c := 0
		if h0 >= 4*m && h6 >= m {
			c++
		}
		if h6 >= 4*m && h0 >= m {
			c++
		}
		return c
	}
	found := 0
	dark := false
	for x := 0; x < n; {
		var run int
		if dark {
			run = bits.TrailingZeros64(^(line >> x))
		} else {
			run = bits.TrailingZeros64(line >> x)
		}
		run = min(run, n-x)
		x += run
		if x == n {
			// The last run: the line ends on it, then the light border.
			if dark {
				add(run)
				run = 0
			}
			add(run + n)
			found += count()
			break
		}
		add(run)
		if !dark {
			found += count()
		}
		dark = !dark
	}
	return found * penaltyFinder
}

// TestFinderPenaltyMatchesWalk holds the whole-line finder rule to the
// walk: every line of 14 modules (patterns of m = 1 and 2 fit), random
// lines of every side up to 64 with runs of every length, and each
// scaled pattern at each place, with and without its light margins.
func TestFinderPenaltyMatchesWalk(t *testing.T) {
	check := func(line uint64, n int) {
		t.Helper()
		line &= fullRow(n)
		if got, want := finderPenalty(line, n), finderPenaltyWalk(line, n); got != want {
			t.Fatalf("line %0*b (side %d): %d, the walk says %d", n, line, n, got, want)
		}
	}
	for line := range uint64(1 << 14) {
		check(line, 14)
	}
	rng := rand.New(rand.NewPCG(5, 12))
	for n := 1; n <= 64; n++ {
		for range 3000 {
			// Runs of random lengths, short ones likelier: long runs and
			// scaled patterns occur too.
			var line uint64
			for x, dark := 0, rng.IntN(2) == 0; x < n; dark = !dark {
				run := 1 + rng.IntN(1+rng.IntN(12))
				if dark {
					line |= (1<<run - 1) << x
				}
				x += run
			}
			check(line, n)
		}
	}
	for m := 1; m <= 9; m++ {
		core := uint64(1<<m-1) | (1<<(3*m)-1)<<(2*m) | (1<<m-1)<<(6*m)
		for n := 7 * m; n <= 64; n++ {
			for at := 0; at+7*m <= n; at++ {
				check(core<<at, n)
				check(core<<at|rng.Uint64(), n)
				check(core<<at|1<<max(at-1, 0), n)
				check(core<<at|1<<min(at+7*m+3, 63), n)
			}
		}
	}
}

func FuzzFinderPenalty(f *testing.F) {
	f.Add(uint64(0b1011101), uint8(21))
	f.Add(uint64(0b110000111111001100000000), uint8(45))
	f.Fuzz(func(t *testing.T, line uint64, side uint8) {
		n := 1 + int(side)%64
		line &= fullRow(n)
		if got, want := finderPenalty(line, n), finderPenaltyWalk(line, n); got != want {
			t.Fatalf("line %0*b (side %d): %d, the walk says %d", n, line, n, got, want)
		}
	})
}

func BenchmarkFinderPenalty(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	lines := make([]uint64, 1024)
	for i := range lines {
		lines[i] = rng.Uint64() & fullRow(45)
	}
	for name, f := range map[string]func(uint64, int) int{"lines": finderPenalty, "walk": finderPenaltyWalk} {
		b.Run(name, func(b *testing.B) {
			s := 0
			for b.Loop() {
				for _, l := range lines {
					s += f(l, 45)
				}
			}
			_ = s
		})
	}
}
