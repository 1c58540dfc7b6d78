package config

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/viet"
)

// decoder walks yaml.Nodes (rather than unmarshalling into structs) so that
// every problem keeps its line and column, and collects every problem
// instead of stopping at the first.
//
// Front matter (internal/matter, decode.go) and chart blocks
// (chartspec/parse.go) are read the same way by readers of their own.
// What the three share is yaml.v3's parse and the explanation of syntax
// errors (yamlsyntax.Diagnose); one walker for all three was weighed and
// left, because past the parse they differ in what they must keep:
//   - front matter may be YAML or TOML, and its field decoders read one
//     format-neutral tree (field, value) built from either; site.yaml and
//     charts are YAML only and read the nodes themselves, for their tags
//     (`describe` tells a wrong value by its YAML type: a text, a list,
//     a blank; a boolean refuses an !!int)
//     and styles (a chart's [ ] list with "58,4" in it is told that YAML
//     reads two numbers there: the decimal comma's usual trap);
//   - positions: front matter lines are offset by where it starts in the
//     article, site.yaml's are the file's own, a chart's are relative to
//     its block and become chart.Problems that the build places;
//   - the same mistake has different words, which the guide and the tests
//     quote: a repeated key is "bị lặp lại (đã có ở dòng N)" here and
//     "được khai báo hai lần (lần đầu ở dòng N)" in front matter and
//     charts, a top level that is no mapping is told three ways;
//   - aliases: front matter expands them into its tree under a node
//     budget (a self-referring alias would grow for ever); site.yaml
//     follows one node at a time (resolve) and a chart block not at all;
//   - site.yaml may hold a second `---` document, which is reported;
//     front matter cannot (`---` ends it).
type decoder struct {
	file  string
	diags diag.List
	// nfdWarned keeps the decomposed-text warning to one per file: a file
	// saved in NFD would otherwise warn on every line.
	nfdWarned bool
	blank     []BlankKey // contact keys written without a value
	// planSet says the file writes `plan_items:`; planRefs are the topics
	// its items name, resolved once the vocabulary is known.
	planSet  bool
	planRefs []planRef
}

// entry is one key of a mapping with its value.
type entry struct {
	key   string
	keyAt *yaml.Node
	value *yaml.Node
}

func (d *decoder) pos(n *yaml.Node) diag.Position {
	return diag.Position{File: d.file, Line: n.Line, Col: n.Column}
}

// resolve follows an alias (*name) to the node its anchor (&name) marks.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 8; i++ {
		n = n.Alias
	}
	return n
}

// isBlank reports a value left to fill in: null, or an empty string.
func isBlank(n *yaml.Node) bool {
	n = resolve(n)
	return n.Kind == yaml.ScalarNode && (n.Tag == "!!null" || n.Tag == "!!str" && strings.TrimSpace(n.Value) == "")
}

// isNull reports a key written without a value (`contact:`) or as null/~:
// it leaves the default in place.
func isNull(n *yaml.Node) bool {
	n = resolve(n)
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// entries checks that n is a mapping and returns its entries with a known
// key, in order, each key once. Unknown and repeated keys are reported;
// where names the enclosing key for the message ("" at the top level).
func (d *decoder) entries(n *yaml.Node, where string, valid []string) []entry {
	var out []entry
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.diags.Errorf(d.pos(k), "viết tên khóa rồi dấu hai chấm, ví dụ: title: \"…\"",
				"khóa phải là một tên, không phải %s", describe(k))
			continue
		}
		key := k.Value
		if first, ok := seen[key]; ok {
			d.diags.Errorf(d.pos(k), fmt.Sprintf("giữ lại một dòng `%s` và xóa dòng còn lại", key),
				"khóa `%s` bị lặp lại (đã có ở dòng %d)", key, first.Line)
			continue
		}
		seen[key] = k
		if !slices.Contains(valid, key) {
			d.unknownKey(k, where, valid)
			continue
		}
		out = append(out, entry{key: key, keyAt: k, value: v})
	}
	return out
}

func (d *decoder) unknownKey(k *yaml.Node, where string, valid []string) {
	msg := fmt.Sprintf("khóa `%s` không hợp lệ", k.Value)
	if where != "" {
		msg += " trong `" + where + "`"
	}
	list := "các khóa hợp lệ: " + strings.Join(valid, ", ")
	hint := list
	if parent, child := misplacedKey(k.Value, where); parent != "" {
		hint = fmt.Sprintf("khóa `%s` phải nằm trong nhóm `%s:` (thụt lề dưới dòng `%s:`)", child, parent, parent)
	} else if s := viet.Nearest(k.Value, valid); s != "" {
		hint = fmt.Sprintf("có phải ý bạn là `%s`? Các khóa hợp lệ: %s", s, strings.Join(valid, ", "))
	}
	d.diags.Errorf(d.pos(k), hint, "%s", msg)
}

// misplacedKey finds a top-level key that belongs in a group, such as
// `phone:` written without `contact:` above it.
func misplacedKey(key, where string) (parent, child string) {
	if where != "" {
		return "", ""
	}
	for _, g := range []string{"contact", "markdown", "report"} {
		if s := viet.Nearest(key, groupKeys(g)); s != "" && viet.EditDistance(strings.ToLower(key), s) <= 1 {
			return g, s
		}
	}
	return "", ""
}

// str reads a text value. Any scalar is taken as written, so that a phone
// number such as 0238386123 keeps its leading zero.
func (d *decoder) str(n *yaml.Node, key string) (string, bool) {
	v := resolve(n)
	if v.Kind != yaml.ScalarNode {
		d.typeError(v, key, "một chuỗi văn bản")
		return "", false
	}
	return d.text(v), true
}

// text returns the scalar's value trimmed and in NFC, warning about text
// that is decomposed or uses a letter that only looks Vietnamese.
func (d *decoder) text(v *yaml.Node) string {
	s := v.Value
	if !viet.IsNFC(s) && !d.nfdWarned {
		d.nfdWarned = true
		d.diags.Warnf(d.pos(v), "văn bản đã được chuyển sang dạng dựng sẵn (NFC); nên lưu tệp bằng bộ gõ Unicode dựng sẵn",
			"văn bản ở dạng Unicode tổ hợp (NFD), lần đầu ở đây")
	}
	for _, l := range viet.Lookalikes(s) {
		d.diags.Warnf(d.pos(v), fmt.Sprintf("gõ lại bằng chữ %q", l.Intended), "%s", l.String())
	}
	return strings.TrimSpace(viet.NFC(s))
}

// integer reads a whole number; a quoted "12" is accepted too.
func (d *decoder) integer(n *yaml.Node, key string) (int, bool) {
	v := resolve(n)
	if v.Kind == yaml.ScalarNode && (v.Tag == "!!int" || v.Tag == "!!str") {
		var i int
		if v.Tag == "!!int" && v.Decode(&i) == nil {
			return i, true
		}
		if i, err := strconv.Atoi(strings.TrimSpace(v.Value)); err == nil {
			return i, true
		}
	}
	d.typeError(v, key, "một số nguyên")
	return 0, false
}

// boolean reads true or false (yaml.v3 also takes yes/no, on/off).
func (d *decoder) boolean(n *yaml.Node, key string) (bool, bool) {
	v := resolve(n)
	var b bool
	if v.Kind == yaml.ScalarNode && v.Tag != "!!int" && v.Tag != "!!float" && v.Decode(&b) == nil {
		return b, true
	}
	d.typeError(v, key, "true hoặc false")
	return false, false
}

// mapping checks that n is a group of keys and returns its entries.
func (d *decoder) mapping(n *yaml.Node, key string) ([]entry, bool) {
	v := resolve(n)
	if v.Kind != yaml.MappingNode {
		d.typeError(v, key, "một nhóm khóa con")
		return nil, false
	}
	return d.entries(v, key, groupKeys(key)), true
}

// strList reads a list of texts, returning each with its node.
func (d *decoder) strList(n *yaml.Node, key string) ([]string, []*yaml.Node, bool) {
	v := resolve(n)
	if v.Kind != yaml.SequenceNode {
		d.typeError(v, key, "một danh sách")
		return nil, nil, false
	}
	var texts []string
	var nodes []*yaml.Node
	for _, item := range v.Content {
		item = resolve(item)
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
			d.diags.Errorf(d.pos(item), example(key),
				"mỗi mục của `%s` phải là một chuỗi văn bản, không phải %s", key, describe(item))
			continue
		}
		s := d.text(item)
		if s == "" {
			d.diags.Errorf(d.pos(item), "xóa mục trống này", "mục của `%s` để trống", key)
			continue
		}
		texts = append(texts, s)
		nodes = append(nodes, item)
	}
	return texts, nodes, true
}

func (d *decoder) typeError(v *yaml.Node, key, want string) {
	d.diags.Errorf(d.pos(v), example(key), "`%s` phải là %s, không phải %s", key, want, describe(v))
}

// describe names what the editor wrote, for "must be X, not Y" messages.
func describe(n *yaml.Node) string {
	n = resolve(n)
	switch n.Kind {
	case yaml.MappingNode:
		return "một nhóm khóa con"
	case yaml.SequenceNode:
		return "một danh sách"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "giá trị trống"
		case "!!str":
			return fmt.Sprintf("chuỗi %q", shorten(viet.NFC(n.Value), 40))
		}
		return "giá trị " + shorten(n.Value, 40)
	}
	return "giá trị này"
}

// shorten keeps messages on one line when a value is long.
func shorten(s string, max int) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i] + "…"
	}
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "…"
}
