// Package markdown turns the body of one article into HTML with goldmark,
// configured once and shared by every page of a build.
//
// The dialect is CommonMark with the GFM extensions (tables, strikethrough,
// autolinks, task lists) and footnotes; no typographer, so Vietnamese
// quotation marks stay as the editor typed them. The package knows nothing
// of the site: every link and image destination is handed to a Resolver
// supplied by the caller, which maps it to the URL written in the page or
// reports a problem at the link's line.
//
// Safety does not depend on the caller: raw HTML is shown as text unless
// Options.Unsafe is set, and javascript:, vbscript:, file: and data: links
// (other than inline PNG, GIF, JPEG and WebP images) never reach the output,
// whatever Unsafe says. Hostile input is bounded: a body over the size cap or
// with nesting that would make the parser super-linear is refused with a
// Problem instead of being parsed. The checks of what the editor wrote are
// internal/mdcheck's; this package places their problems at lines.
//
// A fenced block whose info string is `bieu-do` holds a chart's spec
// (internal/chartspec): it is drawn as a figure with an inline SVG and a
// table (internal/chart), its problems reported at their lines of the
// body, its plain text its title. The data files a spec may name are read
// through Page.Data, which the caller supplies.
//
// A Renderer is safe for concurrent use: everything that changes during one
// Render (heading ids, the AST, the problems found) belongs to that call.
package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/cchc-vn/cchc/internal/chartspec"
	"github.com/cchc-vn/cchc/internal/mdcheck"
)

// DefaultMaxBytes is the size cap of one body when Options.MaxBytes is 0.
const DefaultMaxBytes = 2 << 20

// Options configure a Renderer.
type Options struct {
	// Unsafe lets raw HTML pass through (site.yaml markdown.unsafe);
	// otherwise it is escaped and shown as text. Dangerous link schemes are
	// removed either way.
	Unsafe bool
	// MaxBytes caps the size of one body; 0 means DefaultMaxBytes.
	MaxBytes int
	// PlainText fills Result.Text. It costs about a quarter of a render,
	// so only a build that indexes bodies for search asks for it.
	PlainText bool
}

// Link is a link or image destination found in the body, after entity and
// backslash-escape decoding.
type Link struct {
	Dest  string
	Image bool
	// Line and Col locate the link in the body: line 1 is the body's first
	// line, Col counts runes from 1. They point at the '[' of a link, the
	// '!' of an image, the '<' of an autolink, the first letter of a bare URL.
	Line, Col int
}

// Resolver maps a destination to the one written in the page. A non-nil
// Problem is reported at the link (its Line and Col are filled from the
// link when left 0). When the problem is an error and dest is empty, the
// link keeps its original destination.
//
// The build's resolver turns "../other.md" or "../other-slug/" into
// "/cchc/bai-viet/other-slug/", copies relative images, and leaves external
// http(s), mailto and tel links alone. A nil Resolver keeps every
// destination as written.
type Resolver func(Link) (dest string, problem *Problem)

// Problem is something wrong in the body, at a line of the body (1-based).
// Message says what is wrong and Hint how to fix it, both in Vietnamese.
type Problem struct {
	Line, Col int
	Warning   bool
	Message   string
	Hint      string
	// Dependent marks a problem that follows from another file's (a
	// link to a page that could not be loaded): it is listed after the
	// cause (diag.Diagnostic.Dependent).
	Dependent bool
}

// Heading is one heading of the body, in document order.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Result is one rendered body.
type Result struct {
	// HTML is the body as HTML.
	HTML []byte
	// FirstPara is the plain text of the first top-level paragraph that has
	// text (headings and paragraphs holding only images are skipped), white
	// space collapsed: the default summary.
	FirstPara string
	// Text is the plain text of the whole body for search, white space
	// collapsed, with a space between blocks; empty unless
	// Options.PlainText.
	Text string
	// Headings lists the headings with their ids.
	Headings []Heading
}

// Renderer renders bodies. Create it once with New and share it.
type Renderer struct {
	md        goldmark.Markdown
	guard     *mdcheck.Guard
	unsafe    bool
	plainText bool
}

// New returns a Renderer configured with opts.
func New(opts Options) *Renderer {
	maxBytes := opts.MaxBytes
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote),
		goldmark.WithRendererOptions(
			// The overrides run before goldmark's html renderer (priority
			// 1000) and table renderer (500) are consulted: lower wins.
			renderer.WithNodeRenderers(util.Prioritized(&nodeRenderer{unsafe: opts.Unsafe}, 100)),
		),
	)
	return &Renderer{md: md, guard: mdcheck.NewGuard(maxBytes), unsafe: opts.Unsafe, plainText: opts.PlainText}
}

// Render renders one body. Links and images are passed through resolve.
// When the body is refused (over the size cap, nesting or delimiters that
// would make parsing super-linear, links or footnotes repeated into an
// oversized page) the Result is empty and the problems say why; otherwise
// the Result is complete even if problems (broken or dangerous links, raw
// HTML) were found. Problems come in document order.
func (r *Renderer) Render(src []byte, resolve Resolver) (Result, []Problem) {
	return r.RenderCiting(src, resolve, Citations{})
}

// RenderCiting is Render that also links the documents the body cites by
// their number (see Citations).
func (r *Renderer) RenderCiting(src []byte, resolve Resolver, cite Citations) (Result, []Problem) {
	return r.RenderPage(src, Page{Resolve: resolve, Cite: cite})
}

// Page is what the render of one page's body reads besides its text.
type Page struct {
	Resolve Resolver
	Cite    Citations
	// Data reads the data files charts name (`du_lieu: so-lieu.csv`),
	// from the page's folder or the site's data/ folder; nil refuses them
	// (a render for summaries needs none).
	Data chartspec.Files
}

// FirstParagraph is Render's FirstPara without the rest of a render: the
// body is parsed, not checked against the index nor written as HTML. A
// build takes the summaries of pages that have none from it, before the
// pages render, and used to render every such body twice. A body the
// guard refuses has none.
func (r *Renderer) FirstParagraph(src []byte) string {
	if r.guard.Check(src) != nil {
		return ""
	}
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	return firstParagraph(r.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc)), src)
}

// RenderPage is Render with everything a page may read: its links, the
// documents it cites, its charts' data files.
func (r *Renderer) RenderPage(src []byte, pg Page) (Result, []Problem) {
	resolve, cite := pg.Resolve, pg.Cite
	lines := newLineIndex(src)
	if p := r.guard.Check(src); p != nil {
		return Result{}, []Problem{placed(lines, *p)}
	}

	ids := newHeadingIDs()
	pc := parser.NewContext(parser.WithIDs(ids))
	doc := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))

	pass := &documentPass{
		src:     src,
		lines:   lines,
		resolve: resolve,
		ids:     ids,
		unsafe:  r.unsafe,
		data:    pg.Data,
	}
	pass.run(doc)
	pass.cite(doc, cite)
	if p := pass.outputTooLarge(); p != nil {
		return Result{}, append(pass.problems, *p)
	}

	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/4)
	if err := r.md.Renderer().Render(&buf, src, doc); err != nil {
		// Our renderers and goldmark's never return errors when writing
		// to memory; report rather than hide it if that ever changes.
		pass.problems = append(pass.problems, Problem{
			Line:    1,
			Col:     1,
			Message: "không dựng được nội dung bài viết: " + err.Error(),
			Hint:    "báo lỗi này cho nhóm phát triển, kèm tệp bài viết",
		})
		return Result{}, pass.problems
	}

	res := Result{HTML: buf.Bytes(), FirstPara: firstParagraph(doc, src), Headings: pass.headings}
	if r.plainText {
		res.Text = documentText(doc, src)
	}
	return res, pass.problems
}

// placed is a problem mdcheck found, at its line and column.
func placed(lines *lineIndex, p mdcheck.Problem) Problem {
	line, col := lines.position(p.Offset)
	return Problem{Line: line, Col: col, Warning: p.Warning, Message: p.Message, Hint: p.Hint}
}

// removeNode detaches n from its parent; goldmark's RemoveChild wants both.
func removeNode(n ast.Node) {
	if p := n.Parent(); p != nil {
		p.RemoveChild(p, n)
	}
}

// LocalPathProblem reports a destination on the editor's computer or
// written with Windows backslashes, which leads nowhere on the web, or
// nil; Line and Col are 0. The build asks it of a page's cover image.
func LocalPathProblem(dest string, image bool) *Problem {
	pr := mdcheck.LocalPath(dest, image)
	if pr == nil {
		return nil
	}
	return &Problem{Warning: pr.Warning, Message: pr.Message, Hint: pr.Hint}
}
