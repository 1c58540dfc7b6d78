package docxtest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

var (
	romanLine   = regexp.MustCompile(`^[IVX]+\.\s`)
	numberLine  = regexp.MustCompile(`^(\d+)\.\s`)
	typeLine    = regexp.MustCompile(`^(KẾ HOẠCH|QUYẾT ĐỊNH|BÁO CÁO|THÔNG BÁO|CHỈ THỊ|TỜ TRÌNH|CHƯƠNG TRÌNH|HƯỚNG DẪN)$`)
	bulletLine  = regexp.MustCompile(`^[-–]\s+`)
	tabRow      = regexp.MustCompile("\t")
	emptyHeader = regexp.MustCompile(`^\s*$`)
)

// FromText lays out plain text the way an office writes it in Word, for
// tests that import a real document typed as text:
//
//   - lines with a tab before the document type ("KẾ HOẠCH") form the
//     heading block: a two-column table without borders, left and right
//     of the tab, capitals in bold;
//   - other lines before it are centered paragraphs;
//   - the type line and the lines up to the next blank line are the
//     centered title, bold;
//   - "I. …" (Roman numerals) is Heading 1; "1. …" is Heading 2 when
//     short and not a sentence, else an item of a numbered list that
//     starts where the text says; "1.1. …" stays typed text;
//   - "- …" is an item of a bullet list; everything else a justified
//     paragraph.
func FromText(text string) []byte {
	d := New()
	d.Numbering = `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>`
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	i := 0
	var rows []string
	for ; i < len(lines) && !typeLine.MatchString(strings.TrimSpace(lines[i])); i++ {
		line := strings.TrimSpace(lines[i])
		switch {
		case emptyHeader.MatchString(line):
		case tabRow.MatchString(lines[i]):
			left, right, _ := strings.Cut(lines[i], "\t")
			rows = append(rows, Tr(Tc(headerPara(left)), Tc(headerPara(right))))
		default:
			if len(rows) > 0 {
				d.Add(LayoutTable(rows...))
				rows = nil
			}
			d.Add(headerPara(line))
		}
	}
	if len(rows) > 0 {
		d.Add(LayoutTable(rows...))
	}
	for ; i < len(lines) && strings.TrimSpace(lines[i]) != ""; i++ {
		d.Add(PP(Center, R(strings.TrimSpace(lines[i]), B)))
	}
	nextNum := 10
	inList := false
	for ; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if line == "" {
			continue
		}
		m := numberLine.FindStringSubmatch(line)
		switch {
		case romanLine.MatchString(line):
			d.Add(PS("Heading1", R(line)))
			inList = false
		case m != nil && utf8.RuneCountInString(line) <= 100 && !strings.HasSuffix(line, ".") && !strings.HasSuffix(line, ";"):
			d.Add(PS("Heading2", R(line)))
			inList = false
		case m != nil:
			if !inList {
				start, _ := strconv.Atoi(m[1])
				d.Numbering += Num(nextNum, 1, start)
				nextNum++
				inList = true
			}
			d.Add(PP(NumPr(nextNum-1, 0)+Justify, R(strings.TrimPrefix(line, m[0]))))
		case bulletLine.MatchString(line):
			d.Add(PP(NumPr(2, 0)+Justify, R(bulletLine.ReplaceAllString(line, ""))))
		default:
			d.Add(PP(Justify, R(line)))
		}
	}
	return d.Bytes()
}

// headerPara is a centered line of the heading block: capitals bold, the
// place and date italic, like a real one.
func headerPara(s string) string {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return `<w:p/>`
	case strings.ToUpper(s) == s || strings.HasPrefix(s, "Độc lập"):
		return PP(Center, R(s, B))
	case strings.Contains(s, "ngày") && strings.Contains(s, "năm"):
		return PP(Center, R(s, I))
	}
	return PP(Center, R(s))
}

// Word97 is the start of a Word 97–2003 .doc: an OLE compound file.
func Word97() []byte {
	b := make([]byte, 4096)
	copy(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
	copy(b[1024:], utf16("WordDocument"))
	return b
}

// Encrypted is a password-protected .docx: an OLE compound file holding an
// EncryptedPackage stream.
func Encrypted() []byte {
	b := Word97()
	copy(b[1024:], utf16("EncryptedPackage"))
	return b
}

// ODT is an OpenDocument text file.
func ODT() []byte {
	return Zip(map[string][]byte{
		"mimetype":    []byte("application/vnd.oasis.opendocument.text"),
		"content.xml": []byte(`<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>`),
	})
}

func utf16(s string) string {
	var b strings.Builder
	for _, r := range s {
		fmt.Fprintf(&b, "%c\x00", r)
	}
	return b.String()
}

// PNG is a valid 1×1 PNG image; pad makes it larger (a tEXt chunk) for
// tests of sizes.
func PNG(pad int) []byte {
	img := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" +
		"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N" +
		"\x00\x00\x00\x00IEND\xaeB`\x82")
	if pad <= 0 {
		return img
	}
	out := append([]byte{}, img[:33]...)
	out = append(out, make([]byte, pad)...) // bytes a reader ignores: tests only measure size
	return append(out, img[33:]...)
}
