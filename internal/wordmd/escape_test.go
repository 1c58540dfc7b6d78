package wordmd

import "testing"

func TestEscapeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nghị định số 30/2020/NĐ-CP", "Nghị định số 30/2020/NĐ-CP"},
		{"a*b [c] <d> e|f ~g~ `h` \\", "a\\*b \\[c\\] \\<d> e\\|f \\~g\\~ \\`h\\` \\\\"},
		{"snake_case _đầu cuối_ a_", "snake_case \\_đầu cuối\\_ a\\_"},
		{"AT&T &amp; & x", "AT\\&T \\&amp; & x"},
	}
	for _, tt := range tests {
		if got := escapeText(tt.in); got != tt.want {
			t.Errorf("escapeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEscapeLineStart(t *testing.T) {
	tests := []struct{ in, want string }{
		{"# a", "\\# a"}, {"#a", "\\#a"}, {"> a", "\\> a"},
		{"- a", "\\- a"}, {"-5 độ", "-5 độ"}, {"+", "\\+"}, {"---", "\\---"}, {"= =", "\\= ="}, {"==a", "==a"},
		{"1. a", "1\\. a"}, {"1) a", "1\\) a"}, {"2026.", "2026\\."}, {"1234567890. a", "1234567890. a"},
		{"1.1. a", "1.1. a"}, {"1.5 a", "1.5 a"}, {"I. a", "I. a"}, {"a) b", "a) b"}, {"", ""},
	}
	for _, tt := range tests {
		if got := escapeLineStart(tt.in); got != tt.want {
			t.Errorf("escapeLineStart(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
