package matter

import (
	"cmp"
	"errors"

	"github.com/BurntSushi/toml"

	"github.com/cchc-vn/cchc/internal/diag"
)

// ReadTOML decodes a TOML front matter into v, for every reader of one
// (the loader through Read, the writing desk through internal/tomledit):
// text nested deeper than the library reads in reasonable time is refused
// first (tomlshape.go), and a syntax error is explained in Vietnamese at
// its line and column. raw's first line is file line firstLine; name says
// what a key is in Vietnamese (nil: the key as written). The problem's
// Pos names no file: the caller knows it.
func ReadTOML(raw []byte, firstLine int, v any, name func(string) string) (toml.MetaData, *diag.Diagnostic) {
	if name == nil {
		name = func(key string) string { return key }
	}
	if l, what := tomlTooDeep(raw); l > 0 {
		return toml.MetaData{}, &diag.Diagnostic{
			Pos: diag.Position{Line: firstLine + l - 1}, Severity: diag.Error,
			Message: "phần khai báo đầu bài (TOML): " + what,
			Hint:    "phần đầu bài chỉ cần dạng `khóa = \"giá trị\"` và danh sách `[\"a\", \"b\"]`: viết lại dòng này cho phẳng",
		}
	}
	md, err := toml.Decode(string(raw), v)
	if err == nil {
		return md, nil
	}
	d := &diag.Diagnostic{
		Pos: diag.Position{Line: firstLine}, Severity: diag.Error,
		Message: "phần khai báo đầu bài (TOML) sai cú pháp", Hint: "viết dạng `khóa = \"giá trị\"`",
	}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		var col int
		d.Message, d.Hint, col = tomlProblem(string(raw), firstLine, pe, name)
		d.Pos.Line = firstLine + pe.Position.Line - 1
		d.Pos.Col = cmp.Or(col, pe.Position.Col)
	}
	return md, d
}
