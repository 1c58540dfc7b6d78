package tomledit

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/BurntSushi/toml"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/linescan"
)

// Set returns the text with key set to v: nil deletes, string, bool or a
// non-empty []string sets. v is normalised (NFC) and differs from the
// current value: frontedit checks both. eol ends a new key's line.
func (t *Matter) Set(key string, v any, eol string) ([]byte, error) {
	x, exists := t.data[key]
	if !exists {
		if v == nil {
			return t.text, nil
		}
		if t.noEdit != "" {
			return nil, &diag.Diagnostic{Severity: diag.Error, Message: t.noEdit}
		}
		k := key
		if !tomlBareKeyRE.MatchString(key) {
			k = tomlBasic(key)
		}
		return splice(t.text, t.insert, t.insert, k+" = "+tomlRender(v, '"', nil)+eol), nil
	}
	l, ok := t.lines[key]
	if !ok {
		return nil, &diag.Diagnostic{Severity: diag.Error, Message: "khóa TOML này là một bảng, viết trên nhiều dòng hoặc theo dạng a.b"}
	}
	if v == nil {
		return splice(t.text, l.lineStart, l.lineEnd, ""), nil
	}
	q := l.kind
	if q == '[' {
		q = '"'
		if inner := strings.TrimLeft(string(t.text[l.valStart+1:l.valEnd]), " \t"); inner != "" && inner[0] == '\'' {
			q = '\''
		}
	}
	r := tomlRender(v, q, x)
	if _, isList := v.([]string); isList && linescan.HasPrefixAt(t.text, l.valStart, "[ ") {
		r = "[ " + r[1:len(r)-1] + " ]"
	}
	return splice(t.text, l.valStart, l.valEnd, r), nil
}

// tomlRender writes v: strings in quoting q (a quote character; basic when
// literal cannot hold the text), bare when old is a date or number and
// v is one of the same kind.
func tomlRender(v any, q byte, old any) string {
	switch v := v.(type) {
	case bool:
		return strconv.FormatBool(v)
	case []string:
		out := make([]string, len(v))
		for i, s := range v {
			out[i] = tomlRender(s, q, nil)
		}
		return "[" + strings.Join(out, ", ") + "]"
	}
	s := v.(string)
	switch {
	case old != nil && q == 0 && tomlSameKind(s, old):
		return s
	case q == '\'' && literalSafe(s):
		return "'" + s + "'"
	}
	return tomlBasic(s)
}

// tomlSameKind reports whether s, written bare, is a TOML value of old's
// type (a local date for a local date…).
func tomlSameKind(s string, old any) bool {
	if s != strings.TrimSpace(s) || strings.ContainsAny(s, "#\r\n") {
		return false // it would not read back as written
	}
	var m map[string]any
	if _, err := toml.Decode("k = "+s, &m); err != nil {
		return false
	}
	x := m["k"]
	if reflect.TypeOf(x) != reflect.TypeOf(old) {
		return false
	}
	if tx, ok := x.(time.Time); ok {
		return tx.Location().String() == old.(time.Time).Location().String()
	}
	_, isBool := x.(bool)
	return !isBool
}

// tomlBasic writes s as a TOML basic string. It shares five escapes with
// the YAML editor's doubleQuote (\" \\ \n \t \r) and differs in the rest, as
// the formats do: TOML must escape only the controls (U+0000 to U+001F,
// U+007F) and has no \x, \N, \L or \P, so they are \uXXXX here; any other
// character may stand as written, where YAML escapes what lies outside its
// printable set (C1 controls, the line separators, the BOM, U+FFFE).
func tomlBasic(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// literalSafe reports whether s can be written as a TOML literal string:
// no quote or line end, and no control character but the tab (TOML's
// rule). It refuses more than TOML does — C1 controls, U+2028 and U+2029,
// the BOM, U+FFFE and U+FFFF, which YAML would not write as they are
// either — so such text goes in a basic string, as it always has here.
func literalSafe(s string) bool {
	for _, r := range s {
		switch {
		case r == '\'', r == '\n', r == '\r',
			unicode.IsControl(r) && r != '\t',
			r == 0x2028, r == 0x2029, r == 0xFEFF, r == 0xFFFE, r == 0xFFFF:
			return false
		}
	}
	return true
}

// splice returns a copy of b with b[start:end] replaced by s.
func splice(b []byte, start, end int, s string) []byte {
	out := make([]byte, 0, len(b)-(end-start)+len(s))
	out = append(out, b[:start]...)
	out = append(out, s...)
	return append(out, b[end:]...)
}
