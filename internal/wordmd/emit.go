package wordmd

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// mark is one visible character of a paragraph with its formatting: what
// the check compares between the atoms and the parsed Markdown.
type mark struct {
	r                          rune
	bold, italic, strike, link bool
}

const (
	imageRune = '\uFFFC'
	noteRune  = '\uFFFD'
)

type emphasis int

const (
	bold emphasis = iota
	italic
	strike
)

var markers = [...]string{bold: "**", italic: "*", strike: "~~"}

func (a atom) has(e emphasis) bool {
	switch e {
	case bold:
		return a.bold
	case italic:
		return a.italic
	}
	return a.strike
}

// emit writes atoms as inline Markdown and lists the marks a reader
// should see. With emph false it writes no emphasis; with links false no
// link. Markers open and close in a stack, so they nest; a link or a line
// break closes them all.
func (imp *writer) emit(as []atom, emph, links, heading bool, esc func(string) string) (string, []mark) {
	var b strings.Builder
	var want []mark
	var stack []emphasis
	curLink := ""
	closeAll := func() {
		for i := len(stack) - 1; i >= 0; i-- {
			b.WriteString(markers[stack[i]])
		}
		stack = stack[:0]
	}
	for _, a := range as {
		link := a.link
		if !links {
			link = ""
		}
		if link != curLink {
			closeAll()
			if curLink != "" {
				b.WriteString("](" + linkDest(curLink) + ")")
			}
			if link != "" {
				b.WriteString("[")
			}
			curLink = link
		}
		if a.kind == atomBreak {
			closeAll()
			b.WriteString("\\\n")
			want = append(want, mark{r: '\n'})
			continue
		}
		if emph {
			stack = reconcile(&b, stack, a)
		}
		m := mark{bold: emph && a.bold, italic: emph && a.italic, strike: emph && a.strike, link: link != ""}
		switch a.kind {
		case atomText:
			b.WriteString(esc(a.text))
			for _, r := range a.text {
				mr := m
				mr.r = r
				want = append(want, mr)
			}
		case atomImage:
			b.WriteString("![" + esc(a.alt) + "](" + imp.imageName(a.img) + ")")
			m.r = imageRune
			want = append(want, m)
		case atomNote:
			b.WriteString("[^" + strconv.Itoa(a.note) + "]")
			m.r = noteRune
			want = append(want, m)
		}
	}
	closeAll()
	if curLink != "" {
		b.WriteString("](" + linkDest(curLink) + ")")
	}
	if heading {
		return b.String(), want // a heading's text starts after "## ", where no block begins
	}
	ls := strings.Split(b.String(), "\n")
	for i, l := range ls {
		ls[i] = escapeLineStart(l)
	}
	return strings.Join(ls, "\n"), want
}

// reconcile closes the open markers a does not want (and those opened
// after them, to keep the nesting) and opens what a wants. A space or a
// footnote reference only closes: it wants what both its neighbours
// share (spaceFlags), so a marker opened here would sit before a space.
func reconcile(b *strings.Builder, stack []emphasis, a atom) []emphasis {
	cut := len(stack)
	for i, e := range stack {
		if !a.has(e) {
			cut = i
			break
		}
	}
	for i := len(stack) - 1; i >= cut; i-- {
		b.WriteString(markers[stack[i]])
	}
	stack = stack[:cut]
	if transparent(a) {
		return stack
	}
	for _, e := range []emphasis{bold, italic, strike} {
		if a.has(e) && !contains(stack, e) {
			b.WriteString(markers[e])
			stack = append(stack, e)
		}
	}
	return stack
}

func contains(stack []emphasis, e emphasis) bool {
	for _, s := range stack {
		if s == e {
			return true
		}
	}
	return false
}

// linkDest writes a URL as a Markdown link destination.
func linkDest(u string) string {
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "\\", "%5C").Replace(u)
}

// render writes a paragraph's atoms, checked: the Markdown is parsed back
// and must show the same characters with the same emphasis and links, in
// one paragraph (or heading). When it does not, emphasis is dropped, then
// links, then every punctuation mark is escaped, which Markdown always
// reads as plain text; fell reports which.
func (imp *writer) render(as []atom, heading bool) (md string, fell fallback) {
	notes := noteNumbers(as)
	for _, try := range []fallback{fullRender, noEmphasis, plainText} {
		md, want := imp.emit(as, try == fullRender, try != plainText, heading, escapeText)
		if imp.check(md, want, notes, heading) {
			return md, try
		}
	}
	md, _ = imp.emit(as, false, false, heading, escapeAll)
	return md, escapedAll
}

type fallback int

const (
	fullRender fallback = iota
	noEmphasis
	plainText
	escapedAll
)

func noteNumbers(as []atom) []int {
	var out []int
	for _, a := range as {
		if a.kind == atomNote {
			out = append(out, a.note)
		}
	}
	return out
}

// check parses md and compares what a reader sees with want.
func (imp *writer) check(md string, want []mark, notes []int, heading bool) bool {
	src := md
	if heading {
		src = "## " + md
	}
	for _, n := range notes {
		src += "\n\n[^" + strconv.Itoa(n) + "]: x"
	}
	source := []byte(src)
	doc := imp.parser.Parse(text.NewReader(source))
	first := doc.FirstChild()
	if first == nil {
		return len(want) == 0
	}
	if heading && first.Kind() != ast.KindHeading || !heading && first.Kind() != ast.KindParagraph {
		return false
	}
	for n := first.NextSibling(); n != nil; n = n.NextSibling() {
		if n.Kind() != east.KindFootnoteList {
			return false
		}
	}
	got, ok := marksOf(first, source)
	if !ok || len(got) != len(want) {
		return false
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.r != w.r {
			return false
		}
		if g.r != ' ' && g.r != '\n' && g != w {
			return false
		}
	}
	return true
}

// marksOf lists the visible characters of a parsed block with their
// formatting. Code spans and raw HTML mean the escaping failed.
func marksOf(block ast.Node, source []byte) ([]mark, bool) {
	var out []mark
	var cur mark
	depth := map[string]int{}
	ok := true
	add := func(s string) {
		for _, r := range s {
			m := cur
			m.r = r
			out = append(out, m)
		}
	}
	set := func(key string, entering bool) {
		if entering {
			depth[key]++
		} else {
			depth[key]--
		}
		cur.bold, cur.italic, cur.strike, cur.link = depth["b"] > 0, depth["i"] > 0, depth["s"] > 0, depth["l"] > 0
	}
	ast.Walk(block, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Emphasis:
			if n.Level == 2 {
				set("b", entering)
			} else {
				set("i", entering)
			}
		case *east.Strikethrough:
			set("s", entering)
		case *ast.Link:
			set("l", entering)
		case *ast.AutoLink:
			if entering {
				add(string(n.Label(source)))
			}
			return ast.WalkSkipChildren, nil
		case *ast.Image:
			if entering {
				add(string(imageRune))
			}
			return ast.WalkSkipChildren, nil
		case *east.FootnoteLink:
			if entering {
				add(string(noteRune))
			}
		case *ast.Text:
			if entering {
				add(unescape(string(n.Segment.Value(source))))
				switch {
				case n.HardLineBreak():
					add("\n")
				case n.SoftLineBreak():
					add(" ")
				}
			}
		case *ast.String:
			if entering {
				add(string(n.Value))
			}
		case *ast.CodeSpan, *ast.RawHTML:
			ok = false
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return out, ok
}

// unescape removes the backslashes before ASCII punctuation, as Markdown
// reads them.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
