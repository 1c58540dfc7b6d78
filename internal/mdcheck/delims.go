package mdcheck

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// newBlockParser returns a goldmark parser with the block parsers and
// paragraph transformers of the real one but no inline parsers. It finds
// the blocks whose text goldmark parses inline (paragraphs, headings, table
// cells) in linear time, so that their delimiters can be counted exactly
// before the inline parse, which is where goldmark can go super-linear.
func newBlockParser() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(append(parser.DefaultBlockParsers(),
			util.Prioritized(extension.NewFootnoteBlockParser(), 999))...),
		parser.WithParagraphTransformers(append(parser.DefaultParagraphTransformers(),
			util.Prioritized(extension.NewTableParagraphTransformer(), 200))...),
	)
}

// checkDelimiters refuses a body with an inline block holding more than
// maxBlockDelims emphasis, strikethrough, bracket or parenthesis
// characters, at the first one over the limit.
func (g *Guard) checkDelimiters(src []byte) *Problem {
	// No block can hold more delimiters than the whole body: a real
	// article has a few hundred, so the block parse is rarely needed.
	if countDelimiters(src) <= maxBlockDelims {
		return nil
	}
	doc := g.blocks.Parse(text.NewReader(src))
	var problem *Problem
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		if n.IsRaw() {
			return ast.WalkSkipChildren, nil // code and HTML are not parsed inline
		}
		if offset := overDelimited(n.Lines(), src); offset >= 0 {
			problem = &Problem{Offset: offset,
				Message: fmt.Sprintf("đoạn văn có hơn %s ký tự định dạng * _ ~ [ ] ( )", groupDigits(maxBlockDelims)),
				Hint:    "chia đoạn văn bằng một dòng trống; nếu đây là dữ liệu, đặt nó trong khối mã giữa hai dòng ```"}
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return problem
}

// overDelimited returns the offset of the delimiter past the limit in the
// lines of one block, or -1.
func overDelimited(lines *text.Segments, src []byte) int {
	count := 0
	for i := range lines.Len() {
		seg := lines.At(i)
		for j, c := range seg.Value(src) {
			switch c {
			case '*', '_', '~', '[', ']', '(', ')':
				count++
				if count > maxBlockDelims {
					return seg.Start + j
				}
			}
		}
	}
	return -1
}

// countDelimiters counts the characters overDelimited limits, in the whole
// body.
func countDelimiters(src []byte) int {
	n := 0
	for _, c := range src {
		switch c {
		case '*', '_', '~', '[', ']', '(', ')':
			n++
		}
	}
	return n
}
