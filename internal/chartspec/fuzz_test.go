package chartspec

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/chart"
)

// FuzzParse feeds editors' text to the spec parser, with a data file that
// is just as arbitrary: it never panics, every problem is somewhere in
// the spec, and a chart without errors draws the same bytes twice, with
// one table row per label.
func FuzzParse(f *testing.F) {
	f.Add("loai: cot\ntieu_de: A\nnhan: a; b\nso_lieu: 1,5; -2\n", "")
	f.Add("loai: duong\ntieu_de: A\ndu_lieu: x.csv\n", "\uFEFFNăm;A;B\n2019;1,5;\n2020;-;3\n")
	f.Add("loai: thanh\ntieu_de: A\ndu_lieu: x.yaml\n", "nhan: [a, b]\nchuoi:\n  - ten: x\n    so_lieu: 1; 2\n")
	f.Add("loai: thanh\ntieu_de: A\nnhan:\n  - a\nchuoi:\n  - ten: x\n    so_lieu:\n      - -\n", "")
	f.Add("loai: cot\ntieu_de: A\ndon_vi: \"%\"\nnhan: a; b; c\nso_lieu: [1, 2, 3]\n", "")
	f.Add("loai: cot\ntieu_de: A\ndu_lieu: x.csv\n", "\"a\",\"b\"\n\"1\",\"2,5\"\n,\n")
	f.Fuzz(func(t *testing.T, spec, data string) {
		files := func(name string) ([]byte, string, error) {
			if strings.HasPrefix(name, "x.") {
				return []byte(data), name, nil
			}
			return nil, "", &NotFoundError{Name: name}
		}
		c, probs := Parse([]byte(spec), files)
		lines := strings.Count(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(spec), "\n") + 1
		errs := false
		for _, p := range probs {
			if p.Line < 0 || p.Line > lines || p.Col < 0 {
				t.Errorf("problem outside the spec (%d lines): %+v", lines, p)
			}
			if p.Message == "" || p.Hint == "" {
				t.Errorf("problem without a message or a hint: %+v", p)
			}
			errs = errs || !p.Warning
		}
		if errs {
			return
		}
		html, _ := c.HTML(1)
		again, _ := c.HTML(1)
		if !bytes.Equal(html, again) {
			t.Fatal("two drawings of one chart differ")
		}
		if !utf8.Valid(html) {
			t.Fatal("the figure is not UTF-8")
		}
		if got := bytes.Count(html, []byte(`<th scope="row">`)); got != len(c.Labels) {
			t.Errorf("%d table rows for %d labels", got, len(c.Labels))
		}
		for _, s := range c.Series {
			if len(s.Values) != len(c.Labels) {
				t.Errorf("series %q: %d values for %d labels", s.Name, len(s.Values), len(c.Labels))
			}
		}
	})
}

// FuzzParseNumber: a number read, written back the Vietnamese way and
// read again is the same number.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"58,4", "1.234,5", "16.208", "58.4", "-0,25", "−3", "0.125", "+7"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := parseNumber(s)
		if !ok {
			return
		}
		out := chart.FormatNumber(v.N, v.Decimals)
		w, ok := parseNumber(out)
		if !ok || w.N != v.N {
			t.Errorf("%q → %v → %q → %v, %v", s, v.N, out, w.N, ok)
		}
	})
}
