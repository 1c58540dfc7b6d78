// Package yamlsyntax explains YAML syntax errors to editors: yaml.v3's
// English message becomes a Vietnamese diagnostic at the right line, for
// site.yaml and for articles' front matter alike.
package yamlsyntax

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/diag"
)

// TabHint is the advice for the most common YAML mistake of editors who
// indent with the Tab key.
const TabHint = "dùng dấu cách, không dùng phím Tab"

// Diagnose turns the YAML library's English error into Vietnamese
// diagnostics. The library gives only a line, and for a few mistakes a
// wrong one (the start of the enclosing block, or the end of the file), so
// the commonest ones are located again in the text: tabs in indentation,
// an unclosed quote, an unknown *alias.
func Diagnose(file string, firstLine int, data []byte, err error) diag.List {
	d := &reporter{file: file, offset: firstLine - 1}
	d.syntaxError(err, data)
	return d.diags
}

// reporter collects diagnostics for one YAML text that starts at line
// offset+1 of file.
type reporter struct {
	file   string
	offset int
	diags  diag.List
}

func (d *reporter) syntaxError(err error, data []byte) {
	line, problem := splitYAMLError(err.Error())
	text := strings.TrimPrefix(string(data), "\uFEFF")
	lines := strings.Split(text, "\n")
	switch {
	case strings.Contains(problem, "tab character") || problem == "found character that cannot start any token":
		if d.tabIndents(lines) {
			return
		}
		if col := indexAnyCol(lines, line, "@`"); col > 0 {
			d.diags.Errorf(d.at(line, col), "đặt giá trị trong ngoặc kép, ví dụ: email: \"@ubnd\"",
				"giá trị không được bắt đầu bằng ký tự @ hoặc `")
			return
		}
	case problem == "found unexpected end of stream":
		if off, q, ok := unclosedQuote(text); ok {
			l, c := lineCol(text, off)
			d.diags.Errorf(d.at(l, c), "thêm dấu "+string(q)+" ở cuối giá trị, ví dụ: title: \"Chuyên mục Cải cách hành chính\"",
				"dấu %s mở ở đây nhưng không được đóng", quoteName(q))
			return
		}
	case strings.HasPrefix(problem, "unknown anchor '"):
		name := strings.TrimSuffix(strings.TrimPrefix(problem, "unknown anchor '"), "' referenced")
		if off := strings.Index(text, "*"+name); off >= 0 {
			d.diags.Errorf(d.at(lineCol(text, off)), "nếu dấu * là một phần của văn bản, đặt giá trị trong ngoặc kép",
				"tham chiếu `*%s` không trỏ tới neo `&%s` nào", name, name)
			return
		}
	}
	if col := curlyQuoteCol(lines, line); col > 0 {
		d.diags.Errorf(d.at(line, col), "thay “ ” bằng dấu ngoặc kép thẳng \" \" (phím Shift và '), ví dụ: title: \"Kế hoạch: năm 2026\"",
			"giá trị đặt trong dấu ngoặc kép kiểu Word “…”, YAML không coi đó là dấu ngoặc nên đọc sai dòng này")
		return
	}
	what, hint := translate(problem)
	d.diags.Errorf(d.at(line, firstCol(lines, line)), hint, "%s", what)
}

// curlyQuoteCol is the column of Word's curly quote opening the value of
// a line (`title: “Kế hoạch: năm 2026”`), or 0: the likely cause of a
// syntax error on that line, since YAML takes the quote for a letter.
func curlyQuoteCol(lines []string, line int) int {
	if line < 1 || line > len(lines) {
		return 0
	}
	l := lines[line-1]
	_, value, ok := strings.Cut(l, ": ")
	if !ok {
		return 0
	}
	value = strings.TrimLeft(value, " ")
	for _, q := range []string{"“", "‘", "„"} {
		if strings.HasPrefix(value, q) {
			return utf8.RuneCountInString(l[:len(l)-len(value)]) + 1
		}
	}
	return 0
}

func (d *reporter) at(line, col int) diag.Position {
	return diag.Position{File: d.file, Line: d.offset + line, Col: col}
}

// splitYAMLError splits "yaml: line 3: found …" into 3 and "found …". The
// library leaves the line out when it is the first, and counts the lines
// of parser errors (unlike scanner errors) from 0.
func splitYAMLError(msg string) (line int, problem string) {
	msg = strings.TrimPrefix(msg, "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, after, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(num); err == nil && n > 0 {
				if isParserProblem(after) {
					n++
				}
				return n, after
			}
		}
	}
	return 1, msg
}

// isParserProblem reports the problems raised by the library's parser (as
// opposed to its scanner), found in its parserc.go.
func isParserProblem(problem string) bool {
	switch problem {
	case "did not find expected <stream-start>",
		"did not find expected <document start>",
		"did not find expected node content",
		"did not find expected '-' indicator",
		"did not find expected key",
		"did not find expected ',' or ']'",
		"did not find expected ',' or '}'",
		"found undefined tag handle",
		"found duplicate %YAML directive",
		"found duplicate %TAG directive",
		"found incompatible YAML document":
		return true
	}
	return false
}

// tabIndents reports every line indented with a Tab, and whether it found
// any. YAML rejects them all, but the library names only one, and not
// always the right one.
func (d *reporter) tabIndents(lines []string) bool {
	found := false
	for i, l := range lines {
		indent := len(l) - len(strings.TrimLeft(l, " \t"))
		rest := strings.TrimSpace(l[indent:])
		if rest == "" || rest[0] == '#' {
			continue
		}
		if t := strings.IndexByte(l[:indent], '\t'); t >= 0 {
			d.diags.Errorf(d.at(i+1, t+1), TabHint, "dòng thụt lề bằng ký tự Tab")
			found = true
		}
	}
	return found
}

// unclosedQuote finds a quoted value whose closing quote never comes, and
// returns the byte offset of its opening quote. A quote opens a value only
// where YAML allows one: at the start of a line or after `:`, `-`, `[`,
// `{`, `,` or `?`; so the apostrophe of "it's" is not taken for one.
func unclosedQuote(text string) (offset int, quote byte, ok bool) {
	prev := byte('\n') // the last character that was not a space
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '\n':
			prev = '\n'
		case c == '#' && (prev == '\n' || text[i-1] == ' ' || text[i-1] == '\t'):
			for i+1 < len(text) && text[i+1] != '\n' {
				i++
			}
		case (c == '"' || c == '\'') && strings.IndexByte("\n:-[{,?", prev) >= 0:
			end := ClosingQuote(text, i+1, c)
			if end < 0 {
				return i, c, true
			}
			i, prev = end, c
		case c != ' ' && c != '\t' && c != '\r':
			prev = c
		}
	}
	return 0, 0, false
}

// ClosingQuote returns the offset of the quote q that closes a value
// opened just before from, or -1. In "…" a backslash escapes; in '…' a
// doubled quote stands for one.
func ClosingQuote(text string, from int, q byte) int {
	for i := from; i < len(text); i++ {
		switch {
		case q == '"' && text[i] == '\\':
			i++
		case text[i] == q:
			if q == '\'' && i+1 < len(text) && text[i+1] == '\'' {
				i++
				continue
			}
			return i
		}
	}
	return -1
}

func quoteName(q byte) string {
	if q == '\'' {
		return "nháy đơn '"
	}
	return "ngoặc kép \""
}

// lineCol converts a byte offset to a line and a column counted in
// characters, both from 1, as yaml.Node positions are.
func lineCol(text string, offset int) (line, col int) {
	start := strings.LastIndexByte(text[:offset], '\n') + 1
	return strings.Count(text[:offset], "\n") + 1, utf8.RuneCountInString(text[start:offset]) + 1
}

// firstCol is the column where the text of a line starts (1 for a blank
// or missing line): the library gives no column, and the start of the
// line's text is where an editor should look.
func firstCol(lines []string, line int) int {
	if line < 1 || line > len(lines) {
		return 1
	}
	l := lines[line-1]
	indent := len(l) - len(strings.TrimLeft(l, " \t"))
	if indent == len(strings.TrimRight(l, "\r")) {
		return 1
	}
	return indent + 1
}

// indexAnyCol is the column of the first of chars on a line, or 0.
func indexAnyCol(lines []string, line int, chars string) int {
	if line < 1 || line > len(lines) {
		return 0
	}
	l := lines[line-1]
	i := strings.IndexAny(l, chars)
	if i < 0 {
		return 0
	}
	return utf8.RuneCountInString(l[:i]) + 1
}

// translate gives the Vietnamese message and hint for a problem reported
// by the YAML library.
func translate(problem string) (what, hint string) {
	const nearby = " (ở dòng này hoặc các dòng ngay trên, dưới)"
	switch {
	case problem == "found unexpected end of stream":
		return "tệp kết thúc khi một dấu ngoặc chưa được đóng", "kiểm tra các dấu \" ' [ ] { } có đủ cặp không"
	case problem == "did not find expected ',' or ']'":
		return "danh sách trong ngoặc vuông [ ] thiếu dấu phẩy hoặc chưa đóng",
			"các mục cách nhau bằng dấu phẩy và kết thúc bằng ], ví dụ: aliases: [\"một cửa\", \"bộ phận một cửa\"]"
	case problem == "did not find expected ',' or '}'":
		return "nhóm trong ngoặc nhọn { } thiếu dấu phẩy hoặc chưa đóng",
			"các cặp khóa: giá trị cách nhau bằng dấu phẩy và kết thúc bằng }"
	case problem == "did not find expected node content":
		return "thiếu giá trị sau dấu phẩy, dấu ngoặc hoặc dấu -", "xóa dấu phẩy thừa hoặc đóng ngoặc" + nearby
	case problem == "mapping values are not allowed in this context":
		return "dấu hai chấm : đặt sai chỗ",
			"giá trị có dấu hai chấm phải đặt trong ngoặc kép, ví dụ: title: \"Kế hoạch: năm 2026\"; khóa con phải thụt lề đều nhau"
	case problem == "could not find expected ':'":
		return "thiếu dấu hai chấm : sau tên khóa", "mỗi dòng viết theo dạng `khóa: giá trị`" + nearby
	case problem == "did not find expected key":
		return "thụt lề không khớp với các dòng cùng cấp", "các khóa cùng cấp phải thẳng cột, thụt lề bằng cùng số dấu cách" + nearby
	case problem == "did not find expected '-' indicator":
		return "trong danh sách có dòng không bắt đầu bằng dấu -",
			"mỗi mục của danh sách bắt đầu bằng `- `, thẳng cột với các mục khác" + nearby
	case problem == "block sequence entries are not allowed in this context":
		return "dấu - của danh sách đặt sai chỗ", "mỗi mục `- ` nằm trên một dòng riêng, thụt lề dưới khóa của danh sách"
	case problem == "did not find expected <document start>":
		return "có nội dung thừa sau phần cấu hình (thường do thụt lề sai)", "các khóa cấp ngoài cùng phải bắt đầu ở cột 1"
	case problem == "found unknown escape character":
		return "ký tự sau dấu \\ không hợp lệ trong chuỗi ngoặc kép", "viết \\\\ cho một dấu gạch chéo ngược, hoặc dùng ngoặc đơn '…'"
	case problem == "control characters are not allowed":
		return "tệp chứa ký tự điều khiển không nhìn thấy được", "gõ lại dòng này (ký tự lạ thường do dán từ Word hoặc PDF)"
	case strings.Contains(problem, "tab character"), problem == "found character that cannot start any token":
		return "thụt lề bằng ký tự Tab hoặc giá trị bắt đầu bằng ký tự không được phép", TabHint + "; giá trị bắt đầu bằng @ hoặc ` phải đặt trong ngoặc kép"
	case strings.Contains(problem, "UTF-8") || strings.Contains(problem, "UTF-16") || strings.Contains(problem, "octet"):
		return "tệp không được lưu bằng mã UTF-8", "mở tệp và lưu lại với mã hóa UTF-8"
	case strings.Contains(problem, "tag"):
		return "thẻ bắt đầu bằng ! không hợp lệ", "nếu giá trị bắt đầu bằng dấu !, đặt nó trong ngoặc kép"
	}
	return "cú pháp YAML không hợp lệ (" + problem + ")", "kiểm tra thụt lề, dấu hai chấm và dấu ngoặc" + nearby
}
