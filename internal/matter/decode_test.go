package matter

import (
	"strings"
	"testing"
)

// TestAliasesExpandWithinBounds: a YAML alias is followed, but a front
// matter whose aliases expand for ever (an anchor named inside itself),
// as powers (nested aliases), or as a product (many keys naming one large
// anchor) is refused at the key where its expansion passes the bound,
// before it can exhaust the stack or the memory.
func TestAliasesExpandWithinBounds(t *testing.T) {
	const refused = " lỗi: giá trị của `%s` lặp lại chính nó qua neo `&` và tham chiếu `*` (hoặc quá lớn): không đọc được — viết giá trị thẳng ra, không dùng neo `&` và tham chiếu `*`"
	laughs := "title: A\na: &a [x,x,x,x,x,x,x,x,x]\n"
	for c := 'b'; c <= 'f'; c++ {
		laughs += string(c) + ": &" + string(c) + " [" + strings.Repeat("*"+string(c-1)+",", 8) + "*" + string(c-1) + "]\n"
	}
	large := "title: A\na: &a [" + strings.Repeat("x,", 2999) + "x]\nb: *a\nc: *a\nd: *a\ne: *a\n"
	for _, tt := range []struct {
		name, front string
		at, key     string // "" when the front matter is read
	}{
		{"a list holding itself", "title: A\nlap: &x [*x]\n", "3:1", "lap"},
		{"a map holding itself", "title: A\nlap: &x {a: *x}\n", "3:1", "lap"},
		{"nested aliases", laughs, "7:1", "e"},
		{"many keys naming one large anchor", large, "6:1", "d"},
		{"an alias used as it should be", "title: A\nnoi: &n \"Hội trường UBND xã\"\ndia_diem: *n\n", "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, ok, msgs := read("---\n" + tt.front + "---\n")
			if tt.at == "" {
				if !ok || !f.Decoded || len(msgs) != 0 || f.Fields[2].Value.Text != "Hội trường UBND xã" {
					t.Errorf("ok %v decoded %v fields %+v diagnostics %q", ok, f.Decoded, f.Fields, msgs)
				}
				return
			}
			want := "content/bai-viet/x.md:" + tt.at + ":" + strings.Replace(refused, "%s", tt.key, 1)
			if !ok || f.Decoded || len(msgs) != 1 || msgs[0] != want {
				t.Errorf("ok %v decoded %v, diagnostics:\n%s\nwant:\n%s", ok, f.Decoded, strings.Join(msgs, "\n"), want)
			}
		})
	}
}
