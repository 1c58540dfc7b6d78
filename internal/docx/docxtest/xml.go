package docxtest

import (
	"fmt"
	"html"
	"strings"
)

// Run properties, to pass to R.
const (
	B      = `<w:b/>`
	I      = `<w:i/>`
	U      = `<w:u w:val="single"/>`
	Strike = `<w:strike/>`
	Caps   = `<w:caps/>`
	Hidden = `<w:vanish/>`
	Sup    = `<w:vertAlign w:val="superscript"/>`
	Sub    = `<w:vertAlign w:val="subscript"/>`
)

// Paragraph properties, to pass to PP.
const (
	Center  = `<w:jc w:val="center"/>`
	Justify = `<w:jc w:val="both"/>`
)

// Font sets the run's font for every script, as Word does when an editor
// picks one.
func Font(name string) string {
	n := html.EscapeString(name)
	return fmt.Sprintf(`<w:rFonts w:ascii="%s" w:hAnsi="%s" w:cs="%s"/>`, n, n, n)
}

// RStyle gives a run a character style.
func RStyle(id string) string { return `<w:rStyle w:val="` + id + `"/>` }

// T is a text element, spaces kept.
func T(s string) string { return `<w:t xml:space="preserve">` + html.EscapeString(s) + `</w:t>` }

// R is a run of text with run properties.
func R(text string, props ...string) string {
	return `<w:r>` + rPr(props) + T(text) + `</w:r>`
}

// RX is a run of raw content (breaks, tabs, drawings) with properties.
func RX(content string, props ...string) string {
	return `<w:r>` + rPr(props) + content + `</w:r>`
}

func rPr(props []string) string {
	if len(props) == 0 {
		return ""
	}
	return `<w:rPr>` + strings.Join(props, "") + `</w:rPr>`
}

// Br, Tab and PageBreak are run content.
const (
	Br        = `<w:br/>`
	Tab       = `<w:tab/>`
	PageBreak = `<w:br w:type="page"/>`
)

// P is a paragraph of runs without properties.
func P(runs ...string) string { return `<w:p>` + strings.Join(runs, "") + `</w:p>` }

// PS is a paragraph of the given style.
func PS(style string, runs ...string) string {
	return PP(`<w:pStyle w:val="`+style+`"/>`, runs...)
}

// PP is a paragraph with raw paragraph properties.
func PP(pPr string, runs ...string) string {
	return `<w:p><w:pPr>` + pPr + `</w:pPr>` + strings.Join(runs, "") + `</w:p>`
}

// Text is a plain paragraph of one run.
func Text(s string) string { return P(R(s)) }

// NumPr numbers a paragraph: put it in PP.
func NumPr(numID, ilvl int) string {
	return fmt.Sprintf(`<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, ilvl, numID)
}

// Outline sets a paragraph's outline level directly: put it in PP.
func Outline(lvl int) string { return fmt.Sprintf(`<w:outlineLvl w:val="%d"/>`, lvl) }

// Link wraps runs in a hyperlink to a relationship.
func Link(relID string, runs ...string) string {
	return `<w:hyperlink r:id="` + relID + `">` + strings.Join(runs, "") + `</w:hyperlink>`
}

// Anchor wraps runs in a hyperlink to a bookmark of the document.
func Anchor(name string, runs ...string) string {
	return `<w:hyperlink w:anchor="` + name + `">` + strings.Join(runs, "") + `</w:hyperlink>`
}

// Bookmark marks runs with a bookmark.
func Bookmark(id int, name string, runs ...string) string {
	return fmt.Sprintf(`<w:bookmarkStart w:id="%d" w:name="%s"/>%s<w:bookmarkEnd w:id="%d"/>`, id, name, strings.Join(runs, ""), id)
}

// FieldLink is a HYPERLINK complex field showing text, as Word writes a
// link pasted from some programs.
func FieldLink(url, text string) string {
	return RX(`<w:fldChar w:fldCharType="begin"/>`) + RX(`<w:instrText xml:space="preserve"> HYPERLINK "`+html.EscapeString(url)+`" </w:instrText>`) +
		RX(`<w:fldChar w:fldCharType="separate"/>`) + R(text, RStyle("Hyperlink")) + RX(`<w:fldChar w:fldCharType="end"/>`)
}

// Image is a run showing the picture of relationship relID inline, with
// its description (Alt Text) and title.
func Image(relID, descr, title string) string {
	return fmt.Sprintf(`<w:r><w:drawing><wp:inline><wp:extent cx="1905000" cy="1270000"/>`+
		`<wp:docPr id="1" name="Picture 1" descr="%s" title="%s"/>`+
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">`+
		`<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="image.png"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="%s"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`,
		html.EscapeString(descr), html.EscapeString(title), relID)
}

// Chart is a run holding a Word chart.
func Chart(relID string) string {
	return `<w:r><w:drawing><wp:inline><wp:docPr id="2" name="Chart 1"/><a:graphic>` +
		`<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="` +
		relID + `"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
}

// TextBox is a run holding a shape with a text box of paragraphs, in the
// mc:AlternateContent form Word 2010 and later write.
func TextBox(paras ...string) string {
	return `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="3" name="Text Box 1"/>` +
		`<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>` +
		strings.Join(paras, "") + `</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>` + strings.Join(paras, "") +
		`</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
}

// Table is a table of rows.
func Table(rows ...string) string {
	return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>` + strings.Join(rows, "") + `</w:tbl>`
}

// LayoutTable is a table without borders, as the heading block of an
// administrative document.
func LayoutTable(rows ...string) string {
	return `<w:tbl><w:tblPr><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>` +
		`<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders></w:tblPr>` + strings.Join(rows, "") + `</w:tbl>`
}

// Tr is a table row; HeaderTr repeats as a header row.
func Tr(cells ...string) string { return `<w:tr>` + strings.Join(cells, "") + `</w:tr>` }

// HeaderTr is a row marked "repeat as header row".
func HeaderTr(cells ...string) string {
	return `<w:tr><w:trPr><w:tblHeader/></w:trPr>` + strings.Join(cells, "") + `</w:tr>`
}

// Tc is a cell of paragraphs (and tables).
func Tc(blocks ...string) string { return TcP("", blocks...) }

// TcP is a cell with raw cell properties: Span, VMerge.
func TcP(tcPr string, blocks ...string) string {
	if len(blocks) == 0 {
		blocks = []string{`<w:p/>`}
	}
	if tcPr != "" {
		tcPr = `<w:tcPr>` + tcPr + `</w:tcPr>`
	}
	return `<w:tc>` + tcPr + strings.Join(blocks, "") + `</w:tc>`
}

// Span is a cell merged across n grid columns.
func Span(n int) string { return fmt.Sprintf(`<w:gridSpan w:val="%d"/>`, n) }

// VMerge starts (restart) or continues a vertical merge.
func VMerge(restart bool) string {
	if restart {
		return `<w:vMerge w:val="restart"/>`
	}
	return `<w:vMerge/>`
}

// Style is a w:style for Doc.Styles.
func Style(typ, id, name, basedOn, pPr, rPr string) string {
	s := fmt.Sprintf(`<w:style w:type="%s" w:styleId="%s"><w:name w:val="%s"/>`, typ, id, html.EscapeString(name))
	if basedOn != "" {
		s += `<w:basedOn w:val="` + basedOn + `"/>`
	}
	if pPr != "" {
		s += `<w:pPr>` + pPr + `</w:pPr>`
	}
	if rPr != "" {
		s += `<w:rPr>` + rPr + `</w:rPr>`
	}
	return s + `</w:style>`
}

// Lvl is one level of an abstract numbering: format is a numFmt
// (decimal, bullet, lowerLetter…), text the lvlText ("%1.", "-").
func Lvl(ilvl int, format, text string, start int) string {
	return fmt.Sprintf(`<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/></w:lvl>`,
		ilvl, start, format, html.EscapeString(text))
}

// AbstractNum is an abstract numbering of levels.
func AbstractNum(id int, lvls ...string) string {
	return fmt.Sprintf(`<w:abstractNum w:abstractNumId="%d">%s</w:abstractNum>`, id, strings.Join(lvls, ""))
}

// Num is a numbering instance of an abstract numbering; restartAt > 0
// adds a startOverride of level 0.
func Num(numID, abstractID, restartAt int) string {
	over := ""
	if restartAt > 0 {
		over = fmt.Sprintf(`<w:lvlOverride w:ilvl="0"><w:startOverride w:val="%d"/></w:lvlOverride>`, restartAt)
	}
	return fmt.Sprintf(`<w:num w:numId="%d"><w:abstractNumId w:val="%d"/>%s</w:num>`, numID, abstractID, over)
}

// Lists is a numbering.xml with the lists the tests use: numId 1 a
// decimal list ("1.", "a)", "-"), numId 2 a bullet list ("•", "–", "+"),
// numId 3 a legal list ("1.", "1.1.", "1.1.1."), numId 4 the decimal
// list of numId 1 started again at 1.
const Lists = `<w:abstractNum w:abstractNumId="10">` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>` +
	`<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="20">` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="–"/></w:lvl>` +
	`<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl></w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="30">` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>` +
	`<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3."/></w:lvl></w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>` +
	`<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>` +
	`<w:num w:numId="3"><w:abstractNumId w:val="30"/></w:num>` +
	`<w:num w:numId="4"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`

// Item is a paragraph of list numID at level ilvl.
func Item(numID, ilvl int, runs ...string) string {
	return PP(`<w:pStyle w:val="ListParagraph"/>`+NumPr(numID, ilvl), runs...)
}
