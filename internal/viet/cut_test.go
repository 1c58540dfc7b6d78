package viet

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestCut(t *testing.T) {
	tests := []struct {
		text string
		max  int
		want string
	}{
		{"Cải cách hành chính", 100, "Cải cách hành chính"},
		{"Cải cách hành chính", 19, "Cải cách hành chính"},
		{"  Cải   cách\n\thành chính  ", 19, "Cải cách hành chính"},
		{"Cải cách hành chính", 18, "Cải cách hành…"},
		{"Cải cách hành chính", 13, "Cải cách hành…"},
		{"Cải cách hành chính", 14, "Cải cách hành…"}, // boundary right after the space
		{"Cải cách hành chính", 12, "Cải cách…"},
		{"Cải cách hành chính", 3, "Cải…"},
		{"Cải cách hành chính", 2, "Cả…"},
		{"Dịch vụ công trực tuyến, một cửa", 26, "Dịch vụ công trực tuyến…"},
		{"Dịch vụ công trực tuyến (mức độ 4)", 25, "Dịch vụ công trực tuyến…"},
		{"Dịch vụ công trực tuyến (mức độ 4)", 30, "Dịch vụ công trực tuyến (mức…"},
		{"Xem tại https://dichvucong.gov.vn/p/home/dvc-trang-chu.html", 20, "Xem tại…"},
		{"https://dichvucong.gov.vn/p/home/dvc-trang-chu.html", 10, "https://di…"},
		{"https://dichvucong.gov.vn/p/home/dvc-trang-chu.html", 8, "https…"},
		{"", 10, ""},
		{"   ", 10, ""},
		{"Nghệ An", 0, "…"},
		{"Nghệ An", -5, "…"},
		{" ", -23, ""}, // found by FuzzCut: panicked
	}
	for _, tc := range tests {
		got := Cut(tc.text, tc.max)
		if got != tc.want {
			t.Errorf("Cut(%q, %d) = %q, want %q", tc.text, tc.max, got, tc.want)
		}
	}
}

func TestCutNeverSplitsACombiningMark(t *testing.T) {
	text := norm.NFD.String("Nghệ") // N g h e U+0323 U+0302
	for max := 1; max < utf8.RuneCountInString(text); max++ {
		got := Cut(text, max)
		if !norm.NFC.IsNormalString(norm.NFC.String(got)) || norm.NFD.String(norm.NFC.String(got)) != got {
			t.Errorf("Cut(NFD Nghệ, %d) = %q ends inside a letter", max, got)
		}
		if utf8.RuneCountInString(got) > max+1 {
			t.Errorf("Cut(NFD Nghệ, %d) = %q is too long", max, got)
		}
	}
	if got := Cut(text, 4); got != "Ngh…" {
		t.Errorf("Cut(NFD Nghệ, 4) = %q, want Ngh…", got)
	}
}

func TestCutLength(t *testing.T) {
	text := "Ủy ban nhân dân xã Diễn Châu triển khai kế hoạch tuyên truyền cải cách hành chính năm 2026, chú trọng chuyển đổi số."
	for max := 0; max <= utf8.RuneCountInString(text)+1; max++ {
		got := Cut(text, max)
		n := utf8.RuneCountInString(got)
		if n > max+1 {
			t.Errorf("Cut(text, %d) has %d runes", max, n)
		}
		if got != text && got[len(got)-len("…"):] != "…" {
			t.Errorf("Cut(text, %d) = %q lacks the ellipsis", max, got)
		}
	}
}
