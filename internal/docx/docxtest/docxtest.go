// Package docxtest builds Word documents (.docx) in memory for tests: the
// OOXML parts written by hand with archive/zip, the way Word writes them,
// so that every mapping of the importer is tested on a file a test can
// read in full. It is imported by tests only.
package docxtest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"sort"
	"strings"
)

// Namespaces declared on every part's root.
const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
	`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
	`xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ` +
	`xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"`

// Doc is a document being built. The zero value is not ready: use New.
type Doc struct {
	body      strings.Builder
	Styles    string // the w:style elements of styles.xml; DefaultStyles unless changed
	Defaults  string // the w:rPr of docDefaults (fonts of the whole document)
	Numbering string // the children of w:numbering; empty for no numbering.xml
	footnotes []string
	endnotes  []string
	rels      []rel
	media     map[string][]byte
	// Parts adds or replaces raw parts by name ("word/header1.xml").
	Parts map[string][]byte
	// Headers are texts of page headers, each its own part.
	Headers []string
}

type rel struct{ id, typ, target, mode string }

// New returns an empty document with Word's built-in heading styles.
func New() *Doc {
	return &Doc{Styles: DefaultStyles, media: map[string][]byte{}, Parts: map[string][]byte{}}
}

// DefaultStyles are the styles a new Word document has that the tests
// use: Normal, Title, Heading 1–3, List Paragraph, Hyperlink.
const DefaultStyles = `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:i/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>` +
	`<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:u w:val="single"/></w:rPr></w:style>`

// Add appends raw block XML (w:p, w:tbl…) to the body.
func (d *Doc) Add(xml ...string) *Doc {
	for _, x := range xml {
		d.body.WriteString(x)
	}
	return d
}

// Rel adds a relationship of document.xml and returns its id.
func (d *Doc) Rel(typ, target string, external bool) string {
	id := fmt.Sprintf("rId%d", len(d.rels)+100)
	mode := ""
	if external {
		mode = "External"
	}
	d.rels = append(d.rels, rel{id, typ, target, mode})
	return id
}

// Media stores an image part word/media/NAME and returns its
// relationship id.
func (d *Doc) Media(name string, data []byte) string {
	d.media["word/media/"+name] = data
	return d.Rel("image", "media/"+name, false)
}

// Footnote adds a footnote with the given paragraphs' XML and returns the
// reference run to put in the text.
func (d *Doc) Footnote(paras ...string) string {
	d.footnotes = append(d.footnotes, strings.Join(paras, ""))
	return fmt.Sprintf(`<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="%d"/></w:r>`, len(d.footnotes))
}

// Endnote adds an endnote and returns its reference run.
func (d *Doc) Endnote(paras ...string) string {
	d.endnotes = append(d.endnotes, strings.Join(paras, ""))
	return fmt.Sprintf(`<w:r><w:endnoteReference w:id="%d"/></w:r>`, len(d.endnotes))
}

// Bytes writes the .docx.
func (d *Doc) Bytes() []byte {
	parts := map[string][]byte{}
	docRels := append([]rel{{"rIdStyles", "styles", "styles.xml", ""}}, d.rels...)
	parts["word/styles.xml"] = []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ` + ns + `>` +
		`<w:docDefaults><w:rPrDefault>` + d.Defaults + `</w:rPrDefault></w:docDefaults>` + d.Styles + `</w:styles>`)
	if d.Numbering != "" {
		parts["word/numbering.xml"] = []byte(`<?xml version="1.0" encoding="UTF-8"?><w:numbering ` + ns + `>` + d.Numbering + `</w:numbering>`)
		docRels = append(docRels, rel{"rIdNumbering", "numbering", "numbering.xml", ""})
	}
	notes := func(kind, elem string, list []string) {
		if len(list) == 0 {
			return
		}
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><w:` + kind + ` ` + ns + `>`)
		b.WriteString(`<w:` + elem + ` w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:` + elem + `>`)
		for i, body := range list {
			fmt.Fprintf(&b, `<w:%s w:id="%d">%s</w:%s>`, elem, i+1, body, elem)
		}
		b.WriteString(`</w:` + kind + `>`)
		parts["word/"+kind+".xml"] = []byte(b.String())
		docRels = append(docRels, rel{"rId" + kind, kind, kind + ".xml", ""})
	}
	notes("footnotes", "footnote", d.footnotes)
	notes("endnotes", "endnote", d.endnotes)
	for i, h := range d.Headers {
		name := fmt.Sprintf("header%d.xml", i+1)
		parts["word/"+name] = []byte(`<?xml version="1.0"?><w:hdr ` + ns + `>` + P(R(h)) + `</w:hdr>`)
		docRels = append(docRels, rel{fmt.Sprintf("rIdHeader%d", i+1), "header", name, ""})
	}
	parts["word/document.xml"] = []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + ns + `><w:body>` +
		d.body.String() + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`)
	parts["word/_rels/document.xml.rels"] = relsXML(docRels)
	parts["_rels/.rels"] = relsXML([]rel{{"rId1", "officeDocument", "word/document.xml", ""}})
	parts["[Content_Types].xml"] = []byte(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
		`<Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`)
	for name, data := range d.media {
		parts[name] = data
	}
	for name, data := range d.Parts {
		parts[name] = data
	}
	return Zip(parts)
}

func relsXML(rels []rel) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for _, r := range rels {
		typ := "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" + r.typ
		mode := ""
		if r.mode != "" {
			mode = ` TargetMode="` + r.mode + `"`
		}
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="%s" Target="%s"%s/>`, r.id, typ, html.EscapeString(r.target), mode)
	}
	b.WriteString(`</Relationships>`)
	return []byte(b.String())
}

// Zip writes the parts into a zip archive, in name order so that the
// same parts give the same bytes.
func Zip(parts map[string][]byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			panic(err)
		}
		w.Write(parts[n])
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}
