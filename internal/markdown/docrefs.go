package markdown

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/cchc-vn/cchc/internal/mdcheck"
)

// Citations links the mentions of documents by their number and symbol
// ("theo Kế hoạch số 35/KH-UBND") to the documents' pages.
//
// A mention is a run of letters, digits and the characters "/", "-" and
// "." that holds a "/", with any "." or "-" at its end left out (the end of
// a sentence), equal to a number of URLs as written: "35/KH-UBND" is found
// in "(35/KH-UBND)," but not in "135/KH-UBND" or "35/KH-UBND-VP". Only the
// first mention of each document in a body is linked, so a page citing
// one document ten times carries one link, and a body cannot grow by more
// than the links of the documents it names. Mentions inside links, code,
// headings and image descriptions are left as they are.
type Citations struct {
	// URLs maps a number, as written in the document's front matter, to
	// the destination its link gets, written as is (the caller resolves
	// it: "/cchc/van-ban/35-kh-ubnd/").
	URLs map[string]string
	// Skip is a number never linked: the page's own, on a document's page.
	Skip string
}

// cite links the first mention of each number of c in the text of doc.
func (p *documentPass) cite(doc ast.Node, c Citations) {
	if len(c.URLs) == 0 {
		return
	}
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link, *ast.AutoLink, *ast.Image, *ast.CodeSpan, *ast.Heading,
			*ast.RawHTML, *ast.HTMLBlock, *ast.CodeBlock, *ast.FencedCodeBlock:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if !n.IsRaw() && n.Segment.Padding == 0 {
				texts = append(texts, n)
			}
		}
		return ast.WalkContinue, nil
	})
	linked := map[string]bool{c.Skip: true}
	for _, t := range texts {
		for t != nil {
			t = p.citeIn(t, c.URLs, linked)
		}
	}
}

// citeIn links the first mention in t not linked yet, and returns the text
// after it for the next search, or nil when t holds no more mentions.
func (p *documentPass) citeIn(t *ast.Text, urls map[string]string, linked map[string]bool) *ast.Text {
	seg := t.Segment
	start, stop, ok := findMention(p.src, seg.Start, seg.Stop, urls, linked)
	if !ok {
		return nil
	}
	number := string(p.src[start:stop])
	dest := urls[number]
	linked[number] = true
	if mdcheck.DangerousScheme(dest, false) != "" || !p.grow(len(dest)+len(`<a href=""></a>`), t) {
		return nil
	}
	parent := t.Parent()
	if start > seg.Start {
		parent.InsertBefore(parent, t, ast.NewTextSegment(text.NewSegment(seg.Start, start)))
	}
	link := ast.NewLink()
	link.Destination = []byte(dest)
	link.AppendChild(link, ast.NewTextSegment(text.NewSegment(start, stop)))
	parent.InsertBefore(parent, t, link)
	if stop == seg.Stop && !t.SoftLineBreak() && !t.HardLineBreak() {
		parent.RemoveChild(parent, t)
		return nil
	}
	// The rest keeps the node, and with it a line break at its end.
	t.Segment = text.NewSegment(stop, seg.Stop)
	return t
}

// findMention returns the bytes [start, stop) of src, within [lo, hi), of
// the first mention of a number of urls that linked does not hold. A run
// of number characters is read whole, even past lo or hi, so that the end
// of one text node and the start of the next never pass for a number.
func findMention(src []byte, lo, hi int, urls map[string]string, linked map[string]bool) (start, stop int, ok bool) {
	i := lo
	if r, _ := utf8.DecodeLastRune(src[:lo]); lo > 0 && inNumber(r) {
		i = runEnd(src, lo) // the run began in an earlier node
	}
	for i < hi {
		r, size := utf8.DecodeRune(src[i:])
		if !inNumber(r) {
			i += size
			continue
		}
		j := runEnd(src, i)
		end := j
		for end > i && (src[end-1] == '.' || src[end-1] == '-') {
			end--
		}
		if end <= hi && bytes.IndexByte(src[i:end], '/') >= 0 {
			// Indexing with the conversion itself does not allocate.
			if _, found := urls[string(src[i:end])]; found && !linked[string(src[i:end])] {
				return i, end, true
			}
		}
		i = j
	}
	return 0, 0, false
}

// runEnd returns where the run of number characters starting at i ends.
func runEnd(src []byte, i int) int {
	for i < len(src) {
		r, size := utf8.DecodeRune(src[i:])
		if !inNumber(r) {
			break
		}
		i += size
	}
	return i
}

// inNumber reports whether r can be part of a document's number and symbol.
func inNumber(r rune) bool {
	return r == '/' || r == '-' || r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r)
}
