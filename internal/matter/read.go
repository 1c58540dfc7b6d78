// Package matter reads the front matter of a page: it finds the `---`
// (YAML) or `+++` (TOML) lines around it, reads its keys and values with
// their lines and columns, forgives the spaces Word and web pages put
// there, and says in Vietnamese what it cannot read (a syntax error, a
// front matter never closed, a value that expands for ever). It is the
// parser of the editors' untrusted text: pure, text in, positioned fields
// and diagnostics out. What the keys mean is the caller's.
package matter

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/adrg/frontmatter"

	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/linescan"
)

// Front is a page's front matter read into fields, and the body after it.
type Front struct {
	Format string  // "yaml" or "toml"
	Fields []Field // in the order written
	// Decoded is false when the fields could not be read (a syntax error,
	// which is reported): the page has its body but none of its keys.
	Decoded  bool
	Body     []byte // the text after the closing line: a suffix of the source
	BodyLine int    // file line of Body's first line
}

// Read reads the front matter at the start of src, the clean text (NFC,
// LF line ends) of file. name says in Vietnamese what a key is ("tiêu đề"
// for title), or returns the key itself, for messages. ok is false when
// src has no front matter, or one that runs into the article: then there
// is no page, and ds says why.
func Read(file string, src []byte, name func(key string) string, ds *diag.List) (f Front, ok bool) {
	sp, err := split(src)
	if err != nil {
		reportSplitError(src, file, err, ds)
		return Front{}, false
	}
	if sp.format == "yaml" {
		if prose, lastKey := proseInFrontMatter(sp.raw); prose > 0 {
			prose += sp.rawLine - 1
			if lastKey > 0 {
				lastKey += sp.rawLine - 1
			}
			reportUnclosed(file, sp.rawLine-1, prose, lastKey, sp.bodyLine-1, lineText(src, prose), ds)
			return Front{}, false
		}
	}
	f = Front{Format: sp.format, Body: sp.body, BodyLine: sp.bodyLine}
	if sp.format == "toml" {
		f.Fields, f.Decoded = decodeTOML(file, normalizeSpaces(sp.raw, '='), sp.rawLine, name, ds)
	} else {
		f.Fields, f.Decoded = decodeYAML(file, normalizeSpaces(sp.raw, ':'), sp.rawLine, ds)
	}
	return f, true
}

// Opens reports whether text starts, after blank lines, with a front
// matter delimiter, `---` or `+++`, as only a page does.
func Opens(text []byte) bool {
	delim, _, _ := openingDelimiter(text)
	return delim == "---" || delim == "+++"
}

// splitResult is src taken apart: the raw front matter text, its format
// ("yaml" or "toml"), the file line where that text starts, the body and
// the file line where the body starts.
type splitResult struct {
	format   string
	raw      []byte
	rawLine  int // file line of raw's first line
	body     []byte
	bodyLine int
}

var errNoFrontMatter = errors.New("no front matter")

// split uses adrg/frontmatter to find the delimiters; our own decoders
// then read the raw text so every position is known.
func split(src []byte) (splitResult, error) {
	var res splitResult
	capture := func(format string) frontmatter.UnmarshalFunc {
		return func(data []byte, _ any) error {
			res.format = format
			res.raw = bytes.Clone(data)
			// Stop the parser here: it would go on to copy the rest of
			// the file, a body that is already in src.
			return errCaptured
		}
	}
	formats := []*frontmatter.Format{
		frontmatter.NewFormat("---", "---", capture("yaml")),
		frontmatter.NewFormat("+++", "+++", capture("toml")),
	}
	// The parser wraps its reader in a bufio.Reader unless it is one
	// already: a 4 KB buffer per page, 40 MB of garbage for 10,000 pages.
	// One from a pool serves page after page.
	r := lineReaders.Get().(*bufio.Reader)
	r.Reset(bytes.NewReader(src))
	_, err := frontmatter.Parse(r, nil, formats...)
	r.Reset(nil)
	lineReaders.Put(r)
	if err != nil && err != errCaptured {
		return res, err
	}
	if res.format == "" {
		return res, errNoFrontMatter
	}
	// The opening delimiter is the first non-blank line, the raw text
	// follows it, then the closing delimiter's line, then the body.
	_, open, after := openingDelimiter(src)
	res.rawLine = open + 1
	closing := src[after+len(res.raw):]
	if _, after, found := bytes.Cut(closing, []byte("\n")); found {
		res.body = after
	} else {
		res.body = closing[len(closing):]
	}
	res.bodyLine = bytes.Count(src, []byte("\n")) - bytes.Count(res.body, []byte("\n")) + 1
	return res, nil
}

// lineReaders hold the bufio.Readers split hands to adrg/frontmatter.
var lineReaders = sync.Pool{New: func() any { return bufio.NewReader(nil) }}

// errCaptured stops adrg/frontmatter once it has handed over the front
// matter.
var errCaptured = errors.New("front matter captured")

// openingDelimiter returns the first non-blank line of src, trimmed, its
// number and the offset just past it; line 0 when there is none. It
// tells an unclosed front matter from a missing one, and split where the
// raw text starts.
func openingDelimiter(src []byte) (delim string, line, next int) {
	for pos := 0; pos < len(src); line++ {
		next = linescan.Next(src, pos)
		if t := strings.TrimSpace(string(src[pos:next])); t != "" {
			return t, line + 1, next
		}
		pos = next
	}
	return "", 0, len(src)
}

func reportSplitError(src []byte, file string, err error, ds *diag.List) {
	delim, line, _ := openingDelimiter(src)
	if delim == "---" || delim == "+++" {
		ds.Errorf(diag.Position{File: file, Line: line}, fmt.Sprintf("thêm một dòng `%s` sau dòng khai báo cuối cùng", delim),
			"phần khai báo đầu bài mở bằng `%s` nhưng không có dòng `%s` đóng lại", delim, delim)
		return
	}
	if errors.Is(err, errNoFrontMatter) {
		ds.Errorf(diag.Position{File: file, Line: 1}, "bắt đầu tệp bằng một dòng `---`, rồi các dòng `title: \"Tiêu đề\"`, `date: 16/01/2026`, `topics: [SIPAS]`, rồi một dòng `---`",
			"thiếu phần khai báo đầu bài (front matter) giữa hai dòng `---`")
		return
	}
	ds.Errorf(diag.Position{File: file, Line: 1}, "kiểm tra lại phần đầu tệp", "không đọc được phần khai báo đầu bài: %v", err)
}
