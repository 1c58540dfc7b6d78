// Package linescan walks the lines of a file's bytes: where a line ends,
// where its content stops before a CR, and small byte tests. The front
// matter editors (YAML and TOML) and the page splitter all move through
// a file this way, keeping every byte they do not change.
package linescan

import "bytes"

// Next returns the offset just past the line end at or after pos, or
// len(b) when the last line has no end.
func Next(b []byte, pos int) int {
	if i := bytes.IndexByte(b[pos:], '\n'); i >= 0 {
		return pos + i + 1
	}
	return len(b)
}

// ContentEnd returns the offset of the line end at or after p (the `\r`
// of a CRLF), or len(b).
func ContentEnd(b []byte, p int) int {
	for p < len(b) && b[p] != '\n' && b[p] != '\r' {
		p++
	}
	return p
}

// IsSpaceOrBreak reports whether c is a space, a tab or a line end.
func IsSpaceOrBreak(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// HasPrefixAt reports whether b holds s at offset p.
func HasPrefixAt(b []byte, p int, s string) bool {
	return p+len(s) <= len(b) && string(b[p:p+len(s)]) == s
}
