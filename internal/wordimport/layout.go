package wordimport

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/docx"
	"github.com/cchc-vn/cchc/internal/viet"
)

// meta is what the layout of an administrative document (Nghị định
// 30/2020) says about it: the heading block (issuer, number, place and
// date), the type and abstract, or the question and answer of a reply.
type meta struct {
	title     string
	docType   string // "Kế hoạch"
	number    string // "35/KH-UBND", "/KH-UBND" for a copy not yet numbered
	hasNumber bool
	issuer    string
	date      time.Time
	monthOnly string // "tháng 01/2026" when the day is left blank
	hasDate   bool
	badDate   string // a date written that does not exist: 31/02/2026
	abstract  string

	qa                               bool
	question, asker, answerer, field string
	asked, answered                  time.Time
}

// note is something the editor must know about the import: What was
// dropped or guessed and how to Fix it. Key names the front-matter key
// it is about; Block the block of the body; neither for the whole file.
type note struct {
	key       string
	what, fix string
}

// header collects the lines of the heading block.
type header struct {
	org       []string
	number    string
	hasNumber bool
	sawNumber bool // a "Số:" line, perhaps with no number yet
	vv        string
	place     string
	day       int // 0: left blank to be written by hand
	month     int
	year      int
	hasDate   bool
	motto     bool
	other     []string // lines of a heading table that are none of these
}

var (
	numberRE = regexp.MustCompile(`^(?i:số|SỐ)\s*:\s*(.*)$`)
	dateRE   = regexp.MustCompile(`ngay\s*(\d{1,2})?\s*thang\s*(\d{1,2})?\s*nam\s*(\d{4})`)
	vvRE     = regexp.MustCompile(`^(?:V/v|V/V|v/v)\s*[:.]?\s*`)
	numValRE = regexp.MustCompile(`^\d*/[\p{L}\d/\-]+$`)
)

// take reads one part of a heading line (the text on one side of a tab)
// and reports whether it belongs to a heading block.
func (h *header) take(part string) bool {
	part = strings.Join(strings.Fields(part), " ")
	folded := viet.Fold(part)
	switch {
	case part == "", isDecoration(part):
		return true
	case strings.Contains(folded, "cong hoa xa hoi chu nghia") || isMotto(folded):
		h.motto = true
		return true
	case vvRE.MatchString(part):
		h.vv = vvRE.ReplaceAllString(part, "")
		return true
	}
	if m := numberRE.FindStringSubmatch(part); m != nil {
		v := strings.NewReplacer(" ", "", "–", "-", "—", "-").Replace(m[1])
		if v == "" || numValRE.MatchString(v) {
			h.number, h.hasNumber, h.sawNumber = v, v != "", true
			return true
		}
	}
	// The place and date line ends with the year: "Ngày 16 tháng 01 năm
	// 2026, UBND xã tổ chức…" is the start of a story, not a heading.
	if m := dateRE.FindStringSubmatchIndex(folded); m != nil && strings.Trim(folded[m[1]:], " .") == "" {
		sub := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return folded[m[2*i]:m[2*i+1]]
		}
		h.day, _ = strconv.Atoi(sub(1))
		h.month, _ = strconv.Atoi(sub(2))
		h.year, _ = strconv.Atoi(sub(3))
		h.hasDate = true
		if place, _, ok := strings.Cut(part, ","); ok && !strings.Contains(viet.Fold(place), "ngay") {
			h.place = strings.TrimSpace(place)
		}
		return true
	}
	if _, isType := docType(part); !isType && isCaps(part) && utf8.RuneCountInString(part) <= 100 {
		h.org = append(h.org, part)
		return true
	}
	return false
}

func isMotto(folded string) bool {
	return strings.Contains(folded, "doc lap") && strings.Contains(folded, "tu do") && strings.Contains(folded, "hanh phuc")
}

// isDecoration reports a line that only draws: "-------", "___", "***",
// "o0o", the short rules under a heading.
func isDecoration(s string) bool {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) < 3 {
		return false
	}
	return strings.Trim(s, "-_=*~.·—–‒―o0O ") == ""
}

// lines splits a paragraph's text at its line breaks and tabs,
// whitespace collapsed; empty parts are dropped.
func lines(p *docx.Paragraph) []string {
	var out []string
	for _, l := range strings.Split(p.Text(), "\n") {
		for _, part := range strings.Split(l, "\t") {
			if part = strings.Join(strings.Fields(part), " "); part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}

// cellLines lists the lines of every paragraph of a table, row by row.
func cellLines(t *docx.Table) []string {
	var out []string
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			for _, b := range c.Blocks {
				if p, ok := b.(*docx.Paragraph); ok {
					out = append(out, lines(p)...)
				}
			}
		}
	}
	return out
}

// headingBlock finds the heading block at the start of the document: a
// table without borders holding the national motto, or the same lines as
// paragraphs. It returns how many blocks it spans (0 for none).
func headingBlock(blocks []docx.Block) (header, int) {
	var h header
	end := 0
	for i, b := range blocks {
		if i >= 12 {
			break
		}
		switch b := b.(type) {
		case *docx.Table:
			var t header
			for _, l := range cellLines(b) {
				if !t.take(l) {
					t.other = append(t.other, l)
				}
			}
			if !t.motto && !t.hasNumber && !t.hasDate {
				return h, end
			}
			h.merge(t)
			end = i + 1
		case *docx.Paragraph:
			all := true
			for _, l := range lines(b) {
				if !h.take(l) {
					all = false
					break
				}
			}
			if !all {
				return h, end
			}
			end = i + 1
		}
	}
	return h, end
}

func (h *header) merge(o header) {
	h.org = append(h.org, o.org...)
	h.other = append(h.other, o.other...)
	h.motto = h.motto || o.motto
	if o.sawNumber {
		h.number, h.hasNumber, h.sawNumber = o.number, o.hasNumber, true
	}
	if o.vv != "" {
		h.vv = o.vv
	}
	if o.hasDate {
		h.place, h.day, h.month, h.year, h.hasDate = o.place, o.day, o.month, o.year, true
	}
}

// readLayout takes the heading block, the type and abstract and the
// signature block out of the body and into meta.
func readLayout(doc *docx.Document) (meta, []docx.Block, []note) {
	var m meta
	var notes []note
	blocks := doc.Blocks
	h, end := headingBlock(blocks)
	found := h.motto || h.hasNumber || h.hasDate
	if found {
		blocks = blocks[end:]
		m.number, m.hasNumber = h.number, h.hasNumber
		m.issuer = issuerName(h.org)
		notes = append(notes, headerNotes(h)...)
		if h.hasDate {
			m.date, m.monthOnly, m.hasDate = headerDate(h)
			if !m.hasDate && m.monthOnly == "" {
				m.badDate = fmt.Sprintf("%02d/%02d/%d", h.day, h.month, h.year)
			}
		}
	}
	blocks, titleNotes := readTitle(&m, blocks, h)
	notes = append(notes, titleNotes...)
	blocks, tailNotes := readTail(blocks)
	notes = append(notes, tailNotes...)
	return m, blocks, notes
}

// headerDate turns the place-and-date line into a date, or a month when
// the day is blank ("ngày   tháng 01 năm 2026": not signed yet).
func headerDate(h header) (time.Time, string, bool) {
	if h.month < 1 || h.month > 12 {
		return time.Time{}, "", false
	}
	if h.day == 0 {
		return time.Time{}, fmt.Sprintf("tháng %02d/%d", h.month, h.year), false
	}
	t := time.Date(h.year, time.Month(h.month), h.day, 0, 0, 0, 0, viet.Location())
	if t.Day() != h.day {
		return time.Time{}, "", false
	}
	return t, "", true
}

// headerNotes say what the heading block held and where it went.
func headerNotes(h header) []note {
	var parts []string
	if h.motto {
		parts = append(parts, "quốc hiệu và tiêu ngữ")
	}
	if len(h.org) > 0 {
		parts = append(parts, "tên cơ quan")
	}
	if h.sawNumber {
		parts = append(parts, "số và ký hiệu")
	}
	if h.vv != "" {
		parts = append(parts, "trích yếu V/v")
	}
	if h.hasDate {
		parts = append(parts, "địa danh và ngày tháng")
	}
	out := []note{{what: "khối đầu văn bản (" + strings.Join(parts, "; ") + ") không đưa vào nội dung bài",
		fix: "các thông tin đó được ghi vào phần khai báo đầu bài; kiểm tra lại"}}
	if len(h.other) > 0 {
		out = append(out, note{what: fmt.Sprintf("khối đầu văn bản có dòng không nhận ra, bị bỏ: %q", viet.Cut(strings.Join(h.other, " / "), 80)),
			fix: "nếu cần, chép dòng đó vào bài"})
	}
	return out
}

var canCuRE = regexp.MustCompile(`^(?i:căn cứ)`)

// readTitle reads the type line and the abstract under it ("KẾ HOẠCH" /
// "Tuyên truyền cải cách hành chính năm 2026"), else the Title style,
// else a first line that stands out as a title.
func readTitle(m *meta, blocks []docx.Block, h header) ([]docx.Block, []note) {
	i := skipEmpty(blocks, 0)
	if i < len(blocks) {
		if p, ok := blocks[i].(*docx.Paragraph); ok {
			if ls := lines(p); len(ls) > 0 {
				if t, ok := docType(ls[0]); ok {
					m.docType = t
					abstract, end := abstractLines(blocks, i+1, ls[1:])
					m.abstract = sentenceCase(strings.Join(abstract, " "))
					m.title = titleOf(m.docType, m.abstract, m.number)
					return remove(blocks, i, end), nil
				}
			}
		}
	}
	if h.vv != "" {
		m.docType, m.abstract = "Công văn", "Về việc "+h.vv
		m.title = titleOf(m.docType, m.abstract, m.number)
		return blocks, nil
	}
	for j := i; j < len(blocks) && j < i+10; j++ {
		p, ok := blocks[j].(*docx.Paragraph)
		if !ok || !p.Title {
			continue
		}
		end := j + 1
		var parts []string
		for k := j; k < len(blocks); k++ {
			q, ok := blocks[k].(*docx.Paragraph)
			if !ok || !q.Title {
				break
			}
			parts = append(parts, lines(q)...)
			end = k + 1
		}
		m.title = sentenceCase(strings.Join(parts, " "))
		return remove(blocks, j, end), nil
	}
	if i < len(blocks) && standsOut(blocks, i) {
		p := blocks[i].(*docx.Paragraph)
		m.title = sentenceCase(strings.Join(lines(p), " "))
		var notes []note
		if isCaps(strings.Join(lines(p), " ")) {
			notes = append(notes, note{key: "title", what: "tiêu đề lấy từ dòng chữ in hoa đầu tài liệu và đổi sang chữ thường",
				fix: "kiểm tra chữ viết hoa của tên riêng và chữ viết tắt"})
		}
		return remove(blocks, i, i+1), notes
	}
	return blocks, nil
}

// abstractLines reads the abstract of a document under its type line: the
// rest of the type's paragraph, then centered or bold paragraphs up to a
// rule, a line in capitals (the signer's authority) or "Căn cứ…".
func abstractLines(blocks []docx.Block, from int, first []string) ([]string, int) {
	out := first
	end := from
	for ; end < len(blocks) && len(out) < 4; end++ {
		q, ok := blocks[end].(*docx.Paragraph)
		if !ok {
			break
		}
		ls := lines(q)
		text := strings.Join(ls, " ")
		if text == "" {
			break
		}
		if isDecoration(text) {
			end++
			break
		}
		if isCaps(text) || canCuRE.MatchString(text) || (q.Align != "center" && !allBold(q)) {
			break
		}
		out = append(out, ls...)
	}
	if end < len(blocks) {
		if q, ok := blocks[end].(*docx.Paragraph); ok && isDecoration(q.Text()) {
			end++
		}
	}
	return out, end
}

// titleOf is a document's title: its type and abstract ("Kế hoạch tuyên
// truyền…"), else its type and number.
func titleOf(typ, abstract, number string) string {
	switch {
	case abstract != "":
		return typ + " " + lowerFirst(abstract)
	case number != "":
		return typ + " số " + number
	}
	return typ
}

// standsOut reports a first paragraph that reads as the document's title:
// short, set apart (centered, all bold, in capitals or a heading), with
// more text after it.
func standsOut(blocks []docx.Block, i int) bool {
	p, ok := blocks[i].(*docx.Paragraph)
	if !ok || p.List != nil || i+1 >= len(blocks) {
		return false
	}
	text := strings.Join(lines(p), " ")
	n := utf8.RuneCountInString(text)
	if n < 4 || n > 150 || strings.HasSuffix(text, ".") || strings.HasSuffix(text, ":") {
		return false
	}
	return p.Align == "center" || allBold(p) || isCaps(text) || p.Heading == 1
}

// allBold reports a paragraph whose every visible letter is bold.
func allBold(p *docx.Paragraph) bool {
	seen := false
	for _, s := range p.Segments {
		if strings.TrimSpace(s.Text) == "" {
			continue
		}
		if !s.Bold {
			return false
		}
		seen = true
	}
	return seen
}

func skipEmpty(blocks []docx.Block, i int) int {
	for i < len(blocks) {
		p, ok := blocks[i].(*docx.Paragraph)
		if !ok || strings.TrimSpace(p.Text()) != "" || p.HasObject() {
			return i
		}
		i++
	}
	return i
}

// remove returns blocks without blocks[i:j], in a new slice.
func remove(blocks []docx.Block, i, j int) []docx.Block {
	out := make([]docx.Block, 0, len(blocks)-(j-i))
	out = append(out, blocks[:i]...)
	return append(out, blocks[j:]...)
}
