package wordimport

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/docx"
	"github.com/cchc-vn/cchc/internal/viet"
)

// signerRE starts the signature block: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ
// TỊCH", "Q. GIÁM ĐỐC", "TL.", "TUQ.", or the signer's title alone.
var signerRE = regexp.MustCompile(`^(TM\.|T/M|KT\.|K/T|Q\.|TL\.|T/L|TUQ\.|THỪA LỆNH|THAY MẶT|CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG|BÍ THƯ|NGƯỜI KÝ)`)

func isRecipients(text string) bool { return strings.HasPrefix(viet.Fold(text), "noi nhan") }

// readTail takes the end of an administrative document apart: the list of
// recipients ("Nơi nhận:") is dropped, since it addresses offices and
// holds the internal filing mark, and the signature lines become one
// paragraph. Both are found as a table without borders or as paragraphs.
func readTail(blocks []docx.Block) ([]docx.Block, []note) {
	var notes []note
	for i := len(blocks) - 1; i >= 0 && i >= len(blocks)-3; i-- {
		t, ok := blocks[i].(*docx.Table)
		if !ok {
			continue
		}
		sig, found := signatureTable(t)
		if !found {
			continue
		}
		notes = append(notes, recipientsNote)
		out := append([]docx.Block{}, blocks[:i]...)
		if sig != nil {
			out = append(out, sig)
		}
		return append(out, blocks[i+1:]...), notes
	}
	for i := len(blocks) - 1; i >= 0 && i >= len(blocks)-40; i-- {
		p, ok := blocks[i].(*docx.Paragraph)
		if !ok || !isRecipients(p.Text()) {
			continue
		}
		end := i + 1
		for end < len(blocks) && isRecipientLine(blocks[end]) {
			end++
		}
		blocks = remove(blocks, i, end)
		notes = append(notes, recipientsNote)
		break
	}
	return mergeSignature(blocks), notes
}

var recipientsNote = note{what: "khối «Nơi nhận» (danh sách nơi gửi văn bản, ký hiệu lưu trữ) không đưa vào bài",
	fix: "người đọc trên trang không cần khối này; nếu cần, chép lại vào bài"}

// isRecipientLine reports a line of the recipients list: an item, or the
// filing mark "Lưu: VT".
func isRecipientLine(b docx.Block) bool {
	p, ok := b.(*docx.Paragraph)
	if !ok {
		return false
	}
	text := strings.TrimSpace(p.Text())
	if text == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(text)
	return p.List != nil || strings.HasPrefix(viet.Fold(text), "luu") || strings.ContainsRune("-+•–*", first)
}

// signatureTable reads a table that holds "Nơi nhận:" in a cell: its other
// cells are the signature. found is false for any other table.
func signatureTable(t *docx.Table) (sig *docx.Paragraph, found bool) {
	var sigLines []string
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			var ls []string
			for _, b := range c.Blocks {
				if p, ok := b.(*docx.Paragraph); ok {
					for _, l := range strings.Split(p.Text(), "\n") {
						if l = strings.Join(strings.Fields(l), " "); l != "" {
							ls = append(ls, l)
						}
					}
				}
			}
			if len(ls) > 0 && isRecipients(ls[0]) {
				found = true
				continue
			}
			sigLines = append(sigLines, ls...)
		}
	}
	if !found || len(sigLines) == 0 {
		return nil, found
	}
	return linesParagraph(sigLines), true
}

// mergeSignature joins the short lines at the end of the document that
// start with the signer's authority ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ
// TỊCH", the name) into one paragraph, one line each.
func mergeSignature(blocks []docx.Block) []docx.Block {
	start := len(blocks)
	for start > 0 {
		p, ok := blocks[start-1].(*docx.Paragraph)
		if !ok || p.List != nil || p.HasObject() || utf8.RuneCountInString(p.Text()) > 60 {
			break
		}
		start--
	}
	for i := start; i < len(blocks); i++ {
		text := strings.TrimSpace(blocks[i].(*docx.Paragraph).Text())
		if !signerRE.MatchString(text) {
			continue
		}
		var ls []string
		for _, b := range blocks[i:] {
			for _, l := range strings.Split(b.(*docx.Paragraph).Text(), "\n") {
				if l = strings.Join(strings.Fields(l), " "); l != "" {
					ls = append(ls, l)
				}
			}
		}
		if len(blocks)-i < 2 {
			return blocks
		}
		return append(blocks[:i:i], linesParagraph(ls))
	}
	return blocks
}

// linesParagraph is a paragraph of lines separated by line breaks.
func linesParagraph(ls []string) *docx.Paragraph {
	p := &docx.Paragraph{Align: "center"}
	for i, l := range ls {
		if i > 0 {
			p.Segments = append(p.Segments, docx.Segment{Break: true})
		}
		p.Segments = append(p.Segments, docx.Segment{Text: l})
	}
	return p
}
