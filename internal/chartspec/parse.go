package chartspec

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/cchc-vn/cchc/internal/chart"
	"github.com/cchc-vn/cchc/internal/viet"
	"github.com/cchc-vn/cchc/internal/yamlsyntax"
)

// specKeys are the keys of a spec, in the order the guide lists them.
func specKeys() []string {
	return []string{"loai", "tieu_de", "don_vi", "nguon", "mo_ta", "ten_nhan", "nhan", "so_lieu", "chuoi", "du_lieu"}
}

// dataKeys are the keys a YAML data file may hold.
func dataKeys() []string { return []string{"ten_nhan", "nhan", "so_lieu", "chuoi"} }

// seriesKeys are the keys of one item of `chuoi`.
func seriesKeys() []string { return []string{"ten", "so_lieu"} }

// keyName says in Vietnamese what a key is, for messages.
func keyName(key string) string {
	switch key {
	case "loai":
		return "loại biểu đồ"
	case "tieu_de":
		return "tiêu đề"
	case "don_vi":
		return "đơn vị"
	case "nguon":
		return "nguồn số liệu"
	case "mo_ta":
		return "mô tả"
	case "ten_nhan":
		return "tên cột nhãn"
	case "nhan":
		return "nhãn"
	case "so_lieu":
		return "số liệu"
	case "chuoi":
		return "các chuỗi số liệu"
	case "du_lieu":
		return "tệp số liệu"
	}
	return "tên chuỗi" // ten
}

// englishKeys maps the English words an editor may reach for to the key.
func englishKey(key string) string {
	switch strings.ToLower(key) {
	case "type", "kind", "chart":
		return "loai"
	case "title", "caption":
		return "tieu_de"
	case "unit", "units":
		return "don_vi"
	case "source":
		return "nguon"
	case "description", "desc", "alt":
		return "mo_ta"
	case "labels", "label", "categories", "category", "x":
		return "nhan"
	case "values", "value", "y":
		return "so_lieu"
	case "series":
		return "chuoi"
	case "data", "file", "csv":
		return "du_lieu"
	case "name":
		return "ten"
	}
	return ""
}

// parser reads one spec, or one YAML data file, into a Chart.
type parser struct {
	c     *chart.Chart
	lines []string // the text, for the columns of list items
	files Files
	where string // "khối biểu đồ" or "tệp số liệu", for messages
	probs []chart.Problem
	// meant are keys an unknown key was taken for: their absence is not
	// reported again.
	meant map[string]bool
	// badNumber is set once a number was refused: the chart then has no
	// "no number at all" problem on top.
	badNumber bool
}

// entry is one key of a mapping, with its value.
type entry struct{ key, val *yaml.Node }

// Parse reads a spec. The Chart is drawable when no Problem is an error;
// otherwise it holds what could be read (the title, for the search
// index). files reads `du_lieu` files; nil refuses them.
func Parse(spec []byte, files Files) (*chart.Chart, []chart.Problem) {
	// YAML and Markdown both end a line at "\r" too; lines are counted
	// at "\n" here.
	spec = bytes.ReplaceAll(bytes.ReplaceAll(spec, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	p := &parser{c: &chart.Chart{}, lines: strings.Split(string(spec), "\n"), files: files, where: "khối biểu đồ"}
	p.spec(spec)
	if p.c.LabelHeader == "" {
		p.c.LabelHeader = "Danh mục"
	}
	// The YAML library may name the line after the last one (an unclosed
	// bracket at the end): that is the last line of the block.
	for i := range p.probs {
		if p.probs[i].Line > len(p.lines) {
			p.probs[i].Line, p.probs[i].Col = len(p.lines), 1
		}
	}
	return p.c, p.probs
}

// spec reads the keys of a spec into p.c.
func (p *parser) spec(spec []byte) {
	root, ok := p.root(spec)
	if !ok {
		return
	}
	m := p.mapping(root, specKeys(), p.where)
	p.c.Kind = p.kind(m)
	p.c.Title = p.text(m, "tieu_de", true)
	p.c.Unit = p.text(m, "don_vi", false)
	p.c.Source = p.text(m, "nguon", false)
	p.c.Desc = p.text(m, "mo_ta", false)
	f, fromFile := m["du_lieu"]
	if !fromFile {
		p.c.LabelHeader = p.text(m, "ten_nhan", false)
		p.table(m)
		return
	}
	for _, k := range []string{"nhan", "so_lieu", "chuoi", "ten_nhan"} {
		if e, dup := m[k]; dup {
			p.errorAt(e.key, "xóa `"+k+"` để lấy số liệu từ tệp, hoặc bỏ dòng `du_lieu`",
				"đã có `du_lieu` (tệp số liệu) thì không ghi thêm `%s` (%s) trong khối biểu đồ", k, keyName(k))
		}
	}
	p.dataFile(f)
}

// root parses YAML text and returns its top mapping.
func (p *parser) root(text []byte) (*yaml.Node, bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		for _, d := range yamlsyntax.Diagnose("", 1, text, err) {
			p.probs = append(p.probs, chart.Problem{Line: d.Pos.Line, Col: d.Pos.Col, Message: d.Message, Hint: d.Hint})
		}
		return nil, false
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind == yaml.ScalarNode && doc.Content[0].Tag == "!!null" {
		p.probs = append(p.probs, chart.Problem{Message: p.where + " đang trống",
			Hint: "viết các dòng `khóa: giá trị`, ví dụ `loai: cot`, `tieu_de: \"…\"`, `nhan: 2024; 2025`, `so_lieu: 80,5; 85`"})
		return nil, false
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		p.errorAt(root, "mỗi dòng viết dạng `khóa: giá trị`, ví dụ `loai: cot`", "%s phải là các dòng `khóa: giá trị`", p.where)
		return nil, false
	}
	return root, true
}

// mapping reads the keys of a mapping node: a repeated key and a key not
// in allowed are errors.
func (p *parser) mapping(n *yaml.Node, allowed []string, where string) map[string]entry {
	m := map[string]entry{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if first, dup := m[k.Value]; dup {
			p.errorAt(k, "xóa một trong hai dòng", "khóa `%s` được khai báo hai lần (lần đầu ở dòng %d)", k.Value, first.key.Line)
			continue
		}
		if !contains(allowed, k.Value) {
			hint, meant := suggestKey(k.Value, allowed)
			p.errorAt(k, hint, "khóa `%s` không có trong %s", k.Value, where)
			if meant != "" {
				if p.meant == nil {
					p.meant = map[string]bool{}
				}
				p.meant[meant] = true
			}
			continue
		}
		m[k.Value] = entry{k, v}
	}
	return m
}

// suggestKey says which key an unknown one was meant to be, and returns
// that key when it is sure of it.
func suggestKey(key string, allowed []string) (hint, meant string) {
	folded := strings.NewReplacer(" ", "_", "-", "_").Replace(viet.Fold(key))
	if folded != key && contains(allowed, folded) {
		return fmt.Sprintf("viết tên khóa không dấu, chữ thường: `%s`", folded), folded
	}
	if k := englishKey(key); k != "" && contains(allowed, k) {
		return fmt.Sprintf("tên khóa viết bằng tiếng Việt không dấu: dùng `%s` (%s)", k, keyName(k)), k
	}
	if best := viet.Nearest(folded, allowed); best != "" {
		return fmt.Sprintf("có phải ý bạn là `%s`?", best), best
	}
	if contains(specKeys(), folded) {
		return fmt.Sprintf("ghi `%s` trong khối ```bieu-do của bài viết; tệp số liệu chỉ chứa %s", folded, keyList(allowed)), ""
	}
	return "các khóa dùng được: " + keyList(allowed), ""
}

// missing reports a required key that is absent, unless an unknown key
// was already taken for it.
func (p *parser) missing(key, hint string) {
	if !p.meant[key] {
		p.probs = append(p.probs, chart.Problem{Message: fmt.Sprintf("thiếu `%s` (%s) trong %s", key, keyName(key), p.where), Hint: hint})
	}
}

func keyList(keys []string) string { return "`" + strings.Join(keys, "`, `") + "`" }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// kind reads `loai`.
func (p *parser) kind(m map[string]entry) chart.Kind {
	const choices = "`loai: cot` (cột đứng), `loai: thanh` (thanh ngang) hoặc `loai: duong` (đường)"
	e, ok := m["loai"]
	if !ok {
		p.missing("loai", "thêm dòng "+choices)
		return 0
	}
	s, ok := p.scalar(e, true)
	if !ok {
		return 0
	}
	switch v := viet.Fold(s); v {
	case "cot":
		return chart.Column
	case "thanh":
		return chart.Bar
	case "duong":
		return chart.Line
	}
	hint := "viết " + choices
	switch viet.Fold(s) {
	case "column", "col":
		hint = "viết `loai: cot`"
	case "bar":
		hint = "viết `loai: thanh`"
	case "line":
		hint = "viết `loai: duong`"
	case "pie", "tron", "donut":
		hint = "chưa có biểu đồ tròn: để so sánh các phần, dùng `loai: thanh`"
	default:
		if k := viet.Nearest(viet.Fold(s), []string{"cot", "thanh", "duong"}); k != "" {
			hint = fmt.Sprintf("có phải ý bạn là `loai: %s`?", k)
		}
	}
	p.errorAt(e.val, hint, "`loai` (loại biểu đồ) %q không hợp lệ: chỉ nhận cot, thanh, duong", s)
	return 0
}

// text reads a one-line key; required keys must be present and not blank.
func (p *parser) text(m map[string]entry, key string, required bool) string {
	e, ok := m[key]
	if !ok {
		if required {
			p.missing(key, fmt.Sprintf("thêm dòng `%s: \"…\"`: tiêu đề là tên của biểu đồ, cả cho người dùng trình đọc màn hình", key))
		}
		return ""
	}
	s, _ := p.scalar(e, required)
	return s
}

// scalar reads a key's value as one line of text, NFC, trimmed. A blank
// value is an error when required, else "".
func (p *parser) scalar(e entry, required bool) (string, bool) {
	if e.val.Kind != yaml.ScalarNode {
		p.errorAt(e.val, fmt.Sprintf("viết `%s: …` trên một dòng; chữ có dấu phẩy, dấu hai chấm thì đặt trong ngoặc kép", e.key.Value),
			"`%s` (%s) phải là một dòng chữ, không phải danh sách", e.key.Value, keyName(e.key.Value))
		return "", false
	}
	s := strings.TrimSpace(viet.NFC(e.val.Value))
	if e.val.Tag == "!!null" {
		s = ""
	}
	if s == "" && required {
		p.errorAt(e.key, fmt.Sprintf("viết giá trị sau dấu hai chấm, ví dụ `%s`", example(e.key.Value)),
			"`%s` (%s) đang để trống", e.key.Value, keyName(e.key.Value))
		return "", false
	}
	return s, true
}

// example is a line the editor can copy for a key.
func example(key string) string {
	switch key {
	case "loai":
		return "loai: cot"
	case "tieu_de":
		return `tieu_de: "Tỷ lệ hồ sơ nộp trực tuyến năm 2026"`
	case "du_lieu":
		return "du_lieu: so-lieu.csv"
	case "ten":
		return `ten: "Năm 2025"`
	case "nhan":
		return "nhan: 2023; 2024; 2025"
	}
	return "so_lieu: 80,5; 85; 88,1"
}

// errorAt reports a problem at a node; a nil node (a limit of a CSV file,
// which has no key) stands for the whole text.
func (p *parser) errorAt(n *yaml.Node, hint, format string, args ...any) {
	line, col := 0, 0
	if n != nil {
		line, col = n.Line, n.Column
	}
	p.errorLC(line, col, hint, format, args...)
}

func (p *parser) errorLC(line, col int, hint, format string, args ...any) {
	p.probs = append(p.probs, chart.Problem{Line: line, Col: col, Message: fmt.Sprintf(format, args...), Hint: hint})
}
