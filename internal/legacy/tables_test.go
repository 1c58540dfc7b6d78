package legacy

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// The alphabet as the tests see it: every vowel with no tone, then sắc,
// huyền, hỏi, ngã, nặng — the order of VNI's keys 1 to 5.
var (
	vowels = []string{"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"}
	tones  = []string{"", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"}
)

// The encoded forms, written per letter from the code charts (independent
// of the byte tables of the package), as Windows-1252 reads them: this is
// what the mojibake of each letter looks like.
var tcvn3Rows = map[string]string{
	"a": "a ¸ µ ¶ · ¹", "ă": "¨ ¾ » ¼ ½ Æ", "â": "© Ê Ç È É Ë",
	"e": "e Ð Ì Î Ï Ñ", "ê": "ª Õ Ò Ó Ô Ö", "i": "i Ý × Ø Ü Þ",
	"o": "o ã ß á â ä", "ô": "« è å æ ç é", "ơ": "¬ í ê ë ì î",
	"u": "u ó ï ñ ò ô", "ư": "\u00ad ø õ ö ÷ ù", "y": "y ý ú û ü þ",
	"A": "A ƒ € \u0081 ‚ „", "Ă": "¡ À ¯ º ¿ …", "Â": "¢ Ä Á Â Ã †",
	"E": "E Š ‡ ˆ ‰ ‹", "Ê": "£ Ú Å Í Ù Œ", "I": "I \u0090 \u008d Ž \u008f ‘",
	"O": "O • ’ “ ” –", "Ô": "¤ ÿ Û à ð —", "Ơ": "¥ › ˜ ™ š œ",
	"U": "U \u0001 \u009d ž Ÿ \u0002", "Ư": "¦ \u0011 \u0004 \u0005 \u0006 \u0012",
	"Y": "Y \u0016 \u0013 \u0014 \u0015 \u0017",
	"đ": "®", "Đ": "§",
}

var visciiRows = map[string]string{
	"a": "a á à ä ã Õ", "ă": "å ¡ ¢ Æ Ç £", "â": "â ¤ ¥ ¦ ç §",
	"e": "e é è ë ¨ ©", "ê": "ê ª « ¬ \u00ad ®", "i": "i í ì ï î ¸",
	"o": "o ó ò ö õ ÷", "ô": "ô ¯ ° ± ² µ", "ơ": "½ ¾ ¶ · Þ þ",
	"u": "u ú ù ü û ø", "ư": "ß Ñ × Ø æ ñ", "y": "y ý Ï Ö Û Ü",
	"A": "A Á À Ä Ã €", "Ă": "Å \u0081 ‚ \u0002 \u0005 ƒ", "Â": "Â „ … † \u0006 ‡",
	"E": "E É È Ë ˆ ‰", "Ê": "Ê Š ‹ Œ \u008d Ž", "I": "I Í Ì › Î ˜",
	"O": "O Ó Ò ™ \u00a0 š", "Ô": "Ô \u008f \u0090 ‘ ’ “", "Ơ": "´ • – — ³ ”",
	"U": "U Ú Ù œ \u009d ž", "Ư": "¿ º » ¼ ÿ ¹", "Y": "Y Ý Ÿ \u0014 \u0019 \u001e",
	"đ": "ð", "Đ": "Ð",
}

// VNI's capitals are the Windows-1252 capitals of its small letters, so
// only the small letters are written out.
var vniRows = map[string]string{
	"a": "a aù aø aû aõ aï", "ă": "aê aé aè aú aü aë", "â": "aâ aá aà aå aã aä",
	"e": "e eù eø eû eõ eï", "ê": "eâ eá eà eå eã eä", "i": "i í ì æ ó ò",
	"o": "o où oø oû oõ oï", "ô": "oâ oá oà oå oã oä", "ơ": "ô ôù ôø ôû ôõ ôï",
	"u": "u uù uø uû uõ uï", "ư": "ö öù öø öû öõ öï", "y": "y yù yø yû yõ î",
	"đ": "ñ",
}

// CP1258 writes ă ơ ư đ as letters and the tone as a combining byte after
// the letter: sắc ì (0xEC), huyền Ì, hỏi Ò, ngã Þ, nặng ò.
var (
	cp1258Base  = map[string]string{"ă": "ã", "ơ": "õ", "ư": "ý", "đ": "ð", "Ă": "Ã", "Ơ": "Õ", "Ư": "Ý", "Đ": "Ð"}
	cp1258Tones = []string{"", "ì", "Ì", "Ò", "Þ", "ò"}
)

// letterForms maps every letter of the alphabet, in both cases, to its
// form in enc as read by Windows-1252.
func letterForms(t testing.TB, enc Encoding) map[string]string {
	t.Helper()
	forms := map[string]string{}
	add := func(letter, row string) {
		cells := strings.Split(row, " ")
		if letter == "đ" || letter == "Đ" {
			forms[letter] = cells[0]
			return
		}
		if len(cells) != len(tones) {
			t.Fatalf("%v row %q has %d cells", enc, letter, len(cells))
		}
		for k, tone := range tones {
			forms[norm.NFC.String(letter+tone)] = cells[k]
		}
	}
	switch enc {
	case TCVN3:
		for l, row := range tcvn3Rows {
			add(l, row)
		}
	case VISCII:
		for l, row := range visciiRows {
			add(l, row)
		}
	case VNI:
		for l, row := range vniRows {
			add(l, row)
			add(strings.ToUpper(l), strings.ToUpper(row))
		}
	case CP1258:
		for _, v := range append(vowels, "đ") {
			for _, l := range []string{v, strings.ToUpper(v)} {
				base, ok := cp1258Base[l]
				if !ok {
					base = l
				}
				if v == "đ" {
					forms[l] = base
					continue
				}
				for k, tone := range tones {
					forms[norm.NFC.String(l+tone)] = base + cp1258Tones[k]
				}
			}
		}
	}
	return forms
}

// win1252 encodes the Windows-1252 reading back to bytes; the C1
// controls stand for the bytes 1252 leaves undefined.
func win1252(t testing.TB, s string) []byte {
	t.Helper()
	var out []byte
	for _, r := range s {
		if r < 0x80 || (r >= 0x80 && r < 0xa0 && !bytes.ContainsRune([]byte("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"), r)) {
			out = append(out, byte(r))
			continue
		}
		b, ok := charmap.Windows1252.EncodeRune(r)
		if !ok {
			t.Fatalf("%q has %q, not in Windows-1252", s, r)
		}
		out = append(out, b)
	}
	return out
}

func TestEveryLetterDecodes(t *testing.T) {
	for _, enc := range legacies {
		forms := letterForms(t, enc)
		if len(forms) != 2*(len(vowels)*len(tones)+1) {
			t.Fatalf("%v: %d letters, want %d", enc, len(forms), 2*(len(vowels)*len(tones)+1))
		}
		for letter, form := range forms {
			if got := DecodeBytes(enc, win1252(t, form)); got != letter {
				t.Errorf("%v: DecodeBytes(%q) = %q, want %q", enc, form, got, letter)
			}
			if got := FromFontText(enc, false, form); got != letter {
				t.Errorf("%v: FromFontText(%q) = %q, want %q", enc, form, got, letter)
			}
		}
	}
}

// CP1258 text from Windows uses the precomposed letters it has (á é ô…)
// and a combining tone for the rest; both decode to the same NFC letter.
func TestCP1258PrecomposedLetters(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"\xe1", "á"}, {"\xe0", "à"}, {"\xe9", "é"}, {"\xf4", "ô"}, {"\xf4\xec", "ố"},
		{"Vi\xea\xf2t Nam", "Việt Nam"}, {"\xd0\xf4\xf2c l\xe2\xf2p", "Độc lập"},
		{"C\xf4\xf2ng ho\xcca x\xe3 h\xf4\xf2i", "Cộng hòa xă hội"},
	} {
		if got := DecodeBytes(CP1258, []byte(c.in)); got != c.want {
			t.Errorf("DecodeBytes(CP1258, %q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDecodeBytesSentences(t *testing.T) {
	for _, c := range []struct {
		enc  Encoding
		in   string
		want string
	}{
		{TCVN3, "žy ban nh©n d©n x· DiÔn Ch©u", "Ủy ban nhân dân xã Diễn Châu"},
		{TCVN3, "Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"},
		{VNI, "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"},
		{VNI, "ngöôøi daân ñöôïc höôûng", "người dân được hưởng"},
		{VISCII, "Cµng hòa xã hµi chü nghîa Vi®t Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"},
		{CP1258, "Côòng hoÌa xãÞ hôòi", "Cộng hòa xẵ hội"},
		{TCVN3, "tab\there\r\n", "tab\there\r\n"},
	} {
		in := win1252(t, c.in)
		if got := DecodeBytes(c.enc, in); got != c.want {
			t.Errorf("DecodeBytes(%v, %q) = %q, want %q", c.enc, c.in, got, c.want)
		}
	}
}

// .VnTimeH shows capitals where the text has small letters.
func TestFromFontTextUpperFont(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
	}{
		{"kÕ ho¹ch", "KẾ HOẠCH"},
		{"\uf06b\uf0d5 ho\uf0b9ch", "KẾ HOẠCH"}, // Word's symbol-font form
		{"ñy ban nh©n d©n", "ỦY BAN NHÂN DÂN"},
	} {
		if got := FromFontText(TCVN3, true, c.in); got != c.want {
			t.Errorf("FromFontText(TCVN3, upper, %q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := FromFontText(TCVN3, false, "kÕ ho¹ch → ©"); got != "kế hoạch → â" {
		t.Errorf("a character outside 1252 must be kept: got %q", got)
	}
	if got := FromFontText(Unicode, false, "Vie\u0302\u0323t"); got != "Việt" {
		t.Errorf("FromFontText(Unicode) must only normalise: got %q", got)
	}
}

func TestFontEncoding(t *testing.T) {
	for _, c := range []struct {
		font  string
		enc   Encoding
		upper bool
		ok    bool
	}{
		{".VnTime", TCVN3, false, true},
		{".VnTimeH", TCVN3, true, true},
		{".VnArial", TCVN3, false, true},
		{".VnArialH", TCVN3, true, true},
		{".VnArial NarrowH", TCVN3, true, true},
		{".VnCentury Schoolbook", TCVN3, false, true},
		{" .vnTime ", TCVN3, false, true},
		{"VNI-Times", VNI, false, true},
		{"VNI-Helve", VNI, false, true},
		{"VNI Times", VNI, false, true},
		{"vni-times", VNI, false, true},
		{"VISCII Times", VISCII, false, true},
		{"Times New Roman", Unicode, false, false},
		{"Arial", Unicode, false, false},
		{"", Unicode, false, false},
	} {
		enc, upper, ok := FontEncoding(c.font)
		if enc != c.enc || upper != c.upper || ok != c.ok {
			t.Errorf("FontEncoding(%q) = %v, %v, %v; want %v, %v, %v", c.font, enc, upper, ok, c.enc, c.upper, c.ok)
		}
	}
}

func TestEncodingNames(t *testing.T) {
	want := map[Encoding]string{Unicode: "Unicode", TCVN3: "TCVN3 (ABC)", VNI: "VNI", VISCII: "VISCII", CP1258: "CP1258"}
	for enc, name := range want {
		if enc.String() != name {
			t.Errorf("%d.String() = %q, want %q", int(enc), enc.String(), name)
		}
	}
	for _, c := range []struct {
		in   string
		want Encoding
		ok   bool
	}{{"tcvn3", TCVN3, true}, {"ABC", TCVN3, true}, {"VNI", VNI, true}, {"viscii", VISCII, true},
		{"cp1258", CP1258, true}, {"windows-1258", CP1258, true}, {"utf-8", Unicode, false}} {
		if got, ok := ParseEncoding(c.in); got != c.want || ok != c.ok {
			t.Errorf("ParseEncoding(%q) = %v, %v", c.in, got, ok)
		}
	}
}

// The byte tables agree with the system's iconv, where it has the charset.
func TestTablesAgreeWithIconv(t *testing.T) {
	for _, c := range []struct {
		enc  Encoding
		name string
	}{{TCVN3, "TCVN5712-1"}, {VISCII, "VISCII"}, {CP1258, "CP1258"}} {
		var in []byte
		for b := 0; b < 256; b++ {
			if b != '\n' {
				in = append(in, byte(b), '\n')
			}
		}
		cmd := exec.Command("iconv", "-c", "-f", c.name, "-t", "UTF-32BE")
		cmd.Stdin = bytes.NewReader(in)
		out, err := cmd.Output()
		if err != nil {
			t.Skipf("iconv has no %s: %v", c.name, err)
		}
		var lines [][]rune
		line := []rune{}
		for i := 0; i+3 < len(out); i += 4 {
			r := rune(out[i])<<24 | rune(out[i+1])<<16 | rune(out[i+2])<<8 | rune(out[i+3])
			if r == '\n' {
				lines = append(lines, line)
				line = []rune{}
				continue
			}
			line = append(line, r)
		}
		k := 0
		for b := 0; b < 256; b++ {
			if b == '\n' {
				continue
			}
			got := string(decodeByte(c.enc, byte(b), nil))
			if want := string(lines[k]); want != "" && got != want { // "": undefined, dropped by -c
				t.Errorf("%v byte %#02x: %q, iconv %s says %q", c.enc, b, got, c.name, want)
			}
			k++
		}
	}
}
