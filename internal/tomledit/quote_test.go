package tomledit

import (
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

func TestRender(t *testing.T) {
	tests := []struct {
		name string
		v    any
		q    byte
		old  any
		want string
	}{
		{"basic", "Hội nghị tổng kết", '"', nil, `"Hội nghị tổng kết"`},
		{"basic escapes", `Nói "không" \ thôi`, '"', nil, `"Nói \"không\" \\ thôi"`},
		{"basic line ends and tab", "a\nb\tc\r\nd", '"', nil, `"a\nb\tc\r\nd"`},
		// TOML has no \x: other controls are \u, where YAML writes \x01.
		{"basic controls", "a\x01\x1f\x7fb", '"', nil, `"a\u0001\u001F\u007Fb"`},
		// TOML lets these stand as written, where YAML escapes them.
		{"basic separators and C1", "a\u2028b\u0085c\u0097d\ufeff", '"', nil, "\"a\u2028b\u0085c\u0097d\ufeff\""},
		{"literal", "Một cửa", '\'', nil, "'Một cửa'"},
		{"literal keeps backslash", `C:\thu-muc "x"`, '\'', nil, `'C:\thu-muc "x"'`},
		{"literal tab", "a\tb", '\'', nil, "'a\tb'"},
		{"literal quote", "It's", '\'', nil, `"It's"`},
		{"literal line end", "a\nb", '\'', nil, `"a\nb"`},
		{"literal control", "a\x7f", '\'', nil, `"a\u007F"`},
		{"literal C1", "a\u0097", '\'', nil, "\"a\u0097\""},
		{"literal separator", "a\u2028", '\'', nil, "\"a\u2028\""},
		{"bare number over number", "5", 0, int64(4), "5"},
		{"text over number", "năm", 0, int64(4), `"năm"`},
		{"bool over number", "true", 0, int64(4), `"true"`},
		{"number with comment", "5 # x", 0, int64(4), `"5 # x"`},
		{"float over int", "5.5", 0, int64(4), `"5.5"`},
		{"bool", true, '"', nil, "true"},
		{"list", []string{"a", "b'c"}, '\'', nil, `['a', "b'c"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tomlRender(tt.v, tt.q, tt.old)
			if got != tt.want {
				t.Fatalf("tomlRender(%#v) = %s, want %s", tt.v, got, tt.want)
			}
			// A quoted text reads back as itself; a bare one is a number.
			if s, ok := tt.v.(string); ok && (got[0] == '"' || got[0] == '\'') {
				if back := readBack(t, got); back != s {
					t.Errorf("%s reads back as %q", got, back)
				}
			}
		})
	}
}

// FuzzRenderReadsBack: any text, in basic or literal quoting, reads back
// as itself.
func FuzzRenderReadsBack(f *testing.F) {
	for _, s := range []string{"", "Hội nghị", "It's", `a\b"c`, "a\nb\tc", "\x00\x7f\u0085\u2028\ufeff\uffff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // frontedit refuses such text before it comes here
		}
		for _, q := range []byte{'"', '\''} {
			r := tomlRender(s, q, nil)
			if back := readBack(t, r); back != s {
				t.Fatalf("%s reads back as %q, want %q", r, back, s)
			}
		}
	})
}

func readBack(t *testing.T, r string) string {
	t.Helper()
	var m map[string]any
	if _, err := toml.Decode("k = "+r, &m); err != nil {
		t.Fatalf("%s does not read as TOML: %v", r, err)
	}
	s, _ := m["k"].(string)
	return s
}
