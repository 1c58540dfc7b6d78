package searchtoken

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

var fuzzSeeds = []string{
	"Chuyển đổi số", "hoà giải, hòa giải", "thuỷ lợi — thủy lợi", "Quý/quí", "ĐẤT ĐAI",
	"35/KH-UBND ngày 16/01/2026", "Chuy\u0065\u0302\u0309n", "x² ½ × ÷", "İstanbul naïve",
	"\xff\xfe bad \xc3", "\u1ea0\u1ef9\u1efa", "a\u0301\u0301b", strings.Repeat("ệ", 45) + " ok",
	"chuyen doi s", "má ", "  ", "",
}

// FuzzTokenize checks the tokenizer against its definition: runs of
// letters, marks and decimal digits, read the slow way; and that NFC and
// NFD spellings give the same keys.
func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var got []string
		Scan(s, func(w string, packed uint64) {
			got = append(got, w)
			var want uint64
			for i := range min(len(w), 8) {
				want |= uint64(w[i]) << (8 * i)
			}
			if len(w) > 8 {
				want = 0
			}
			if packed != want {
				t.Fatalf("Scan(%q): %q packed as %x, want %x", s, w, packed, want)
			}
		})
		want := strings.FieldsFunc(s, func(r rune) bool {
			return r == utf8.RuneError || !(unicode.IsLetter(r) || unicode.Is(unicode.M, r) || unicode.IsDigit(r))
		})
		if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
			t.Fatalf("Scan(%q) = %q, want %q", s, got, want)
		}
		toks := Tokenize(s)
		for _, tok := range toks {
			if tok.Fold == "" || tok.Form == "" || utf8.RuneCountInString(tok.Fold) > maxTokenRunes {
				t.Fatalf("Tokenize(%q): token %+v", s, tok)
			}
			for _, r := range tok.Fold {
				if unicode.Is(unicode.Mn, r) || unicode.ToLower(r) != r || r == 'đ' || !isWordRune(r) {
					t.Fatalf("Tokenize(%q): fold %q has %q", s, tok.Fold, r)
				}
			}
			if !norm.NFC.IsNormalString(tok.Form) {
				t.Fatalf("Tokenize(%q): form %q is not NFC", s, tok.Form)
			}
		}
		if !utf8.ValidString(s) {
			return
		}
		for _, other := range []string{norm.NFD.String(s), norm.NFC.String(s)} {
			if o := Tokenize(other); !sameTokens(o, toks) {
				t.Fatalf("Tokenize(%q) = %v, but %v for %q", s, toks, o, other)
			}
		}
	})
}

func sameTokens(a, b []Token) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
