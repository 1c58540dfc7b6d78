package yamledit

import (
	"errors"
	"strings"

	"github.com/cchc-vn/cchc/internal/linescan"
	"go.yaml.in/yaml/v3"
)

// yaml.v3 gives where a node starts and not where it ends: the scanners
// below find the end in the text, by the rules of each way of writing a
// value. A value they cannot follow makes its key not editable.

var errSpan = errors.New("không xác định được chỗ kết thúc của giá trị")

// nodeEnd returns the offset just past the last character of n. indent is
// the indentation (in columns) of the block collection that holds n.
func (m *Matter) nodeEnd(n *yaml.Node, indent int) (int, error) {
	p := m.offset(n.Line, n.Column)
	if p < 0 {
		return 0, errSpan
	}
	if n.Kind == yaml.AliasNode {
		name := "*" + n.Value
		if !linescan.HasPrefixAt(m.text, p, name) {
			return 0, errSpan
		}
		return p + len(name), nil
	}
	p, propEnd := m.skipProperties(p)
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Value == "" && n.Style&^yaml.TaggedStyle == 0 {
			return propEnd, nil // nothing written: `key:` or `key: !!str`
		}
		return m.scalarEnd(n, p, indent)
	case yaml.SequenceNode, yaml.MappingNode:
		if n.Style&yaml.FlowStyle != 0 {
			return m.flowEnd(p)
		}
		if len(n.Content) == 0 {
			return 0, errSpan
		}
		inner, err := m.blockIndent(n)
		if err != nil {
			return 0, err
		}
		return m.nodeEnd(n.Content[len(n.Content)-1], inner)
	}
	return 0, errSpan
}

// blockIndent is the indentation of a block collection: the column of its
// first key, or of the dash before its first item.
func (m *Matter) blockIndent(n *yaml.Node) (int, error) {
	first := n.Content[0]
	if n.Kind == yaml.MappingNode {
		return first.Column - 1, nil
	}
	dash, err := m.dashBefore(first)
	if err != nil {
		return 0, err
	}
	return m.column(dash), nil
}

// dashBefore returns the offset of the `-` that introduces a block
// sequence item.
func (m *Matter) dashBefore(item *yaml.Node) (int, error) {
	p := m.offset(item.Line, item.Column)
	if p < 0 {
		return 0, errSpan
	}
	q := p - 1
	for q >= 0 && (m.text[q] == ' ' || m.text[q] == '\t') {
		q--
	}
	if q < 0 || m.text[q] != '-' {
		return 0, errSpan
	}
	return q, nil
}

// column counts the characters between the start of p's line and p.
func (m *Matter) column(p int) int {
	start := p
	for start > 0 && m.text[start-1] != '\n' {
		start--
	}
	return len([]rune(string(m.text[start:p])))
}

// skipProperties passes over an anchor (&a) and a tag (!t) before a
// value. It returns where the value's content starts and where the last
// property ends (p itself when there is none).
func (m *Matter) skipProperties(p int) (content, propEnd int) {
	propEnd = p
	for p < len(m.text) && (m.text[p] == '&' || m.text[p] == '!') {
		for p < len(m.text) && !linescan.IsSpaceOrBreak(m.text[p]) {
			p++
		}
		propEnd = p
		p = m.skipGap(p)
	}
	return p, propEnd
}

// skipGap passes over spaces, line ends and comments.
func (m *Matter) skipGap(p int) int {
	for p < len(m.text) {
		switch c := m.text[p]; {
		case linescan.IsSpaceOrBreak(c):
			p++
		case c == '#':
			p = linescan.ContentEnd(m.text, p)
		default:
			return p
		}
	}
	return p
}

// scalarEnd finds the end of a scalar that starts at p. indent < 0 means
// the scalar is a key or a flow item: one line at most when plain.
func (m *Matter) scalarEnd(n *yaml.Node, p, indent int) (int, error) {
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		return quotedEnd(m.text, p, '"')
	case n.Style&yaml.SingleQuotedStyle != 0:
		return quotedEnd(m.text, p, '\'')
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return m.blockScalarEnd(p, indent)
	}
	if indent < 0 {
		end := plainLineEnd(m.text, p, true)
		if string(m.text[p:end]) != n.Value {
			return 0, errSpan
		}
		return end, nil
	}
	return m.plainEnd(p, indent), nil
}

// quotedEnd returns the offset past the closing quote of a quoted scalar
// starting at p: `\` escapes in double quotes, a doubled quote in single ones.
func quotedEnd(b []byte, p int, q byte) (int, error) {
	if p >= len(b) || b[p] != q {
		return 0, errSpan
	}
	for i := p + 1; i < len(b); i++ {
		switch {
		case q == '"' && b[i] == '\\':
			i++
		case b[i] == q && q == '\'' && i+1 < len(b) && b[i+1] == '\'':
			i++
		case b[i] == q:
			return i + 1, nil
		}
	}
	return 0, errSpan
}

// plainEnd finds the end of a plain scalar in block context, which goes
// on over following lines indented deeper than indent, up to a comment.
func (m *Matter) plainEnd(p, indent int) int {
	end := plainLineEnd(m.text, p, false)
	for q := linescan.Next(m.text, p); q < len(m.text); q = linescan.Next(m.text, q) {
		line := m.text[q:linescan.Next(m.text, q)]
		ind := leadingSpaces(line)
		rest := trimRightSpace(line[ind:])
		if len(rest) == 0 || rest[0] == '\t' {
			continue
		}
		if rest[0] == '#' || ind <= indent {
			break
		}
		end = plainLineEnd(m.text, q+ind, false)
	}
	return end
}

// plainLineEnd returns where a plain scalar's text on the line of p ends:
// before a comment (` #`), trailing spaces and the line end; in a flow
// collection also before `,`, `]` and `}`.
func plainLineEnd(b []byte, p int, flow bool) int {
	end := p
	for i := p; i < len(b) && b[i] != '\n'; i++ {
		c := b[i]
		if c == '#' && i > p && (b[i-1] == ' ' || b[i-1] == '\t') {
			break
		}
		if flow && (c == ',' || c == ']' || c == '}') {
			break
		}
		if c != ' ' && c != '\t' && c != '\r' {
			end = i + 1
		}
	}
	return end
}

// blockScalarEnd finds the end of a `|` or `>` scalar whose indicator is
// at p: the last line of its content, found by indentation as YAML does.
func (m *Matter) blockScalarEnd(p, indent int) (int, error) {
	if p >= len(m.text) || (m.text[p] != '|' && m.text[p] != '>') {
		return 0, errSpan
	}
	q := p + 1
	explicit := 0
	for q < len(m.text) && (m.text[q] == '+' || m.text[q] == '-' || (m.text[q] >= '1' && m.text[q] <= '9')) {
		if m.text[q] != '+' && m.text[q] != '-' {
			explicit = int(m.text[q] - '0')
		}
		q++
	}
	end := q
	base := max(indent, 0)
	content := 0 // the content's indentation, once known
	if explicit > 0 {
		content = base + explicit
	}
	longestBlank := 0
	for l := linescan.Next(m.text, p); l < len(m.text); l = linescan.Next(m.text, l) {
		line := m.text[l:linescan.Next(m.text, l)]
		ind := leadingSpaces(line)
		rest := trimRightSpace(line[ind:])
		if len(rest) == 0 {
			longestBlank = max(longestBlank, ind)
			continue
		}
		if content == 0 {
			content = max(ind, longestBlank, indent+1)
		}
		if ind < content {
			break
		}
		end = l + ind + len(rest)
	}
	return end, nil
}

// flowEnd returns the offset past the bracket that closes the flow
// collection opened at p, skipping quoted scalars and comments.
func (m *Matter) flowEnd(p int) (int, error) {
	b := m.text
	if p >= len(b) || (b[p] != '[' && b[p] != '{') {
		return 0, errSpan
	}
	depth := 0
	canQuote := true   // a quote here starts a quoted scalar
	afterJSON := false // a quoted scalar or a bracket just closed: `:` may follow it directly
	for i := p; i < len(b); i++ {
		c := b[i]
		spaced := i+1 == len(b) || linescan.IsSpaceOrBreak(b[i+1])
		closed := false
		switch {
		case c == '[' || c == '{':
			depth++
			canQuote = true
		case c == ']' || c == '}':
			depth--
			if depth == 0 {
				return i + 1, nil
			}
			canQuote, closed = false, true
		case c == ',':
			canQuote = true
		case (c == ':' && (spaced || afterJSON)) || (c == '?' && spaced && canQuote):
			canQuote = true
		case (c == '"' || c == '\'') && canQuote:
			end, err := quotedEnd(b, i, c)
			if err != nil {
				return 0, err
			}
			i = end - 1
			canQuote, closed = false, true
		case c == '#' && (b[i-1] == ' ' || b[i-1] == '\t' || b[i-1] == '\n'):
			i = linescan.ContentEnd(b, i) - 1
		case (c == '&' || c == '!') && canQuote:
			// An anchor or a tag: no space or flow indicator in it.
			for i+1 < len(b) && !linescan.IsSpaceOrBreak(b[i+1]) && !strings.ContainsRune(",[]{}", rune(b[i+1])) {
				i++
			}
		case linescan.IsSpaceOrBreak(c):
			continue
		default:
			canQuote = false
		}
		afterJSON = closed
	}
	return 0, errSpan
}

func leadingSpaces(line []byte) int {
	n := 0
	for n < len(line) && line[n] == ' ' {
		n++
	}
	return n
}

func trimRightSpace(b []byte) []byte {
	for len(b) > 0 && linescan.IsSpaceOrBreak(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}
