package report

import (
	"strconv"
	"strings"
)

// number writes f the Vietnamese way, with dots between thousands and a
// decimal comma: 1.234,5. decimals are dropped when they are all zero,
// so 3,0 prints as 3.
func number(f float64, decimals int) string {
	return FormatNumber(f, decimals, ',', '.')
}

// FormatNumber writes f with the given decimal mark and thousands
// separator (0 for none), dropping decimals that are all zero.
func FormatNumber(f float64, decimals int, point, group byte) string {
	s := strconv.FormatFloat(f, 'f', decimals, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	if strings.Trim(frac, "0") == "" {
		frac = ""
	}
	var b strings.Builder
	if neg && (whole != "0" || frac != "") {
		b.WriteByte('-')
	}
	for i, c := range []byte(whole) {
		if group != 0 && i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(group)
		}
		b.WriteByte(c)
	}
	if frac != "" {
		b.WriteByte(point)
		b.WriteString(frac)
	}
	return b.String()
}
