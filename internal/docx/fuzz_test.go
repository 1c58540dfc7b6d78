package docx_test

import (
	"testing"
	"time"

	"github.com/cchc-vn/cchc/internal/docx"
	. "github.com/cchc-vn/cchc/internal/docx/docxtest"
)

// seedDoc is a document with most of what the reader handles: styles,
// lists, a table with merges, a link, a footnote, an image, a text box.
func seedDoc() []byte {
	d := New()
	d.Numbering = Lists
	img := d.Media("image1.png", PNG(0))
	web := d.Rel("hyperlink", "https://a.vn/", true)
	d.Add(PS("Heading1", R("I. MỤC ĐÍCH")), Item(1, 0, R("một", B)), Item(1, 1, R("a")),
		P(Link(web, R("liên kết")), d.Footnote(Text("chú thích")), RX(Br), R("Céng hßa", Font(".VnTime"))),
		Table(HeaderTr(Tc(Text("a")), TcP(Span(2), Text("b"))), Tr(TcP(VMerge(true), Text("c")), Tc(Text("d")), Tc(Text("e")))),
		P(Image(img, "ảnh", ""), TextBox(Text("hộp"))))
	return d.Bytes()
}

// FuzzRead reads mutated zips: never a panic, never a long read.
func FuzzRead(f *testing.F) {
	f.Add(seedDoc())
	f.Add(New().Add(Text("x")).Bytes())
	f.Add(Word97())
	f.Add(ODT())
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		doc, err := readBytes(data, docx.Limits{Part: 1 << 20, Total: 4 << 20})
		if err == nil && doc == nil {
			t.Fatal("no document and no error")
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("read took %v", d)
		}
	})
}

// FuzzDocumentXML reads mutated document.xml inside a valid package, where
// the zip layer does not stop the mutation first.
func FuzzDocumentXML(f *testing.F) {
	f.Add(`<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`)
	f.Add(Table(Tr(TcP(Span(3)+VMerge(false), Table(Tr(Tc(Text("y"))))))))
	f.Add(P(RX(`<w:fldChar w:fldCharType="begin"/>`), RX(`<w:instrText>HYPERLINK \l "a</w:instrText>`), RX(`<w:fldChar w:fldCharType="separate"/>`), R("z")))
	f.Add(P(RX(`<w:sym w:font="Symbol" w:char="zz"/>`), RX(`<w:footnoteReference w:id="99"/>`), `<w:hyperlink w:anchor="">`+R("a")+`</w:hyperlink>`))
	f.Fuzz(func(t *testing.T, body string) {
		d := New()
		d.Numbering = Lists
		d.Add(body)
		start := time.Now()
		if _, err := readBytes(d.Bytes(), docx.Limits{}); err != nil {
			return
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("read took %v", d)
		}
	})
}
