package matter

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/yamlsyntax"
)

// Field is one front matter key with its position in the file and its
// value, decoded the same way whether the editor wrote YAML or TOML.
type Field struct {
	Key       string
	Line, Col int
	Value     Value
}

// Value is a front matter value: exactly one of Text, List and Fields is
// meaningful, as Kind says.
type Value struct {
	Kind   Kind
	Text   string  // Scalar: as written (YAML) or formatted (TOML)
	List   []Value // List
	Fields []Field // Map: its keys in the order written
	Line   int     // file line of this value
	Col    int
	Bool   bool // a YAML/TOML boolean
	Null   bool // a YAML null: `key:` with nothing after it, or `~`
	Plain  bool // a YAML scalar written without quotes
}

// Kind says what a Value holds.
type Kind int

const (
	Scalar Kind = iota
	List
	Map
)

// decodeYAML parses YAML front matter into fields with file positions.
// ok is false when the text is not a mapping of keys, so the caller does
// not pile "missing title" on top of the real problem. Why this is not
// site.yaml's decoder: see config/decode.go.
func decodeYAML(file string, raw []byte, firstLine int, ds *diag.List) (fields []Field, ok bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		ds.Add(yamlsyntax.Diagnose(file, firstLine, raw, err)...)
		return nil, false
	}
	if len(doc.Content) == 0 {
		return nil, true // empty front matter: required fields are reported later
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		ds.Errorf(diag.Position{File: file, Line: firstLine + root.Line - 1, Col: root.Column},
			"mỗi dòng viết dạng `khóa: giá trị`, ví dụ `title: \"Tiêu đề bài viết\"`",
			"phần khai báo đầu bài (front matter) phải là danh sách các khóa và giá trị, không phải %s", yamlKindName(root))
		return nil, false
	}
	var out []Field
	seen := map[string]int{}
	budget := maxNodes
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		line := firstLine + k.Line - 1
		if first, dup := seen[k.Value]; dup {
			ds.Errorf(diag.Position{File: file, Line: line, Col: k.Column},
				"xóa một trong hai dòng",
				"khóa `%s` được khai báo hai lần (lần đầu ở dòng %d)", k.Value, first)
			continue
		}
		seen[k.Value] = line
		out = append(out, Field{Key: k.Value, Line: line, Col: k.Column, Value: yamlValue(v, firstLine, &budget)})
		if budget < 0 {
			ds.Errorf(diag.Position{File: file, Line: line, Col: k.Column},
				"viết giá trị thẳng ra, không dùng neo `&` và tham chiếu `*`",
				"giá trị của `%s` lặp lại chính nó qua neo `&` và tham chiếu `*` (hoặc quá lớn): không đọc được", k.Value)
			return nil, false
		}
	}
	return out, true
}

// maxNodes bounds the values a YAML front matter may expand to, all its
// keys together. An alias that names its own anchor (`lap: &x [*x]`)
// expands for ever, nested aliases grow as powers ("billion laughs"), and
// many keys naming one large anchor (`b: *a`, `c: *a`…) grow as their
// product: a bound for each key alone let a 200 KB file fill the memory.
// No editor's front matter comes near this.
const maxNodes = 10000

func yamlKindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "một danh sách"
	case yaml.ScalarNode:
		return "một câu văn"
	}
	return "dạng này"
}

func yamlValue(n *yaml.Node, firstLine int, budget *int) Value {
	v := Value{Line: firstLine + n.Line - 1, Col: n.Column}
	if *budget--; *budget < 0 {
		return v
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.SequenceNode:
		v.Kind = List
		for _, c := range n.Content {
			v.List = append(v.List, yamlValue(c, firstLine, budget))
		}
	case yaml.MappingNode:
		v.Kind = Map
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			v.Fields = append(v.Fields, Field{Key: k.Value, Line: firstLine + k.Line - 1, Col: k.Column,
				Value: yamlValue(n.Content[i+1], firstLine, budget)})
		}
	default:
		v.Text = n.Value
		v.Bool = n.Tag == "!!bool"
		v.Null = n.Tag == "!!null"
		v.Plain = n.Style == 0
	}
	return v
}

var tomlKeyRE = regexp.MustCompile(`^\s*("?)([A-Za-z0-9_\-]+)("?)\s*=`)

// decodeTOML parses TOML front matter. BurntSushi/toml gives no position
// for keys, so a key's line is found by scanning the raw text.
func decodeTOML(file string, raw []byte, firstLine int, name func(string) string, ds *diag.List) (fields []Field, ok bool) {
	var m map[string]any
	md, problem := ReadTOML(raw, firstLine, &m, name)
	if problem != nil {
		problem.Pos.File = file
		ds.Add(*problem)
		return nil, false
	}
	lines := map[string]int{}
	for i, l := range strings.Split(string(raw), "\n") {
		if mm := tomlKeyRE.FindStringSubmatch(l); mm != nil {
			if _, ok := lines[mm[2]]; !ok {
				lines[mm[2]] = firstLine + i
			}
		}
	}
	keys := make([]string, 0, len(m))
	for _, k := range md.Keys() {
		if len(k) == 1 {
			keys = append(keys, k[0])
		}
	}
	sort.SliceStable(keys, func(i, j int) bool { return lines[keys[i]] < lines[keys[j]] })
	var out []Field
	for _, k := range keys {
		line := lines[k]
		if line == 0 {
			line = firstLine
		}
		out = append(out, Field{Key: k, Line: line, Col: 1, Value: tomlValue(m[k], line)})
	}
	return out, true
}

func tomlValue(x any, line int) Value {
	v := Value{Line: line, Col: 1}
	switch t := x.(type) {
	case []any:
		v.Kind = List
		for _, e := range t {
			v.List = append(v.List, tomlValue(e, line))
		}
	case []map[string]any:
		v.Kind = List
		for _, e := range t {
			v.List = append(v.List, tomlValue(e, line))
		}
	case map[string]any:
		// BurntSushi/toml gives no position inside a table: its keys
		// take the line of the key that holds it, in sorted order.
		v.Kind = Map
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v.Fields = append(v.Fields, Field{Key: k, Line: line, Col: 1, Value: tomlValue(t[k], line)})
		}
	case bool:
		v.Text, v.Bool = strconv.FormatBool(t), true
	case time.Time:
		v.Text = tomlTime(t)
	default:
		v.Text = fmt.Sprint(t)
	}
	return v
}

// tomlTime formats a TOML date back to text our date parser reads; TOML's
// local dates and times carry no offset and are read in Vietnam's zone.
func tomlTime(t time.Time) string {
	switch t.Location().String() {
	case "date-local":
		return t.Format("2006-01-02")
	case "datetime-local":
		return t.Format("2006-01-02T15:04:05")
	}
	return t.Format(time.RFC3339)
}
