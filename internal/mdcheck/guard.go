package mdcheck

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/parser"
)

// Limits of the guard. goldmark is linear on ordinary text but
// super-linear on a few shapes (measured on v1.8.7, and reported for
// CommonMark parsers generally): deep block nesting ("> > > …",
// "* * * …", lists indented a little more on each line), many emphasis,
// strikethrough or bracket delimiters in one inline block ("*a_ " repeated,
// "[](" repeated, "[a](b" repeated, goldmark issue #555), and tables whose
// short rows are padded to the header's width. Each limit is far above what
// an article needs and low enough that the worst input under it renders
// in well under a second.
const (
	maxNesting      = 32      // quote and list markers on one line
	maxIndent       = 100     // columns before a list item or quote marker
	maxBlockDelims  = 1000    // * _ ~ [ ] ( ) in one paragraph, heading or table cell
	maxTableColumns = 64      // cells of a table's delimiter row
	maxTableCells   = 100_000 // rows × columns of all tables of the body
)

// Guard refuses a body that is too large or that would make the parser
// super-linear, before it is parsed: a line prescan bounds nesting and
// tables, which the block parser pays for, then a block-only parse bounds
// the delimiters of each inline block, which the inline parser pays for.
// A Guard holds configuration only, so concurrent renders can share it.
type Guard struct {
	maxBytes int
	blocks   parser.Parser // block structure only, for the delimiters
}

// NewGuard returns a Guard refusing bodies over maxBytes.
func NewGuard(maxBytes int) *Guard {
	return &Guard{maxBytes: maxBytes, blocks: newBlockParser()}
}

// Check returns why src is refused, or nil.
func (g *Guard) Check(src []byte) *Problem {
	if len(src) > g.maxBytes {
		return &Problem{
			Message: fmt.Sprintf("bài viết dài %s byte (%s), vượt giới hạn %s byte (%s)",
				groupDigits(len(src)), formatSize(len(src)), groupDigits(g.maxBytes), formatSize(g.maxBytes)),
			Hint: "chia thành nhiều bài, hoặc chuyển bảng số liệu dài sang tệp đính kèm (PDF, XLSX) đặt cạnh bài viết",
		}
	}
	s := prescan{src: src}
	if p := s.run(); p != nil {
		return p
	}
	return g.checkDelimiters(src)
}

// OutputTooLarge is the problem of a body whose links or footnotes would
// repeat into a page over limit bytes, at offset, where the estimate of
// the output went over.
func OutputTooLarge(offset, limit int) Problem {
	return Problem{
		Offset:  offset,
		Message: fmt.Sprintf("bài viết sinh ra trang quá lớn (hơn %s) vì liên kết hoặc chú thích được lặp lại quá nhiều lần", formatSize(limit)),
		Hint:    "giảm số lần dùng lại một liên kết tham chiếu hoặc một chú thích, hoặc chia bài thành nhiều bài",
	}
}

// prescan is one linear pass over the lines of a body, before any parsing.
// It reads only container markers and table delimiter rows, and errs
// towards counting too much: a line inside a code block counts as if it
// were not, which refuses a very odd code sample rather than let a hostile
// body through.
type prescan struct {
	src []byte

	prevBlank  bool
	tableCols  int // > 0 inside a table
	tableCells int // of all tables so far, short rows counted as padded
}

func (s *prescan) run() *Problem {
	s.prevBlank = true
	for start := 0; start < len(s.src); {
		end := bytes.IndexByte(s.src[start:], '\n')
		if end < 0 {
			end = len(s.src)
		} else {
			end += start
		}
		if p := s.line(start, end); p != nil {
			return p
		}
		start = end + 1
	}
	return nil
}

// line checks one line, src[start:end] without its newline.
func (s *prescan) line(start, end int) *Problem {
	line := s.src[start:end]
	markers, indent, restAt := containerPrefix(line)
	if markers > 0 && !isThematicBreak(line) {
		if markers > maxNesting {
			return s.problem(start, fmt.Sprintf("dòng lồng %d cấp trích dẫn hoặc danh sách, vượt giới hạn %d cấp", markers, maxNesting),
				"giảm số cấp lồng nhau; nếu ký tự >, -, * hay + ở đầu dòng là chữ, thêm dấu \\ trước nó")
		}
		if indent > maxIndent {
			return s.problem(start, fmt.Sprintf("dòng thụt lề %d cột trước dấu trích dẫn hoặc mục danh sách, vượt giới hạn %d cột", indent, maxIndent),
				"bớt khoảng trắng ở đầu dòng; danh sách lồng quá sâu khó đọc trên điện thoại")
		}
	}
	rest := line[restAt:]
	if len(bytes.TrimSpace(rest)) == 0 {
		s.tableCols = 0
		s.prevBlank = true
		return nil
	}
	p := s.table(start, rest)
	s.prevBlank = false
	return p
}

// table follows GFM tables: a delimiter row after a header line starts one,
// and every line up to a blank line is a row padded to the header's width.
func (s *prescan) table(start int, rest []byte) *Problem {
	if s.tableCols > 0 {
		s.tableCells += s.tableCols
		if s.tableCells > maxTableCells {
			return s.problem(start, fmt.Sprintf("các bảng của bài viết có tổng cộng hơn %s ô", groupDigits(maxTableCells)),
				"chia bảng thành nhiều bảng nhỏ, hoặc chuyển số liệu sang tệp đính kèm (XLSX, PDF) đặt cạnh bài viết")
		}
		return nil
	}
	cols := delimiterRowColumns(rest)
	if cols == 0 || s.prevBlank {
		return nil
	}
	if cols > maxTableColumns {
		return s.problem(start, fmt.Sprintf("bảng có %d cột, vượt giới hạn %d cột", cols, maxTableColumns),
			"chia bảng thành nhiều bảng hẹp hơn; bảng rộng không đọc được trên điện thoại")
	}
	s.tableCols = cols
	s.tableCells += 2 * cols // header and delimiter rows
	return nil
}

func (s *prescan) problem(offset int, message, hint string) *Problem {
	return &Problem{Offset: offset, Message: message, Hint: hint}
}

// containerPrefix reads the block-quote and list markers at the start of a
// line. It returns how many there are, the columns of white space before
// the last one, and where the rest of the line starts.
func containerPrefix(line []byte) (markers, indent, restAt int) {
	col, space := 0, 0
	i := 0
	for i < len(line) {
		switch c := line[i]; {
		case c == ' ':
			col++
			space++
			i++
		case c == '\t':
			w := 4 - col%4
			col += w
			space += w
			i++
		case c == '>':
			markers++
			indent = space
			col++
			i++
		default:
			n := listMarkerLen(line[i:])
			if n == 0 {
				return markers, indent, i
			}
			markers++
			indent = space
			col += n
			i += n
		}
	}
	return markers, indent, i
}

// listMarkerLen returns the length of a list marker ("-", "*", "+", "1.",
// "12)") at the start of b when it is followed by white space or the end of
// the line, else 0.
func listMarkerLen(b []byte) int {
	n := 0
	switch {
	case len(b) > 0 && (b[0] == '-' || b[0] == '*' || b[0] == '+'):
		n = 1
	default:
		for n < len(b) && n < 9 && '0' <= b[n] && b[n] <= '9' {
			n++
		}
		if n == 0 || n >= len(b) || (b[n] != '.' && b[n] != ')') {
			return 0
		}
		n++
	}
	if n < len(b) && b[n] != ' ' && b[n] != '\t' {
		return 0
	}
	return n
}

// isThematicBreak reports whether line is a thematic break: "* * * * *" is
// one rule, not nested lists, however many stars it has.
func isThematicBreak(line []byte) bool {
	line = bytes.TrimSpace(line)
	if len(line) < 3 || (line[0] != '*' && line[0] != '-' && line[0] != '_') {
		return false
	}
	n := 0
	for _, c := range line {
		switch c {
		case line[0]:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// delimiterRowColumns returns the number of cells of a GFM table delimiter
// row ("| --- | :-: |", or ":--" for one column), or 0 when rest is not
// one. It counts at least as many cells as goldmark would.
func delimiterRowColumns(rest []byte) int {
	rest = bytes.TrimSpace(rest)
	if bytes.IndexByte(rest, '-') < 0 {
		return 0
	}
	for _, c := range rest {
		if c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t' {
			return 0
		}
	}
	rest = bytes.TrimPrefix(rest, []byte("|"))
	rest = bytes.TrimSuffix(rest, []byte("|"))
	return bytes.Count(rest, []byte("|")) + 1
}

// groupDigits writes n with dots between thousands, as Vietnamese does.
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	var b []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, '.')
		}
		b = append(b, s[i])
	}
	return string(b)
}

// formatSize writes a byte count in MiB or KiB with a decimal comma.
func formatSize(n int) string {
	unit, div := "byte", 1.0
	switch {
	case n >= 1<<20:
		unit, div = "MiB", 1<<20
	case n >= 1<<10:
		unit, div = "KiB", 1<<10
	}
	s := strings.TrimSuffix(strconv.FormatFloat(float64(n)/div, 'f', 1, 64), ".0")
	return strings.ReplaceAll(s, ".", ",") + " " + unit
}
