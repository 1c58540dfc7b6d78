package viet

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestNormalizeTone(t *testing.T) {
	tests := []struct{ in, want string }{
		{"hoà", "hòa"},
		{"hoá", "hóa"},
		{"hoả", "hỏa"},
		{"hoã", "hõa"},
		{"hoạ", "họa"},
		{"thuỷ", "thủy"},
		{"khoẻ", "khỏe"},
		{"loè", "lòe"},
		{"uỷ ban", "ủy ban"},
		{"Uỷ ban", "Ủy ban"},
		{"HOÀ BÌNH", "HÒA BÌNH"},
		{"Hoà", "Hòa"},
		{"tuỳ", "tùy"},
		{"luỹ kế", "lũy kế"},
		{"oà khóc", "òa khóc"},
		{"Văn hoá – Xã hội", "Văn hóa – Xã hội"},
		{"(hoá đơn)", "(hóa đơn)"},
		{"hoá2026", "hóa2026"},
		// Already new style, or the same in both styles.
		{"hòa", "hòa"},
		{"thủy", "thủy"},
		{"quý", "quý"},
		{"quỷ", "quỷ"},
		{"Quý", "Quý"},
		{"quà", "quà"},
		{"hoàn", "hoàn"},
		{"toán", "toán"},
		{"thuyền", "thuyền"},
		{"huỳnh", "huỳnh"},
		{"hoài", "hoài"},
		{"xoáy", "xoáy"},
		{"khuỷu", "khuỷu"},
		{"thuế", "thuế"},
		{"thuở", "thuở"},
		{"của", "của"},
		{"mía", "mía"},
		{"hoa", "hoa"},
		{"khuya", "khuya"},
		{"", ""},
		{"PAR INDEX 2025", "PAR INDEX 2025"},
		// NFD input comes back in NFC.
		{norm.NFD.String("hoà"), "hòa"},
		{norm.NFD.String("Diễn Châu"), "Diễn Châu"},
	}
	for _, tc := range tests {
		if got := NormalizeTone(tc.in); got != tc.want {
			t.Errorf("NormalizeTone(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNormalizeToneAgreesWithFold(t *testing.T) {
	for _, s := range []string{"hoà", "Thuỷ lợi", "khoẻ mạnh", "uỷ ban", "quý", "hoài"} {
		if Fold(NormalizeTone(s)) != Fold(s) {
			t.Errorf("Fold(NormalizeTone(%q)) = %q, want %q", s, Fold(NormalizeTone(s)), Fold(s))
		}
		if again := NormalizeTone(NormalizeTone(s)); again != NormalizeTone(s) {
			t.Errorf("NormalizeTone is not idempotent on %q: %q", s, again)
		}
	}
}
