package searchquery

import (
	"strings"
	"testing"

	"github.com/cchc-vn/cchc/internal/searchtoken"
)

var fuzzSeeds = []string{
	"Chuyển đổi số", "hoà giải, hòa giải", "thuỷ lợi — thủy lợi", "Quý/quí", "ĐẤT ĐAI",
	"35/KH-UBND ngày 16/01/2026", "Chuy\u0065\u0302\u0309n", "x² ½ × ÷", "İstanbul naïve",
	"\xff\xfe bad \xc3", "\u1ea0\u1ef9\u1efa", "a\u0301\u0301b", strings.Repeat("ệ", 45) + " ok",
	"chuyen doi s", "má ", "  ", "",
}

// FuzzParseQuery runs any query on a small index: no error, at most
// MaxTerms terms with the keys of their tokens, only the last a prefix,
// and results that are documents, best first.
func FuzzParseQuery(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	s := buildSite(f, rankingSite())
	ix, err := Open(s.fetch, s.meta)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		terms := ParseQuery(q)
		toks := searchtoken.Tokenize(q)
		if len(terms) > MaxTerms || len(terms) != min(len(toks), MaxTerms) {
			t.Fatalf("ParseQuery(%q): %d terms for %d tokens", q, len(terms), len(toks))
		}
		for i, term := range terms {
			if term.Form != toks[i].Form || term.Fold != toks[i].Fold || term.Prefix && i != len(terms)-1 {
				t.Fatalf("ParseQuery(%q)[%d] = %+v, token %+v", q, i, term, toks[i])
			}
		}
		hits, err := ix.Search(q, Filters{})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		for i, h := range hits {
			if h.Doc < 0 || h.Doc >= ix.Len() || h.Score < 1000 || i > 0 && (h.Score > hits[i-1].Score || h.Score == hits[i-1].Score && h.Doc < hits[i-1].Doc) {
				t.Fatalf("Search(%q): hit %d %+v after %+v", q, i, h, hits[max(i-1, 0)])
			}
		}
	})
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		q    string
		want string // form/fold, * for a prefix term
	}{
		{"chuyen doi s", "chuyen/chuyen doi/doi s/s*"},
		{"chuyen doi so ", "chuyen/chuyen doi/doi so/so"},
		{"Chuyển đổi số", "chuyên3/chuyen đôi3/doi sô1/so*"},
		{"má", "ma1/ma*"},
		{"quý\u00a0", "quy1/qui"},
		{"35/KH-UBND", "35/35 kh/kh ubnd/ubnd*"},
		{"thủ tục.", "thu3/thu tuc5/tuc*"},
		{"a b c d e f g h i j", "a/a b/b c/c d/d e/e f/f g/g h/h"},
		{"a b c d e f g h", "a/a b/b c/c d/d e/e f/f g/g h/h*"},
		{"   ", ""},
		{"!?", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, term := range ParseQuery(tt.q) {
			s := term.Form + "/" + term.Fold
			if term.Prefix {
				s += "*"
			}
			got = append(got, s)
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("ParseQuery(%q) = %q, want %q", tt.q, g, tt.want)
		}
	}
}
