package wordimport

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/docx"
)

// typedHeadings are the numbering schemes an office types by hand to
// structure a document, from the outermost: "PHẦN I", "Chương I",
// "Mục 1", "I.", "1.", "1.1.", "Điều 1.", "a)".
var typedHeadings = []*regexp.Regexp{
	regexp.MustCompile(`^(PHẦN|Phần)\s+(THỨ|thứ|[IVXLC]+\b|\d+)`),
	regexp.MustCompile(`^(CHƯƠNG|Chương)\s+([IVXLC]+|\d+)\b`),
	regexp.MustCompile(`^(MỤC|Mục)\s+\d+\b`),
	regexp.MustCompile(`^[IVXLC]+[.)]\s`),
	regexp.MustCompile(`^\d{1,2}[.)]\s`),
	regexp.MustCompile(`^\d{1,2}\.\d{1,2}\.?\s`),
	regexp.MustCompile(`^Điều\s+\d+\b`),
	regexp.MustCompile(`^[a-zđ]\)\s`),
}

// markTypedHeadings finds the headings of a document that marks its
// structure by hand, with bold or capitals and typed numbers instead of
// heading styles: a short paragraph, all bold or in capitals, that starts
// with one of the typed schemes. A document with heading styles is taken
// at its word.
func markTypedHeadings(blocks []docx.Block, styled bool) {
	if styled {
		return
	}
	for _, b := range blocks {
		p, ok := b.(*docx.Paragraph)
		if !ok || p.List != nil || p.Heading > 0 || p.HasObject() {
			continue
		}
		text := strings.TrimSpace(p.Text())
		n := utf8.RuneCountInString(text)
		if n == 0 || n > 200 || strings.Contains(text, "\n") || strings.HasSuffix(text, ";") || strings.HasSuffix(text, ",") {
			continue
		}
		caps := isCaps(text)
		if !caps && (!allBold(p) || n > 120) {
			continue
		}
		for rank, re := range typedHeadings {
			if re.MatchString(text) {
				p.Heading = rank + 1
				break
			}
		}
	}
}
