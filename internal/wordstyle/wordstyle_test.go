package wordstyle

import "testing"

// TestFormatNumber: the numFmt values Word documents use, letters past z
// and the bounds where Word's formats fall back to decimal.
func TestFormatNumber(t *testing.T) {
	tests := []struct {
		format string
		n      int
		want   string
	}{
		{"decimal", 12, "12"},
		{"decimalZero", 7, "07"},
		{"decimalZero", 12, "12"},
		{"lowerLetter", 1, "a"},
		{"lowerLetter", 26, "z"},
		{"lowerLetter", 27, "aa"},
		{"upperLetter", 54, "BBB"},
		{"upperLetter", 0, "0"},
		{"lowerLetter", 261, "261"},
		{"lowerRoman", 4, "iv"},
		{"upperRoman", 1994, "MCMXCIV"},
		{"upperRoman", 4000, "4000"},
		{"ordinal", 3, "3"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.format, tt.n); got != tt.want {
			t.Errorf("formatNumber(%q, %d) = %q, want %q", tt.format, tt.n, got, tt.want)
		}
	}
}

// TestHeadingOfName: English and Vietnamese style names of the nine
// heading levels; anything else is body text.
func TestHeadingOfName(t *testing.T) {
	tests := []struct {
		name string
		want int
	}{
		{"heading 1", 1},
		{"heading 9", 9},
		{"tiêu đề 2", 2},
		{"đầu đề 3", 3},
		{"tieude4", 4},
		{"dau de 5", 5},
		{"heading 10", 0},
		{"heading 0", 0},
		{"heading", 0},
		{"headings 1", 0},
		{"tiêu đề", 0},
		{"normal", 0},
	}
	for _, tt := range tests {
		if got := headingOfName(tt.name); got != tt.want {
			t.Errorf("headingOfName(%q) = %d, want %d", tt.name, got, tt.want)
		}
	}
}
