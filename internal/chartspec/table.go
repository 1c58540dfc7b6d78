package chartspec

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/cchc-vn/cchc/internal/chart"
	"github.com/cchc-vn/cchc/internal/viet"
)

// defaultSeries names the series of `so_lieu` written without `chuoi`.
const defaultSeries = "Số liệu"

// numberHint is how to write a number.
const numberHint = "viết số kiểu Việt Nam, ví dụ 1.234,5 (dấu phẩy trước phần thập phân); ô không có số liệu để trống hoặc ghi -"

// item is one label or number of a list, where it was written.
type item struct {
	text      string
	line, col int
	null      bool // an empty list item
}

// table reads the labels and series of m, a spec or a YAML data file.
func (p *parser) table(m map[string]entry) {
	percent := p.c.Unit == "%"
	labels, hasLabels := m["nhan"]
	if hasLabels {
		// Numbers are counted against labels only when these were read.
		p.c.Labels, hasLabels = p.labels(labels)
	} else {
		p.missing("nhan", "thêm dòng `nhan:` với các nhãn cách nhau bằng dấu chấm phẩy, ví dụ `nhan: 2023; 2024; 2025`")
	}
	one, hasOne := m["so_lieu"]
	many, hasMany := m["chuoi"]
	switch {
	case hasOne && hasMany:
		p.errorAt(many.key, "một chuỗi số: chỉ dùng `so_lieu`; nhiều chuỗi: đưa từng `so_lieu` vào `chuoi`, kèm `ten`",
			"đã có `so_lieu` thì không ghi thêm `chuoi`")
	case hasOne:
		if vs, ok := p.values(one, percent); ok {
			p.c.Series = []chart.Series{{Name: defaultSeries, Values: vs}}
			p.checkLength(one, "`so_lieu`", len(vs), hasLabels)
		}
	case hasMany:
		p.seriesList(many, percent, hasLabels)
	case !p.meant["so_lieu"] && !p.meant["chuoi"] && !p.meant["du_lieu"]:
		p.probs = append(p.probs, chart.Problem{Message: fmt.Sprintf("%s chưa có số liệu", p.where),
			Hint: "thêm `so_lieu: …` (một chuỗi số) hoặc `chuoi:` (nhiều chuỗi), hoặc lấy từ tệp: `du_lieu: so-lieu.csv`"})
	}
	p.checkTotals(m)
}

// checkTotals applies the limits and wants at least one number.
func (p *parser) checkTotals(m map[string]entry) {
	if len(p.c.Labels) > chart.MaxLabels {
		p.errorAt(m["nhan"].key, "chia thành nhiều biểu đồ, hoặc đưa số liệu chi tiết vào bảng",
			"biểu đồ có %d nhãn, vượt giới hạn %d nhãn: trên điện thoại không đọc được", len(p.c.Labels), chart.MaxLabels)
	}
	if len(p.c.Series) > chart.MaxSeries {
		p.errorAt(m["chuoi"].key, "chia thành nhiều biểu đồ; mỗi biểu đồ so sánh ít chuỗi thì dễ đọc hơn",
			"biểu đồ có %d chuỗi số liệu, vượt giới hạn %d chuỗi", len(p.c.Series), chart.MaxSeries)
	}
	for _, s := range p.c.Series {
		for _, v := range s.Values {
			if !v.Missing {
				return
			}
		}
	}
	if len(p.c.Series) > 0 && !p.badNumber {
		p.probs = append(p.probs, chart.Problem{Message: fmt.Sprintf("%s không có số nào: mọi ô đều để trống hoặc ghi -", p.where),
			Hint: "điền ít nhất một số vào `so_lieu`"})
	}
}

// checkLength wants one number per label; what names the numbers.
func (p *parser) checkLength(e entry, what string, n int, hasLabels bool) {
	if !hasLabels || n == len(p.c.Labels) {
		return
	}
	p.errorAt(e.key, "mỗi nhãn cần đúng một số, theo đúng thứ tự; nhãn không có số liệu thì ghi - ở vị trí đó",
		"%s có %d số nhưng `nhan` có %d nhãn", what, n, len(p.c.Labels))
}

// seriesList reads `chuoi`.
func (p *parser) seriesList(e entry, percent, hasLabels bool) {
	const shape = "mỗi chuỗi viết trên hai dòng: `- ten: \"Năm 2025\"` rồi, thụt lề thẳng với `ten`, `so_lieu: 80,5; 85; 88,1`"
	if e.val.Kind != yaml.SequenceNode || len(e.val.Content) == 0 {
		p.errorAt(e.key, shape, "`chuoi` (các chuỗi số liệu) phải là danh sách, mỗi chuỗi bắt đầu bằng `- ten:`")
		return
	}
	for i, n := range e.val.Content {
		if n.Kind != yaml.MappingNode {
			p.errorAt(n, shape, "chuỗi thứ %d phải có `ten` và `so_lieu`", i+1)
			continue
		}
		m := p.mapping(n, seriesKeys(), "một chuỗi số liệu (`chuoi`)")
		name, which := defaultSeries, fmt.Sprintf("chuỗi thứ %d", i+1)
		if t, ok := m["ten"]; ok {
			if s, ok := p.scalar(t, true); ok {
				name, which = s, fmt.Sprintf("chuỗi %q", s)
			}
		} else if len(e.val.Content) > 1 {
			p.errorAt(n, fmt.Sprintf("thêm dòng `%s` để người đọc biết chuỗi nào là chuỗi nào", example("ten")),
				"chuỗi thứ %d thiếu `ten` (tên chuỗi)", i+1)
		}
		one, ok := m["so_lieu"]
		if !ok {
			p.errorAt(n, "thêm dòng `so_lieu: …` dưới `ten`, thụt lề thẳng với `ten`", "%s thiếu `so_lieu` (số liệu)", which)
			continue
		}
		if vs, ok := p.values(one, percent); ok {
			p.c.Series = append(p.c.Series, chart.Series{Name: name, Values: vs})
			p.checkLength(one, "`so_lieu` của "+which, len(vs), hasLabels)
		}
	}
}

// labels reads `nhan`: a line split at ';', or a YAML list. ok is false
// when one could not be read.
func (p *parser) labels(e entry) ([]string, bool) {
	items, ok := p.list(e)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(items))
	for i, it := range items {
		if it.text == "" {
			p.errorLC(it.line, it.col, "viết nhãn vào chỗ trống, hoặc xóa dấu ; thừa",
				"nhãn thứ %d trong `nhan` đang để trống", i+1)
			ok = false
			continue
		}
		out = append(out, viet.NFC(it.text))
	}
	return out, ok
}

// flowDecimal finds "58,4" inside [ ]: YAML reads it as two numbers.
var flowDecimal = regexp.MustCompile(`\d,\d`)

// values reads a `so_lieu`. ok is false when it could not be read at all
// (a problem is then reported); a bad number is reported and read as
// missing, so the length is still checked.
func (p *parser) values(e entry, percent bool) ([]chart.Value, bool) {
	if e.val.Kind == yaml.SequenceNode && e.val.Style&yaml.FlowStyle != 0 && p.flowHasDecimalComma(e.val) {
		p.errorAt(e.val, "viết các số cách nhau bằng dấu chấm phẩy, không có ngoặc: `so_lieu: 58,4; 55,1; 63`",
			"trong ngoặc vuông [ ], dấu phẩy tách các số: 58,4 bị đọc thành hai số 58 và 4")
		return nil, false
	}
	items, ok := p.list(e)
	if !ok {
		return nil, false
	}
	out := make([]chart.Value, len(items))
	for i, it := range items {
		out[i] = p.number(it, percent, len(items) == 1)
	}
	return out, true
}

// flowHasDecimalComma looks at the source lines of a [ ] list.
func (p *parser) flowHasDecimalComma(n *yaml.Node) bool {
	last := n.Line
	for _, c := range n.Content {
		last = max(last, c.Line)
	}
	for l := n.Line; l <= last && l <= len(p.lines); l++ {
		if flowDecimal.MatchString(p.lines[l-1]) {
			return true
		}
	}
	return false
}

// number reads one item of a `so_lieu`.
func (p *parser) number(it item, percent, alone bool) chart.Value {
	s := it.text
	if it.null || isMissing(s) {
		return chart.Value{Missing: true}
	}
	if t, ok := strings.CutSuffix(s, "%"); ok {
		if !percent {
			p.errorLC(it.line, it.col, "ghi `don_vi: \"%\"` một lần, rồi bỏ dấu % sau các số",
				"số %q có dấu %% nhưng `don_vi` (đơn vị) không phải %%", s)
			p.badNumber = true
			return chart.Value{Missing: true}
		}
		s = strings.TrimSpace(t)
	}
	v, ok := parseNumber(s)
	if !ok {
		hint := numberHint
		if alone && strings.Contains(s, ", ") {
			hint = "các số cách nhau bằng dấu chấm phẩy, ví dụ `so_lieu: 58,4; 55,1; 63`"
		}
		p.errorLC(it.line, it.col, hint, "%q không phải là số", s)
		p.badNumber = true
		return chart.Value{Missing: true}
	}
	return v
}

// list reads a key's value as items: a line split at ';' or a YAML list of
// one-line values.
func (p *parser) list(e entry) ([]item, bool) {
	n := e.val
	switch {
	case n.Kind == yaml.ScalarNode && n.Tag != "!!null" && strings.TrimSpace(n.Value) != "":
		return p.split(n), true
	case n.Kind == yaml.SequenceNode && len(n.Content) > 0:
		items := make([]item, 0, len(n.Content))
		for _, c := range n.Content {
			switch {
			case c.Kind == yaml.ScalarNode:
				items = append(items, item{text: strings.TrimSpace(c.Value), line: c.Line, col: c.Column, null: c.Tag == "!!null"})
			case c.Kind == yaml.SequenceNode && len(c.Content) == 1 && c.Content[0].Tag == "!!null":
				// "- -": YAML reads a list holding an empty item; the editor meant a dash.
				items = append(items, item{line: c.Line, col: c.Column, null: true})
			default:
				p.errorAt(c, "mỗi mục của danh sách là một nhãn hoặc một số, trên một dòng", "mục của `%s` phải là một giá trị", e.key.Value)
				return nil, false
			}
		}
		return items, true
	case n.Kind == yaml.MappingNode:
		p.errorAt(n, fmt.Sprintf("viết `%s` trên một dòng, các mục cách nhau bằng dấu chấm phẩy", example(e.key.Value)),
			"`%s` (%s) phải là một dòng hoặc một danh sách", e.key.Value, keyName(e.key.Value))
		return nil, false
	}
	p.errorAt(e.key, fmt.Sprintf("viết, ví dụ: `%s`", example(e.key.Value)), "`%s` (%s) đang để trống", e.key.Value, keyName(e.key.Value))
	return nil, false
}

// split cuts a one-line value at ';'. Each item keeps the column where its
// text starts when the value is written in the source as it reads (one
// line, no escapes); otherwise the value's own position. One ';' at the
// end is taken for a slip, not for an empty last item.
func (p *parser) split(n *yaml.Node) []item {
	col0, exact := p.verbatim(n)
	parts := strings.Split(n.Value, ";")
	if len(parts) > 1 && strings.TrimSpace(parts[len(parts)-1]) == "" {
		parts = parts[:len(parts)-1]
	}
	out := make([]item, 0, len(parts))
	off := 0
	for _, part := range parts {
		it := item{text: strings.TrimSpace(part), line: n.Line, col: n.Column}
		if exact {
			lead := utf8.RuneCountInString(part) - utf8.RuneCountInString(strings.TrimLeft(part, " \t"))
			it.col = col0 + off + lead
		}
		out = append(out, it)
		off += utf8.RuneCountInString(part) + 1
	}
	return out
}

// verbatim returns the column of the first character of scalar n's text,
// and whether the text stands there as the value reads.
func (p *parser) verbatim(n *yaml.Node) (int, bool) {
	col := n.Column
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		col++
	}
	if n.Line < 1 || n.Line > len(p.lines) {
		return 0, false
	}
	line := []rune(p.lines[n.Line-1])
	if col < 1 || col-1 > len(line) {
		return 0, false
	}
	return col, strings.HasPrefix(string(line[col-1:]), n.Value)
}
