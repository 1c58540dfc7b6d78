// Package yamledit edits a YAML front matter in place for
// internal/frontedit: yaml.v3's node tree says where each top-level entry
// starts, scanners of the text find where it ends, and a change is a splice
// of those spans, so that every other byte of the front matter (order,
// comments, blank lines, indentation, unknown keys) stays as written.
package yamledit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/linescan"
	"github.com/cchc-vn/cchc/internal/yamlsyntax"
)

// Matter is a YAML front matter: its text, the node tree yaml.v3 reads
// from it, and where each top-level entry lies in the text.
type Matter struct {
	text      []byte
	firstLine int           // the file line of the text's first line
	starts    []int         // byte offset of each line's start
	runes     map[int][]int // per line: the offset of each character, see offset
	root      *yaml.Node
	entries   []entry
	// noEdit says why no key can be set (a root in flow style), or "".
	noEdit string
}

// entry is one top-level `key: value` with byte offsets into the text.
// The value's span [valStart, valEnd) holds its properties (&anchor,
// !tag) and its content, and not the comment after it; an empty value
// (`key:`) has valStart == valEnd == colonEnd.
type entry struct {
	key              string
	k, v             *yaml.Node
	lineStart        int // start of the key's line
	colonEnd         int // just past the `:` after the key
	valStart, valEnd int
	lineEnd          int    // just past the line end of the value's last line
	noEdit           string // why this key cannot be set in place, or ""
}

// docMarkerRE finds the line that ends a YAML document or starts another.
var docMarkerRE = regexp.MustCompile(`(?m)^(\.\.\.|---)([ \t\r]|$)`)

// Parse reads a front matter. firstLine is the file line of its first
// line, for errors.
func Parse(text []byte, firstLine int) (*Matter, error) {
	m := &Matter{text: text, firstLine: firstLine, starts: lineStarts(text)}
	dec := yaml.NewDecoder(bytes.NewReader(text))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return m, nil // empty, or comments only
		}
		return nil, yamlSyntaxError(text, err, firstLine)
	}
	var more yaml.Node
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		line := firstLine
		if loc := docMarkerRE.FindIndex(text); loc != nil {
			line += bytes.Count(text[:loc[0]], []byte("\n"))
		}
		return nil, &diag.Diagnostic{Pos: diag.Position{Line: line, Col: 1}, Severity: diag.Error, Message: "phần khai báo đầu bài chỉ được có một khối YAML", Hint: "xóa dòng `...` hoặc `---` ở giữa phần khai báo"}
	}
	if len(doc.Content) == 0 {
		return m, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &diag.Diagnostic{Pos: diag.Position{Line: firstLine + root.Line - 1, Col: root.Column}, Severity: diag.Error,
			Message: "phần khai báo đầu bài phải là các dòng `khóa: giá trị`", Hint: "ví dụ `title: \"Tiêu đề bài viết\"`"}
	}
	m.root = root
	if root.Style&(yaml.FlowStyle|yaml.TaggedStyle) != 0 || root.Anchor != "" {
		m.noEdit = "phần khai báo đầu bài viết theo kiểu `{…}` hoặc có nhãn YAML"
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			continue // a complex key: kept as written, never offered
		}
		if first, dup := seen[k.Value]; dup {
			return nil, &diag.Diagnostic{Pos: diag.Position{Line: firstLine + k.Line - 1, Col: k.Column}, Severity: diag.Error,
				Message: fmt.Sprintf("khóa `%s` được khai báo hai lần (lần đầu ở dòng %d)", k.Value, first), Hint: "xóa một trong hai dòng"}
		}
		seen[k.Value] = firstLine + k.Line - 1
		m.entries = append(m.entries, m.locate(k, v))
	}
	return m, nil
}

// yamlSyntaxError explains the library's error in the words and at the
// line `cchc check` uses (yamlsyntax always gives one diagnostic).
func yamlSyntaxError(text []byte, err error, firstLine int) error {
	return &yamlsyntax.Diagnose("", firstLine, text, err)[0]
}

// locate finds where an entry lies in the text. What cannot be located
// with certainty is marked not editable rather than guessed.
func (m *Matter) locate(k, v *yaml.Node) entry {
	e := entry{key: k.Value, k: k, v: v}
	keyPos := m.offset(k.Line, k.Column)
	if keyPos >= 0 {
		e.lineStart = m.starts[k.Line-1]
	}
	if keyPos < 0 || !isBlank(m.text[e.lineStart:keyPos]) || k.Anchor != "" || k.Style&yaml.TaggedStyle != 0 {
		e.noEdit = "khóa không đứng đầu dòng hoặc có nhãn YAML"
		return e
	}
	keyEnd, err := m.keyEnd(k, keyPos)
	if err != nil {
		e.noEdit = err.Error()
		return e
	}
	p := skipSpaces(m.text, keyEnd)
	if p >= len(m.text) || m.text[p] != ':' {
		e.noEdit = "không thấy dấu `:` sau khóa"
		return e
	}
	e.colonEnd = p + 1
	indent := k.Column - 1
	e.valStart = m.offset(v.Line, v.Column)
	end, err := m.nodeEnd(v, indent)
	switch {
	case err != nil:
		e.noEdit = err.Error()
		return e
	case e.valStart < e.colonEnd || end < e.valStart:
		e.noEdit = "không xác định được vị trí giá trị"
		return e
	}
	if isEmptyNull(v) {
		e.valStart, end = e.colonEnd, e.colonEnd
	}
	e.valEnd = end
	e.lineEnd = linescan.Next(m.text, end)
	return e
}

// keyEnd returns the offset past a key written at p.
func (m *Matter) keyEnd(k *yaml.Node, p int) (int, error) {
	if k.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		return m.scalarEnd(k, p, -1)
	}
	if k.Style != 0 || !linescan.HasPrefixAt(m.text, p, k.Value) {
		return 0, errSpan
	}
	return p + len(k.Value), nil
}

// isEmptyNull reports a value written as nothing at all (`key:`).
func isEmptyNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null" && n.Value == "" && n.Anchor == "" && n.Style&yaml.TaggedStyle == 0
}

// lineStarts returns the offset of the start of every line of b.
func lineStarts(b []byte) []int {
	starts := []int{0}
	for i, c := range b {
		if c == '\n' && i+1 < len(b) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// offset turns yaml.v3's 1-based line and column (counted in characters)
// into a byte offset, or -1 when it lies outside the text. A line with
// other than ASCII gets a table of its characters' offsets the first time,
// so that the items of a long [flow, list] cost no more than the line.
func (m *Matter) offset(line, col int) int {
	if line < 1 || line > len(m.starts) || col < 1 {
		return -1
	}
	if m.runes == nil {
		m.runes = map[int][]int{}
	}
	start := m.starts[line-1]
	offs, ok := m.runes[line]
	if !ok {
		end := linescan.ContentEnd(m.text, start)
		if isASCII(m.text[start:end]) {
			offs = []int{end} // marks an ASCII line: one byte a character
		} else {
			for p := start; p < end; {
				offs = append(offs, p)
				_, n := utf8.DecodeRune(m.text[p:])
				p += n
			}
			offs = append(offs, end)
		}
		m.runes[line] = offs
	}
	if len(offs) == 1 { // ASCII, or an empty line
		if start+col-1 > offs[0] {
			return -1
		}
		return start + col - 1
	}
	if col > len(offs) {
		return -1
	}
	return offs[col-1]
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func (m *Matter) entry(key string) *entry {
	for i := range m.entries {
		if m.entries[i].key == key {
			return &m.entries[i]
		}
	}
	return nil
}

// Keys returns the top-level keys in file order.
func (m *Matter) Keys() []string {
	out := make([]string, len(m.entries))
	for i, e := range m.entries {
		out[i] = e.key
	}
	return out
}

// Get returns a value as frontedit's Doc.Get does.
func (m *Matter) Get(key string) (any, bool) {
	e := m.entry(key)
	if e == nil {
		return nil, false
	}
	return nodeValue(e.v), true
}

// Lines returns the byte range of key's lines: from the start of the
// key's line to the end of its value's last line.
func (m *Matter) Lines(key string) (start, end int, ok bool) {
	e := m.entry(key)
	if e == nil {
		return 0, 0, false
	}
	return e.lineStart, e.lineEnd, true
}

// nodeValue is what Get returns for a node: see Doc.Get.
func nodeValue(n *yaml.Node) any {
	budget := maxNodes
	return valueOf(n, &budget)
}

// maxNodes bounds the nodes one value may expand to: an alias may name a
// list holding itself (`a: &x [*x]`), or lists of lists of aliases may
// grow exponentially. Beyond it the value reads as nil.
const maxNodes = 10000

func valueOf(n *yaml.Node, budget *int) any {
	if *budget--; *budget < 0 {
		return nil
	}
	n = resolve(n)
	switch n.Kind {
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!bool":
			var b bool
			if n.Decode(&b) == nil {
				return b
			}
		case "!!null":
			return ""
		}
		return n.Value
	case yaml.SequenceNode:
		if strs, ok := scalarList(n); ok {
			return strs
		}
		out := make([]any, len(n.Content))
		for i, c := range n.Content {
			out[i] = valueOf(c, budget)
		}
		return out
	case yaml.MappingNode:
		out := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			out[resolve(n.Content[i]).Value] = valueOf(n.Content[i+1], budget)
		}
		return out
	}
	return nil
}

// scalarList returns the items of a list of scalars as written (a null
// item is ""), or false when an item is a list or a mapping.
func scalarList(n *yaml.Node) ([]string, bool) {
	out := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		c = resolve(c)
		if c.Kind != yaml.ScalarNode {
			return nil, false
		}
		if c.Tag == "!!null" {
			out = append(out, "")
		} else {
			out = append(out, c.Value)
		}
	}
	return out, true
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

func skipSpaces(b []byte, p int) int {
	for p < len(b) && (b[p] == ' ' || b[p] == '\t') {
		p++
	}
	return p
}
