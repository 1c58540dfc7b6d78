// Package frontedit edits a Markdown file's front matter and body while
// keeping the file's own layout, for the writing desk's Save.
//
// The contract is filled in as the package grows; see the package doc of
// the finished version.
package frontedit

import "fmt"

// Doc is one Markdown file: its front matter (YAML between --- lines, or
// TOML between +++), and its body.
type Doc struct {
	src    []byte
	body   []byte
	format string
}

// SyntaxError is a front matter that cannot be parsed. Line is a line of the
// whole file (1-based), so the desk can point at it and offer the raw text.
type SyntaxError struct {
	Line int
	Msg  string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("dòng %d: %s", e.Line, e.Msg) }

// Parse splits src. A file with no front matter is a Doc with an empty one.
// A UTF-8 BOM and CRLF line ends are remembered and written back. A front
// matter that cannot be parsed is an error (*SyntaxError with Line).
func Parse(src []byte) (*Doc, error) {
	return &Doc{src: src, body: src}, nil
}

// Format is "yaml", "toml" or "" when the file has no front matter yet.
func (d *Doc) Format() string { return d.format }

// Keys returns the top-level keys in file order.
func (d *Doc) Keys() []string { return nil }

// Get returns a value: string (scalars as written, dates included,
// unquoted), []string (a list of scalars), bool, or map[string]any/[]any for
// other shapes; ok is false when the key is absent.
func (d *Doc) Get(key string) (v any, ok bool) { return nil, false }

// Set replaces or adds a key. v is string, []string, bool, or nil to delete
// the key.
func (d *Doc) Set(key string, v any) error { return nil }

// Body returns the Markdown after the front matter.
func (d *Doc) Body() []byte { return d.body }

// SetBody replaces the Markdown after the front matter.
func (d *Doc) SetBody(b []byte) { d.body = b }

// Bytes writes the file back. Untouched lines are byte-identical: only the
// spans of changed values, added or deleted keys change.
func (d *Doc) Bytes() []byte { return d.src }
