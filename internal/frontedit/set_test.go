package frontedit

import "testing"

// TestSetCases: small files, one edit each, the exact text written.
func TestSetCases(t *testing.T) {
	tests := []struct {
		name, src, key string
		v              any
		want           string
	}{
		{"string over a block list keeps the key's comment",
			"---\nho_so: # mỗi giấy tờ một dòng\n  - a\n  - b\nx: 1\n---\n", "ho_so", "một",
			"---\nho_so: \"một\" # mỗi giấy tờ một dòng\nx: 1\n---\n"},
		{"empty value with a comment",
			"---\na: # ghi chú\n---\n", "a", "x",
			"---\na: \"x\" # ghi chú\n---\n"},
		{"bool over text",
			"---\ndraft: \"có\" # c\n---\n", "draft", true,
			"---\ndraft: true # c\n---\n"},
		{"text over bool is quoted",
			"---\ndraft: true\n---\n", "draft", "true",
			"---\ndraft: \"true\"\n---\n"},
		{"list over a plain scalar",
			"---\ndinh_kem: a.pdf # tệp\n---\n", "dinh_kem", []string{"a.pdf", "b c.pdf"},
			"---\ndinh_kem: [a.pdf, b c.pdf] # tệp\n---\n"},
		{"list over an empty flow list",
			"---\na: []\n---\n", "a", []string{"A"},
			"---\na: [\"A\"]\n---\n"},
		{"flow: insert first",
			"---\na: [B, C]\n---\n", "a", []string{"A", "B", "C"},
			"---\na: [A, B, C]\n---\n"},
		{"flow: delete first",
			"---\na: [A, B, C]\n---\n", "a", []string{"B", "C"},
			"---\na: [B, C]\n---\n"},
		{"flow: delete the last two",
			"---\na: ['A', 'B', 'C'] # c\n---\n", "a", []string{"A"},
			"---\na: ['A'] # c\n---\n"},
		{"flow: separator kept",
			"---\na: [A,B]\n---\n", "a", []string{"A", "B", "C"},
			"---\na: [A,B,C]\n---\n"},
		{"block: insert first, comment between items kept",
			"---\na:\n    -   B\n    # giữa\n    -   C\n---\n", "a", []string{"A", "B", "C", "D"},
			"---\na:\n    -   A\n    -   B\n    # giữa\n    -   C\n    -   D\n---\n"},
		{"block: delete the item after a comment",
			"---\na:\n  - B\n  # giữa\n  - C\nb: 1\n---\n", "a", []string{"B"},
			"---\na:\n  - B\n  # giữa\nb: 1\n---\n"},
		{"block: multi-line item replaced",
			"---\na:\n  - \"một\n    hai\"\n  - x\n---\n", "a", []string{"ba", "x"},
			"---\na:\n  - \"ba\"\n  - x\n---\n"},
		{"delete a block scalar",
			"---\na: |\n  x\n\n  y\nb: 1\n---\n", "a", nil,
			"---\nb: 1\n---\n"},
		{"delete keeps the comment above",
			"---\n# về a\na: 1\nb: 2\n---\n", "a", nil,
			"---\n# về a\nb: 2\n---\n"},
		{"delete the last key",
			"---\na: 1\nb: [x,\n  y]   # c\n---\nbody\n", "b", []string{},
			"---\na: 1\n---\nbody\n"},
		{"new key at the root's indentation",
			"---\n  a: 'x'\n  b: 'y'\n---\n", "c", "z",
			"---\n  a: 'x'\n  b: 'y'\n  c: 'z'\n---\n"},
		{"new list like the file's compact lists",
			"---\na:\n- x\n- y\n---\n", "b", []string{"z"},
			"---\na:\n- x\n- y\nb:\n- z\n---\n"},
		{"new list like the file's flow lists",
			"---\na: [x]\nb: 'y'\n---\n", "c", []string{"z", "it's"},
			"---\na: [x]\nb: 'y'\nc: ['z', 'it''s']\n---\n"},
		{"new key that needs quotes",
			"---\na: 1\n---\n", "a b: c", "x",
			"---\na: 1\n\"a b: c\": \"x\"\n---\n"},
		{"new key in an empty front matter",
			"---\n---\nbody\n", "title", "x",
			"---\ntitle: \"x\"\n---\nbody\n"},
		{"new key after comments only",
			"---\n# title: cũ\n---\n", "title", "x",
			"---\n# title: cũ\ntitle: \"x\"\n---\n"},
		{"new key in a file without front matter",
			"\ufeffThân bài.\r\n", "title", "x",
			"\ufeff---\r\ntitle: \"x\"\r\n---\r\nThân bài.\r\n"},
		{"delete in a file without front matter changes nothing",
			"Thân bài.\n", "title", nil,
			"Thân bài.\n"},
		{"crlf: block items",
			"---\r\na:\r\n  - x\r\n---\r\n", "a", []string{"x", "z"},
			"---\r\na:\r\n  - x\r\n  - z\r\n---\r\n"},
		{"a YAML 1.1 boolean is quoted",
			"---\na: [x]\n---\n", "a", []string{"x", "y", "No"},
			"---\na: [x, \"y\", \"No\"]\n---\n"},
		{"plain date over a plain date in another form",
			"---\ndate: 22/01/2026 # ngày đăng\n---\n", "date", "2026-01-23",
			"---\ndate: 2026-01-23 # ngày đăng\n---\n"},
		{"number over a plain date is quoted",
			"---\ndate: 22/01/2026\n---\n", "date", "2026",
			"---\ndate: \"2026\"\n---\n"},
		{"plain number over a plain number",
			"---\nma: 1.001193\n---\n", "ma", "1.001194",
			"---\nma: 1.001194\n---\n"},
		{"tagged value replaced whole",
			"---\na: !!str 12 # c\n---\n", "a", "13",
			"---\na: \"13\" # c\n---\n"},
		{"anchored list replaced whole",
			"---\na: &l\n  - x\nb: 1\n---\n", "a", []string{"y"},
			"---\na: [\"y\"]\nb: 1\n---\n"},
		{"toml: literal stays literal",
			"+++\na = 'x' # c\n+++\n", "a", "y z",
			"+++\na = 'y z' # c\n+++\n"},
		{"toml: array padding kept",
			"+++\na = [ 'x', \"y\" ]\n+++\n", "a", []string{"x", "z"},
			"+++\na = [ 'x', 'z' ]\n+++\n"},
		{"toml: bare number becomes text",
			"+++\na = 12\n+++\n", "a", "mười hai",
			"+++\na = \"mười hai\"\n+++\n"},
		{"toml: number with spaces becomes text",
			"+++\na = 12\n+++\n", "a", " 13",
			"+++\na = \" 13\"\n+++\n"},
		{"toml: bare date stays bare",
			"+++\ndate = 2026-01-16T08:00:00\n+++\n", "date", "2026-01-17T09:30:00",
			"+++\ndate = 2026-01-17T09:30:00\n+++\n"},
		{"toml: new key before the first table",
			"+++\na = 1\n\n# bảng\n[p]\nx = 1\n+++\n", "b", true,
			"+++\na = 1\nb = true\n\n# bảng\n[p]\nx = 1\n+++\n"},
		{"toml: new key needing quotes",
			"+++\n+++\n", "a b", []string{"x\"y"},
			"+++\n\"a b\" = [\"x\\\"y\"]\n+++\n"},
		{"toml crlf: delete",
			"+++\r\na = 1\r\nb = 2\r\n+++\r\n", "a", nil,
			"+++\r\nb = 2\r\n+++\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			prev := *d
			if err := d.Set(tt.key, tt.v); err != nil {
				t.Fatal(err)
			}
			if got := string(d.Bytes()); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			if prev.Format() == d.Format() {
				sameOutside(t, &prev, d, tt.key)
			}
		})
	}
}
