package frontedit

import (
	"errors"
	"strings"
	"testing"
)

// TestKeyErrors: what Set cannot do while keeping the layout is refused
// with a *KeyError, and the Doc is left as it was.
func TestKeyErrors(t *testing.T) {
	tests := []struct {
		name, src, key string
		v              any
		want           string
	}{
		{"complex key", "---\n? a\n: 1\n---\n", "a", "x",
			"dòng 2: không sửa được `a` trong biểu mẫu: khóa không đứng đầu dòng hoặc có nhãn YAML — sửa trực tiếp trong văn bản của tệp"},
		{"flow root", "---\n{a: 1}\n---\n", "a", "x",
			"dòng 2: không sửa được `a` trong biểu mẫu: phần khai báo đầu bài viết theo kiểu `{…}` hoặc có nhãn YAML — sửa trực tiếp trong văn bản của tệp"},
		{"flow root, new key", "---\n{a: 1}\n---\n", "b", "x",
			"không sửa được `b` trong biểu mẫu: phần khai báo đầu bài viết theo kiểu `{…}` hoặc có nhãn YAML — sửa trực tiếp trong văn bản của tệp"},
		{"anchor still used", "---\na: &x 1\nb: *x\n---\n", "a", "2",
			"không sửa được `a` trong biểu mẫu: giá trị mới không giữ được cách viết của tệp (dòng 3: tham chiếu `*x` không trỏ tới neo `&x` nào — nếu dấu * là một phần của văn bản, đặt giá trị trong ngoặc kép) — sửa trực tiếp trong văn bản của tệp"},
		{"unsupported type", "---\na: 1\n---\n", "a", 2,
			"không sửa được `a` trong biểu mẫu: kiểu giá trị int không được hỗ trợ — sửa trực tiếp trong văn bản của tệp"},
		{"invalid utf-8", "---\na: 1\n---\n", "a", "\xff",
			"không sửa được `a` trong biểu mẫu: giá trị không phải văn bản UTF-8 — sửa trực tiếp trong văn bản của tệp"},
		{"invalid utf-8 item", "---\na: 1\n---\n", "a", []string{"b", "\xff"},
			"không sửa được `a` trong biểu mẫu: giá trị không phải văn bản UTF-8 — sửa trực tiếp trong văn bản của tệp"},
		{"empty key", "---\na: 1\n---\n", "", "x",
			"không sửa được `` trong biểu mẫu: khóa trống — sửa trực tiếp trong văn bản của tệp"},
		{"invalid utf-8 key", "---\na: 1\n---\n", "\xff", "x",
			"không sửa được `\xff` trong biểu mẫu: khóa không phải văn bản UTF-8 — sửa trực tiếp trong văn bản của tệp"},
		{"long key", "---\na: 1\n---\n", strings.Repeat("k", 999), "x",
			"không sửa được `" + strings.Repeat("k", 999) + "` trong biểu mẫu: khóa quá dài — sửa trực tiếp trong văn bản của tệp"},
		{"toml table", "+++\na = 1\n[params]\nx = 1\n+++\n", "params", "x",
			"không sửa được `params` trong biểu mẫu: khóa TOML này là một bảng, viết trên nhiều dòng hoặc theo dạng a.b — sửa trực tiếp trong văn bản của tệp"},
		{"toml multi-line string", "+++\na = \"\"\"\nx\n\"\"\"\n+++\n", "a", "y",
			"không sửa được `a` trong biểu mẫu: khóa TOML này là một bảng, viết trên nhiều dòng hoặc theo dạng a.b — sửa trực tiếp trong văn bản của tệp"},
		{"toml dotted", "+++\na.b = 1\n+++\n", "a", nil,
			"không sửa được `a` trong biểu mẫu: khóa TOML này là một bảng, viết trên nhiều dòng hoặc theo dạng a.b — sửa trực tiếp trong văn bản của tệp"},
		{"toml multi-line array", "+++\na = [\n  1,\n]\n+++\n", "a", []string{"2"},
			"không sửa được `a` trong biểu mẫu: khóa TOML này là một bảng, viết trên nhiều dòng hoặc theo dạng a.b — sửa trực tiếp trong văn bản của tệp"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			// Setting what is there is never refused.
			switch old, _ := d.Get(tt.key); old.(type) {
			case string, bool, []string:
				if err := d.Set(tt.key, old); err != nil {
					t.Errorf("Set(%q, %#v) of its own value: %v", tt.key, old, err)
				}
			}
			d, err = Parse([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			err = d.Set(tt.key, tt.v)
			var ke *KeyError
			if !errors.As(err, &ke) || ke.Key != tt.key {
				t.Fatalf("err = %v, want a *KeyError for %q", err, tt.key)
			}
			if err.Error() != tt.want {
				t.Errorf("got  %s\nwant %s", err, tt.want)
			}
			if string(d.Bytes()) != tt.src {
				t.Errorf("the Doc changed: %q", d.Bytes())
			}
		})
	}
}
