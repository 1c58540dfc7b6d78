package mdcheck

import (
	"strings"
	"testing"
)

const testMaxBytes = 2 << 20

func TestGuardOffsets(t *testing.T) {
	nesting := "giảm số cấp lồng nhau; nếu ký tự >, -, * hay + ở đầu dòng là chữ, thêm dấu \\ trước nó"
	tests := []struct {
		name string
		max  int
		src  string
		want *Problem
	}{
		{"over the cap", 1000, strings.Repeat("a", 1001), &Problem{
			Message: "bài viết dài 1.001 byte (1001 byte), vượt giới hạn 1.000 byte (1000 byte)",
			Hint:    "chia thành nhiều bài, hoặc chuyển bảng số liệu dài sang tệp đính kèm (PDF, XLSX) đặt cạnh bài viết"}},
		{"at the cap", 1000, strings.Repeat("a", 1000), nil},
		{"deep quote at its line's start", testMaxBytes, "Mở đầu.\n\n" + strings.Repeat(">", 33) + " a", &Problem{
			Offset:  len("Mở đầu.\n\n"),
			Message: "dòng lồng 33 cấp trích dẫn hoặc danh sách, vượt giới hạn 32 cấp", Hint: nesting}},
		{"rule of stars is no nesting", testMaxBytes, strings.Repeat("* ", 60), nil},
		{"the bracket over the limit", testMaxBytes, "ab" + strings.Repeat("[", 1001), &Problem{
			Offset:  2 + 1000,
			Message: "đoạn văn có hơn 1.000 ký tự định dạng * _ ~ [ ] ( )",
			Hint:    "chia đoạn văn bằng một dòng trống; nếu đây là dữ liệu, đặt nó trong khối mã giữa hai dòng ```"}},
		{"brackets in code", testMaxBytes, "```\n" + strings.Repeat("[", 1001) + "\n```", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NewGuard(tt.max).Check([]byte(tt.src))
			switch {
			case got == nil && tt.want == nil:
			case got == nil || tt.want == nil || *got != *tt.want:
				t.Errorf("Check = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestDelimiterGuardStillRefusesAfterFastPath(t *testing.T) {
	g := NewGuard(testMaxBytes)
	// Over the limit in one paragraph: the fast path must not skip the
	// block parse when the whole body has more than the limit.
	src := "Đoạn đầu.\n\n" + strings.Repeat("*a_", maxBlockDelims/2+1) + "\n"
	if p := g.Check([]byte(src)); p == nil {
		t.Fatal("a paragraph over the delimiter limit was accepted")
	}
	// Many delimiters spread over short paragraphs are fine.
	many := strings.Repeat("Xem [mục](#a) và *chữ nghiêng*.\n\n", 200)
	if p := g.Check([]byte(many)); p != nil {
		t.Fatalf("spread delimiters refused: %v", p)
	}
}

func TestContainerPrefix(t *testing.T) {
	tests := []struct {
		line                    string
		markers, indent, restAt int
	}{
		{"văn bản", 0, 0, 0},
		{"> trích", 1, 0, 2},
		{"> > - mục", 3, 2, 6},
		{"  1. mục", 1, 2, 5},
		{"\t- mục", 1, 4, 3},
		{"-mục", 0, 0, 0},
		{"1234567890. số", 0, 0, 0},
	}
	for _, tt := range tests {
		m, ind, rest := containerPrefix([]byte(tt.line))
		if m != tt.markers || ind != tt.indent || rest != tt.restAt {
			t.Errorf("containerPrefix(%q) = %d, %d, %d; want %d, %d, %d", tt.line, m, ind, rest, tt.markers, tt.indent, tt.restAt)
		}
	}
}

func TestDelimiterRowColumns(t *testing.T) {
	tests := map[string]int{
		"| --- | :-: |": 2,
		":--":           1,
		"|-|-|-|":       3,
		"| a | b |":     0,
		"||":            0,
		"":              0,
	}
	for row, want := range tests {
		if got := delimiterRowColumns([]byte(row)); got != want {
			t.Errorf("delimiterRowColumns(%q) = %d, want %d", row, got, want)
		}
	}
}

func TestSizesInVietnamese(t *testing.T) {
	tests := []struct {
		n            int
		digits, size string
	}{
		{0, "0", "0 byte"},
		{999, "999", "999 byte"},
		{1000, "1.000", "1000 byte"},
		{1536, "1.536", "1,5 KiB"},
		{2 << 20, "2.097.152", "2 MiB"},
		{16 << 20, "16.777.216", "16 MiB"},
	}
	for _, tt := range tests {
		if got := groupDigits(tt.n); got != tt.digits {
			t.Errorf("groupDigits(%d) = %q, want %q", tt.n, got, tt.digits)
		}
		if got := formatSize(tt.n); got != tt.size {
			t.Errorf("formatSize(%d) = %q, want %q", tt.n, got, tt.size)
		}
	}
}
