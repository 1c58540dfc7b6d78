package content

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
	"go.yaml.in/yaml/v3"

	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/yamlsyntax"
)

// field is one front matter key with its position in the file and its
// value, decoded the same way whether the editor wrote YAML or TOML.
type field struct {
	key       string
	line, col int
	value     value
}

// value is a front matter value: exactly one of the members is meaningful,
// as kind says.
type value struct {
	kind   valueKind
	text   string  // scalar as written (YAML) or formatted (TOML)
	list   []value // kindList
	fields []field // kindMap: its keys in the order written
	line   int     // file line of this value
	col    int
	isBool bool // scalar is a YAML/TOML boolean
	isNull bool
	plain  bool // a YAML scalar written without quotes
}

type valueKind int

const (
	kindScalar valueKind = iota
	kindList
	kindMap
)

// split separates front matter from the body. It returns the raw front
// matter text, the format ("yaml" or "toml"), the file line where the
// front matter text starts, the body and the file line where the body
// starts.
type splitResult struct {
	format   string
	raw      []byte
	rawLine  int // file line of raw's first line
	body     []byte
	bodyLine int
}

var errNoFrontMatter = errors.New("no front matter")

// splitFrontMatter uses adrg/frontmatter to find the delimiters; our own
// decoders then read the raw text so every position is known.
func splitFrontMatter(src []byte) (splitResult, error) {
	var res splitResult
	capture := func(format string) frontmatter.UnmarshalFunc {
		return func(data []byte, _ any) error {
			res.format = format
			res.raw = bytes.Clone(data)
			return nil
		}
	}
	formats := []*frontmatter.Format{
		frontmatter.NewFormat("---", "---", capture("yaml")),
		frontmatter.NewFormat("+++", "+++", capture("toml")),
	}
	body, err := frontmatter.Parse(bytes.NewReader(src), nil, formats...)
	if err != nil {
		return res, err
	}
	if res.format == "" {
		return res, errNoFrontMatter
	}
	// The opening delimiter is the first non-blank line.
	open := 1
	for _, line := range bytes.Split(src, []byte("\n")) {
		if len(bytes.TrimSpace(line)) != 0 {
			break
		}
		open++
	}
	res.rawLine = open + 1
	// The parser returns the body inside its own copy of the whole file,
	// grown by doubling; point into src instead so that copy can be freed.
	res.body = src[len(src)-len(body):]
	res.bodyLine = bytes.Count(src, []byte("\n")) - bytes.Count(body, []byte("\n")) + 1
	return res, nil
}

// openingDelimiter returns the first non-blank line of src and its number,
// to tell an unclosed front matter from a missing one.
func openingDelimiter(src []byte) (string, int) {
	for i, line := range bytes.Split(src, []byte("\n")) {
		if t := strings.TrimSpace(string(line)); t != "" {
			return t, i + 1
		}
	}
	return "", 0
}

// decodeYAML parses YAML front matter into fields with file positions.
// ok is false when the text is not a mapping of keys, so the caller does
// not pile "missing title" on top of the real problem. Why this is not
// site.yaml's decoder: see config/decode.go.
func decodeYAML(file string, raw []byte, firstLine int, ds *diag.List) (fields []field, ok bool) {
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
	var out []field
	seen := map[string]int{}
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
		budget := maxValueNodes
		out = append(out, field{key: k.Value, line: line, col: k.Column, value: yamlValue(v, firstLine, &budget)})
		if budget < 0 {
			ds.Errorf(diag.Position{File: file, Line: line, Col: k.Column},
				"viết giá trị thẳng ra, không dùng neo `&` và tham chiếu `*`",
				"giá trị của `%s` lặp lại chính nó qua neo `&` và tham chiếu `*` (hoặc quá lớn): không đọc được", k.Value)
			return nil, false
		}
	}
	warnCurlyQuotes(file, out, ds)
	return out, true
}

// maxValueNodes bounds the YAML nodes one key's value may expand to. An
// alias that names its own anchor (`lap: &x [*x]`) expands for ever, and
// nested aliases grow as powers ("billion laughs"); no editor's value
// comes near this.
const maxValueNodes = 10000

// warnCurlyQuotes tells about values written between Word's curly quotes
// (“Tiêu đề”, pasted from Word or typed with its autocorrect): YAML takes
// them as text, so the page would show them. The value is kept as
// written. Topics are left alone: their names are matched without
// punctuation, and the page shows the vocabulary's name.
func warnCurlyQuotes(file string, fields []field, ds *diag.List) {
	for _, f := range fields {
		if f.key == "topics" {
			continue
		}
		vals := []value{f.value}
		if f.value.kind == kindList {
			vals = f.value.list
		}
		for _, v := range vals {
			if v.kind != kindScalar || !v.plain || !curlyQuoted(v.text) {
				continue
			}
			inner := strings.TrimSpace(v.text)
			_, size := utf8.DecodeRuneInString(inner)
			_, last := utf8.DecodeLastRuneInString(inner)
			fixed := `"` + strings.ReplaceAll(inner[size:len(inner)-last], `"`, `\"`) + `"`
			ds.Warnf(diag.Position{File: file, Line: v.line, Col: v.col},
				fmt.Sprintf("thay bằng dấu ngoặc kép thẳng (phím Shift và '): %s: %s", f.key, fixed),
				"`%s` (%s) đặt trong dấu ngoặc kép kiểu Word %s: YAML coi đó là chữ nên dấu ngoặc sẽ hiện trên trang", f.key, fieldName(f.key), inner[:size]+"…"+inner[len(inner)-last:])
		}
	}
}

func yamlKindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "một danh sách"
	case yaml.ScalarNode:
		return "một câu văn"
	}
	return "dạng này"
}

func yamlValue(n *yaml.Node, firstLine int, budget *int) value {
	v := value{line: firstLine + n.Line - 1, col: n.Column}
	if *budget--; *budget < 0 {
		return v
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.SequenceNode:
		v.kind = kindList
		for _, c := range n.Content {
			v.list = append(v.list, yamlValue(c, firstLine, budget))
		}
	case yaml.MappingNode:
		v.kind = kindMap
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			v.fields = append(v.fields, field{key: k.Value, line: firstLine + k.Line - 1, col: k.Column,
				value: yamlValue(n.Content[i+1], firstLine, budget)})
		}
	default:
		v.text = n.Value
		v.isBool = n.Tag == "!!bool"
		v.isNull = n.Tag == "!!null"
		v.plain = n.Style == 0
	}
	return v
}

var tomlKeyRE = regexp.MustCompile(`^\s*("?)([A-Za-z0-9_\-]+)("?)\s*=`)

// decodeTOML parses TOML front matter. BurntSushi/toml gives no position
// for keys, so a key's line is found by scanning the raw text.
func decodeTOML(file string, raw []byte, firstLine int, ds *diag.List) (fields []field, ok bool) {
	var m map[string]any
	md, err := toml.Decode(string(raw), &m)
	if err != nil {
		pos := diag.Position{File: file, Line: firstLine}
		what, hint := "phần khai báo đầu bài (TOML) sai cú pháp", "viết dạng `khóa = \"giá trị\"`"
		var pe toml.ParseError
		if errors.As(err, &pe) {
			var col int
			what, hint, col = tomlProblem(string(raw), firstLine, pe)
			pos.Line = firstLine + pe.Position.Line - 1
			pos.Col = cmp.Or(col, pe.Position.Col)
		}
		ds.Errorf(pos, hint, "%s", what)
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
	var out []field
	for _, k := range keys {
		line := lines[k]
		if line == 0 {
			line = firstLine
		}
		out = append(out, field{key: k, line: line, col: 1, value: tomlValue(m[k], line)})
	}
	return out, true
}

func tomlValue(x any, line int) value {
	v := value{line: line, col: 1}
	switch t := x.(type) {
	case []any:
		v.kind = kindList
		for _, e := range t {
			v.list = append(v.list, tomlValue(e, line))
		}
	case []map[string]any:
		v.kind = kindList
		for _, e := range t {
			v.list = append(v.list, tomlValue(e, line))
		}
	case map[string]any:
		// BurntSushi/toml gives no position inside a table: its keys
		// take the line of the key that holds it, in sorted order.
		v.kind = kindMap
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v.fields = append(v.fields, field{key: k, line: line, col: 1, value: tomlValue(t[k], line)})
		}
	case bool:
		v.text, v.isBool = strconv.FormatBool(t), true
	case time.Time:
		v.text = tomlTime(t)
	default:
		v.text = fmt.Sprint(t)
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
