package wordimport

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/docx"
	"github.com/cchc-vn/cchc/internal/viet"
)

// Labels of a reply laid out as "Dân hỏi – Cơ quan chức năng trả lời",
// matched on folded text (no case, no diacritics) at the start of a
// paragraph, before a colon.
var (
	questionLabel = regexp.MustCompile(`^(noi dung )?(cau hoi|hoi)( cua [^:]{1,60})?\s*:`)
	answerLabel   = regexp.MustCompile(`^(noi dung )?(tra loi|dap|y kien tra loi|phan tra loi)\s*:`)
	askerLabel    = regexp.MustCompile(`^(nguoi hoi|ho va ten|ho ten|nguoi gui|ten nguoi hoi)\s*:`)
	addressLabel  = regexp.MustCompile(`^(dia chi|noi o|que quan)\s*:`)
	askedLabel    = regexp.MustCompile(`^(ngay hoi|ngay gui|ngay nhan cau hoi|ngay nhan)\s*:`)
	answeredLabel = regexp.MustCompile(`^ngay tra loi\s*:`)
	answererLabel = regexp.MustCompile(`^(co quan|don vi)( tra loi)?\s*:`)
	fieldLabel    = regexp.MustCompile(`^linh vuc\s*:`)
	// "Ông Nguyễn Văn A (xóm 3) hỏi: …", the way the press writes it.
	askerInline = regexp.MustCompile(`^((?:Ông|Bà|Anh|Chị|Em|Cô|Chú|Bạn|Cháu|Gia đình|Công ty|Doanh nghiệp)\s[^:]{2,100}?)\s+(?:hỏi|có câu hỏi|đề nghị)\s*:\s*(.*)$`)
)

// readQA reads the question and the answer of a reply: the question's
// text and asker go to the front matter, the answer stays as the body.
// The blocks before the question stay at the start of the body.
func readQA(m *meta, blocks []docx.Block) ([]docx.Block, []note) {
	const (
		before = iota
		inQuestion
		inAnswer
	)
	state := before
	var question []string
	var body, preface []docx.Block
	for _, b := range blocks {
		p, ok := b.(*docx.Paragraph)
		if state == inAnswer || !ok {
			switch state {
			case inAnswer:
				body = append(body, b)
			case before:
				preface = append(preface, b)
			}
			continue
		}
		text := strings.Join(strings.Fields(p.Text()), " ")
		folded := viet.Fold(text)
		value := afterColon(text)
		switch {
		case answerLabel.MatchString(folded):
			state = inAnswer
			if rest := dropLabel(p); rest != nil {
				body = append(body, rest)
			}
		case questionLabel.MatchString(folded):
			state = inQuestion
			if ma := askerInline.FindStringSubmatch(value); ma != nil {
				m.asker, value = asker(ma[1]), ma[2]
			}
			question = append(question, value)
		case askerLabel.MatchString(folded):
			m.asker = asker(value)
		case addressLabel.MatchString(folded):
			m.asker = joinNonEmpty(m.asker, value)
		case askedLabel.MatchString(folded):
			m.asked, _ = labelDate(value)
		case answeredLabel.MatchString(folded):
			m.answered, _ = labelDate(value)
		case answererLabel.MatchString(folded):
			m.answerer = value
		case fieldLabel.MatchString(folded):
			m.field = strings.TrimRight(value, ".")
		case state == before && askerInline.MatchString(text):
			ma := askerInline.FindStringSubmatch(text)
			m.asker = asker(ma[1])
			question = append(question, ma[2])
			state = inQuestion
		case state == inQuestion:
			question = append(question, text)
		default:
			preface = append(preface, b)
		}
	}
	if state != inAnswer || len(question) == 0 {
		return blocks, []note{{key: "cau_hoi", what: "không tìm thấy câu hỏi và câu trả lời theo các dòng «Câu hỏi:» (hoặc «Hỏi:»), «Trả lời:» (hoặc «Đáp:»): cả tài liệu được đưa vào phần trả lời",
			fix: "chép câu hỏi vào `cau_hoi`, xóa câu hỏi khỏi phần nội dung"}}
	}
	m.qa = true
	m.question = strings.Trim(strings.Join(strings.Fields(strings.Join(question, " ")), " "), `"“”`)
	var notes []note
	if hasText(preface) {
		notes = append(notes, note{what: "các đoạn trước câu hỏi được giữ ở đầu phần trả lời", fix: "xóa nếu không cần"})
	}
	return append(preface, body...), notes
}

func hasText(blocks []docx.Block) bool {
	for _, b := range blocks {
		if p, ok := b.(*docx.Paragraph); !ok || strings.TrimSpace(p.Text()) != "" {
			return true
		}
	}
	return false
}

// afterColon is the text after the first colon, trimmed.
func afterColon(s string) string {
	_, v, _ := strings.Cut(s, ":")
	return strings.TrimSpace(v)
}

// asker writes "Ông Nguyễn Văn A (xóm 3)" as "Ông Nguyễn Văn A, xóm 3".
func asker(s string) string {
	s = strings.TrimSpace(s)
	if name, rest, ok := strings.Cut(s, "("); ok && strings.HasSuffix(rest, ")") {
		return joinNonEmpty(strings.TrimSpace(name), strings.TrimSuffix(rest, ")"))
	}
	return s
}

func joinNonEmpty(a, b string) string {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + ", " + b
}

// labelDate reads a date written after a label: 16/01/2026, or "ngày 16
// tháng 01 năm 2026".
func labelDate(s string) (time.Time, bool) {
	s = strings.TrimRight(strings.TrimSpace(s), ".")
	if t, err := viet.ParseDate(s); err == nil {
		return t, true
	}
	var h header
	if h.take(s) && h.hasDate {
		if t, _, ok := headerDate(h); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// dropLabel returns the paragraph without its label ("Trả lời:"), nil if
// nothing is left. The label's characters are removed from the segments
// in order, so the rest keeps its formatting.
func dropLabel(p *docx.Paragraph) *docx.Paragraph {
	text := p.Text()
	i := strings.IndexByte(text, ':')
	if i < 0 {
		return p
	}
	skip := utf8.RuneCountInString(text[:i+1])
	out := &docx.Paragraph{Align: p.Align, List: p.List, Notes: p.Notes}
	for _, s := range p.Segments {
		if skip > 0 && s.Break {
			skip--
			continue
		}
		if skip > 0 && s.Text != "" {
			n := utf8.RuneCountInString(s.Text)
			if n <= skip {
				skip -= n
				continue
			}
			rs := []rune(s.Text)
			s.Text = string(rs[skip:])
			skip = 0
		}
		out.Segments = append(out.Segments, s)
	}
	if strings.TrimSpace(out.Text()) == "" && !out.HasObject() {
		return nil
	}
	return out
}
