package frontedit

import (
	"bytes"
	"fmt"

	"github.com/cchc-vn/cchc/internal/linescan"
)

const bom = "\uFEFF"

// parts is a file cut where the loader cuts it (content.splitFrontMatter,
// through adrg/frontmatter): blank lines, then a line that is `---` or
// `+++` once trimmed, the front matter, and the first later line equal to
// the same delimiter once trimmed. Every byte belongs to exactly one part,
// so joining them gives the file back.
type parts struct {
	bom       bool
	eol       string // line end for lines this package writes
	head      []byte // blank lines and the opening delimiter line
	matter    []byte // between the delimiter lines, each line with its end
	tail      []byte // the closing delimiter line with its end, if any
	body      []byte
	format    string // "yaml", "toml" or "" (no front matter)
	headLines int    // file lines before the front matter's first line
}

// split cuts src. Line ends are kept as written; a lone CR (old Mac text)
// is refused because YAML would count it as a line end and this package
// would not, and so would splice at the wrong place.
func split(src []byte) (parts, error) {
	var p parts
	if rest, ok := bytes.CutPrefix(src, []byte(bom)); ok {
		p.bom, src = true, rest
	}
	if i := loneCR(src); i >= 0 {
		return p, &SyntaxError{Line: bytes.Count(src[:i], []byte("\n")) + 1,
			Msg: "tệp xuống dòng bằng ký tự CR kiểu cũ — mở tệp bằng Notepad rồi lưu lại"}
	}
	p.eol = lineEnd(src)
	pos, line := 0, 0
	for pos < len(src) {
		next := linescan.Next(src, pos)
		line++
		t := bytes.TrimSpace(src[pos:next])
		if len(t) == 0 {
			pos = next
			continue
		}
		delim := string(t)
		switch delim {
		case "---":
			p.format = "yaml"
		case "+++":
			p.format = "toml"
		default:
			p.body = src
			return p, nil
		}
		p.head, p.headLines = src[:next], line
		start := next
		for q := start; q < len(src); {
			n := linescan.Next(src, q)
			if string(bytes.TrimSpace(src[q:n])) == delim {
				p.matter, p.tail, p.body = src[start:q], src[q:n], src[n:]
				return p, nil
			}
			q = n
		}
		return p, &SyntaxError{Line: line, Col: 1, Msg: fmt.Sprintf(
			"phần khai báo đầu bài mở bằng `%s` nhưng không có dòng `%s` đóng lại — thêm một dòng `%s` sau dòng khai báo cuối cùng",
			delim, delim, delim)}
	}
	p.body = src
	return p, nil
}

// lineEnd is the end of the file's first line, CRLF or LF (the default).
func lineEnd(b []byte) string {
	if i := bytes.IndexByte(b, '\n'); i > 0 && b[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

// loneCR returns the offset of the first CR not followed by LF, or -1.
func loneCR(b []byte) int {
	for i := 0; i < len(b); i++ {
		if b[i] == '\r' && (i+1 == len(b) || b[i+1] != '\n') {
			return i
		}
	}
	return -1
}
