package viet

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestIsNFCBytes(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"", true},
		{"ascii only", true},
		{"Chuyển đổi số – “một cửa” … 50.000₫", true},
		{"Chuye\u0302\u0309n đổi số", false}, // NFD
		{"A\u030A", false},      // A + ring composes to Å
		{"\u212B", false},       // Ångström sign: a singleton
		{"\u2000", false},       // en quad: a singleton
		{"Đ\u0323", true},       // no precomposed Đ with dot below
		{"한국어", true},           // outside the fast path: full check
		{"\u1100\u1161", false}, // Hangul jamo compose
		{"\xff\xfe", true},      // invalid UTF-8 is the caller's concern; it has no marks
	}
	for _, tt := range tests {
		got := IsNFCBytes([]byte(tt.in))
		if got != norm.NFC.IsNormal([]byte(tt.in)) {
			t.Errorf("IsNFCBytes(%q) = %v, disagrees with norm", tt.in, got)
		}
		if got != tt.want {
			t.Errorf("IsNFCBytes(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// FuzzIsNFCBytes checks the fast path always agrees with the full check.
func FuzzIsNFCBytes(f *testing.F) {
	for _, s := range []string{"Hoà bình", "Hoa\u0300", "e\u0301\u0323", "Ð", "\u2126", "ﬁ"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := IsNFCBytes(b), norm.NFC.IsNormal(b); got != want {
			t.Fatalf("IsNFCBytes(%q) = %v, norm says %v", b, got, want)
		}
	})
}
