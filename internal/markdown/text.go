package markdown

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// plainText returns the readable text of n: text, code and table cells,
// the titles of charts, a space between blocks, white space collapsed.
// Images (their alt text describes a picture, not the article), raw HTML,
// footnote markers and task-list boxes are left out.
func plainText(n ast.Node, src []byte) string {
	var b collapsed
	writeText(&b, n, src)
	return b.String()
}

// documentText is plainText of a whole document, written into room for
// the source's length at once: the text is nearly as long, and growing
// by doubling copied it several times and left a quarter unused.
func documentText(doc ast.Node, src []byte) string {
	var b collapsed
	b.b.Grow(len(src))
	writeText(&b, doc, src)
	return b.String()
}

// writeText writes the text of n to b, white space not yet collapsed.
func writeText(b *collapsed, n ast.Node, src []byte) {
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
		case *chartBlock:
			// Its title: the numbers are noise in a word index, and the
			// title does not depend on a data file being read.
			b.Write([]byte(n.title))
			return ast.WalkSkipChildren, nil
		case *ast.Image, *ast.RawHTML, *ast.HTMLBlock,
			*east.FootnoteLink, *east.FootnoteBacklink, *east.TaskCheckBox:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// altText is the plain text of an image's description.
func altText(n *ast.Image, src []byte) string {
	var b collapsed
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writeText(&b, c, src)
	}
	return b.String()
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

// collapsed builds text with white space collapsed as it is written: runs
// of unicode.IsSpace become one space, none at either end. It gives what
// strings.Join(strings.Fields(s), " ") gives, without a second copy of
// every body (search reads the plain text of every page).
type collapsed struct {
	b       strings.Builder
	pending bool // white space seen since the last word
}

func (c *collapsed) WriteByte(x byte) error {
	if x < utf8.RuneSelf && asciiSpace[x] {
		c.pending = true // the space between blocks, written for every node
		return nil
	}
	_, err := c.Write([]byte{x})
	return err
}

func (c *collapsed) Write(p []byte) (int, error) {
	for i := 0; i < len(p); {
		// A word is copied in one piece, not rune by rune: this runs over
		// the text of every page.
		j := i
		for j < len(p) {
			if x := p[j]; x < utf8.RuneSelf {
				if asciiSpace[x] {
					break
				}
				j++
				continue
			}
			r, size := utf8.DecodeRune(p[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		if j > i {
			if c.pending && c.b.Len() > 0 {
				c.b.WriteByte(' ')
			}
			c.pending = false
			c.b.Write(p[i:j])
			i = j
			continue
		}
		c.pending = true
		_, size := utf8.DecodeRune(p[i:])
		i += size
	}
	return len(p), nil
}

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func (c *collapsed) String() string { return c.b.String() }
