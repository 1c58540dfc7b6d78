// Package wordimport turns a Word document into a page of the site for
// `cchc import`: the Markdown of a draft page bundle (front matter and
// body), the images to write beside it, and notes in Vietnamese on what
// could not be carried over or was guessed.
//
// It reads the document with internal/docx, then reads its layout as an
// administrative document (Nghị định 30/2020): the heading block (issuer,
// national motto, number, place and date) and the list of recipients leave
// the body for the front matter or are dropped; the type and abstract
// ("KẾ HOẠCH" / "Tuyên truyền…") give the title; a reply's "Câu hỏi:" and
// "Trả lời:" give the question and the answer. Headings become ## and
// below (the page's title is its only h1); Word's lists, tables, links,
// footnotes and images become Markdown through internal/wordmd. It is
// pure: it reads the document it is given and writes
// nothing.
package wordimport

import (
	"io"
	"strings"
	"time"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/docx"
	"github.com/cchc-vn/cchc/internal/markdown"
	"github.com/cchc-vn/cchc/internal/wordmd"
)

// Options say where the page goes and what the site already knows.
type Options struct {
	Section      string   // the folder under content/: the front matter depends on it
	Topics       []string // topic names, already checked against the site's vocabulary
	Organization string   // the site's organisation, the issuer when the document names none
	FileName     string   // the document's file name: the title of last resort
	// Attachment, for a document of van-ban, is the name under which the
	// command copies the .docx beside the page; "" for none.
	Attachment string
	Now        time.Time
	Limits     docx.Limits
}

// Result is the page made from the document.
type Result struct {
	Title    string // guessed; the command makes the folder's name from it
	Markdown []byte // index.md: front matter and body
	Files    []File // images, to write beside index.md
	// Notes are warnings about index.md: Pos.Line is its line (0 for the
	// whole file); Pos.File is left for the caller to fill.
	Notes diag.List
}

// File is an image of the document, named for the bundle ("anh-1.png").
type File struct {
	Name string
	Data []byte
}

// ImagePlaceholder is the description written for an image that has none:
// `cchc check` reports it until the editor writes one.
const ImagePlaceholder = wordmd.ImagePlaceholder

// importer holds the work of one import.
type importer struct {
	opts Options
}

// Import reads the .docx of size bytes in r. A file that is no .docx, or
// one over the limits, gives a *docx.Refusal.
func Import(r io.ReaderAt, size int64, opts Options) (*Result, error) {
	doc, err := docx.Read(r, size, opts.Limits)
	if err != nil {
		return nil, err
	}
	imp := &importer{opts: opts}
	return imp.page(doc), nil
}

// page lays out the document as a page.
func (imp *importer) page(doc *docx.Document) *Result {
	m, blocks, notes := readLayout(doc)
	if imp.opts.Section == content.SectionQA {
		var qa []note
		blocks, qa = readQA(&m, blocks)
		notes = append(notes, qa...)
	}
	markTypedHeadings(blocks, doc.HeadingStyles)
	md := wordmd.Write(blocks, doc.Footnotes)
	text := md.Text

	fm := imp.frontMatter(&m, &notes)
	res := &Result{Title: m.title}
	for _, f := range md.Files {
		res.Files = append(res.Files, File(f))
	}
	res.Markdown = []byte(fm.text + "\n" + text + "\n")
	bodyStart := strings.Count(fm.text, "\n") + 2
	for _, n := range notes {
		line := 0
		if n.key != "" {
			line = fm.lines[n.key]
		}
		res.Notes.Warnf(diag.Position{Line: line}, n.fix, "%s", n.what)
	}
	for _, n := range md.Notes {
		line := 0
		if n.Line > 0 {
			line = bodyStart + n.Line - 1
		}
		res.Notes.Warnf(diag.Position{Line: line}, n.Fix, "%s", n.What)
	}
	for _, n := range doc.Notes {
		res.Notes.Warnf(diag.Position{}, n.Fix, "%s", n.What)
	}
	if len(text) > markdown.DefaultMaxBytes {
		res.Notes.Warnf(diag.Position{Line: bodyStart}, "chia tài liệu thành nhiều bài, hoặc đăng toàn văn dạng tệp đính kèm",
			"nội dung dài %d byte, vượt giới hạn %d byte của một bài: trang sẽ không dựng được", len(text), markdown.DefaultMaxBytes)
	}
	res.Notes.Sort()
	return res
}
