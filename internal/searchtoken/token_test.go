package searchtoken

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func TestKeys(t *testing.T) {
	tests := []struct {
		word, form, fold string
	}{
		{"má", "ma1", "ma"},
		{"mà", "ma2", "ma"},
		{"mả", "ma3", "ma"},
		{"mã", "ma4", "ma"},
		{"mạ", "ma5", "ma"},
		{"ma", "ma", "ma"},
		{"hoà", "hoa2", "hoa"}, // old tone placement
		{"hòa", "hoa2", "hoa"}, // new
		{"thuỷ", "thuy3", "thuy"},
		{"thủy", "thuy3", "thuy"},
		{"Quý", "quy1", "qui"},
		{"quí", "qui1", "qui"},
		{"quy", "quy", "qui"},
		{"lý", "ly1", "li"},
		{"lí", "li1", "li"},
		{"kỹ", "ky4", "ki"},
		{"Mỹ", "my4", "mi"},
		{"tỷ", "ty3", "ti"},
		{"hy", "hy", "hi"},
		{"tay", "tay", "tay"},
		{"tuy", "tuy", "tuy"},
		{"yên", "yên", "yen"},
		{"y", "y", "y"},
		{"ý", "y1", "y"},
		{"nguy", "nguy", "nguy"},
		{"ĐẤT", "đât1", "dat"},
		{"đất", "đât1", "dat"},
		{"ĐAI", "đai", "dai"},
		{"Chuyển", "chuyên3", "chuyen"},
		{"đổi", "đôi3", "doi"},
		{"số", "sô1", "so"},
		{"ệ", "ê5", "e"},
		{"Ưu", "ưu", "uu"},
		{"ươn", "ươn", "uon"},
		{"Ăn", "ăn", "an"},
		{"2026", "2026", "2026"},
		{"KH", "kh", "kh"},
		{"UBND", "ubnd", "ubnd"},
		{"hoa2", "hoa2", "hoa2"},                         // a form, not a fold: the same as hoà's form, but never compared
		{"Chuy\u0065\u0302\u0309n", "chuyên3", "chuyen"}, // NFD
		{"q\u0075\u0301y", "quy1", "qui"},                // NFD, tone misplaced on u: where it sits never matters
		{"naïve", "naïve", "naive"},
		{"İstanbul", "istanbul", "istanbul"}, // lower-cased rune by rune: İ is i
		{strings.Repeat("a", 40), strings.Repeat("a", 40), strings.Repeat("a", 40)},
	}
	for _, tt := range tests {
		form, fold, ok := Keys(tt.word)
		if !ok || form != tt.form || fold != tt.fold {
			t.Errorf("Keys(%q) = %q, %q, %v; want %q, %q", tt.word, form, fold, ok, tt.form, tt.fold)
		}
		if !norm.NFC.IsNormalString(form) {
			t.Errorf("Keys(%q): form %q is not NFC", tt.word, form)
		}
	}
	for _, w := range []string{"", strings.Repeat("a", 41), strings.Repeat("ệ", 41)} {
		if form, fold, ok := Keys(w); ok {
			t.Errorf("Keys(%q) = %q, %q, true; want dropped", w, form, fold)
		}
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		text  string
		folds string // space-separated
		forms string
	}{
		{"Chuyển đổi số", "chuyen doi so", "chuyên3 đôi3 sô1"},
		{"ĐẤT ĐAI", "dat dai", "đât1 đai"},
		{"35/KH-UBND", "35 kh ubnd", "35 kh ubnd"},
		{"05/QĐ-UBND", "05 qd ubnd", "05 qđ ubnd"},
		{"12/QyĐ-UBND", "12 qyd ubnd", "12 qyđ ubnd"},
		{"1.000 đồng", "1 000 dong", "1 000 đông2"},
		{"hoà giải, hòa giải", "hoa giai hoa giai", "hoa2 giai3 hoa2 giai3"},
		{"Thuỷ lợi — thủy lợi", "thuy loi thuy loi", "thuy3 lơi5 thuy3 lơi5"},
		{"Chuy\u0065\u0302\u0309n đo\u0302\u0309i so\u0302\u0301", "chuyen doi so", "chuyên3 đôi3 sô1"}, // NFD
		{"  (Nghị định 30/2020/NĐ-CP)  ", "nghi dinh 30 2020 nd cp", "nghi5 đinh5 30 2020 nđ cp"},
		{"e-mail: a@b.vn", "e mail a b vn", "e mail a b vn"},
		{"x² ½ ①", "x", "x"}, // numbers that are not decimal digits separate
		{"a " + strings.Repeat("b", 41) + " c", "a c", "a c"},
		{"", "", ""},
		{"…—–", "", ""},
	}
	for _, tt := range tests {
		var folds, forms []string
		for _, tok := range Tokenize(tt.text) {
			folds = append(folds, tok.Fold)
			forms = append(forms, tok.Form)
		}
		if got := strings.Join(folds, " "); got != tt.folds {
			t.Errorf("Tokenize(%q) folds = %q, want %q", tt.text, got, tt.folds)
		}
		if got := strings.Join(forms, " "); got != tt.forms {
			t.Errorf("Tokenize(%q) forms = %q, want %q", tt.text, got, tt.forms)
		}
	}
}

// TestWordRuneShortcut checks the fast path of isWordRune against the
// definition (letters, marks, decimal digits).
func TestWordRuneShortcut(t *testing.T) {
	for r := rune(0); r <= 0x2FFF; r++ {
		want := unicode.IsLetter(r) || unicode.Is(unicode.M, r) || unicode.IsDigit(r)
		if got := isWordRune(r); got != want && r != 0xFFFD {
			t.Errorf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestCommonFormsAreDistinct: each common word has a form of its own.
func TestCommonFormsAreDistinct(t *testing.T) {
	if forms := CommonForms(); len(forms) != len(commonWords) {
		t.Errorf("%d forms for %d common words: two words share a form", len(forms), len(commonWords))
	}
}
