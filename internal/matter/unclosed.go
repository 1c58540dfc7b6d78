package matter

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/yamlsyntax"
)

// An editor who forgets the `---` that closes the front matter usually
// goes on with a blank line and the article's first paragraph. When the
// body later has a `---` rule, that rule closes the front matter instead:
// the paragraphs in between are read as YAML, as unknown keys when they
// hold a colon ("Thời gian: 8 giờ"), and the page was published without
// its text. proseInFrontMatter finds such a paragraph.

// markdownStarts are how a line of Markdown may start that YAML reads
// differently (a heading is a YAML comment), taken for prose after a
// blank line.
var markdownStarts = []string{"## ", "### ", "#### ", "**", "![", "> ", "* ", "1. ", "1) "}

// proseWords is how many words make a line that is not a key a sentence
// even without a blank line before it.
const proseWords = 5

// proseInFrontMatter returns the line (from 1) of raw, a YAML front
// matter's text, where article prose starts, and the line of the last key
// before it; 0, 0 when every line reads as front matter, or when no key
// comes first (then the front matter is no list of keys at all, which
// the YAML decoder says). A line is prose
// when it starts in the first column, is not a key (`title:`, `so_ky_hieu:`),
// a comment, a list item or the continuation of an open quote, and either
// has at least proseWords words, or follows a blank line and has no
// ": " (a short "Thời gian: 8 giờ" after a blank line may be a key typed
// with Vietnamese letters, which gets its own warning), or follows a
// blank line and starts like Markdown ("## Tiêu đề", "**Chữ đậm**").
func proseInFrontMatter(raw []byte) (prose, lastKey int) {
	afterBlank := false
	var quote byte // the quote of a value still open at the line's end
	for i, l := range strings.Split(string(raw), "\n") {
		line := strings.TrimRight(l, " \t\r")
		switch {
		case quote != 0:
			if yamlsyntax.ClosingQuote(line, 0, quote) >= 0 {
				quote = 0
			}
			afterBlank = false
			continue
		case strings.TrimSpace(line) == "":
			afterBlank = true
			continue
		case line[0] == ' ' || line[0] == '\t':
			afterBlank = false
			continue
		case startsMarkdown(line):
			if afterBlank && lastKey > 0 {
				return i + 1, lastKey
			}
			continue
		case line[0] == '#':
			continue // a comment
		}
		if at := keyAt(line, ':'); at > 0 {
			lastKey = i + 1
			quote = openQuote(strings.TrimSpace(line[at+1:]))
			afterBlank = false
			continue
		}
		if strings.IndexByte("-[]{}\"'|>&*!%@?`,", line[0]) >= 0 {
			afterBlank = false
			continue
		}
		if lastKey > 0 && (len(strings.Fields(line)) >= proseWords || afterBlank && !strings.Contains(line, ": ")) {
			return i + 1, lastKey
		}
		afterBlank = false
	}
	return 0, 0
}

func startsMarkdown(line string) bool {
	for _, s := range markdownStarts {
		if strings.HasPrefix(line, s) {
			return true
		}
	}
	return false
}

// openQuote returns the quote that opens value and is not closed on the
// same line, or 0.
func openQuote(value string) byte {
	if value == "" || value[0] != '"' && value[0] != '\'' {
		return 0
	}
	if yamlsyntax.ClosingQuote(value, 1, value[0]) >= 0 {
		return 0
	}
	return value[0]
}

// reportUnclosed says that the front matter opened at line open of file
// runs into the article: prose and lastKey are file lines, closing the
// line of the `---` taken for the closing one, text the prose line.
func reportUnclosed(file string, open, prose, lastKey, closing int, text string, ds *diag.List) {
	if r := []rune(text); len(r) > 40 {
		text = string(r[:40]) + "…"
	}
	hint := "thêm một dòng `---` ngay sau dòng khai báo cuối cùng, trước nội dung bài"
	if lastKey > 0 {
		hint = fmt.Sprintf("thêm một dòng `---` ngay sau dòng khai báo cuối cùng (dòng %d), trước nội dung bài", lastKey)
	}
	ds.Errorf(diag.Position{File: file, Line: open}, hint,
		"phần khai báo đầu bài mở bằng `---` ở dòng %d chưa được đóng trước nội dung bài: dòng %d (%q) là nội dung nhưng nằm trong phần khai báo, và dòng `---` ở dòng %d bị coi là dòng đóng",
		open, prose, text, closing)
}

// lineText returns line n (from 1) of src, trimmed.
func lineText(src []byte, n int) string {
	for i, l := range bytes.Split(src, []byte("\n")) {
		if i+1 == n {
			if !utf8.Valid(l) {
				return ""
			}
			return strings.TrimSpace(string(l))
		}
	}
	return ""
}
