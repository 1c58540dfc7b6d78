package chart

import (
	"math"
	"slices"
	"strconv"
	"testing"
)

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		n        float64
		decimals int
		want     string
	}{
		{1234.5, 1, "1.234,5"},
		{1234567, 0, "1.234.567"},
		{-1234.5, 2, "-1.234,50"},
		{66.6, 2, "66,60"},
		{0.125, 3, "0,125"},
		{-0.04, 1, "0,0"}, // rounds to zero: no minus sign
		{999, 0, "999"},
		{1000, 0, "1.000"},
		{-5, 0, "-5"},
	}
	for _, tt := range tests {
		if got := FormatNumber(tt.n, tt.decimals); got != tt.want {
			t.Errorf("FormatNumber(%v, %d) = %q, want %q", tt.n, tt.decimals, got, tt.want)
		}
	}
}

func TestNiceAxis(t *testing.T) {
	tests := []struct {
		lo, hi   float64
		maxTicks int
		want     []float64
		decimals int
	}{
		{0, 91.2, 4, []float64{0, 50, 100}, 0},
		{0, 78.9, 5, []float64{0, 20, 40, 60, 80}, 0},
		{64.73, 66.64, 5, []float64{64.5, 65, 65.5, 66, 66.5, 67}, 1},
		{-35, 1204, 5, []float64{-500, 0, 500, 1000, 1500}, 0},
		{-2, 3.25, 4, []float64{-2, 0, 2, 4}, 0},
		{0, 0, 5, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}, 1},
		{0.5, 0.5, 5, []float64{0, 0.1, 0.2, 0.3, 0.4, 0.5}, 1},
		{42, 42, 5, []float64{35, 40, 45, 50}, 0},
		{0.01, 0.04, 5, []float64{0.01, 0.02, 0.03, 0.04}, 2},
	}
	for _, tt := range tests {
		a := niceAxis(tt.lo, tt.hi, tt.maxTicks)
		got := a.ticks()
		for i := range got {
			got[i] = math.Round(got[i]*1e9) / 1e9
		}
		if !slices.Equal(got, tt.want) || a.decimals != tt.decimals {
			t.Errorf("niceAxis(%v, %v, %d) ticks %v (%d decimals), want %v (%d)", tt.lo, tt.hi, tt.maxTicks, got, a.decimals, tt.want, tt.decimals)
		}
		if len(got) > 0 && (got[0] > tt.lo || got[len(got)-1] < tt.hi) {
			t.Errorf("niceAxis(%v, %v): %v does not cover the values", tt.lo, tt.hi, got)
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		s     string
		width float64
		want  []string
		fits  bool
	}{
		{"Tiếp nhận, xử lý ý kiến góp ý, phản ánh, kiến nghị", 200, []string{"Tiếp nhận, xử lý ý kiến", "góp ý, phản ánh, kiến", "nghị"}, true},
		{"T10", 40, []string{"T10"}, true},
		{"Tháng 10", 30, []string{"Tháng", "10"}, false},
		{"", 100, []string{""}, true},
	}
	for _, tt := range tests {
		got, fits := wrap(tt.s, tt.width)
		if !slices.Equal(got, tt.want) || fits != tt.fits {
			t.Errorf("wrap(%q, %v) = %q, %v; want %q, %v", tt.s, tt.width, got, fits, tt.want, tt.fits)
		}
		for _, l := range got {
			if w := textWidth(l); tt.fits && w > tt.width {
				t.Errorf("wrap(%q): line %q is %v wide, over %v", tt.s, l, w, tt.width)
			}
		}
	}
}

func TestSeriesColours(t *testing.T) {
	for _, bg := range []string{"#ffffff", "#f6f3ec"} {
		for i := range MaxSeries {
			c := seriesStyle(i).colour
			if r := contrast(c, bg); r < 4.5 {
				t.Errorf("series %d colour %s on %s: %.2f:1, want 4.5:1 or more", i, c, bg, r)
			}
		}
		for _, c := range []string{inkColour, mutedColour} {
			if r := contrast(c, bg); r < 4.5 {
				t.Errorf("text colour %s on %s: %.2f:1, want 4.5:1 or more", c, bg, r)
			}
		}
	}
	seen := map[style]int{}
	for i := range MaxSeries {
		st := seriesStyle(i)
		if j, dup := seen[st]; dup {
			t.Errorf("series %d and %d look alike: %+v", j, i, st)
		}
		seen[st] = i
	}
}

func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func luminance(hex string) float64 {
	var l float64
	for i, w := range []float64{0.2126, 0.7152, 0.0722} {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(v) / 255
		if c <= 0.03928 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		l += w * c
	}
	return l
}
