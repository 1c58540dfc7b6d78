package frontedit

import (
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// item is where one scalar item of a list lies: its own span, and for a
// block list the lines it takes and the `  - ` before it.
type item struct {
	n                  *yaml.Node
	start, end         int
	lineStart, lineEnd int
	prefix             string
}

var dashPrefixRE = regexp.MustCompile(`^[ \t]*-[ \t]+$`)

// listEdits sets e's value to the non-empty list v. A list of simple
// scalars is edited item by item: items kept keep their text and the
// comments between them, changed items keep their own quoting, new ones
// take the first item's. Any other value is replaced whole, as a block
// list when it was one, else as a [flow, list].
func (m *yamlMatter) listEdits(e *entry, v []string, eol string) []edit {
	n := e.v
	flow := n.Style&yaml.FlowStyle != 0
	if n.Kind == yaml.SequenceNode && n.Anchor == "" && n.Style&yaml.TaggedStyle == 0 {
		if len(n.Content) == 0 {
			return []edit{{e.valStart, e.valEnd, flowList(v, m.majority())}}
		}
		if items, ok := m.items(n, flow); ok {
			return m.itemEdits(items, v, flow, eol)
		}
		if !flow {
			if items, ok := m.dashLines(n); ok {
				var b strings.Builder
				for i, s := range v {
					if i > 0 {
						b.WriteString(eol)
					}
					b.WriteString(items[0].prefix + render(s, m.majority(), false, ""))
				}
				return []edit{{items[0].start, e.valEnd, b.String()}}
			}
		}
	}
	q := m.majority()
	if simpleScalar(n) && !isEmptyNull(n) {
		q = quotingOf(n)
	}
	return []edit{m.wholeValue(e, flowList(v, q))}
}

// flowList writes v as [a, b] in quoting q where it can.
func flowList(v []string, q quoting) string {
	out := make([]string, len(v))
	for i, s := range v {
		out[i] = render(s, q, true, "")
	}
	return "[" + strings.Join(out, ", ") + "]"
}

// items locates the items of a list of simple scalars, or returns false.
func (m *yamlMatter) items(n *yaml.Node, flow bool) ([]item, bool) {
	out := make([]item, len(n.Content))
	for i, c := range n.Content {
		if !simpleScalar(c) || isEmptyNull(c) {
			return nil, false
		}
		p := m.offset(c.Line, c.Column)
		if p < 0 {
			return nil, false
		}
		it := item{n: c, start: p}
		indent := -1
		if !flow {
			it.lineStart = lineStartOf(m.text, p)
			it.prefix = string(m.text[it.lineStart:p])
			if !dashPrefixRE.MatchString(it.prefix) {
				return nil, false
			}
			// A plain item goes on over lines deeper than its dash.
			indent = strings.IndexByte(it.prefix, '-')
		}
		end, err := m.scalarEnd(c, p, indent)
		if err != nil {
			return nil, false
		}
		it.end = end
		if !flow {
			it.lineEnd = nextLine(m.text, end)
		}
		out[i] = it
	}
	return out, true
}

// dashLines gives, for a block list of anything, the start of the first
// item's line and the `  - ` it begins with.
func (m *yamlMatter) dashLines(n *yaml.Node) ([]item, bool) {
	dash, err := m.dashBefore(n.Content[0])
	if err != nil {
		return nil, false
	}
	start := lineStartOf(m.text, dash)
	if !isBlank(m.text[start:dash]) {
		return nil, false
	}
	return []item{{start: start, prefix: string(m.text[start:dash]) + "- "}}, true
}

func lineStartOf(b []byte, p int) int {
	for p > 0 && b[p-1] != '\n' {
		p--
	}
	return p
}

// itemEdits turns the old items into v: the items both share at the start
// and at the end are left alone, those between are replaced pairwise, and
// the surplus inserted after them or deleted.
func (m *yamlMatter) itemEdits(items []item, v []string, flow bool, eol string) []edit {
	old := make([]string, len(items))
	for i, it := range items {
		old[i] = nfc(it.n.Value)
	}
	pre := 0
	for pre < len(old) && pre < len(v) && old[pre] == v[pre] {
		pre++
	}
	suf := 0
	for suf < len(old)-pre && suf < len(v)-pre && old[len(old)-1-suf] == v[len(v)-1-suf] {
		suf++
	}
	oldMid, newMid := items[pre:len(items)-suf], v[pre:len(v)-suf]
	k := min(len(oldMid), len(newMid))
	var edits []edit
	for i := range k {
		it := oldMid[i]
		edits = append(edits, edit{it.start, it.end, render(newMid[i], quotingOf(it.n), flow, it.n.Tag)})
	}
	first := quotingOf(items[0].n)
	if extra := newMid[k:]; len(extra) > 0 {
		rendered := make([]string, len(extra))
		for i, s := range extra {
			rendered[i] = render(s, first, flow, "")
		}
		edits = append(edits, m.insertItems(items, pre+k, rendered, flow, eol))
	}
	if gone := oldMid[k:]; len(gone) > 0 {
		a, b := pre+k, pre+len(oldMid)
		switch {
		case !flow:
			for _, it := range gone {
				edits = append(edits, edit{it.lineStart, it.lineEnd, ""})
			}
		case a > 0:
			edits = append(edits, edit{items[a-1].end, items[b-1].end, ""})
		default:
			edits = append(edits, edit{items[0].start, items[b].start, ""})
		}
	}
	return edits
}

// insertItems inserts rendered items before the old item at, or after the
// last one when at is len(items).
func (m *yamlMatter) insertItems(items []item, at int, rendered []string, flow bool, eol string) edit {
	if flow {
		sep := ", "
		if len(items) > 1 {
			if s := string(m.text[items[0].end:items[1].start]); !strings.ContainsAny(s, "\n#") {
				sep = s
			}
		}
		if at == 0 {
			return edit{items[0].start, items[0].start, strings.Join(rendered, sep) + sep}
		}
		p := items[at-1].end
		return edit{p, p, sep + strings.Join(rendered, sep)}
	}
	var b strings.Builder
	for _, r := range rendered {
		b.WriteString(items[0].prefix + r + eol)
	}
	p := items[0].lineStart
	if at > 0 {
		p = items[at-1].lineEnd
	}
	return edit{p, p, b.String()}
}
