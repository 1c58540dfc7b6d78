// Package diag holds positions in source files and the diagnostics reported
// against them. Messages are in Vietnamese: editors read them.
//
// A diagnostic prints as
//
//	file:line:col: lỗi: <what is wrong> — <how to fix it>
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Position is a place in a file of the site. File is slash-separated and
// relative to the site root; Line and Col count from 1 (0 means unknown).
type Position struct {
	File string
	Line int
	Col  int
}

func (p Position) String() string {
	switch {
	case p.File == "":
		return ""
	case p.Line <= 0:
		return p.File
	case p.Col <= 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity says whether a diagnostic fails the build.
type Severity int

const (
	Error Severity = iota
	Warning
	// Note tells the editor something that is not a problem but would
	// otherwise pass unseen, such as an article held back until its date.
	// It counts as neither an error nor a warning.
	Note
)

// Label is the word shown to the editor.
func (s Severity) Label() string {
	switch s {
	case Warning:
		return "cảnh báo"
	case Note:
		return "ghi chú"
	}
	return "lỗi"
}

// Diagnostic is one problem found in the site. Message says what is wrong,
// Hint how to fix it; both in Vietnamese.
type Diagnostic struct {
	Pos      Position
	Severity Severity
	Message  string
	Hint     string
	// Dependent marks a consequence of another diagnostic (a link to a
	// page that failed to load): Sort puts it after every other one, so
	// the editor reads the cause first.
	Dependent bool
}

func (d Diagnostic) String() string {
	var b strings.Builder
	if p := d.Pos.String(); p != "" {
		b.WriteString(p)
		b.WriteString(": ")
	}
	b.WriteString(d.Severity.Label())
	b.WriteString(": ")
	b.WriteString(d.Message)
	if d.Hint != "" {
		b.WriteString(" — ")
		b.WriteString(d.Hint)
	}
	return b.String()
}

// Error makes one diagnostic an error, for a package that hands a single
// problem to its caller with its place (the front-matter editors).
func (d *Diagnostic) Error() string { return d.String() }

// List collects diagnostics; a stage appends to it instead of stopping at
// the first problem, so that an editor sees every mistake in one run.
type List []Diagnostic

// Errorf adds an error at pos.
func (l *List) Errorf(pos Position, hint, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Error, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos Position, hint, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Notef adds a note at pos.
func (l *List) Notef(pos Position, hint, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Note, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Add appends other diagnostics.
func (l *List) Add(ds ...Diagnostic) { *l = append(*l, ds...) }

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Count returns the number of errors and of warnings; notes are neither.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		switch d.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		}
	}
	return errors, warnings
}

// Sort orders diagnostics by file, line, column, then message, so output is
// the same whatever order parallel stages finished in; dependent ones come
// after all the others.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			compareBool(a.Dependent, b.Dependent),
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// Error makes a List usable as an error value (for callers that need one).
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, d := range l {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}
