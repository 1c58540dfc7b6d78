package chartspec

import (
	"reflect"
	"testing"

	"github.com/cchc-vn/cchc/internal/chart"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in       string
		n        float64
		decimals int
		ok       bool
	}{
		{"58,4", 58.4, 1, true},
		{"1.234,5", 1234.5, 1, true},
		{"1.234.567", 1234567, 0, true},
		{"16.208", 16208, 0, true}, // a Vietnamese thousand, not 16,208
		{"58.4", 58.4, 1, true},    // an English decimal point
		{"66.60", 66.6, 2, true},
		{"0.125", 0.125, 3, true},
		{"1234.5", 1234.5, 1, true},
		{"-3,25", -3.25, 2, true},
		{"−0,88", -0.88, 2, true}, // U+2212 minus sign
		{"+7", 7, 0, true},
		{"0", 0, 0, true},
		{"63,0", 63, 1, true},
		{"1.23,4", 0, 0, false},
		{"12.34.5", 0, 0, false},
		{"1,2,3", 0, 0, false},
		{"58,", 0, 0, false},
		{",5", 0, 0, false},
		{"1e3", 0, 0, false},
		{"12 345", 0, 0, false},
		{"abc", 0, 0, false},
		{"", 0, 0, false},
		{"-", 0, 0, false},
		{"1.000.000.000.000.000", 0, 0, false}, // past maxMagnitude
		{"NaN", 0, 0, false},
		{"Inf", 0, 0, false},
	}
	for _, tt := range tests {
		v, ok := parseNumber(tt.in)
		if ok != tt.ok || ok && (v.N != tt.n || v.Decimals != tt.decimals) {
			t.Errorf("parseNumber(%q) = %+v, %v; want %v (%d decimals), %v", tt.in, v, ok, tt.n, tt.decimals, tt.ok)
		}
	}
}

func TestCellColumn(t *testing.T) {
	for n, want := range map[int]string{1: "A", 2: "B", 26: "Z", 27: "AA", 28: "AB", 52: "AZ", 53: "BA", 703: "AAA"} {
		if got := cellColumn(n); got != want {
			t.Errorf("cellColumn(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestParseReadsTheNumbers(t *testing.T) {
	spec := "loai: Đường\ntieu_de: A\ndon_vi: \"%\"\nnhan: a; b; c\nso_lieu: 1,5%; −2; -\n"
	c, probs := Parse([]byte(spec), nil)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	want := &chart.Chart{Kind: chart.Line, Title: "A", Unit: "%", LabelHeader: "Danh mục", Labels: []string{"a", "b", "c"},
		Series: []chart.Series{{Name: "Số liệu", Values: []chart.Value{{N: 1.5, Decimals: 1}, {N: -2}, {Missing: true}}}}}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got %+v\nwant %+v", c, want)
	}
	c, probs = Parse([]byte("loai: cot\ntieu_de: A\ndu_lieu: quoted.csv\n"), testFiles())
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	want = &chart.Chart{Kind: chart.Column, Title: "A", LabelHeader: "Năm", Labels: []string{"2019", "2020"},
		Series: []chart.Series{{Name: "A", Values: []chart.Value{{N: 1.5, Decimals: 1}, {Missing: true}}}}}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("quoted CSV: got %+v\nwant %+v", c, want)
	}
}
