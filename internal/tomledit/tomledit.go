// Package tomledit edits a TOML front matter (between `+++` lines) in
// place for internal/frontedit: the top-level keys written `key = value`
// on one line are read and set by splicing their text, so that every other
// byte of the front matter stays as written.
package tomledit

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/cchc-vn/cchc/internal/linescan"
	"github.com/cchc-vn/cchc/internal/matter"
)

// Matter is a TOML front matter. BurntSushi/toml reads the values but
// gives no positions, so the top-level `key = value` lines are found by a
// scanner that knows TOML's strings, arrays and comments.
type Matter struct {
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

// Parse reads a front matter. firstLine is the file line of its first
// line, for errors.
func Parse(text []byte, firstLine int) (*Matter, error) {
	t := &Matter{text: text, lines: map[string]tomlLine{}, insert: len(text)}
	// Read as the loader reads it: the same refusals, the same words.
	md, problem := matter.ReadTOML(text, firstLine, &t.data, nil)
	if problem != nil {
		return nil, problem
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
func (t *Matter) scan() {
	b := t.text
	last := -1
	for pos := 0; pos < len(b); {
		next := linescan.Next(b, pos)
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
		lineEnd := linescan.Next(b, end)
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
	case linescan.HasPrefixAt(b, p, `"""`) || linescan.HasPrefixAt(b, p, `'''`):
		q := string(b[p : p+3])
		for i := p + 3; i < len(b); i++ {
			if q == `"""` && b[i] == '\\' {
				i++
				continue
			}
			if linescan.HasPrefixAt(b, i, q) {
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
				i = linescan.ContentEnd(b, i) - 1
			}
		}
		return 0, 0, bad
	}
	end := p
	for i := p; i < len(b) && b[i] != '\n' && b[i] != '#'; i++ {
		if !linescan.IsSpaceOrBreak(b[i]) {
			end = i + 1
		}
	}
	if end == p {
		return 0, 0, bad
	}
	return end, 0, nil
}

// Keys returns the top-level keys in file order.
func (t *Matter) Keys() []string { return append([]string(nil), t.order...) }

// Get returns a value as frontedit's Doc.Get does: a number or a date as
// written, a list of scalars as []string.
func (t *Matter) Get(key string) (any, bool) {
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

// Lines returns the byte range of the line key is written on, when it is
// one `key = value` line Set can change.
func (t *Matter) Lines(key string) (start, end int, ok bool) {
	l, ok := t.lines[key]
	return l.lineStart, l.lineEnd, ok
}
