package yamledit

import (
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

func TestRender(t *testing.T) {
	tests := []struct {
		name   string
		s      string
		q      quoting
		flow   bool
		oldTag string
		want   string
	}{
		{"plain text", "Hội nghị tổng kết", plainQ, false, "!!str", "Hội nghị tổng kết"},
		{"plain date dd/mm", "22/01/2026", plainQ, false, "!!str", "22/01/2026"},
		{"plain date and time", "18/12/2026 08:00", plainQ, false, "!!str", "18/12/2026 08:00"},
		{"plain url", "https://dichvucong.gov.vn/a?b=c#d", plainQ, false, "!!str", "https://dichvucong.gov.vn/a?b=c#d"},
		{"plain inner quote", `Nói "không"`, plainQ, false, "!!str", `Nói "không"`},
		{"plain comma in block", "Một cửa, một cửa liên thông", plainQ, false, "!!str", "Một cửa, một cửa liên thông"},
		{"comma in flow", "Một cửa, một cửa liên thông", plainQ, true, "!!str", `"Một cửa, một cửa liên thông"`},
		{"bracket in flow", "a]", plainQ, true, "!!str", `"a]"`},
		{"colon space", "Kế hoạch: năm 2026", plainQ, false, "!!str", `"Kế hoạch: năm 2026"`},
		{"trailing colon", "Ghi chú:", plainQ, false, "!!str", `"Ghi chú:"`},
		{"space hash", "Số 5 #1", plainQ, false, "!!str", `"Số 5 #1"`},
		{"leading dash", "- mục", plainQ, false, "!!str", `"- mục"`},
		{"leading dash word", "-a", plainQ, false, "!!str", `"-a"`},
		{"leading bracket", "[a]", plainQ, false, "!!str", `"[a]"`},
		{"leading brace", "{a}", plainQ, false, "!!str", `"{a}"`},
		{"leading star", "*a", plainQ, false, "!!str", `"*a"`},
		{"leading ampersand", "&a", plainQ, false, "!!str", `"&a"`},
		{"leading bang", "!a", plainQ, false, "!!str", `"!a"`},
		{"leading pipe", "|a", plainQ, false, "!!str", `"|a"`},
		{"leading gt", ">a", plainQ, false, "!!str", `">a"`},
		{"leading single quote", "'a", plainQ, false, "!!str", `"'a"`},
		{"leading double quote", `"a`, plainQ, false, "!!str", `"\"a"`},
		{"leading percent", "%a", plainQ, false, "!!str", `"%a"`},
		{"leading at", "@a", plainQ, false, "!!str", `"@a"`},
		{"leading backtick", "`a", plainQ, false, "!!str", "\"`a\""},
		{"leading question", "?a", plainQ, false, "!!str", `"?a"`},
		{"leading hash", "#a", plainQ, false, "!!str", `"#a"`},
		{"integer", "2026", plainQ, false, "!!str", `"2026"`},
		{"float", "1.001193", plainQ, false, "!!str", `"1.001193"`},
		{"exponent", "1e3", plainQ, false, "!!str", `"1e3"`},
		{"hex", "0x1F", plainQ, false, "!!str", `"0x1F"`},
		{"bool", "true", plainQ, false, "!!str", `"true"`},
		{"bool capital", "False", plainQ, false, "!!str", `"False"`},
		{"yaml 1.1 bool", "yes", plainQ, false, "!!str", `"yes"`},
		{"yaml 1.1 off", "Off", plainQ, false, "!!str", `"Off"`},
		{"sexagesimal time", "11:30", plainQ, false, "!!str", `"11:30"`},
		{"null word", "null", plainQ, false, "!!str", `"null"`},
		{"tilde", "~", plainQ, false, "!!str", `"~"`},
		{"iso date over text", "2026-01-16", plainQ, false, "!!str", `"2026-01-16"`},
		{"iso date over date", "2026-01-16", plainQ, false, "!!timestamp", "2026-01-16"},
		{"number over number", "1.001194", plainQ, false, "!!float", "1.001194"},
		{"text over date", "16/01/2026", plainQ, false, "!!timestamp", "16/01/2026"},
		{"number over date", "20260116", plainQ, false, "!!timestamp", `"20260116"`},
		{"bool over bool stays text", "true", plainQ, false, "!!bool", `"true"`},
		{"empty", "", plainQ, false, "!!str", `""`},
		{"leading space", " a", plainQ, false, "!!str", `" a"`},
		{"trailing space", "a ", plainQ, false, "!!str", `"a "`},
		{"line end", "a\nb", plainQ, false, "!!str", `"a\nb"`},
		{"tab", "a\tb", plainQ, false, "!!str", `"a\tb"`},
		{"double", `Nói "không" \ thôi`, doubleQ, false, "!!str", `"Nói \"không\" \\ thôi"`},
		{"double control", "a\x01\x7fb", doubleQ, false, "!!str", `"a\x01\x7Fb"`},
		{"double separators", "a\u2028b\u0085c\ufeff", doubleQ, false, "!!str", `"a\Lb\Nc\uFEFF"`},
		{"double C1 and non-characters", "a\u0097b\uFFFEc\U0001F600", doubleQ, false, "!!str", "\"a\\x97b\\uFFFEc\U0001F600\""},
		{"plain C1", "a\u0097", plainQ, false, "!!str", `"a\x97"`},
		{"single C1", "a\u0097", singleQ, false, "!!str", `"a\x97"`},
		{"double crlf", "a\r\nb", doubleQ, false, "!!str", `"a\r\nb"`},
		{"single", "It's", singleQ, false, "!!str", `'It''s'`},
		{"single keeps backslash", `a\b "c"`, singleQ, false, "!!str", `'a\b "c"'`},
		{"single line end", "a\nb", singleQ, false, "!!str", `"a\nb"`},
		{"single in flow", "a, b", singleQ, true, "!!str", `'a, b'`},
		{"vietnamese double", "Phòng Văn hóa – Xã hội", doubleQ, false, "!!str", `"Phòng Văn hóa – Xã hội"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(tt.s, tt.q, tt.flow, tt.oldTag); got != tt.want {
				t.Errorf("render(%q) = %s, want %s", tt.s, got, tt.want)
			}
		})
	}
}

// FuzzRenderReadsBack: any text, in each quoting, in a block or a flow
// position, reads back through yaml.v3 as itself.
func FuzzRenderReadsBack(f *testing.F) {
	for _, s := range []string{"", "Hội nghị", "It's", `a\b"c`, "a: b", "- x", "a, b", "11:30", "2026",
		"\x00\x7f\u0085\u2028\ufeff\uffff", "a\r\nb\tc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // frontedit refuses such text before it comes here
		}
		for _, q := range []quoting{plainQ, singleQ, doubleQ} {
			for _, flow := range []bool{false, true} {
				r := render(s, q, flow, "!!str")
				src := "k: " + r
				if flow {
					src = "k: [" + r + "]"
				}
				var v struct{ K any }
				if err := yaml.Unmarshal([]byte(src), &v); err != nil {
					t.Fatalf("%s does not read as YAML: %v", src, err)
				}
				got := v.K
				if l, ok := got.([]any); ok && flow && len(l) == 1 {
					got = l[0]
				}
				if got != s {
					t.Fatalf("%s reads back as %#v, want %q", src, got, s)
				}
			}
		}
	})
}
