package viet

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestNFC(t *testing.T) {
	nfd := norm.NFD.String("Chuyển đổi số")
	if nfd == "Chuyển đổi số" {
		t.Fatal("test input is not decomposed")
	}
	tests := []struct {
		in, want string
		isNFC    bool
	}{
		{"Chuyển đổi số", "Chuyển đổi số", true},
		{nfd, "Chuyển đổi số", false},
		{"e\u0301", "é", false},
		{"ASCII only", "ASCII only", true},
		{"", "", true},
	}
	for _, tc := range tests {
		if got := NFC(tc.in); got != tc.want {
			t.Errorf("NFC(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := IsNFC(tc.in); got != tc.isNFC {
			t.Errorf("IsNFC(%q) = %v, want %v", tc.in, got, tc.isNFC)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hoà", "hoa"},
		{"hòa", "hoa"},
		{"thuỷ", "thuy"},
		{"Thủy", "thuy"},
		{"Đường làng", "duong lang"},
		{"Ðường", "duong"}, // U+00D0 look-alike
		{"ðường", "duong"}, // U+00F0 look-alike
		{norm.NFD.String("Chuyển đổi số"), "chuyen doi so"},
		{"  Một\u00a0 cửa\n\tliên thông  ", "mot cua lien thong"},
		{"05/QĐ-UBND", "05/qd-ubnd"},
		{"PAR INDEX 2025", "par index 2025"},
		{"", ""},
		{" \t\n", ""},
	}
	for _, tc := range tests {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Chuyển đổi số", "chuyen-doi-so"},
		{norm.NFD.String("Chuyển đổi số"), "chuyen-doi-so"},
		{"Đường làng", "duong-lang"},
		{"Ðường làng", "duong-lang"},
		{"  Một cửa  ", "mot-cua"},
		{"Một cửa, một cửa liên thông", "mot-cua-mot-cua-lien-thong"},
		{"PAR INDEX 2025", "par-index-2025"},
		{"05/QĐ-UBND", "05-qd-ubnd"},
		{"Kế hoạch số 35/KH-UBND ngày 16/01/2026", "ke-hoach-so-35-kh-ubnd-ngay-16-01-2026"},
		{"--Ủy ban__nhân dân--", "uy-ban-nhan-dan"},
		{"Hỏi – đáp", "hoi-dap"},
		{"Thuỷ lợi", "thuy-loi"},
		{"", ""},
		{"   ", ""},
		{"!!! – …", ""},
		{"“”", ""},
	}
	for _, tc := range tests {
		if got := Slug(tc.in); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
