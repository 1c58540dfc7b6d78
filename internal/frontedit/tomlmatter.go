package frontedit

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// tomlMatter is a TOML front matter. BurntSushi/toml reads the values but
// gives no positions, so the top-level `key = value` lines are found by a
// scanner that knows TOML's strings, arrays and comments.
type tomlMatter struct {
	text   []byte
	data   map[string]any
	order  []string
	lines  map[string]tomlLine // keys written `key = value` on one line
	insert int                 // where a new key goes: after the last top-level key
	noEdit string              // why no key can be added, or ""
}

// tomlLine is where a one-line key lies: the whole line, and its value.
type tomlLine struct {
	lineStart, lineEnd int
	valStart, valEnd   int
	kind               byte // '"', '\'', '[' or 0 for a bare value
}

const tomlKeyPart = `(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')`

var tomlBareKeyRE = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

var tomlKeyRE = regexp.MustCompile(`^[ \t]*(` + tomlKeyPart + `)((?:[ \t]*\.[ \t]*` + tomlKeyPart + `)*)[ \t]*=[ \t]*`)

func parseTOML(text []byte, firstLine int) (*tomlMatter, error) {
	t := &tomlMatter{text: text, lines: map[string]tomlLine{}, insert: len(text)}
	md, err := toml.Decode(string(text), &t.data)
	if err != nil {
		se := &SyntaxError{Line: firstLine, Msg: err.Error()}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			se.Line, se.Col, se.Msg = firstLine+pe.Position.Line-1, pe.Position.Col, pe.Message
		}
		se.Msg = "không đọc được khai báo đầu bài (TOML): " + se.Msg + " — kiểm tra lại cú pháp TOML ở dòng này: `khóa = \"giá trị\"`"
		return nil, se
	}
	seen := map[string]bool{}
	for _, k := range md.Keys() {
		if !seen[k[0]] {
			seen[k[0]] = true
			t.order = append(t.order, k[0])
		}
	}
	t.scan()
	return t, nil
}

// scan finds the top-level one-line keys, up to the first [table].
func (t *tomlMatter) scan() {
	b := t.text
	last := -1
	for pos := 0; pos < len(b); {
		next := nextLine(b, pos)
		line := strings.TrimSpace(string(b[pos:next]))
		switch {
		case line == "" || line[0] == '#':
			pos = next
			continue
		case line[0] == '[':
			t.insert = max(last, 0)
			return
		}
		m := tomlKeyRE.FindSubmatchIndex(b[pos:next])
		if m == nil {
			t.noEdit = "không đọc được dòng TOML này"
			return
		}
		vs := pos + m[1]
		end, kind, err := tomlValueEnd(b, vs)
		if err != nil {
			t.noEdit = err.Error()
			return
		}
		lineEnd := nextLine(b, end)
		if rest := strings.TrimSpace(string(b[end:lineEnd])); rest != "" && rest[0] != '#' {
			t.noEdit = "không đọc được dòng TOML này"
			return
		}
		key, ok := tomlKeyName(string(b[pos+m[2] : pos+m[3]]))
		oneLine := !strings.Contains(string(b[vs:end]), "\n")
		if ok && m[4] == m[5] && oneLine && kind != '{' && kind != 'm' {
			t.lines[key] = tomlLine{lineStart: pos, lineEnd: lineEnd, valStart: vs, valEnd: end, kind: kind}
		}
		last, pos = lineEnd, lineEnd
	}
}

// tomlKeyName unquotes a key.
func tomlKeyName(k string) (string, bool) {
	switch k[0] {
	case '"':
		s, err := strconv.Unquote(k)
		return s, err == nil
	case '\'':
		return k[1 : len(k)-1], true
	}
	return k, true
}

// tomlValueEnd finds the end of the value at p and its kind: a quote
// character for a one-line string, 'm' for a multi-line one, '[' an array, '{' an
// inline table, 0 a bare value (number, date, boolean).
func tomlValueEnd(b []byte, p int) (int, byte, error) {
	bad := errors.New("không đọc được giá trị TOML")
	if p >= len(b) {
		return 0, 0, bad
	}
	switch {
	case hasPrefixAt(b, p, `"""`) || hasPrefixAt(b, p, `'''`):
		q := string(b[p : p+3])
		for i := p + 3; i < len(b); i++ {
			if q == `"""` && b[i] == '\\' {
				i++
				continue
			}
			if hasPrefixAt(b, i, q) {
				for i+3 < len(b) && b[i+3] == q[0] { // up to two quotes may end the content
					i++
				}
				return i + 3, 'm', nil
			}
		}
		return 0, 0, bad
	case b[p] == '"' || b[p] == '\'':
		for i := p + 1; i < len(b) && b[i] != '\n'; i++ {
			if b[p] == '"' && b[i] == '\\' {
				i++
				continue
			}
			if b[i] == b[p] {
				return i + 1, b[p], nil
			}
		}
		return 0, 0, bad
	case b[p] == '[' || b[p] == '{':
		depth := 0
		for i := p; i < len(b); i++ {
			switch c := b[i]; c {
			case '[', '{':
				depth++
			case ']', '}':
				depth--
				if depth == 0 {
					return i + 1, b[p], nil
				}
			case '"', '\'':
				end, _, err := tomlValueEnd(b, i)
				if err != nil {
					return 0, 0, err
				}
				i = end - 1
			case '#':
				i = lineContentLimit(b, i) - 1
			}
		}
		return 0, 0, bad
	}
	end := p
	for i := p; i < len(b) && b[i] != '\n' && b[i] != '#'; i++ {
		if !isSpaceOrBreak(b[i]) {
			end = i + 1
		}
	}
	if end == p {
		return 0, 0, bad
	}
	return end, 0, nil
}

func (t *tomlMatter) keys() []string { return append([]string(nil), t.order...) }

func (t *tomlMatter) get(key string) (any, bool) {
	x, ok := t.data[key]
	if !ok {
		return nil, false
	}
	if l, ok := t.lines[key]; ok && l.kind == 0 {
		if _, isBool := x.(bool); !isBool {
			return string(t.text[l.valStart:l.valEnd]), true // a number or date as written
		}
	}
	return tomlValue(x), true
}

// tomlValue is what Get returns for a decoded TOML value.
func tomlValue(x any) any {
	switch x := x.(type) {
	case string, bool:
		return x
	case []any:
		strs := make([]string, len(x))
		out := make([]any, len(x))
		scalars := true
		for i, e := range x {
			out[i] = tomlValue(e)
			s, ok := out[i].(string)
			if b, isBool := out[i].(bool); isBool {
				s, ok = strconv.FormatBool(b), true
			}
			strs[i], scalars = s, scalars && ok
		}
		if scalars {
			return strs
		}
		return out
	case []map[string]any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = tomlValue(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = tomlValue(e)
		}
		return out
	case time.Time:
		switch x.Location().String() {
		case "date-local":
			return x.Format("2006-01-02")
		case "datetime-local":
			return x.Format("2006-01-02T15:04:05")
		case "time-local":
			return x.Format("15:04:05")
		}
		return x.Format(time.RFC3339)
	}
	return fmt.Sprint(x)
}

func (t *tomlMatter) set(key string, v any, eol string) ([]byte, error) {
	x, exists := t.data[key]
	if !exists {
		if v == nil {
			return t.text, nil
		}
		if t.noEdit != "" {
			return nil, &KeyError{Key: key, Msg: t.noEdit}
		}
		k := key
		if !tomlBareKeyRE.MatchString(key) {
			k = tomlBasic(key)
		}
		return apply(t.text, []edit{{t.insert, t.insert, k + " = " + tomlRender(v, '"', nil) + eol}}), nil
	}
	l, ok := t.lines[key]
	if !ok {
		return nil, &KeyError{Key: key, Msg: "khóa TOML này là một bảng, viết trên nhiều dòng hoặc theo dạng a.b"}
	}
	if v == nil {
		return apply(t.text, []edit{{l.lineStart, l.lineEnd, ""}}), nil
	}
	q := l.kind
	if q == '[' {
		q = '"'
		if inner := strings.TrimLeft(string(t.text[l.valStart+1:l.valEnd]), " \t"); inner != "" && inner[0] == '\'' {
			q = '\''
		}
	}
	r := tomlRender(v, q, x)
	if _, isList := v.([]string); isList && hasPrefixAt(t.text, l.valStart, "[ ") {
		r = "[ " + r[1:len(r)-1] + " ]"
	}
	return apply(t.text, []edit{{l.valStart, l.valEnd, r}}), nil
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
	case q == '\'' && !strings.ContainsAny(s, "'\n\r") && !hasSpecial(strings.ReplaceAll(s, "\t", "")):
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

// tomlBasic writes s as a TOML basic string.
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
