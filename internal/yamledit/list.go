package yamledit

import (
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/cchc-vn/cchc/internal/linescan"
	"github.com/cchc-vn/cchc/internal/viet"
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
func (m *Matter) listEdits(e *entry, v []string, eol string) []edit {
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
func (m *Matter) items(n *yaml.Node, flow bool) ([]item, bool) {
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
			it.lineEnd = linescan.Next(m.text, end)
		}
		out[i] = it
	}
	return out, true
}

// dashLines gives, for a block list of anything, the start of the first
// item's line and the `  - ` it begins with.
func (m *Matter) dashLines(n *yaml.Node) ([]item, bool) {
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

// itemEdits turns the old items into v. Items the two lists share (their
// longest common subsequence) are left alone; between two shared items,
// old items are replaced pairwise by new ones, and the surplus deleted or
// inserted after them.
func (m *Matter) itemEdits(items []item, v []string, flow bool, eol string) []edit {
	old := make([]string, len(items))
	for i, it := range items {
		old[i] = viet.NFC(it.n.Value)
	}
	first := quotingOf(items[0].n)
	var edits []edit
	for _, h := range hunks(old, v) {
		dels, ins := h.oldEnd-h.oldStart, h.newEnd-h.newStart
		k := min(dels, ins)
		for i := range k {
			it := items[h.oldStart+i]
			edits = append(edits, edit{it.start, it.end, render(v[h.newStart+i], quotingOf(it.n), flow, plainTag(it.n))})
		}
		if ins > k {
			rendered := make([]string, 0, ins-k)
			for _, s := range v[h.newStart+k : h.newEnd] {
				rendered = append(rendered, render(s, first, flow, ""))
			}
			edits = append(edits, m.insertItems(items, h.oldStart+k, rendered, flow, eol))
		}
		if dels > k {
			a, b := h.oldStart+k, h.oldEnd
			switch {
			case !flow:
				for _, it := range items[a:b] {
					edits = append(edits, edit{it.lineStart, it.lineEnd, ""})
				}
			case a > 0:
				edits = append(edits, edit{items[a-1].end, items[b-1].end, ""})
			default:
				edits = append(edits, edit{items[0].start, items[b].start, ""})
			}
		}
	}
	return edits
}

// hunk is a run of old items [oldStart, oldEnd) that becomes the new
// items [newStart, newEnd), between two items both lists keep.
type hunk struct{ oldStart, oldEnd, newStart, newEnd int }

// hunks compares two lists: the items they share at the start and at the
// end, and between them their longest common subsequence — or, when the
// middle is too long for a table of its length squared, no common item.
func hunks(a, b []string) []hunk {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	a, b = a[pre:len(a)-suf], b[pre:len(b)-suf]
	var out []hunk
	if len(a)*len(b) > maxLCSCells {
		out = []hunk{{0, len(a), 0, len(b)}}
	} else {
		out = lcsHunks(a, b)
	}
	for i := range out {
		out[i].oldStart += pre
		out[i].oldEnd += pre
		out[i].newStart += pre
		out[i].newEnd += pre
	}
	return out
}

const maxLCSCells = 1 << 16

// lcsHunks compares two lists by their longest common subsequence.
func lcsHunks(a, b []string) []hunk {
	// lcs[i][j] is the length of the LCS of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []hunk
	h := hunk{}
	flush := func(i, j int) {
		h.oldEnd, h.newEnd = i, j
		if h.oldEnd > h.oldStart || h.newEnd > h.newStart {
			out = append(out, h)
		}
		h = hunk{oldStart: i + 1, newStart: j + 1}
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			flush(i, j)
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			j++
		}
	}
	flush(len(a), len(b))
	return out
}

// insertItems inserts rendered items before the old item at, or after the
// last one when at is len(items).
func (m *Matter) insertItems(items []item, at int, rendered []string, flow bool, eol string) edit {
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
