package docx

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/cchc-vn/cchc/internal/legacy"
	"github.com/cchc-vn/cchc/internal/wordstyle"
)

// fromFont converts the text of a run set in a legacy Vietnamese font to
// Unicode: Word stored each byte of TCVN3 or VNI as the Windows-1252 letter
// with its code, so ".VnTime" text "Céng hßa" reads "Cộng hòa". Word uses
// the hAnsi font for letters above ASCII, where the Vietnamese ones are.
// Text that already holds Vietnamese Unicode letters was typed in Unicode
// and only shown in the old font: it is left alone.
func fromFont(props wordstyle.RunProps, s string) (conv, font string, ok bool) {
	font = props.HAnsi
	if font == "" || font == "theme" {
		font = props.ASCII
	}
	if font == "" || font == "theme" {
		return "", "", false
	}
	enc, upper, ok := legacy.FontEncoding(font)
	if !ok || unicodeVietnamese(s) {
		return "", "", false
	}
	conv = legacy.FromFontText(enc, upper, s)
	return conv, font, conv != s
}

// fontEncodingName names the legacy encoding of a font.
func fontEncodingName(font string) (string, bool) {
	enc, _, ok := legacy.FontEncoding(font)
	return enc.String(), ok
}

// unicodeVietnamese reports a letter of Latin Extended (ă, đ, ơ, ư, ạ…)
// that is no Windows-1252 character: no legacy text read as 1252 has one.
func unicodeVietnamese(s string) bool {
	for _, r := range s {
		if (r >= 0x100 && r <= 0x24F || r >= 0x1E00 && r <= 0x1EFF) && !strings.ContainsRune("ŒœŠšŸŽžƒ", r) {
			return true
		}
	}
	return false
}

// fixMojibake repairs "lỗi font" in a paragraph typed in a Unicode font:
// legacy text pasted as if it were Windows-1252 ("Céng hßa"). A run that
// spans several segments takes the formatting of its first.
func (rd *reader) fixMojibake(p *Paragraph) {
	var b strings.Builder
	starts := make([]int, len(p.Segments)+1)
	for i, s := range p.Segments {
		starts[i] = b.Len()
		b.WriteString(s.Text)
	}
	starts[len(p.Segments)] = b.Len()
	text := b.String()
	runs := legacy.FindMojibake(text)
	if len(runs) == 0 {
		return
	}
	rd.count.mojibake += len(runs)
	out := make([]strings.Builder, len(p.Segments))
	copyRange := func(a, z int) {
		for i := range p.Segments {
			lo, hi := max(a, starts[i]), min(z, starts[i+1])
			if lo < hi {
				out[i].WriteString(text[lo:hi])
			}
		}
	}
	cursor := 0
	for _, r := range runs {
		copyRange(cursor, r.Start)
		for i := range p.Segments {
			if starts[i] <= r.Start && r.Start < starts[i+1] {
				out[i].WriteString(r.Fixed)
				break
			}
		}
		cursor = r.End
	}
	copyRange(cursor, len(text))
	for i := range p.Segments {
		p.Segments[i].Text = out[i].String()
	}
}

// symbolFonts map the characters of Word's symbol fonts that documents use
// (bullets, ticks, arrows) to Unicode; w:sym and text in these fonts use
// code points U+F020–U+F0FF or the plain byte.
var symbolFonts = map[string]map[byte]string{
	"symbol": {
		0xB7: "•", 0x2D: "−", 0xAE: "→", 0xAC: "←", 0xDE: "⇒", 0xDB: "⇔", 0xB3: "≥", 0xA3: "≤",
		0xB9: "≠", 0xB4: "×", 0xB8: "÷", 0xB1: "±", 0xB0: "°", 0xA5: "∞", 0xBB: "≈", 0xD6: "√",
		0xE0: "◊", 0xA8: "♦", 0x2A: "∗",
	},
	"wingdings": {
		0xFC: "✓", 0xFB: "✗", 0xFD: "☒", 0xFE: "☑", 0xA8: "☐", 0x6F: "☐", 0x71: "❑", 0x6E: "■",
		0x6C: "●", 0xA7: "▪", 0x9F: "•", 0x76: "❖", 0xD8: "➢", 0xE0: "→", 0xE8: "➔", 0xF0: "⇨",
		0x4A: "☺", 0xAB: "★", 0x77: "◆", 0x75: "◆", 0x28: "☎", 0x2A: "✉",
	},
}

func symbolTable(font string) map[byte]string {
	f := strings.ToLower(strings.TrimSpace(font))
	switch {
	case f == "symbol":
		return symbolFonts["symbol"]
	case strings.HasPrefix(f, "wingdings"):
		return symbolFonts["wingdings"]
	}
	return nil
}

// symbol reads a w:sym: its font and the hexadecimal code of the
// character ("F0FC").
func symbol(font, char string) (string, bool) {
	code, err := strconv.ParseUint(char, 16, 32)
	if err != nil {
		return "", false
	}
	if code >= 0xF000 && code <= 0xF0FF {
		code -= 0xF000
	}
	if t := symbolTable(font); t != nil && code <= 0xFF {
		s, ok := t[byte(code)]
		return s, ok
	}
	if code > 0xFF && unicode.IsGraphic(rune(code)) && !unicode.In(rune(code), unicode.Co) {
		return string(rune(code)), true // a Unicode character in a text font
	}
	return "", false
}

// symbolText maps text typed in a symbol font; characters with no
// Unicode match are kept as typed.
func symbolText(props wordstyle.RunProps, s string) string {
	font := props.HAnsi
	if font == "" || font == "theme" {
		font = props.ASCII
	}
	t := symbolTable(font)
	if t == nil {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		code := r
		if code >= 0xF000 && code <= 0xF0FF {
			code -= 0xF000
		}
		if m, ok := t[byte(code)]; ok && code <= 0xFF {
			b.WriteString(m)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
