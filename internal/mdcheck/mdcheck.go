// Package mdcheck finds what is wrong in the Markdown an editor wrote,
// each problem at a byte offset of the body with its message and its fix
// in Vietnamese; internal/markdown places them at lines and columns.
//
// Its Guard refuses, before any parsing, a body too large or shaped to make
// goldmark super-linear. Its link checks refuse the schemes no page may
// write and the paths on the editor's own computer, and they report the
// habits of Windows and Word that publish a wrong page without a word from
// the parser: destinations with spaces, bullets pasted from Word.
package mdcheck

// Problem is something wrong in a body. Offset is the byte offset in the
// body of what is wrong; the caller turns it into a line and column.
type Problem struct {
	Offset  int
	Warning bool
	Message string
	Hint    string
}
