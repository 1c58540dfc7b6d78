package yamledit

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/linescan"
	"github.com/cchc-vn/cchc/internal/viet"
)

// edit replaces text[start:end] with text.
type edit struct {
	start, end int
	text       string
}

// apply makes non-overlapping edits, given in any order, to a copy of b,
// in one pass. At the same offset an insertion goes before a replacement.
func apply(b []byte, edits []edit) []byte {
	slices.SortFunc(edits, func(x, y edit) int {
		if x.start != y.start {
			return x.start - y.start
		}
		return x.end - y.end
	})
	var out bytes.Buffer
	pos := 0
	for _, e := range edits {
		if e.start < pos {
			panic("yamledit: overlapping edits") // a bug here, not in the file
		}
		out.Write(b[pos:e.start])
		out.WriteString(e.text)
		pos = e.end
	}
	out.Write(b[pos:])
	return out.Bytes()
}

// Set returns the text with key set to v: nil deletes, string, bool or a
// non-empty []string sets. v is normalised (NFC) and differs from the
// current value: frontedit checks both. eol ends the lines Set writes.
func (m *Matter) Set(key string, v any, eol string) ([]byte, error) {
	e := m.entry(key)
	if e == nil {
		if v == nil {
			return m.text, nil
		}
		if m.noEdit != "" {
			return nil, &diag.Diagnostic{Severity: diag.Error, Message: m.noEdit}
		}
		return append(slices.Clone(m.text), m.newEntry(key, v, eol)...), nil
	}
	if m.noEdit != "" || e.noEdit != "" {
		return nil, &diag.Diagnostic{Pos: diag.Position{Line: m.firstLine + e.k.Line - 1}, Severity: diag.Error, Message: firstOf(m.noEdit, e.noEdit)}
	}
	if v == nil {
		return apply(m.text, []edit{{e.lineStart, e.lineEnd, ""}}), nil
	}
	var edits []edit
	switch v := v.(type) {
	case bool:
		edits = m.scalarEdit(e, strconv.FormatBool(v))
	case string:
		var r string
		switch {
		case isEmptyNull(e.v):
			r = render(v, m.majority(), false, "")
		case simpleScalar(e.v):
			r = render(v, quotingOf(e.v), false, plainTag(e.v))
		default:
			r = doubleQuote(v)
		}
		edits = m.scalarEdit(e, r)
	case []string:
		edits = m.listEdits(e, v, eol)
	}
	return apply(m.text, edits), nil
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// plainTag is the tag a new plain value may have and stay plain: the old
// value's, or !!timestamp when the old one is a plain date in any form
// the loader reads (`date: 22/01/2026` may become `date: 2026-01-23`).
func plainTag(n *yaml.Node) string {
	if n.Style == 0 && n.Tag == "!!str" {
		if _, err := viet.ParseDate(n.Value); err == nil {
			return "!!timestamp"
		}
	}
	return n.Tag
}

// simpleScalar reports a scalar written plainly or in quotes, with no
// anchor or tag: one whose span holds only its text.
func simpleScalar(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Anchor == "" &&
		n.Style&(yaml.TaggedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0
}

// scalarEdit puts the scalar text r in place of e's value, keeping the
// comment after it. A value that is not a simple scalar is replaced whole.
func (m *Matter) scalarEdit(e *entry, r string) []edit {
	switch {
	case isEmptyNull(e.v):
		return []edit{{e.colonEnd, e.colonEnd, " " + r}}
	case simpleScalar(e.v):
		return []edit{{e.valStart, e.valEnd, r}}
	}
	return []edit{m.wholeValue(e, r)}
}

// wholeValue replaces a value, whatever its shape, with r written on the
// key's line. A comment on the key's line above a value written below it
// (`ho_so: # mỗi giấy tờ một dòng`) stays after r.
func (m *Matter) wholeValue(e *entry, r string) edit {
	keyLineEnd := linescan.ContentEnd(m.text, e.colonEnd)
	if e.valStart <= keyLineEnd {
		return edit{e.valStart, e.valEnd, r}
	}
	comment := strings.TrimSpace(string(m.text[e.colonEnd:keyLineEnd]))
	if comment != "" {
		comment = " " + comment
	}
	return edit{e.colonEnd, e.valEnd, " " + r + comment}
}

// majority is the quoting most of the file's text values use (items of
// lists included), double quotes when none or on a tie.
func (m *Matter) majority() quoting {
	var count [3]int
	tally := func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && simpleScalar(n) {
			count[quotingOf(n)]++
		}
	}
	for _, e := range m.entries {
		tally(e.v)
		if e.v.Kind == yaml.SequenceNode {
			for _, c := range e.v.Content {
				tally(c)
			}
		}
	}
	best := doubleQ
	for _, q := range []quoting{singleQ, plainQ} {
		if count[q] > count[best] {
			best = q
		}
	}
	return best
}

// newEntry writes key: v as the file would: at the root's indentation,
// quoted like most of its values, a list in the style most of its lists
// use (block, indented two spaces, when it has none).
func (m *Matter) newEntry(key string, v any, eol string) string {
	indent := m.rootIndent()
	k := key
	if !plainSafe(key, false, "") {
		k = doubleQuote(key)
	}
	q := m.majority()
	switch v := v.(type) {
	case bool:
		return indent + k + ": " + strconv.FormatBool(v) + eol
	case string:
		return indent + k + ": " + render(v, q, false, "") + eol
	}
	list := v.([]string)
	flow, dash := m.listStyle()
	if flow {
		return indent + k + ": " + flowList(list, q) + eol
	}
	var b strings.Builder
	b.WriteString(indent + k + ":" + eol)
	for _, s := range list {
		b.WriteString(indent + dash + render(s, q, false, "") + eol)
	}
	return b.String()
}

// rootIndent is the white space before the first key on its line.
func (m *Matter) rootIndent() string {
	if len(m.entries) == 0 || m.entries[0].noEdit != "" {
		return ""
	}
	e := m.entries[0]
	return string(m.text[e.lineStart:m.offset(e.k.Line, e.k.Column)])
}

// listStyle says how the file writes its lists: flow when most are, else
// block with the indentation and dash of its first block list ("  - " by
// default).
func (m *Matter) listStyle() (flow bool, dash string) {
	nflow, nblock := 0, 0
	root := m.rootIndent()
	for _, e := range m.entries {
		if e.v.Kind != yaml.SequenceNode || len(e.v.Content) == 0 {
			continue
		}
		if e.v.Style&yaml.FlowStyle != 0 {
			nflow++
			continue
		}
		nblock++
		if dash != "" {
			continue
		}
		first := e.v.Content[0]
		if p := m.offset(first.Line, first.Column); p > 0 {
			prefix, ok := strings.CutPrefix(string(m.text[lineStartOf(m.text, p):p]), root)
			if ok && dashPrefixRE.MatchString(prefix) {
				dash = prefix
			}
		}
	}
	if dash == "" {
		dash = "  - "
	}
	return nflow > nblock, dash
}
