package deskform

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/frontedit"
	"github.com/cchc-vn/cchc/internal/viet"
)

// Edit is what the form sends: the values of its fields (string, a list
// of strings, or a boolean, as JSON decodes them) and the body; or, for a
// file whose front matter cannot be read, its whole text.
type Edit struct {
	Fields map[string]any `json:"fields"`
	Body   *string        `json:"body"` // nil keeps the body
	Raw    *string        `json:"raw"`  // the whole file, when set
}

// FieldError is a field Apply could not write.
type FieldError struct {
	Key string
	Msg string
}

func (e *FieldError) Error() string { return e.Msg }

// Apply writes the edit over base, the file as the form read it, and
// returns the new file. Only the keys whose value the form changed are
// set, through frontedit, so every other byte of the front matter (order,
// comments, quoting, unknown keys) stays as it was; a key the form shows
// read only is never touched. Topics are compared by what they mean in
// cfg's vocabulary: "sipas" written in the file and "SIPAS" chosen in the
// form are the same. Text the browser sends with LF line ends is written
// with the file's own.
func Apply(base []byte, k Kind, e Edit, cfg *config.Config) ([]byte, error) {
	eol := lineEnd(base)
	if e.Raw != nil {
		return []byte(withEOL(*e.Raw, eol)), nil
	}
	doc, err := frontedit.Parse(base)
	if err != nil {
		return nil, &FieldError{Msg: rawError(err)}
	}
	for _, f := range Fields(k) {
		v, sent := e.Fields[f.Key]
		if !sent {
			continue
		}
		cur, had := doc.Get(f.Key)
		if had && !fill(&Value{Field: f}, cur) {
			continue // shown read only
		}
		next, change, err := decide(f, v, cur, had, cfg)
		if err != nil {
			return nil, err
		}
		if !change {
			continue
		}
		if err := doc.Set(f.Key, next); err != nil {
			return nil, &FieldError{Key: f.Key, Msg: err.Error()}
		}
	}
	if e.Body != nil {
		old := string(doc.Body())
		rest := strings.TrimLeft(old, "\r\n")
		// A browser gives LF line ends: a body that differs only by them is
		// the file's own, and stays byte for byte (mixed line ends too).
		if lf(rest) != lf(*e.Body) {
			doc.SetBody([]byte(old[:len(old)-len(rest)] + withEOL(*e.Body, eol)))
		}
	}
	return doc.Bytes(), nil
}

// decide turns the form's value of f into what to Set, and says whether
// it differs from the file's.
func decide(f Field, v any, cur any, had bool, cfg *config.Config) (any, bool, error) {
	bad := func() (any, bool, error) {
		return nil, false, &FieldError{Key: f.Key, Msg: fmt.Sprintf("giá trị gửi cho `%s` không đúng dạng", f.Key)}
	}
	switch f.Control {
	case Check:
		on, ok := v.(bool)
		if !ok {
			return bad()
		}
		was, _ := cur.(bool)
		if on == was {
			return nil, false, nil
		}
		if !on {
			return nil, true, nil // unchecked: the key goes, as the template's comment asks
		}
		return true, true, nil
	case List, Files, Topics:
		list, ok := textList(v)
		if !ok {
			return bad()
		}
		var was []string
		switch c := cur.(type) {
		case []string:
			was = c
		case string:
			if strings.TrimSpace(c) != "" {
				was = []string{c}
			}
		}
		if sameList(was, list) || (f.Control == Topics && sameTopics(cfg, was, list)) {
			return nil, false, nil
		}
		if len(list) == 0 {
			return nil, true, nil
		}
		return list, true, nil
	}
	s, ok := v.(string)
	if !ok {
		return bad()
	}
	s = oneLine(s)
	was, _ := cur.(string)
	if (!had && s == "") || (had && oneLine(viet.NFC(was)) == s) {
		return nil, false, nil
	}
	return s, true, nil
}

// textList reads a JSON list of strings, trimmed, without empty rows.
func textList(v any) ([]string, bool) {
	items, ok := v.([]any)
	if !ok {
		if v == nil {
			return nil, true
		}
		return nil, false
	}
	var out []string
	for _, it := range items {
		s, ok := it.(string)
		if !ok {
			return nil, false
		}
		if s = oneLine(s); s != "" {
			out = append(out, s)
		}
	}
	return out, true
}

// oneLine trims s and joins its lines: every text of the front matter is
// one line, and a line break pasted into a title must not make two.
func oneLine(s string) string {
	return strings.Join(strings.Fields(viet.NFC(s)), " ")
}

func sameList(a, b []string) bool {
	return slices.EqualFunc(a, b, func(x, y string) bool { return oneLine(x) == y })
}

// sameTopics compares two lists of topics by the vocabulary entries they
// name, in order; an unknown name only equals itself.
func sameTopics(cfg *config.Config, a, b []string) bool {
	if cfg == nil {
		return false
	}
	key := func(s string) string {
		if t, ok := cfg.Topic(s); ok {
			return "\x00" + t.Slug
		}
		return oneLine(s)
	}
	return slices.EqualFunc(a, b, func(x, y string) bool { return key(x) == key(y) })
}

// lineEnd is the line end of src's first line.
func lineEnd(src []byte) string {
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

// lf gives text LF line ends, as a text area does.
func lf(text string) string {
	return strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
}

// withEOL writes text (LF line ends, as a browser gives it) with eol.
func withEOL(text, eol string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if eol == "\n" {
		return text
	}
	return strings.ReplaceAll(text, "\n", eol)
}
