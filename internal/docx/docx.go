// Package docx reads a Word document (.docx, Office Open XML) into a small
// model: paragraphs with their heading level, list numbering and runs of
// formatted text, tables, images and footnotes. It reads the zip with
// archive/zip and the parts with encoding/xml, within Limits, and refuses
// what is not a .docx (a Word 97 .doc, a password-protected file, an .odt)
// with a Vietnamese message saying how to get one.
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

// Read reads the document of size bytes in r within lim.
func Read(r io.ReaderAt, size int64, lim Limits) (*Document, error) {
	lim = lim.withDefaults()
	p, err := openPackage(r, size, lim)
	if err != nil {
		return nil, err
	}
	main, err := mainPart(p)
	if err != nil {
		return nil, err
	}
	rd, err := newReader(p, main)
	if err != nil {
		return nil, err
	}
	return rd.document(main)
}

// mainPart finds the document part: the package's officeDocument
// relationship, else word/document.xml. Another Office file or an .odt is
// refused by name.
func mainPart(p *pkg) (string, error) {
	if mt, _ := p.part("mimetype", 200); strings.Contains(string(mt), "opendocument") {
		return "", refuse("mở tệp bằng LibreOffice Writer, chọn Tệp → Lưu thành, kiểu tệp «Word 2007–365 (.docx)», rồi nhập tệp .docx đó",
			"tệp là tài liệu OpenDocument (.odt), cchc chỉ đọc được .docx")
	}
	rels, err := p.rels("")
	if err != nil {
		return "", err
	}
	for _, r := range rels {
		if r.typ == "officeDocument" && !r.external && p.has(r.target) {
			if !strings.HasPrefix(strings.ToLower(r.target), "word/") {
				break
			}
			return r.target, nil
		}
	}
	switch {
	case p.has("word/document.xml"):
		return "word/document.xml", nil
	case p.has("xl/workbook.xml"):
		return "", refuse("chép bảng sang Word và lưu thành .docx, hoặc đính kèm tệp Excel vào bài", "tệp là bảng tính Excel, không phải tài liệu Word")
	case p.has("ppt/presentation.xml"):
		return "", refuse("lưu nội dung sang Word (.docx), hoặc đính kèm tệp vào bài", "tệp là bản trình chiếu PowerPoint, không phải tài liệu Word")
	}
	return "", refuse(resaveFix, "tệp nén không chứa tài liệu Word (thiếu word/document.xml)")
}
