package deskform

import (
	"regexp"
	"strings"

	"github.com/cchc-vn/cchc/internal/diag"
)

// Layout is where things are in a file: the line of each top-level key of
// its front matter, and where the body the form shows starts.
type Layout struct {
	keyAt     map[int]string // file line → the key whose value it holds
	matterEnd int            // the closing delimiter's line, 0 without front matter
	bodyLine  int            // file line of the form's first body line
}

var (
	yamlKeyRE = regexp.MustCompile(`^(?:"([^"]+)"|'([^']+)'|([^\s#\-'"][^:#]*?))\s*:(?:\s|$)`)
	tomlKeyRE = regexp.MustCompile(`^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_\-]+))\s*=`)
)

// Scan finds the layout of src, cutting it where the loader does: the
// first non-blank line opens the front matter (--- or +++), the next line
// holding only the same delimiter closes it.
func Scan(src []byte) Layout {
	text := strings.TrimPrefix(string(src), "\uFEFF")
	lines := strings.Split(text, "\n")
	for i := range lines {
		lines[i] = strings.TrimSuffix(lines[i], "\r")
	}
	l := Layout{keyAt: map[int]string{}}
	open := 0
	for open < len(lines) && strings.TrimSpace(lines[open]) == "" {
		open++
	}
	delim := ""
	if open < len(lines) {
		delim = strings.TrimSpace(lines[open])
	}
	body := 0 // index of the body's first line
	if delim == "---" || delim == "+++" {
		keyRE := yamlKeyRE
		if delim == "+++" {
			keyRE = tomlKeyRE
		}
		key := ""
		for i := open + 1; i < len(lines); i++ {
			if strings.TrimRight(lines[i], " \t") == delim {
				l.matterEnd = i + 1
				body = i + 1
				break
			}
			if m := keyRE.FindStringSubmatch(lines[i]); m != nil {
				key = m[1] + m[2] + m[3]
			}
			if key != "" {
				l.keyAt[i+1] = key
			}
		}
		if l.matterEnd == 0 { // unclosed: no body, nothing placed in it
			l.keyAt = map[int]string{}
			body = len(lines)
		}
	}
	for body < len(lines)-1 && lines[body] == "" { // as Load trims the body
		body++
	}
	l.bodyLine = body + 1
	return l
}

// backtickKey finds the first `key` a message names.
var backtickKey = regexp.MustCompile("`([a-z_]+)`")

// Place says where d belongs in the form: the key of the field (the key on
// its line, else the first key its message names in backticks, as "thiếu
// `title`" does at line 1), or the line of the body as the form numbers
// it. Neither (key "" and line 0) means the page as a whole.
func (l Layout) Place(d diag.Diagnostic) (key string, bodyLine int) {
	line := d.Pos.Line
	// Without front matter the whole file is the body, but for its first
	// line, where the loader says the front matter is missing.
	if (l.matterEnd > 0 && line > l.matterEnd) || (l.matterEnd == 0 && line > 1) {
		return "", max(1, line-l.bodyLine+1)
	}
	if k, ok := l.keyAt[line]; ok {
		return k, 0
	}
	if m := backtickKey.FindStringSubmatch(d.Message); m != nil {
		return m[1], 0
	}
	return "", 0
}

// BodyLine is the file line of the form's first body line.
func (l Layout) BodyLine() int { return l.bodyLine }
