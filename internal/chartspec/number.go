package chartspec

import (
	"math"
	"strconv"
	"strings"

	"github.com/cchc-vn/cchc/internal/chart"
)

// parseNumber reads a number as a Vietnamese editor or Excel writes it:
// "1.234,5", "1234,5", "-3,2", "−3,2" (the minus sign), "58.4" or
// "1234.5" from an English spreadsheet. A comma is the decimal mark and
// dots then group thousands; without a comma, dots that group exactly
// three digits ("16.208") group thousands, and a single other dot is a
// decimal point. ok is false for anything else: no exponents, no words,
// no stray characters. Missing values are the caller's business.
func parseNumber(s string) (chart.Value, bool) {
	neg := false
	switch {
	case strings.HasPrefix(s, "-"):
		neg, s = true, s[1:]
	case strings.HasPrefix(s, "−"):
		neg, s = true, s[len("−"):]
	case strings.HasPrefix(s, "+"):
		s = s[1:]
	}
	intPart, frac, hasComma := strings.Cut(s, ",")
	if !hasComma && strings.Count(s, ".") == 1 && !groupsThousands(s) {
		intPart, frac, hasComma = strings.Cut(s, ".")
	}
	if hasComma && (frac == "" || !allDigits(frac)) {
		return chart.Value{}, false
	}
	digits, ok := ungroup(intPart)
	if !ok {
		return chart.Value{}, false
	}
	text := digits
	if hasComma {
		text += "." + frac
	}
	n, err := strconv.ParseFloat(text, 64)
	if err != nil || math.Abs(n) >= maxMagnitude {
		return chart.Value{}, false
	}
	if neg {
		n = -n
	}
	return chart.Value{N: n, Decimals: len(frac)}, true
}

// groupsThousands reports whether s is digits grouped by dots in threes
// after a first group of one to three: "16.208", "1.234.567".
func groupsThousands(s string) bool {
	groups := strings.Split(s, ".")
	if len(groups) < 2 || len(groups[0]) == 0 || len(groups[0]) > 3 || !allDigits(groups[0]) {
		return false
	}
	if groups[0] == "0" {
		return false // "0.125" is a fraction, not a grouped number
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || !allDigits(g) {
			return false
		}
	}
	return true
}

// ungroup returns the digits of an integer part written "1234" or
// "1.234", or false when it is neither.
func ungroup(s string) (string, bool) {
	if allDigits(s) && s != "" {
		return s, true
	}
	if groupsThousands(s) {
		return strings.ReplaceAll(s, ".", ""), true
	}
	return "", false
}

func allDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isMissing reports whether a cell or list item stands for "no number":
// blank, or a dash as typed or as Word turns it.
func isMissing(s string) bool {
	switch strings.TrimSpace(s) {
	case "", "-", "–", "—":
		return true
	}
	return false
}
