package markdown

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Every table sits in a scroll region: a wide table scrolls on a 360 px
// phone instead of widening the page, and tabindex and the label let
// keyboard and screen-reader users reach and name that region. Regions
// are landmarks, so each gets its own name: "Bảng 1", "Bảng 2"…
const (
	tableOpen  = `<div class="bang-cuon" role="region" tabindex="0" aria-label="Bảng %d">` + "\n<table>\n"
	tableClose = "</table>\n</div>\n"
)

// nodeRenderer overrides goldmark's renderers for the nodes whose output
// this package decides: links and images (resolved destinations, lazy
// images), raw HTML (escaped, not omitted), tables (scroll wrapper), and
// writes the charts drawn from ```bieu-do blocks.
// It holds configuration only, so concurrent renders can share it.
type nodeRenderer struct {
	unsafe bool
}

func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.renderLink)
	reg.Register(ast.KindImage, r.renderImage)
	reg.Register(ast.KindAutoLink, r.renderAutoLink)
	reg.Register(ast.KindRawHTML, r.renderRawHTML)
	reg.Register(ast.KindHTMLBlock, r.renderHTMLBlock)
	reg.Register(east.KindTable, r.renderTable)
	reg.Register(east.KindTaskCheckBox, r.renderTaskCheckBox)
	reg.Register(kindChart, r.renderChart)
}

// writeURL writes a destination as an attribute value: percent-encoded
// where a URL needs it, then HTML-escaped. The destination was decoded and
// checked by documentPass, so nothing is decoded again here.
func writeURL(w util.BufWriter, dest []byte) {
	_, _ = w.Write(util.EscapeHTML(util.URLEscape(dest, false)))
}

func writeTitle(w util.BufWriter, title []byte) {
	if title == nil {
		return
	}
	_, _ = w.WriteString(` title="`)
	html.DefaultWriter.Write(w, title)
	_ = w.WriteByte('"')
}

func (r *nodeRenderer) renderLink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	writeURL(w, n.Destination)
	_ = w.WriteByte('"')
	writeTitle(w, n.Title)
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) renderImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	_, _ = w.WriteString(`<img src="`)
	writeURL(w, n.Destination)
	_, _ = w.WriteString(`" alt="`)
	_, _ = w.Write(util.EscapeHTML([]byte(altText(n, source))))
	_ = w.WriteByte('"')
	writeTitle(w, n.Title)
	_, _ = w.WriteString(` loading="lazy" decoding="async">`)
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) renderAutoLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	label := util.EscapeHTML(n.Label(source))
	href, ok := n.AttributeString(hrefAttr)
	if !ok {
		// Refused by documentPass: the reader sees the text, not a link.
		_, _ = w.Write(label)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	writeURL(w, href.([]byte))
	_, _ = w.WriteString(`">`)
	_, _ = w.Write(label)
	_, _ = w.WriteString("</a>")
	return ast.WalkContinue, nil
}

// renderRawHTML writes inline raw HTML as it is when the site allows it,
// else as visible text, so the editor notices it on the page; comments are
// notes, not content, and are left out.
func (r *nodeRenderer) renderRawHTML(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	raw := rawHTMLText(node.(*ast.RawHTML), source)
	switch {
	case r.passesThrough(node):
		html.DefaultWriter.SecureWrite(w, []byte(raw))
	case !isHTMLComment(raw):
		_, _ = w.Write(util.EscapeHTML([]byte(raw)))
	}
	return ast.WalkSkipChildren, nil
}

// renderHTMLBlock is renderRawHTML for a block: shown as a paragraph of
// text when escaped.
func (r *nodeRenderer) renderHTMLBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	raw := htmlBlockText(node.(*ast.HTMLBlock), source)
	switch {
	case r.passesThrough(node):
		html.DefaultWriter.SecureWrite(w, []byte(raw))
		if !strings.HasSuffix(raw, "\n") {
			_ = w.WriteByte('\n')
		}
	case !isHTMLComment(raw):
		_, _ = w.WriteString("<p>")
		_, _ = w.Write(util.EscapeHTML([]byte(strings.TrimRight(raw, "\n"))))
		_, _ = w.WriteString("</p>\n")
	}
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) passesThrough(n ast.Node) bool {
	if !r.unsafe {
		return false
	}
	_, flagged := n.AttributeString(escapeFlag)
	return !flagged
}

func (r *nodeRenderer) renderTable(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = fmt.Fprintf(w, tableOpen, tableNumber(node))
	} else {
		_, _ = w.WriteString(tableClose)
	}
	return ast.WalkContinue, nil
}

// tableNumber counts the tables of the document up to and including t.
// Renders share the renderer, so the count is found again from the tree;
// a page holds a handful of tables at most.
func tableNumber(t ast.Node) int {
	root := t
	for root.Parent() != nil {
		root = root.Parent()
	}
	n := 0
	_ = ast.Walk(root, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c.Kind() != east.KindTable {
			return ast.WalkContinue, nil
		}
		n++
		if c == t {
			return ast.WalkStop, nil
		}
		return ast.WalkSkipChildren, nil
	})
	return n
}

// renderTaskCheckBox writes a task list's box with a name: a bare
// disabled checkbox tells a screen reader nothing.
func (r *nodeRenderer) renderTaskCheckBox(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if node.(*east.TaskCheckBox).IsChecked {
		_, _ = w.WriteString(`<input checked="" disabled="" type="checkbox" aria-label="Đã xong"> `)
	} else {
		_, _ = w.WriteString(`<input disabled="" type="checkbox" aria-label="Chưa xong"> `)
	}
	return ast.WalkContinue, nil
}

func rawHTMLText(n *ast.RawHTML, source []byte) string {
	var b strings.Builder
	for i := range n.Segments.Len() {
		seg := n.Segments.At(i)
		b.Write(seg.Value(source))
	}
	return b.String()
}

func htmlBlockText(n *ast.HTMLBlock, source []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(source))
	}
	if n.HasClosure() {
		b.Write(n.ClosureLine.Value(source))
	}
	return b.String()
}

// isHTMLComment reports whether raw is one HTML comment and nothing else.
func isHTMLComment(raw string) bool {
	rest, ok := strings.CutPrefix(strings.TrimSpace(raw), "<!--")
	return ok && strings.Index(rest, "-->") == len(rest)-3
}
