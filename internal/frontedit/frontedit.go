// Package frontedit edits a Markdown file's front matter and body while
// keeping the file's own layout, for the writing desk's Save.
//
// The contract:
//
//   - Parse cuts a file where the loader (internal/content) cuts it: blank
//     lines, a `---` (YAML) or `+++` (TOML) line, the front matter, the
//     same delimiter again, the body. A file without front matter is a Doc
//     with an empty one (Format ""). Bytes of an unedited Doc is the file,
//     byte for byte: a UTF-8 BOM, CRLF line ends, a missing final line end
//     are all kept. A front matter that cannot be read, an unclosed one, a
//     duplicate key, several YAML documents, a root that is not `key:
//     value` lines, or old-Mac CR line ends are a *SyntaxError at the file
//     line and column `cchc check` names, in its words, so the caller can
//     refuse to edit the fields and offer the raw text.
//
//   - Set edits by splicing the text at the positions yaml.v3's node tree
//     gives, never by writing the front matter anew: only the span of the
//     changed value, or the lines of an added or deleted key, change. Key
//     order, comments (head, line, foot, commented-out keys), blank lines,
//     indentation and unknown keys stay byte for byte. Setting a value
//     equal to the current one (text compared in NFC, a null equal to "")
//     changes nothing, so a form may set every field on Save.
//
//   - A changed scalar keeps its quoting: double stays double, single
//     stays single (a quote inside doubled; double quotes when the text
//     holds a line end or a control character), plain stays plain when the
//     text reads back as the same string in YAML 1.2 and 1.1 (not a
//     number, boolean, null, date or 11:30; no `: `, ` #`, leading
//     indicator) — else double quotes. A plain date in any form the loader
//     reads (22/01/2026, 2026-01-30) or a plain number may be replaced by
//     another unquoted. A comment after the value is kept.
//
//   - A list of scalars is edited item by item: items the old and new
//     lists share (their longest common subsequence) are left alone with
//     the comments between them, a changed item keeps its quoting, a new
//     one takes the first item's, a [flow, list] stays flow and a block
//     list keeps its indentation and dash. An empty list, like nil,
//     deletes the key: the loader reads an absent `dinh_kem` or `aliases`
//     as none, while `[]` is an error for `dinh_kem`, `ho_so` and an
//     article's `topics` (an absent `ho_so` is one too, naming the key).
//
//   - Deleting a key removes the key's line and the lines of its value,
//     and nothing else: comment lines above it are kept, since they may
//     speak of more than that key (a commented-out value stays too).
//
//   - A new key goes at the end of the front matter, in the order of the
//     Set calls, quoted like most of the file's text values (double quotes
//     when it has none), a list in the style most of its lists use (block
//     with the indentation and dash of its first block list, "  - " by
//     default). A new key in a file without front matter creates
//     "---\n…---\n" before the body.
//
//   - A value with an anchor, a tag or an alias, a `|` or `>` block
//     scalar, a mapping, or a list of anything but plain or quoted scalars
//     is replaced whole by Set: a double-quoted scalar (a comment on a
//     block scalar's `|` line goes with it), or a list. A key the scanner
//     cannot locate with certainty (a complex `? key`, a root in flow
//     style) gives a *KeyError rather than a guess; so does a key whose
//     anchor another key's alias uses, as changing one would change both.
//
//   - Text is written in NFC with YAML escapes for control characters, and
//     new lines end like the file's first line (CRLF or LF); so do the
//     lines of a body given to SetBody.
//
//   - TOML front matter: keys of the top level written `key = value` on
//     one line (strings, numbers, dates, booleans, arrays on one line) are
//     read and set the same way: basic strings stay basic, literal stay
//     literal when they can, bare dates and numbers stay bare when the new
//     text is one; new keys go after the last top-level key, before any
//     [table]. Tables, dotted keys, multi-line strings and arrays give a
//     *KeyError: the desk cannot edit that key, the caller shows the raw
//     text.
//
//   - Every Set is checked before it is kept: the new front matter must
//     parse, hold the same keys in the same order (less or plus the key
//     set), the key must read back as the value given and every other key
//     as before. Otherwise Set returns a *KeyError and the Doc is unchanged.
//
// frontedit cuts the file and checks each edit; internal/yamledit and
// internal/tomledit read and splice the front matter of their format.
package frontedit

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/tomledit"
	"github.com/cchc-vn/cchc/internal/viet"
	"github.com/cchc-vn/cchc/internal/yamledit"
)

// Doc is one Markdown file: its front matter (YAML between --- lines, or
// TOML between +++), and its body. A Doc is not safe for concurrent use.
type Doc struct {
	p parts
	m matter
}

// matter is a parsed front matter of either format.
type matter interface {
	Keys() []string
	Get(key string) (any, bool)
	// Set returns the new front matter text; v is normalised, and
	// differs from the current value (Doc.Set leaves an equal one alone).
	Set(key string, v any, eol string) ([]byte, error)
}

// SyntaxError is a front matter that cannot be parsed. Line and Col are
// the file's (1-based; Col 0 when unknown); Msg says in Vietnamese what is
// wrong and how to fix it, in the words of `cchc check`.
type SyntaxError struct {
	Line int
	Col  int
	Msg  string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("dòng %d: %s", e.Line, e.Msg) }

// KeyError is a key Set cannot change while keeping the file's layout; the
// caller offers the raw text instead. Line is a file line, 0 when unknown.
type KeyError struct {
	Key  string
	Line int
	Msg  string
}

func (e *KeyError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("dòng %d: không sửa được `%s` trong biểu mẫu: %s — sửa trực tiếp trong văn bản của tệp", e.Line, e.Key, e.Msg)
	}
	return fmt.Sprintf("không sửa được `%s` trong biểu mẫu: %s — sửa trực tiếp trong văn bản của tệp", e.Key, e.Msg)
}

// Parse splits src. A file with no front matter is a Doc with an empty one.
// A UTF-8 BOM and CRLF line ends are remembered and written back. A front
// matter that cannot be parsed is an error (*SyntaxError with Line).
func Parse(src []byte) (*Doc, error) {
	p, err := split(bytes.Clone(src))
	if err != nil {
		return nil, err
	}
	d := &Doc{p: p}
	d.m, err = parseMatter(p.format, p.matter, p.headLines+1)
	if err != nil {
		return nil, err
	}
	return d, nil
}

// parseMatter reads a front matter with the editor of its format: TOML
// by internal/tomledit, else YAML by internal/yamledit.
func parseMatter(format string, text []byte, firstLine int) (matter, error) {
	var m matter
	var err error
	if format == "toml" {
		m, err = tomledit.Parse(text, firstLine)
	} else {
		m, err = yamledit.Parse(text, firstLine)
	}
	if err != nil {
		line, col, msg := located(err)
		return nil, &SyntaxError{Line: line, Col: col, Msg: msg}
	}
	return m, nil
}

// located reads the file line, column and message of an error of a
// format's editor, a *diag.Diagnostic.
func located(err error) (line, col int, msg string) {
	var d *diag.Diagnostic
	if !errors.As(err, &d) {
		return 0, 0, err.Error()
	}
	msg = d.Message
	if d.Hint != "" {
		msg += " — " + d.Hint
	}
	return d.Pos.Line, d.Pos.Col, msg
}

// Format is "yaml", "toml" or "" when the file has no front matter yet.
func (d *Doc) Format() string { return d.p.format }

// Keys returns the top-level keys in file order.
func (d *Doc) Keys() []string { return d.m.Keys() }

// Get returns a value: string (scalars as written, dates included,
// unquoted; a null is ""), []string (a list of scalars), bool, or
// map[string]any/[]any for other shapes; ok is false when absent.
func (d *Doc) Get(key string) (v any, ok bool) { return d.m.Get(key) }

// Set replaces or adds a key. v is string, []string, bool, or nil to delete
// the key; an empty []string deletes it too. Comment lines above a deleted
// key are kept. See the package doc for how each value is written.
func (d *Doc) Set(key string, v any) error {
	switch {
	case key == "":
		return &KeyError{Key: key, Msg: "khóa trống"}
	case !utf8.ValidString(key):
		return &KeyError{Key: key, Msg: "khóa không phải văn bản UTF-8"}
	case yamledit.KeyTooLong(key): // in TOML too: the desk's keys are the same in both
		return &KeyError{Key: key, Msg: "khóa quá dài"}
	}
	v, err := normalize(key, v)
	if err != nil {
		return err
	}
	if old, ok := d.m.Get(key); ok && v != nil && sameValue(old, v) {
		return nil // even for a key the format could not set in place
	}
	text, err := d.m.Set(key, v, d.p.eol)
	if err != nil {
		line, _, msg := located(err)
		return &KeyError{Key: key, Line: line, Msg: msg}
	}
	if bytes.Equal(text, d.p.matter) {
		return nil
	}
	p := d.p
	if p.format == "" {
		p.format, p.head, p.tail, p.headLines = "yaml", []byte("---"+p.eol), []byte("---"+p.eol), 1
	}
	m, err := parseMatter(p.format, text, p.headLines+1)
	if err == nil {
		err = check(d.m, m, key, v)
	}
	if err != nil {
		return &KeyError{Key: key, Msg: "giá trị mới không giữ được cách viết của tệp (" + err.Error() + ")"}
	}
	p.matter = text
	d.p, d.m = p, m
	return nil
}

// check verifies an edit: the keys are those expected, key reads back as
// v and every other key as before.
func check(before, after matter, key string, v any) error {
	// A new key is at the end, or in TOML before the first [table].
	others := func(keys []string) []string {
		return slices.DeleteFunc(keys, func(k string) bool { return k == key })
	}
	got, had := after.Keys(), slices.Contains(before.Keys(), key)
	if !slices.Equal(others(slices.Clone(got)), others(before.Keys())) || slices.Contains(got, key) == (v == nil) ||
		(had && v != nil && !slices.Equal(got, before.Keys())) {
		return fmt.Errorf("các khóa thành %q", got)
	}
	for _, k := range got {
		got, _ := after.Get(k)
		if k == key {
			if !reflect.DeepEqual(got, v) {
				return fmt.Errorf("`%s` đọc lại thành %#v", k, got)
			}
			continue
		}
		if old, _ := before.Get(k); !reflect.DeepEqual(got, old) {
			return fmt.Errorf("`%s` đổi thành %#v", k, got)
		}
	}
	return nil
}

// normalize checks v's type and writes its text in NFC. An empty list
// means delete, like nil.
func normalize(key string, v any) (any, error) {
	bad := func() error {
		return &KeyError{Key: key, Msg: "giá trị không phải văn bản UTF-8"}
	}
	switch v := v.(type) {
	case nil, bool:
		return v, nil
	case string:
		if !utf8.ValidString(v) {
			return nil, bad()
		}
		return nfc(v), nil
	case []string:
		if len(v) == 0 {
			return nil, nil
		}
		out := make([]string, len(v))
		for i, s := range v {
			if !utf8.ValidString(s) {
				return nil, bad()
			}
			out[i] = nfc(s)
		}
		return out, nil
	}
	return nil, &KeyError{Key: key, Msg: fmt.Sprintf("kiểu giá trị %T không được hỗ trợ", v)}
}

// sameValue reports whether setting v would change nothing: text is
// compared in NFC, as the loader reads it.
func sameValue(old, v any) bool {
	switch v := v.(type) {
	case string:
		s, ok := old.(string)
		return ok && nfc(s) == v
	case bool:
		b, ok := old.(bool)
		return ok && b == v
	case []string:
		l, ok := old.([]string)
		return ok && slices.EqualFunc(l, v, func(a, b string) bool { return nfc(a) == b })
	}
	return false
}

func nfc(s string) string { return viet.NFC(s) }

// Body returns the Markdown after the front matter.
func (d *Doc) Body() []byte { return bytes.Clone(d.p.body) }

// SetBody replaces the Markdown after the front matter. Its line ends
// become the file's (CRLF or LF, as its first line ends), so that text
// from a browser's text area does not mix them in a Notepad file.
func (d *Doc) SetBody(b []byte) {
	var out bytes.Buffer
	for len(b) > 0 {
		i := bytes.IndexAny(b, "\r\n")
		if i < 0 {
			out.Write(b)
			break
		}
		out.Write(b[:i])
		out.WriteString(d.p.eol)
		if b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n' {
			i++
		}
		b = b[i+1:]
	}
	d.p.body = out.Bytes()
}

// Bytes writes the file back. Untouched lines are byte-identical: only the
// spans of changed values, added or deleted keys change.
func (d *Doc) Bytes() []byte {
	var b bytes.Buffer
	if d.p.bom {
		b.WriteString(bom)
	}
	b.Write(d.p.head)
	b.Write(d.p.matter)
	b.Write(d.p.tail)
	b.Write(d.p.body)
	return b.Bytes()
}
