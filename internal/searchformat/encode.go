package searchformat

import (
	"encoding/binary"
	"strings"
	"unicode/utf8"
)

// Numbers in the index files are written with the 64 characters below,
// none of which JSON escapes: base-32 digits, least significant first,
// every digit but the last taken from the upper half. 0–31 is one
// character, up to 1023 two.
const numChars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"

// Digit is the value of one character of a number, 0–63, or -1 for a
// character that is none. A posting's w is one such character.
func Digit(c byte) int {
	return strings.IndexByte(numChars, c)
}

// NumLen is the length of AppendNum's output.
func NumLen(v uint64) int {
	n := 1
	for v >= 32 {
		v >>= 5
		n++
	}
	return n
}

// AppendNum writes v as a number.
func AppendNum(b []byte, v uint64) []byte {
	for v >= 32 {
		b = append(b, numChars[32+v&31])
		v >>= 5
	}
	return append(b, numChars[v])
}

// Nums decodes a string of numbers written by AppendNum.
func Nums(s string) ([]int, bool) {
	var out []int
	v, shift := 0, 0
	for i := 0; i < len(s); i++ {
		d := Digit(s[i])
		if d < 0 || shift > 30 {
			return nil, false
		}
		v |= (d & 31) << shift
		if d < 32 {
			out = append(out, v)
			v, shift = 0, 0
		} else {
			shift += 5
		}
	}
	return out, shift == 0
}

// A posting list comes to this package as the numbers the file will show,
// each as a uvarint: for a form, pairs (document delta, w); for a pair,
// document deltas.

// uvarint decodes the number at the start of l, with the one-byte case
// inline.
func uvarint(l []byte) (uint64, int) {
	if l[0] < 0x80 {
		return uint64(l[0]), 1
	}
	return binary.Uvarint(l)
}

// DocsSize is the length of AppendDocs's output.
func DocsSize(l []byte) int {
	size := 2
	for len(l) > 0 {
		v, k := uvarint(l)
		size += NumLen(v)
		l = l[k:]
	}
	return size
}

// AppendDocs writes a list of document deltas as a string of numbers.
func AppendDocs(b, l []byte) []byte {
	b = append(b, '"')
	for len(l) > 0 {
		v, k := uvarint(l)
		b = AppendNum(b, v)
		l = l[k:]
	}
	return append(b, '"')
}

// PostingsSize is the length of AppendPostings's output.
func PostingsSize(l []byte) int {
	size := 7 // ["",""]
	for len(l) > 0 {
		v, k := uvarint(l)
		size += NumLen(v) + 1
		l = l[k:]
		_, k = uvarint(l)
		l = l[k:]
	}
	return size
}

// AppendPostings writes a form's list of (document delta, w) as two
// strings: the deltas as numbers, then each w as one character. Apart,
// each string repeats its own few characters, which gzip packs better
// than the two interleaved.
func AppendPostings(b, l []byte) []byte {
	b = append(b, `["`...)
	for r := l; len(r) > 0; {
		v, k := uvarint(r)
		b = AppendNum(b, v)
		r = r[k:]
		_, k = uvarint(r)
		r = r[k:]
	}
	b = append(b, `","`...)
	for r := l; len(r) > 0; {
		_, k := uvarint(r)
		r = r[k:]
		w, k := uvarint(r)
		b = append(b, numChars[w])
		r = r[k:]
	}
	return append(b, `"]`...)
}

// appendDocSets writes lists of documents, ascending, as an array of
// strings of deltas.
func appendDocSets(b []byte, sets [][]int) []byte {
	b = append(b, '[')
	for i, ids := range sets {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		last := 0
		for _, id := range ids {
			b = AppendNum(b, uint64(id-last))
			last = id
		}
		b = append(b, '"')
	}
	return append(b, ']')
}

// appendString writes s as a JSON string. Invalid UTF-8 becomes U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			// The letters of Vietnamese: two and three bytes that are
			// always valid.
			if 0xC2 <= c && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
				i += 2
				continue
			}
			if 0xE1 <= c && c <= 0xEC && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
				i += 3
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				b = append(b, s[start:i]...)
				b = append(b, `\ufffd`...)
				i++
				start = i
				continue
			}
			i += size
			continue
		}
		if c >= 0x20 && c != '"' && c != '\\' {
			i++
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, `\n`...)
		case '\r':
			b = append(b, `\r`...)
		case '\t':
			b = append(b, `\t`...)
		default:
			b = append(b, `\u00`...)
			b = append(b, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
		}
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
