package legacy

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The detector decides between "Vietnamese" and "mojibake" by the shape
// of a syllable: an onset from a short list, a rhyme from the closed set
// of Vietnamese rhymes, one tone at most, and only sắc or nặng on a rhyme
// that ends in a stop (p, t, c, ch). Legacy bytes read as Windows-1252
// almost never give such a shape, and text decoded in the wrong legacy
// encoding seldom does.

// onsets lists the initial consonants, longest first within a letter.
var onsets = []string{
	"ngh", "ng", "nh", "gh", "gi", "kh", "ph", "qu", "th", "tr", "ch",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
}

// rhymes is every Vietnamese rhyme without its tone.
var rhymes = setOf(`a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
o oc oi om on ong op ot ooc oong
oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt
oe oem oen oeo oet
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u uc ui um un ung up ut ua uân uâng uât uây uê uêch uênh uêt uơ
uy uych uyên uyêt uyn uynh uyp uyt uyu uya uôc uôi uôm uôn uông uôt
ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
y yêm yên yêng yêt yêu`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// tone marks as combining characters
const (
	toneAcute = '\u0301' // sắc
	toneGrave = '\u0300' // huyền
	toneHook  = '\u0309' // hỏi
	toneTilde = '\u0303' // ngã
	toneDot   = '\u0323' // nặng
)

// letterParts gives each precomposed Vietnamese letter, both cases, its
// small letter without tone and its tone; other runes have bare 0. It is
// built once and only read. An array indexed by rune, not a map: the
// detector looks up every letter of a text that has à or é, which is
// every Vietnamese text.
var letterParts = buildLetterParts()

// lettersBelow bounds the runes of letterParts: every Vietnamese letter
// is below it (ỹ is U+1EF9).
const lettersBelow = 0x1f00

type parts struct {
	bare  rune // small letter, hat, horn and breve kept: ô, ơ, ă
	tone  rune // 0 or one of the five tone marks
	upper bool
}

// letter returns the parts of r, and whether r is a Vietnamese letter.
func letter(r rune) (parts, bool) {
	if r < 0 || r >= lettersBelow {
		return parts{}, false
	}
	p := letterParts[r]
	return p, p.bare != 0
}

func buildLetterParts() *[lettersBelow]parts {
	m := new([lettersBelow]parts)
	for _, base := range "aăâeêioôơuưyđbcdghklmnpqrstvx" {
		for _, tone := range []rune{0, toneAcute, toneGrave, toneHook, toneTilde, toneDot} {
			s := string(base)
			if tone != 0 {
				if !strings.ContainsRune("aăâeêioôơuưy", base) {
					continue
				}
				s += string(tone)
			}
			for i, l := range []string{s, strings.ToUpper(s)} {
				r, _ := utf8.DecodeRuneInString(norm.NFC.String(l))
				m[r] = parts{base, tone, i == 1}
			}
		}
	}
	return m
}

// maxSyllable is the length of the longest syllable, nghiêng.
const maxSyllable = 7

// isSyllable reports whether w, letters only, is one Vietnamese syllable
// written in lower case, upper case or with a capital first letter.
func isSyllable(w string) bool {
	var buf [maxSyllable * utf8.UTFMax]byte
	bare := buf[:0]
	var tone rune
	n, upper := 0, 0
	for _, r := range w {
		p, ok := letter(r)
		if !ok || n == maxSyllable {
			return false
		}
		if p.upper {
			upper++
		}
		n++
		if p.tone != 0 {
			if tone != 0 {
				return false
			}
			tone = p.tone
		}
		bare = utf8.AppendRune(bare, p.bare)
	}
	// written viet, VIET or Viet, never DiÔn
	if n == 0 || upper != 0 && upper != n && (upper > 1 || !upperLetter(firstRune(w))) {
		return false
	}
	for _, on := range onsets {
		if bare[0] == on[0] && len(bare) >= len(on) && string(bare[:len(on)]) == on && rhymeFits(on, string(bare[len(on):]), tone) {
			return true
		}
	}
	return rhymeFits("", string(bare), tone)
}

func upperLetter(r rune) bool {
	p, _ := letter(r)
	return p.upper
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// isWord accepts a syllable, or an abbreviation in capitals with Đ
// (HĐND, QĐ, ĐTN), which legacy text writes with the encoding's Đ.
func isWord(w string) bool {
	if isSyllable(w) {
		return true
	}
	n, d := 0, false
	for _, r := range w {
		switch {
		case r == 'Đ':
			d = true
		case r < 'A' || r > 'Z':
			return false
		}
		n++
	}
	return d && n >= 2 && n <= 8
}

func rhymeFits(onset, rhyme string, tone rune) bool {
	if rhyme == "" {
		return onset == "gi" // gì, gỉ: the i of gi is the vowel
	}
	if !rhymes[rhyme] {
		return false
	}
	if onset == "qu" && strings.HasPrefix(rhyme, "u") {
		return false
	}
	if tone != 0 && tone != toneAcute && tone != toneDot {
		for _, stop := range []string{"p", "t", "c", "ch"} {
			if strings.HasSuffix(rhyme, stop) {
				return false
			}
		}
	}
	return true
}
