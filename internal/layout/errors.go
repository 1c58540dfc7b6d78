package layout

import (
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cchc-vn/cchc/internal/diag"
)

// templateError matches the position that text/template and html/template
// put in their error text: "template: article.html:12: …",
// "template: article.html:12:5: executing …", "html/template:article.html:3:9: …".
var templateError = regexp.MustCompile(`^(?:html/)?template: ?([^:\s]+):(\d+)(?::(\d+))?: (?s:(.*))$`)

// innerTemplate finds the place a nested error names: partialCached
// wraps the error of the partial it runs, and the innermost place is the
// mistake ("… error calling partialCached: template: partials/card.html:2:2: …").
var innerTemplate = regexp.MustCompile(`(?:html/)?template: ?[^:\s]+:\d+(?::\d+)?: `)

// diagnostic places err at the layout file and line its text names. file
// is the layout the error came from when known; the text wins when it
// names one.
func (s *Set) diagnostic(err error, file, what, hint string) diag.Diagnostic {
	msg := err.Error()
	if locs := innerTemplate.FindAllStringIndex(msg, -1); len(locs) > 1 {
		msg = msg[locs[len(locs)-1][0]:]
	}
	pos := diag.Position{File: "layouts/" + file}
	if m := templateError.FindStringSubmatch(msg); m != nil {
		file = m[1]
		pos.File = "layouts/" + file
		pos.Line, _ = strconv.Atoi(m[2])
		if col, err := strconv.Atoi(m[3]); err == nil {
			pos.Col = col + 1 // text/template counts bytes from 0, diag columns from 1
		}
		msg = m[4]
	} else if file == "" {
		pos = diag.Position{}
	}
	if file != "" && !s.fromSite[file] {
		hint += " (tệp của giao diện mặc định: chép nó vào layouts/ của trang để sửa)"
	}
	return diag.Diagnostic{Pos: pos, Severity: diag.Error, Message: what + ": " + msg, Hint: hint}
}

var undefinedFunction = regexp.MustCompile(`function "([^"]+)" not defined`)

// hintFor says how to fix a parse error, more precisely when its cause is
// recognised.
func hintFor(err error) string {
	msg := err.Error()
	switch {
	case undefinedFunction.MatchString(msg):
		names := slices.Sorted(maps.Keys(funcs(Env{}, nil)))
		return "hàm này không có; các hàm dùng được: " + strings.Join(names, ", ")
	case strings.Contains(msg, "unexpected EOF"), strings.Contains(msg, "unexpected {{end}}"):
		return "mỗi {{if}}, {{range}}, {{with}}, {{define}}, {{block}} phải đóng bằng đúng một {{end}}"
	}
	return "kiểm tra cặp dấu {{ }} và cú pháp của lệnh ở dòng này"
}
