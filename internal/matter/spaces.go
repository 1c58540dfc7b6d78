package matter

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Notepad, Word and web pages put characters in front matter that look
// like spaces but are not spaces to YAML or TOML: the no-break space
// (U+00A0, what Word types after a colon in French layout and what many
// Vietnamese web pages use between words), the other Unicode spaces, and
// the invisible zero-width space and byte-order mark a paste leaves at a
// line's start. Around a key and its separator they made "title:\u00a0…"
// a line without a colon. normalizeSpaces rewrites them where they are
// syntax (indentation, around the key's separator, after a list's dash,
// at the line's end) and leaves them inside values, which are text.

// zeroWidth reports the invisible characters a paste may put at a line's
// start: they are dropped there.
func zeroWidth(r rune) bool { return r == '\u200B' || r == '\uFEFF' || r == '\u2060' }

// oddSpace reports a space that is not an ASCII space or tab.
func oddSpace(r rune) bool { return r >= 0x80 && unicode.IsSpace(r) }

// normalizeSpaces rewrites, in each line of front matter raw, the odd
// spaces of syntax as ASCII spaces and drops zero-width characters there.
// sep is the key separator: ':' for YAML, '=' for TOML. Line breaks are
// kept, so positions keep their line; a column moves only past a dropped
// zero-width character. Text with no byte above 0x7F is returned as is.
func normalizeSpaces(raw []byte, sep rune) []byte {
	if !hasNonASCII(raw) {
		return raw
	}
	lines := bytes.Split(raw, []byte("\n"))
	opens := false // the last line that was not blank opens a nested block
	for i, l := range lines {
		if hasNonASCII(l) {
			lines[i] = []byte(normalizeLine(string(l), sep, !opens))
		}
		if t := bytes.TrimRightFunc(lines[i], unicode.IsSpace); len(t) > 0 {
			opens = t[len(t)-1] == ':'
		}
	}
	return bytes.Join(lines, []byte("\n"))
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// normalizeLine does normalizeSpaces for one line. When topLevel, a key
// indented only by odd spaces is moved to the first column: the line
// before it opens no nested block, so the spaces came with a paste.
func normalizeLine(l string, sep rune, topLevel bool) string {
	var b strings.Builder
	rest := blanks(&b, l)
	if indent := l[:len(l)-len(rest)]; topLevel && !strings.ContainsAny(indent, " \t") && keyAt(rest, sep) > 0 {
		b.Reset()
	}
	// A list item's dash, then its blanks.
	if strings.HasPrefix(rest, "-") {
		if r, _ := utf8.DecodeRuneInString(rest[1:]); oddSpace(r) {
			b.WriteByte('-')
			rest = blanks(&b, rest[1:])
		}
	}
	// A key: a name of letters, digits, '_' and '-', its blanks, the
	// separator, the blanks before the value.
	if k := keyLen(rest); k > 0 {
		if at := keyAt(rest, sep); at > 0 {
			b.WriteString(rest[:k])
			blanks(&b, rest[k:at])
			b.WriteRune(sep)
			rest = blanks(&b, rest[at+1:])
		}
	}
	// Blanks at the end of the line are syntax too.
	body := strings.TrimRightFunc(rest, func(r rune) bool { return oddSpace(r) || zeroWidth(r) })
	b.WriteString(body)
	blanks(&b, rest[len(body):])
	return b.String()
}

// blanks copies the run of blanks at the start of s to b, odd spaces as
// ASCII spaces and zero-width characters dropped, and returns what
// follows.
func blanks(b *strings.Builder, s string) string {
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		switch {
		case r == ' ' || r == '\t':
			b.WriteRune(r)
		case oddSpace(r):
			b.WriteByte(' ')
		case zeroWidth(r):
		default:
			return s
		}
		s = s[n:]
	}
	return s
}

// keyAt returns the offset of the separator after a bare key at the start
// of s (blanks may come between them), or 0 when s does not start with a
// key. In YAML the colon must be followed by a blank or end the line.
func keyAt(s string, sep rune) int {
	k := keyLen(s)
	if k == 0 || s[0] == '-' {
		return 0
	}
	after := strings.TrimLeftFunc(s[k:], func(r rune) bool { return r == ' ' || r == '\t' || oddSpace(r) })
	if r, n := utf8.DecodeRuneInString(after); r == sep {
		next, _ := utf8.DecodeRuneInString(after[n:])
		if sep == '=' || n == len(after) || next == ' ' || next == '\t' || oddSpace(next) {
			return len(s) - len(after)
		}
	}
	return 0
}

// keyLen is the length of a bare key at the start of s, or 0.
func keyLen(s string) int {
	for i, r := range s {
		if r != '_' && r != '-' && r != '.' && (r > unicode.MaxASCII || !unicode.IsLetter(r) && !unicode.IsDigit(r)) {
			return i
		}
	}
	return len(s)
}

// CurlyQuoted reports a value written between Word's curly quotes (“…”
// or ‘…’), which YAML takes as part of the text.
func CurlyQuoted(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) > 1 && (strings.HasPrefix(s, "“") && strings.HasSuffix(s, "”") ||
		strings.HasPrefix(s, "‘") && strings.HasSuffix(s, "’") ||
		strings.HasPrefix(s, "„") && strings.HasSuffix(s, "“"))
}
