package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"github.com/cchc-vn/cchc/internal/chart"
	"github.com/cchc-vn/cchc/internal/chartspec"
)

// chartLanguage is the info string of a fenced block holding a chart.
const chartLanguage = "bieu-do"

// kindChart is the kind of chartBlock. Node kinds are numbered once, when
// the program starts, as goldmark's own extensions do.
var kindChart = ast.NewNodeKind("CchcChart")

// chartBlock is a ```bieu-do block after the document pass: the figure
// drawn from its spec or, when the spec has errors, its text shown as
// code (the build fails then; the preview shows the block).
type chartBlock struct {
	ast.BaseBlock
	html  []byte // nil when the spec has errors
	title string // its plain text: the title, not the numbers
}

func (n *chartBlock) Kind() ast.NodeKind { return kindChart }
func (n *chartBlock) IsRaw() bool        { return true }
func (n *chartBlock) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Title": n.title}, nil)
}

// isChart reports whether a fenced block is a chart.
func isChart(n *ast.FencedCodeBlock, src []byte) bool {
	return n.Info != nil && bytes.Equal(bytes.ToLower(n.Language(src)), []byte(chartLanguage))
}

// chart reads and draws a chart block, reports its problems at their
// lines of the body, and replaces the block when the walk is over.
func (p *documentPass) chart(n *ast.FencedCodeBlock) {
	p.charts++
	lines := n.Lines()
	var spec []byte
	for i := range lines.Len() {
		seg := lines.At(i)
		spec = append(spec, seg.Value(p.src)...)
	}
	c, probs := chartspec.Parse(spec, p.data)
	block := &chartBlock{title: c.Title}
	block.SetLines(lines)
	failed := false
	for _, pr := range probs {
		p.problems = append(p.problems, p.chartProblem(n, pr))
		failed = failed || !pr.Warning
	}
	if !failed {
		html, warns := c.HTML(p.charts)
		for _, pr := range warns {
			p.problems = append(p.problems, p.chartProblem(n, pr))
		}
		if p.grow(len(html), n) {
			block.html = html
		}
	}
	p.replace = append(p.replace, [2]ast.Node{n, block})
}

// chartProblem places a problem of a spec in the body: a line of the spec
// is a line of the block, and the block as a whole is its opening fence.
func (p *documentPass) chartProblem(n *ast.FencedCodeBlock, pr chart.Problem) Problem {
	out := Problem{Warning: pr.Warning, Message: pr.Message, Hint: pr.Hint}
	lines := n.Lines()
	if pr.Line >= 1 && lines.Len() > 0 {
		seg := lines.At(min(pr.Line, lines.Len()) - 1)
		out.Line, out.Col = p.lines.position(seg.Start)
		out.Col += max(pr.Col, 1) - 1
		return out
	}
	out.Line, _ = p.lines.position(n.Info.Segment.Start)
	out.Col = 1
	start := p.lines.starts[out.Line-1]
	for _, c := range p.src[start:n.Info.Segment.Start] {
		if c == '`' || c == '~' {
			break
		}
		out.Col++ // the fence's indentation: spaces, or '>' and list markers
	}
	return out
}

// renderChart writes a chart's figure, or its spec as a code block.
func (r *nodeRenderer) renderChart(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*chartBlock)
	if n.html != nil {
		_, _ = w.Write(n.html)
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<pre><code class="language-` + chartLanguage + `">`)
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		_, _ = w.Write(util.EscapeHTML(seg.Value(source)))
	}
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}
