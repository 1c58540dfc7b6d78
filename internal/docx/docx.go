// Package docx reads a Word document (.docx, Office Open XML) into a small
// model: paragraphs with their heading level, list numbering and runs of
// formatted text, tables, images and footnotes. It reads the zip with
// archive/zip and the parts with encoding/xml, within Limits, and refuses
// what is not a .docx (a Word 97 .doc, a password-protected file, an .odt)
// with a Vietnamese message saying how to get one. What a paragraph's
// style and list numbering make of it is resolved by internal/wordstyle.
//
// What the model cannot hold is counted and reported as Notes: comments,
// tracked deletions, charts, text boxes, headers and footers. Text set in
// a legacy Vietnamese font (.VnTime for TCVN3, VNI-Times for VNI) is
// converted to Unicode by its font, and "lỗi font" mojibake typed in a
// Unicode font is fixed, both through internal/legacy. All text is NFC.
package docx

import (
	"io"
	"strings"

	"github.com/cchc-vn/cchc/internal/ooxml"
	"github.com/cchc-vn/cchc/internal/wordstyle"
)

// Document is a Word document read into blocks.
type Document struct {
	Blocks []Block
	// Footnotes holds the footnotes and endnotes in the order of their
	// first reference: Segment.Footnote n is Footnotes[n-1].
	Footnotes [][]Block
	// HeadingStyles tells whether some paragraph has a heading style or
	// outline level: the author marked the structure.
	HeadingStyles bool
	// Notes are about the whole document: what was left out, what was
	// converted and needs a look.
	Notes []Note
}

// Note is something the reader of the import must know, in Vietnamese:
// What was dropped or changed, and how to Fix it when there is a way.
type Note struct {
	What, Fix string
}

// Block is a *Paragraph or a *Table.
type Block interface{ block() }

// Paragraph is one w:p.
type Paragraph struct {
	Heading   int  // 1..9 from the style or outline level, 0 for body text
	Title     bool // the Title style
	Subtitle  bool
	List      *ListItem // nil when not numbered
	Align     string    // w:jc: "center", "right", "both"…, "" for left
	Segments  []Segment
	Bookmarks []string // names of the bookmarks that start here
	Notes     []Note   // about this paragraph: an image without alt text…
}

// Segment is a stretch of a paragraph with one formatting: text, a line
// break, an image, or a footnote reference.
type Segment struct {
	Text                            string
	Bold, Italic, Underline, Strike bool
	Super, Sub                      bool
	Link                            string // a URL, or "#name" for a bookmark in the document
	Break                           bool   // a line break (w:br), Text empty
	Image                           *Image
	// Alt is the image's description (Alt Text), else its title; the
	// same picture shown twice may be described twice.
	Alt string
	// AltAuto marks a description Word wrote by itself ("Description
	// automatically generated"): worth rewriting.
	AltAuto  bool
	Footnote int // the footnote's number when this is a reference
}

// Image is a picture of the document, once however often it is shown.
type Image struct {
	Part string // its name in the package, "word/media/image1.png"
	Data []byte
	Ext  string // from its bytes: ".png", ".jpg", ".gif", ".webp", ".bmp", ".svg"
}

// Table is one w:tbl. Cells keep Word's merges: Span columns wide, and
// Continue for a cell merged with the one above (vMerge).
type Table struct {
	Rows  []Row
	Cols  int
	Notes []Note
}

// Row is a table row; Header is Word's "repeat as header row".
type Row struct {
	Cells  []Cell
	Header bool
}

// Cell is a table cell.
type Cell struct {
	Blocks   []Block
	Span     int
	Continue bool
}

func (*Paragraph) block() {}
func (*Table) block()     {}

// Text returns the plain text of a paragraph, line breaks as "\n".
func (p *Paragraph) Text() string {
	var b strings.Builder
	for _, s := range p.Segments {
		if s.Break {
			b.WriteByte('\n')
		}
		b.WriteString(s.Text)
	}
	return b.String()
}

// ListItem says how Word numbers a paragraph (see wordstyle.ListItem).
type ListItem = wordstyle.ListItem

// Limits bound the work of reading one document (see ooxml.Limits).
type Limits = ooxml.Limits

// Refusal is a file that cannot be read, with what is wrong and how the
// editor fixes it.
type Refusal = ooxml.Refusal

// HasObject reports whether the paragraph shows an image or a footnote
// reference: it is not empty even without text.
func (p *Paragraph) HasObject() bool {
	for _, s := range p.Segments {
		if s.Image != nil || s.Footnote > 0 {
			return true
		}
	}
	return false
}

// Read reads the document of size bytes in r within lim.
func Read(r io.ReaderAt, size int64, lim Limits) (*Document, error) {
	p, err := ooxml.Open(r, size, lim.WithDefaults())
	if err != nil {
		return nil, err
	}
	main, err := p.MainPart()
	if err != nil {
		return nil, err
	}
	rd, err := newReader(p, main)
	if err != nil {
		return nil, err
	}
	return rd.document(main)
}
