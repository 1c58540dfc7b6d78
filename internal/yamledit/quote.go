package yamledit

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// quoting is how a YAML scalar is written.
type quoting int

const (
	plainQ quoting = iota
	singleQ
	doubleQ
)

func quotingOf(n *yaml.Node) quoting {
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		return doubleQ
	case n.Style&yaml.SingleQuotedStyle != 0:
		return singleQ
	}
	return plainQ
}

// render writes s as a YAML scalar in the quoting asked for when s can be
// written so, else double-quoted (always possible). flow says the scalar
// sits in a [flow, list]. A plain scalar must read back as the same string;
// oldTag (see plainTag) lets a plain date or number stay plain when it
// replaces one: a date written unquoted is meant as a date.
func render(s string, q quoting, flow bool, oldTag string) string {
	switch q {
	case plainQ:
		if plainSafe(s, flow, oldTag) {
			return s
		}
	case singleQ:
		if !hasSpecial(s) {
			return "'" + strings.ReplaceAll(s, "'", "''") + "'"
		}
	}
	return doubleQuote(s)
}

// doubleQuote writes s between double quotes with YAML's escapes. It
// shares five escapes with tomledit's tomlBasic (\" \\ \n \t \r) and
// differs in the rest, as the formats do: YAML must escape what lies
// outside its printable set (C1 controls, the BOM, U+FFFE) and has short
// escapes TOML lacks (\x, \N, \L, \P for U+0085, U+2028, U+2029, which
// some YAML readers take for line ends when written as they are).
func doubleQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		case 0x85:
			b.WriteString(`\N`)
		case 0x2028:
			b.WriteString(`\L`)
		case 0x2029:
			b.WriteString(`\P`)
		case 0xFEFF:
			b.WriteString(`\uFEFF`)
		default:
			switch {
			case printable(r):
				b.WriteRune(r)
			case r < 0x100:
				fmt.Fprintf(&b, `\x%02X`, r)
			default:
				fmt.Fprintf(&b, `\u%04X`, r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// KeyTooLong reports a key that, double-quoted, would pass YAML's limit
// of 1024 characters for a key written on one line.
func KeyTooLong(key string) bool { return utf8.RuneCountInString(doubleQuote(key)) > maxKey }

// maxKey keeps a key within YAML's limit of 1024 characters for a key
// written on one line, quotes and escapes included.
const maxKey = 1000

// hasSpecial reports a character that only double quotes can hold on one
// line: a line end, a tab, or one YAML does not allow as written.
func hasSpecial(s string) bool {
	for _, r := range s {
		if !printable(r) || r == 0x85 || r == 0x2028 || r == 0x2029 {
			return true
		}
	}
	return false
}

// printable is YAML's set of characters a file may hold as they are,
// less the tab, the line ends and the BOM, which this package escapes.
func printable(r rune) bool {
	switch {
	case r >= 0x20 && r <= 0x7E, r == 0x85, r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD && r != 0xFEFF:
		return true
	}
	return r >= 0x10000 && r <= 0x10FFFF
}

// yaml11RE matches what YAML 1.1 readers (Hugo's, PyYAML) take for a
// boolean or a sexagesimal number, which yaml.v3 reads as text: quoted, a
// file means the same to every tool.
var yaml11RE = regexp.MustCompile(`^(?i:y|n|yes|no|on|off)$|^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$`)

// plainSafe reports whether s can be written without quotes and read back
// as the same string (or as a value of oldTag: !!timestamp, !!int or
// !!float, which Get returns as written).
func plainSafe(s string, flow bool, oldTag string) bool {
	if s == "" || hasSpecial(s) || s != strings.TrimSpace(s) {
		return false
	}
	if strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", rune(s[0])) {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	if flow && strings.ContainsAny(s, ",[]{}") {
		return false
	}
	if yaml11RE.MatchString(s) {
		return false
	}
	// Let yaml.v3 say what it reads: a number, a date, null, a bool.
	var n yaml.Node
	src := "k: " + s
	if flow {
		src = "k: [" + s + "]"
	}
	if yaml.Unmarshal([]byte(src), &n) != nil || len(n.Content) != 1 || len(n.Content[0].Content) != 2 {
		return false
	}
	v := n.Content[0].Content[1]
	if flow {
		if len(v.Content) != 1 {
			return false
		}
		v = v.Content[0]
	}
	if v.Kind != yaml.ScalarNode || v.Style != 0 || v.Value != s {
		return false
	}
	switch v.Tag {
	case "!!str":
		return true
	case "!!timestamp", "!!int", "!!float":
		return v.Tag == oldTag
	}
	return false
}
