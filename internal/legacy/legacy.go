// Package legacy converts the Vietnamese encodings that came before
// Unicode — TCVN3 (ABC), VNI, VISCII and Windows-1258 — to Unicode NFC,
// and finds text in them that was read as Windows-1252 ("lỗi font"):
// bytes in a file that is not UTF-8, runs of a Word document set in a
// .VnTime or VNI-Times font, and mojibake pasted into a UTF-8 file.
//
// It is pure: tables and functions over strings and bytes.
package legacy

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Encoding is a legacy Vietnamese encoding, or Unicode for none.
type Encoding int

const (
	Unicode Encoding = iota
	TCVN3            // TCVN 5712:1993, the ABC fonts .VnTime, .VnArial…
	VNI              // VNI-Windows, the fonts VNI-Times, VNI-Helve…
	VISCII           // VISCII 1.1, RFC 1456
	CP1258           // Windows-1258, tones as combining marks
)

// legacies lists the encodings in the order detection tries them; on a
// tie CP1258 (the "ANSI" of a Vietnamese Windows) wins over VISCII.
var legacies = [...]Encoding{TCVN3, VNI, CP1258, VISCII}

// String names the encoding as Unikey and editors name it.
func (e Encoding) String() string {
	switch e {
	case Unicode:
		return "Unicode"
	case TCVN3:
		return "TCVN3 (ABC)"
	case VNI:
		return "VNI"
	case VISCII:
		return "VISCII"
	case CP1258:
		return "CP1258"
	}
	return "?"
}

// ParseEncoding reads a name given on the command line: tcvn3, abc, vni,
// viscii, cp1258 or windows-1258, in any case.
func ParseEncoding(name string) (Encoding, bool) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "tcvn3", "tcvn", "abc", "vn3":
		return TCVN3, true
	case "vni", "vni-windows":
		return VNI, true
	case "viscii":
		return VISCII, true
	case "cp1258", "windows-1258", "1258":
		return CP1258, true
	}
	return Unicode, false
}

// decodeByte appends the Unicode text of one byte in enc.
func decodeByte(enc Encoding, b byte, out []byte) []byte {
	return append(out, byteTexts[enc][b]...)
}

// byteTexts is the text of every byte in every encoding, made once from
// the tables and only read: the detector looks bytes up by the million.
var byteTexts = func() (t [CP1258 + 1][256]string) {
	for enc := range t {
		for b := range 256 {
			t[enc][b] = byteText(Encoding(enc), byte(b))
		}
	}
	return t
}()

// byteText is the one place that reads the tables.
func byteText(enc Encoding, b byte) string {
	if b < 0x80 {
		switch enc {
		case TCVN3:
			if r, ok := tcvn3Low[b]; ok {
				return string(r)
			}
		case VISCII:
			if r, ok := visciiLow[b]; ok {
				return string(r)
			}
		}
		return string(rune(b))
	}
	switch enc {
	case TCVN3:
		return string(tcvn3High[b-0x80])
	case VISCII:
		return string(visciiHigh[b-0x80])
	case VNI:
		if s, ok := vniByte[b]; ok {
			return s
		}
	case CP1258:
		return string(charmap.Windows1258.DecodeByte(b))
	}
	return string(cp1252Rune(b))
}

// cp1252Rune is the Windows-1252 reading of a byte.
func cp1252Rune(b byte) rune {
	if b >= 0x80 && b < 0xa0 {
		return cp1252Specials[b-0x80]
	}
	return rune(b)
}

// cp1252Byte is the byte whose Windows-1252 reading is r, also for the
// form U+F000+byte that Word gives the text of a symbol font.
func cp1252Byte(r rune) (byte, bool) {
	switch {
	case r < 0x80 || (r >= 0xa0 && r <= 0xff):
		return byte(r), true
	case r >= 0xf000 && r <= 0xf0ff:
		return byte(r - 0xf000), true
	case r >= 0x80 && r < 0xa0:
		// a C1 control stands for an undefined byte of the same number
		return byte(r), cp1252Specials[r-0x80] == r
	}
	switch r {
	case '€':
		return 0x80, true
	case '‚':
		return 0x82, true
	case 'ƒ':
		return 0x83, true
	case '„':
		return 0x84, true
	case '…':
		return 0x85, true
	case '†':
		return 0x86, true
	case '‡':
		return 0x87, true
	case 'ˆ':
		return 0x88, true
	case '‰':
		return 0x89, true
	case 'Š':
		return 0x8a, true
	case '‹':
		return 0x8b, true
	case 'Œ':
		return 0x8c, true
	case 'Ž':
		return 0x8e, true
	case '‘':
		return 0x91, true
	case '’':
		return 0x92, true
	case '“':
		return 0x93, true
	case '”':
		return 0x94, true
	case '•':
		return 0x95, true
	case '–':
		return 0x96, true
	case '—':
		return 0x97, true
	case '˜':
		return 0x98, true
	case '™':
		return 0x99, true
	case 'š':
		return 0x9a, true
	case '›':
		return 0x9b, true
	case 'œ':
		return 0x9c, true
	case 'ž':
		return 0x9e, true
	case 'Ÿ':
		return 0x9f, true
	}
	return 0, false
}

// DecodeBytes converts a whole file's raw bytes in enc to NFC UTF-8 text.
// Unicode means UTF-8 already: invalid sequences become U+FFFD.
func DecodeBytes(enc Encoding, b []byte) string {
	if enc == Unicode {
		return norm.NFC.String(strings.ToValidUTF8(string(b), "\uFFFD"))
	}
	out := make([]byte, 0, len(b)+len(b)/2)
	for _, c := range b {
		out = decodeByte(enc, c, out)
	}
	if norm.NFC.IsNormal(out) {
		return string(out) // the common case: precomposed letters only
	}
	return norm.NFC.String(string(out))
}

// FromFontText converts text that Word stored for a run in a legacy font:
// each code point is the Windows-1252 reading of a byte (also U+F000+byte,
// Word's symbol-font form). A code point that is neither is kept. upper is
// for the TCVN3 capitals fonts (.VnTimeH…), whose lowercase code points
// show capitals. The result is NFC.
func FromFontText(enc Encoding, upper bool, s string) string {
	if enc == Unicode {
		return norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD"))
	}
	out := make([]byte, 0, len(s)+len(s)/2)
	for _, r := range s {
		if b, ok := cp1252Byte(r); ok {
			out = decodeByte(enc, b, out)
		} else {
			out = utf8.AppendRune(out, r)
		}
	}
	text := string(out)
	if upper {
		text = strings.ToUpper(text)
	}
	return norm.NFC.String(text)
}
