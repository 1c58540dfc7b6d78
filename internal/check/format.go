package check

import (
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/cchc-vn/cchc/internal/diag"
)

// The output formats of Write.
const (
	FormatText   = "text"   // the lines `cchc build` prints, then a count
	FormatGitHub = "github" // GitHub Actions workflow commands (annotations)
	FormatJSON   = "json"   // one JSON document for other tools
)

// ValidFormat reports whether Write knows format.
func ValidFormat(format string) bool {
	switch format {
	case FormatText, FormatGitHub, FormatJSON:
		return true
	}
	return false
}

// Write prints ds in format. root is where the site lies in the
// repository, slash-separated ("." or "" for the repository root, "site"
// for a subfolder): GitHub resolves an annotation's file from the
// repository root, so the github format puts root before each path. The
// text and json formats name files relative to the site root, as build
// does.
func Write(w io.Writer, format string, ds diag.List, root string) error {
	switch format {
	case FormatText:
		return writeText(w, ds)
	case FormatGitHub:
		return writeGitHub(w, ds, root)
	case FormatJSON:
		return writeJSON(w, ds)
	}
	return fmt.Errorf("không có định dạng %q: chọn text, github hoặc json", format)
}

// Summary is the closing line of the text and github formats.
func Summary(ds diag.List) string {
	errs, warns := ds.Count()
	return fmt.Sprintf("Kiểm tra xong: %d lỗi, %d cảnh báo.", errs, warns)
}

func writeText(w io.Writer, ds diag.List) error {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	b.WriteString(Summary(ds))
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// writeGitHub prints one workflow command per diagnostic:
//
//	::error file=content/a.md,line=3,col=7,title=cchc::<message> — <hint>
//
// escaped as GitHub's toolkit does (%, CR, LF in the message; also : and ,
// in property values), so a message can never end the command early.
func writeGitHub(w io.Writer, ds diag.List, root string) error {
	var b strings.Builder
	for _, d := range ds {
		cmd := map[diag.Severity]string{diag.Error: "error", diag.Warning: "warning", diag.Note: "notice"}[d.Severity]
		var props []string
		if d.Pos.File != "" {
			props = append(props, "file="+escapeProperty(repoPath(root, d.Pos.File)))
			if d.Pos.Line > 0 {
				props = append(props, "line="+strconv.Itoa(d.Pos.Line))
				if d.Pos.Col > 0 {
					props = append(props, "col="+strconv.Itoa(d.Pos.Col))
				}
			}
		}
		props = append(props, "title=cchc")
		msg := d.Message
		if d.Hint != "" {
			msg += " — " + d.Hint
		}
		fmt.Fprintf(&b, "::%s %s::%s\n", cmd, strings.Join(props, ","), escapeData(msg))
	}
	b.WriteString(Summary(ds))
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// repoPath is file (relative to the site root) relative to the repository.
func repoPath(root, file string) string {
	if root == "" || root == "." {
		return file
	}
	return path.Join(root, file)
}

func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// jsonReport is the document of the json format; field order is the
// output order.
type jsonReport struct {
	Errors      int              `json:"errors"`
	Warnings    int              `json:"warnings"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
}

// jsonDiagnostic is one diagnostic (severity "error", "warning" or
// "note"); line and col are 0 when unknown, file
// is "" for a problem with no file (a wrong --base-url).
type jsonDiagnostic struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
}

func writeJSON(w io.Writer, ds diag.List) error {
	r := jsonReport{Diagnostics: make([]jsonDiagnostic, 0, len(ds))}
	r.Errors, r.Warnings = ds.Count()
	for _, d := range ds {
		sev := map[diag.Severity]string{diag.Error: "error", diag.Warning: "warning", diag.Note: "note"}[d.Severity]
		r.Diagnostics = append(r.Diagnostics, jsonDiagnostic{
			File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col,
			Severity: sev, Message: d.Message, Hint: d.Hint,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
