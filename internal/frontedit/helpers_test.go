package frontedit

import (
	"bytes"
	"reflect"
	"regexp"
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/cchc-vn/cchc/internal/linescan"
	"github.com/cchc-vn/cchc/internal/tomledit"
	"github.com/cchc-vn/cchc/internal/yamledit"
)

// The checks below read files the plain way, independently of the code
// under test: yaml.v3 on the text between the first two `---` lines.

var fenceRE = regexp.MustCompile(`(?m)^[ \t]*---[ \t]*\r?$`)

// plainRead returns the front matter's root mapping (nil when empty) and
// the body, or fails the test.
func plainRead(t testing.TB, file []byte) (*yaml.Node, []byte) {
	t.Helper()
	file = bytes.TrimPrefix(file, []byte(bom))
	locs := fenceRE.FindAllIndex(file, 2)
	if len(locs) < 2 || len(bytes.TrimSpace(file[:locs[0][0]])) != 0 {
		t.Fatalf("no front matter in\n%s", file)
	}
	matter := file[linescan.Next(file, locs[0][0]):locs[1][0]]
	var doc yaml.Node
	if err := yaml.Unmarshal(matter, &doc); err != nil {
		t.Fatalf("the front matter does not parse: %v\n%s", err, matter)
	}
	body := file[linescan.Next(file, locs[1][0]):]
	if len(doc.Content) == 0 {
		return nil, body
	}
	return doc.Content[0], body
}

// plainValues decodes every top-level value, in key order.
func plainValues(t testing.TB, root *yaml.Node) ([]string, map[string]any) {
	t.Helper()
	var keys []string
	vals := map[string]any{}
	if root == nil {
		return keys, vals
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		var v any
		if err := root.Content[i+1].Decode(&v); err != nil {
			t.Fatalf("decode %s: %v", root.Content[i].Value, err)
		}
		keys = append(keys, root.Content[i].Value)
		vals[root.Content[i].Value] = v
	}
	return keys, vals
}

// holds reports whether node n is what Set(key, v) was asked for: the
// text as a string (a plain date or number counts as its text), a list of
// such texts, a YAML boolean.
func holds(n *yaml.Node, v any) bool {
	switch v := v.(type) {
	case bool:
		var b bool
		return n.Kind == yaml.ScalarNode && n.Tag == "!!bool" && n.Decode(&b) == nil && b == v
	case string:
		return scalarText(n, norm.NFC.String(v))
	case []string:
		if n.Kind != yaml.SequenceNode || len(n.Content) != len(v) {
			return false
		}
		for i, c := range n.Content {
			if !scalarText(c, norm.NFC.String(v[i])) {
				return false
			}
		}
		return true
	}
	return false
}

func scalarText(n *yaml.Node, s string) bool {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" && s == "" {
		return true // Get reads a null as "", so Set("") leaves it
	}
	if n.Kind != yaml.ScalarNode || n.Value != s {
		return false
	}
	switch n.Tag {
	case "!!str":
		return true
	case "!!timestamp", "!!int", "!!float":
		return n.Style == 0
	}
	return false
}

// checkSet verifies a Set(key, v) that turned before into after: the
// file parses, key holds v (or is gone), every other key keeps its value
// and its place, and the body is untouched.
func checkSet(t testing.TB, before, after []byte, key string, v any) {
	t.Helper()
	if l, ok := v.([]string); ok && len(l) == 0 {
		v = nil // an empty list deletes
	}
	var oldKeys []string
	oldVals := map[string]any{}
	oldBody := bytes.TrimPrefix(before, []byte(bom))
	if bytes.HasPrefix(bytes.TrimLeft(oldBody, " \t\r\n"), []byte("---")) {
		var root *yaml.Node
		root, oldBody = plainRead(t, before)
		oldKeys, oldVals = plainValues(t, root)
	}
	root, body := plainRead(t, after)
	if !bytes.Equal(body, oldBody) {
		t.Fatalf("Set(%q) changed the body:\n%q\nwas\n%q", key, body, oldBody)
	}
	keys, vals := plainValues(t, root)
	want := slices.DeleteFunc(slices.Clone(oldKeys), func(k string) bool { return k == key && v == nil })
	if v != nil && !slices.Contains(oldKeys, key) {
		want = append(want, key)
	}
	if !slices.Equal(keys, want) {
		t.Fatalf("Set(%q): keys %q, want %q", key, keys, want)
	}
	for i, k := range keys {
		if k == key {
			if !holds(root.Content[2*i+1], v) {
				t.Fatalf("Set(%q, %#v): reads back as %#v in\n%s", key, v, vals[k], after)
			}
			continue
		}
		if !reflect.DeepEqual(vals[k], oldVals[k]) {
			t.Fatalf("Set(%q) changed %q: %#v, was %#v", key, k, vals[k], oldVals[k])
		}
	}
}

// sameOutside verifies that only key's lines changed: comparing the two
// front matters line by line, every line removed lies in the key's lines
// before, every line added in its lines after.
func sameOutside(t testing.TB, before, after *Doc, key string) {
	t.Helper()
	oldLines, newLines := splitLines(before.p.matter), splitLines(after.p.matter)
	a0, b0, _ := span(before, key)
	a1, b1, _ := span(after, key)
	inSpan := func(lines [][]byte, i, start, end int) bool {
		off := 0
		for _, l := range lines[:i] {
			off += len(l)
		}
		return off >= start && off+len(lines[i]) <= end
	}
	removed, added := diffLines(oldLines, newLines)
	for _, i := range removed {
		if !inSpan(oldLines, i, a0, b0) {
			t.Fatalf("Set(%q) removed line %q outside its own:\n%s\n----- was -----\n%s", key, oldLines[i], after.p.matter, before.p.matter)
		}
	}
	for _, j := range added {
		if !inSpan(newLines, j, a1, b1) {
			t.Fatalf("Set(%q) added line %q outside its own:\n%s\n----- was -----\n%s", key, newLines[j], after.p.matter, before.p.matter)
		}
	}
}

func splitLines(b []byte) [][]byte {
	var out [][]byte
	for len(b) > 0 {
		n := linescan.Next(b, 0)
		out = append(out, b[:n])
		b = b[n:]
	}
	return out
}

// diffLines returns the indexes of the lines of a not in a longest common
// subsequence of a and b, and those of b.
func diffLines(a, b [][]byte) (removed, added []int) {
	pre := 0
	for pre < len(a) && pre < len(b) && bytes.Equal(a[pre], b[pre]) {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && bytes.Equal(a[len(a)-1-suf], b[len(b)-1-suf]) {
		suf++
	}
	removed, added = lcsDiff(a[pre:len(a)-suf], b[pre:len(b)-suf])
	for i := range removed {
		removed[i] += pre
	}
	for i := range added {
		added[i] += pre
	}
	return removed, added
}

func lcsDiff(a, b [][]byte) (removed, added []int) {
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if bytes.Equal(a[i], b[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case bytes.Equal(a[i], b[j]):
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			removed = append(removed, i)
			i++
		default:
			added = append(added, j)
			j++
		}
	}
	for ; i < len(a); i++ {
		removed = append(removed, i)
	}
	for ; j < len(b); j++ {
		added = append(added, j)
	}
	return removed, added
}

// span is the byte range of key's lines in d's front matter.
func span(d *Doc, key string) (start, end int, ok bool) {
	switch m := d.m.(type) {
	case *yamledit.Matter:
		return m.Lines(key)
	case *tomledit.Matter:
		return m.Lines(key)
	}
	return 0, 0, false
}
