package legacy

import (
	"bytes"
	"unicode/utf16"

	"golang.org/x/text/unicode/norm"
)

// UTF16 is the form of text in UTF-16, Notepad's "Unicode" (little
// endian) and "Unicode big endian".
type UTF16 int

const (
	NotUTF16 UTF16 = iota
	UTF16LE
	UTF16BE
)

// String names the form as Notepad's Save As dialog does.
func (u UTF16) String() string {
	switch u {
	case UTF16LE:
		return "UTF-16 LE"
	case UTF16BE:
		return "UTF-16 BE"
	}
	return "không phải UTF-16"
}

// DetectUTF16 recognises UTF-16 by its byte order mark, or, without one,
// by the zero bytes that ASCII letters leave in every other position
// (at least a third of the pairs, and on the other side hardly any: the
// low half of a surrogate may end in a zero byte).
func DetectUTF16(b []byte) UTF16 {
	switch {
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		return UTF16LE
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		return UTF16BE
	}
	if len(b) < 4 || len(b)%2 != 0 {
		return NotUTF16
	}
	even, odd := 0, 0
	for i := 0; i+1 < len(b); i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	pairs := len(b) / 2
	switch {
	case odd*3 >= pairs && even*20 <= odd:
		return UTF16LE
	case even*3 >= pairs && odd*20 <= even:
		return UTF16BE
	}
	return NotUTF16
}

// DecodeUTF16 converts UTF-16 bytes in the form u to NFC UTF-8 text,
// dropping the byte order mark. An unpaired surrogate or a last odd byte
// becomes U+FFFD.
func DecodeUTF16(u UTF16, b []byte) string {
	if bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		b = b[2:]
	}
	units := make([]uint16, len(b)/2)
	for i := range units {
		lo, hi := b[2*i], b[2*i+1]
		if u == UTF16BE {
			lo, hi = hi, lo
		}
		units[i] = uint16(lo) | uint16(hi)<<8
	}
	text := string(utf16.Decode(units))
	if len(b)%2 != 0 {
		text += "\uFFFD" // a last byte without its pair
	}
	return norm.NFC.String(text)
}
