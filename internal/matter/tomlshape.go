package matter

import "fmt"

// The TOML library slows down sharply on values nested very deep
// (`t = {a = {a = …}}`) and on very long dotted keys (`a.a.a… = 1`;
// BurntSushi/toml#496): 10,000 levels, 50 KB of text, took it 52 s, and
// a page of 2 MB could stall a build or every preview rebuild. A page's
// front matter needs keys, values and lists, and at most a list of small
// tables (attachments), so such text is refused, at its line, before the
// library sees it.

// maxTOMLDepth bounds the arrays and inline tables open at once; front
// matter uses two or three.
const maxTOMLDepth = 32

// maxTOMLKeyParts bounds the parts of one dotted key (a.b.c has three).
const maxTOMLKeyParts = 32

// tomlTooDeep scans TOML text outside its strings and comments, and
// returns the first place where values nest deeper than maxTOMLDepth or
// a dotted key has more than maxTOMLKeyParts parts: its line (1 for the
// first line of raw) and what is wrong, in Vietnamese; line 0 when the
// text is fine.
func tomlTooDeep(raw []byte) (line int, what string) {
	line = 1
	depth, dots := 0, 0
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch c {
		case '\n':
			line++
			dots = 0
		case '#':
			for i+1 < len(raw) && raw[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			end, lines := tomlStringEnd(raw, i)
			i, line = end, line+lines
		case '[', '{':
			if depth++; depth > maxTOMLDepth {
				return line, fmt.Sprintf("giá trị lồng nhau quá %d tầng (`[` hoặc `{` mở liền nhau)", maxTOMLDepth)
			}
			dots = 0
		case ']', '}':
			depth = max(0, depth-1)
			dots = 0
		case '=', ',':
			dots = 0
		case '.':
			if dots++; dots >= maxTOMLKeyParts {
				return line, fmt.Sprintf("tên khóa có quá %d phần nối bằng dấu chấm", maxTOMLKeyParts)
			}
		}
	}
	return 0, ""
}

// tomlStringEnd returns the index of the last byte of the string that
// opens at raw[i] (a quote), and the line ends inside it. A string left
// open runs to the end of its line, or of the text for a multi-line one:
// the library reports that error itself.
func tomlStringEnd(raw []byte, i int) (end, lines int) {
	q := raw[i]
	if i+2 < len(raw) && raw[i+1] == q && raw[i+2] == q { // """ or '''
		for j := i + 3; j < len(raw); j++ {
			switch {
			case raw[j] == '\n':
				lines++
			case raw[j] == '\\' && q == '"':
				if j+1 < len(raw) && raw[j+1] == '\n' {
					lines++
				}
				j++
			case raw[j] == q && j+2 < len(raw) && raw[j+1] == q && raw[j+2] == q:
				return j + 2, lines
			}
		}
		return len(raw) - 1, lines
	}
	for j := i + 1; j < len(raw); j++ {
		switch {
		case raw[j] == '\n':
			return j - 1, 0
		case raw[j] == '\\' && q == '"':
			if j+1 < len(raw) && raw[j+1] == '\n' {
				return j, 0
			}
			j++
		case raw[j] == q:
			return j, 0
		}
	}
	return len(raw) - 1, 0
}
