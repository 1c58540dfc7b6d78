package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/cchc-vn/cchc/internal/chartspec"
	"github.com/cchc-vn/cchc/internal/mdcheck"
)

// escapeFlag marks a raw HTML node that must be shown as text even when
// Options.Unsafe lets raw HTML through (it runs script). Attributes of raw
// HTML nodes are never written, so the flag stays internal.
const escapeFlag = "cchc-escape"

// hrefAttr holds the resolved destination of an autolink, which has no
// Destination field of its own.
const hrefAttr = "href"

// footnoteRefCost is roughly what one footnote reference adds to the page:
// the superscript link and a back link in the notes.
const footnoteRefCost = 256

// documentPass walks the parsed body of one Render call before it is
// written: it names headings, resolves and checks every link and image,
// flags raw HTML, and estimates how large the output will be.
type documentPass struct {
	src     []byte
	lines   *lineIndex
	resolve Resolver
	ids     *headingIDs
	unsafe  bool
	data    chartspec.Files // data files of charts; nil refuses them

	problems []Problem
	headings []Heading
	unwrap   []ast.Node // dangerous links: keep their text, drop the <a>
	drop     []ast.Node // dangerous images: drop entirely
	charts   int        // ```bieu-do blocks so far: numbers their ids
	replace  [][2]ast.Node

	// output estimates the bytes that links, images and footnotes add
	// beyond their source: reference links and footnotes can repeat a long
	// destination many times. overflowAt is where it first went over.
	output     int
	outputCap  int
	overflowAt int

	rawHTMLLines map[int]bool // lines already warned about
}

func (p *documentPass) run(doc ast.Node) {
	p.outputCap = max(16*len(p.src), 1<<20)
	p.overflowAt = -1
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if p.overflowAt >= 0 {
			// The body is refused; repeating work per link is what an
			// oversized body would make expensive.
			return ast.WalkStop, nil
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			p.heading(n)
			p.report(mdcheck.LiteralLinks(p.src, n.Lines())...)
		case *ast.Link:
			p.link(n)
		case *ast.Image:
			p.image(n)
			// The alt text is written as plain text; links in it are not links.
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			p.autoLink(n)
		case *ast.RawHTML:
			p.rawHTML(n, rawHTMLText(n, p.src))
		case *ast.HTMLBlock:
			p.rawHTML(n, htmlBlockText(n, p.src))
		case *east.FootnoteLink:
			p.grow(footnoteRefCost, n)
		case *ast.Paragraph, *ast.TextBlock:
			p.report(mdcheck.LiteralLinks(p.src, n.Lines())...)
			if pr := mdcheck.PastedBullets(p.src, n.Lines()); pr != nil {
				p.report(*pr)
			}
		case *ast.FencedCodeBlock:
			if isChart(n, p.src) {
				p.chart(n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, r := range p.replace {
		if parent := r[0].Parent(); parent != nil {
			parent.ReplaceChild(parent, r[0], r[1])
		}
	}
	for _, n := range p.unwrap {
		unwrapNode(n)
	}
	for _, n := range p.drop {
		removeNode(n)
	}
}

func (p *documentPass) heading(n *ast.Heading) {
	text := plainText(n, p.src)
	id := p.ids.Generate([]byte(text), ast.KindHeading)
	n.SetAttribute([]byte("id"), id)
	p.headings = append(p.headings, Heading{Level: n.Level, ID: string(id), Text: text})
}

func (p *documentPass) link(n *ast.Link) {
	if !p.grow(len(n.Destination)+len(n.Title), n) {
		return
	}
	dest, ok := p.check(string(decodeText(n.Destination, false)), false, nodeOffset(n))
	if !ok {
		p.unwrap = append(p.unwrap, n)
		return
	}
	n.Destination = []byte(dest)
}

func (p *documentPass) image(n *ast.Image) {
	if !p.grow(len(n.Destination)+len(n.Title), n) {
		return
	}
	dest, ok := p.check(string(decodeText(n.Destination, false)), true, nodeOffset(n))
	if !ok {
		p.drop = append(p.drop, n)
		return
	}
	n.Destination = []byte(dest)
}

func (p *documentPass) autoLink(n *ast.AutoLink) {
	dest := string(n.URL(p.src))
	if n.AutoLinkType == ast.AutoLinkEmail && !hasPrefixFold(dest, "mailto:") {
		dest = "mailto:" + dest
	}
	if dest, ok := p.check(dest, false, autoLinkOffset(n, p.src)); ok {
		n.SetAttributeString(hrefAttr, []byte(dest))
	}
}

// check refuses a dangerous destination, or resolves it. ok is false when
// the link must not be written.
func (p *documentPass) check(dest string, image bool, offset int) (string, bool) {
	if pr := mdcheck.Destination(p.src, offset, dest, image); pr != nil {
		p.report(*pr)
		return "", false
	}
	if p.resolve == nil {
		return dest, true
	}
	line, col := p.lines.position(offset)
	resolved, problem := p.resolve(Link{Dest: dest, Image: image, Line: line, Col: col})
	if problem != nil {
		pr := *problem
		if pr.Line == 0 {
			pr.Line, pr.Col = line, col
		}
		p.problems = append(p.problems, pr)
		if resolved == "" {
			resolved = dest
		}
	}
	// The resolver is trusted, but the rule holds whatever it returns.
	if scheme := mdcheck.DangerousScheme(resolved, image); scheme != "" {
		p.report(mdcheck.DangerousLink(offset, scheme, image))
		return "", false
	}
	return resolved, true
}

// report adds the problems mdcheck found, placed at their lines.
func (p *documentPass) report(problems ...mdcheck.Problem) {
	for _, pr := range problems {
		p.problems = append(p.problems, placed(p.lines, pr))
	}
}

func (p *documentPass) rawHTML(n ast.Node, raw string) {
	if isHTMLComment(raw) {
		return
	}
	line, col := p.lines.position(nodeOffset(n))
	if p.unsafe {
		if mdcheck.RawHTMLRunsScript(raw) {
			n.SetAttributeString(escapeFlag, true)
			p.problems = append(p.problems, Problem{
				Line:    line,
				Col:     col,
				Message: "mã HTML có địa chỉ “javascript:” hoặc “vbscript:”, mã này được hiển thị như chữ thay vì chạy",
				Hint:    "bỏ mã kịch bản khỏi bài viết; trang không được chạy mã lạ",
			})
		}
		return
	}
	if p.rawHTMLLines == nil {
		p.rawHTMLLines = map[int]bool{}
	}
	if p.rawHTMLLines[line] {
		return
	}
	p.rawHTMLLines[line] = true
	p.problems = append(p.problems, Problem{
		Line:    line,
		Col:     col,
		Warning: true,
		Message: "bài viết có mã HTML, mã này được hiển thị nguyên văn như chữ",
		Hint:    "dùng cú pháp Markdown thay cho thẻ HTML (ví dụ **chữ đậm**, [liên kết](địa-chỉ)); nếu trang cần HTML, người quản trị bật markdown.unsafe trong site.yaml",
	})
}

// grow adds n bytes to the output estimate. It returns false, and
// remembers where, when the estimate goes over the cap.
func (p *documentPass) grow(n int, at ast.Node) bool {
	p.output += n
	if p.output > p.outputCap {
		p.overflowAt = nodeOffset(at)
		return false
	}
	return true
}

// outputTooLarge reports a body whose links or footnotes would repeat into
// an oversized page, or nil.
func (p *documentPass) outputTooLarge() *Problem {
	if p.overflowAt < 0 {
		return nil
	}
	pr := placed(p.lines, mdcheck.OutputTooLarge(p.overflowAt, p.outputCap))
	return &pr
}

// nodeOffset returns the byte offset of n in the body: its own position
// when goldmark recorded one, else the first line of the nearest block.
func nodeOffset(n ast.Node) int {
	for c := n; c != nil; c = c.Parent() {
		if pos := c.Pos(); pos >= 0 {
			return pos
		}
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(0).Start
		}
	}
	return 0
}

// autoLinkOffset returns where an autolink starts. goldmark records the
// character that triggered the inline parser, which for a bare URL is often
// the space before it; the label follows within a few bytes.
func autoLinkOffset(n *ast.AutoLink, src []byte) int {
	pos := min(nodeOffset(n), len(src))
	if pos < len(src) && src[pos] == '<' {
		return pos
	}
	label := n.Label(src)
	window := src[pos:min(len(src), pos+len(label)+4)]
	if i := bytes.Index(window, label); i >= 0 {
		return pos + i
	}
	return pos
}

// unwrapNode replaces n by its children.
func unwrapNode(n ast.Node) {
	parent := n.Parent()
	if parent == nil {
		return
	}
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
