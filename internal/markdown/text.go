package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// plainText returns the readable text of n: text, code and table cells, a
// space between blocks, white space collapsed. Images (their alt text
// describes a picture, not the article), raw HTML, footnote markers and
// task-list boxes are left out.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	writeText(&b, n, src)
	return strings.Join(strings.Fields(b.String()), " ")
}

// writeText writes the text of n to b, white space not yet collapsed.
func writeText(b *strings.Builder, n ast.Node, src []byte) {
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() == ast.TypeBlock { // table cells are blocks too
			b.WriteByte(' ')
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.Write(decodeText(n.Value(src), n.IsRaw()))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(decodeText(n.Value, n.IsRaw() || n.IsCode()))
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					b.Write(t.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			b.Write(n.Label(src))
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				b.Write(seg.Value(src))
			}
		case *ast.Image, *ast.RawHTML, *ast.HTMLBlock,
			*east.FootnoteLink, *east.FootnoteBacklink, *east.TaskCheckBox:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// altText is the plain text of an image's description.
func altText(n *ast.Image, src []byte) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writeText(&b, c, src)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// decodeText resolves backslash escapes and character references, as the
// HTML renderer does when it writes the same text.
func decodeText(v []byte, raw bool) []byte {
	// Escapes start with a backslash and references with '&': most text
	// has neither, and the three passes below would copy it for nothing.
	if raw || bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return v
	}
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
}

// firstParagraph returns the plain text of the first paragraph directly
// under the document that has any text: a heading is not a paragraph, and a
// paragraph holding only an image gives no text.
func firstParagraph(doc ast.Node, src []byte) string {
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() != ast.KindParagraph {
			continue
		}
		if t := plainText(c, src); t != "" {
			return t
		}
	}
	return ""
}
