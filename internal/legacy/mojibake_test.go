package legacy

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// asLegacyDocument replaces what a legacy document could not hold (curly
// quotes, dashes, ₫) with the ASCII its authors typed.
var asLegacyDocument = strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'", "–", "-", "—", "-", "…", "...", "₫", "d", "\u00a0", " ")

// toMojibake writes Vietnamese text in enc and reads it back as
// Windows-1252, as Notepad shows a legacy file, using the letter forms
// written out in tables_test.go.
func toMojibake(t testing.TB, enc Encoding, text string) string {
	t.Helper()
	forms := letterForms(t, enc)
	var b strings.Builder
	for _, r := range norm.NFC.String(text) {
		if f, ok := forms[string(r)]; ok {
			b.WriteString(f)
			continue
		}
		if r >= 0x80 {
			t.Fatalf("%v cannot write %q", enc, r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

func readTestdata(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Every line of real Vietnamese, turned to mojibake in each encoding, is
// found and fixed back, word for word.
func TestFixMojibakeRestoresArticles(t *testing.T) {
	text := asLegacyDocument.Replace(readTestdata(t, "vietnamese.txt"))
	for _, enc := range legacies {
		moj := toMojibake(t, enc, text)
		got := FixMojibake(moj)
		wantLines, gotLines, mojLines := strings.Split(text, "\n"), strings.Split(got, "\n"), strings.Split(moj, "\n")
		bad := 0
		for i := range wantLines {
			if gotLines[i] != wantLines[i] {
				bad++
				if bad <= 5 {
					t.Errorf("%v line %d:\n mojibake %q\n fixed    %q\n want     %q", enc, i+1, mojLines[i], gotLines[i], wantLines[i])
				}
			}
		}
		if bad > 5 {
			t.Errorf("%v: %d lines of %d not restored", enc, bad, len(wantLines))
		}
	}
}

func TestFindMojibakeExamples(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []Run
	}{
		{"žy ban nh©n d©n x· DiÔn Ch©u", []Run{{0, 34, TCVN3, "Ủy ban nhân dân xã Diễn Châu"}}},
		// a legacy name inside a Unicode sentence: the words around stay
		{"Kính gửi: žy ban nh©n d©n x· DiÔn Ch©u thì tốt.", []Run{{13, 47, TCVN3, "Ủy ban nhân dân xã Diễn Châu"}}},
		{`title: "KÕ ho¹ch tuyªn truyÒn c¶i c¸ch hµnh chÝnh n¨m 2026"`, []Run{{8, 62, TCVN3, "Kế hoạch tuyên truyền cải cách hành chính năm"}}},
		{"“žy ban” nh©n d©n", []Run{{3, 24, TCVN3, "Ủy ban” nhân dân"}}},
		{"Xin chaøo caùc baïn", []Run{{4, 22, VNI, "chào các bạn"}}},
		{"UÛy ban nhaân daân xaõ Dieãn Chaâu", []Run{{0, 40, VNI, "Ủy ban nhân dân xã Diễn Châu"}}},
		{"Vi®t Nam", []Run{{0, 5, VISCII, "Việt"}}},
		{"Cµng hòa xã hµi chü nghîa Vi®t Nam", []Run{{0, 37, VISCII, "Cộng hòa xã hội chủ nghĩa Việt"}}},
		{"Viêòt Nam", []Run{{0, 7, CP1258, "Việt"}}},
		{"Côòng hoÌa xaÞ hôòi", []Run{{0, 25, CP1258, "Cộng hòa xã hội"}}},
		// a line without evidence of its own is read in the encoding of
		// the text, when the text has enough evidence (two common words)
		{"Sè: 35/KH-UBND\nnh©n d©n", []Run{{0, 3, TCVN3, "Số"}, {16, 26, TCVN3, "nhân dân"}}},
		{"Sè: 35/KH-UBND\nnh©n", []Run{{16, 21, TCVN3, "nhân"}}},
		// but never a line with Unicode Vietnamese in it: mét stays mét
		{"Đo được 5 mét.\nnh©n d©n x· DiÔn Ch©u", []Run{{21, 47, TCVN3, "nhân dân xã Diễn Châu"}}},
	} {
		got := FindMojibake(c.in)
		if len(got) != len(c.want) {
			t.Errorf("FindMojibake(%q) = %+v, want %+v", c.in, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("FindMojibake(%q)[%d] = %+v, want %+v", c.in, i, got[i], c.want[i])
			}
		}
	}
}

func TestFixMojibake(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"žy ban nh©n d©n x· DiÔn Ch©u", "Ủy ban nhân dân xã Diễn Châu"},
		{"Kính gửi: žy ban nh©n d©n x· DiÔn Ch©u thì tốt.", "Kính gửi: Ủy ban nhân dân xã Diễn Châu thì tốt."},
		{"Tiêu đề đúng\nCaùc phoøng, ngaønh treân ñòa baøn xaõ.", "Tiêu đề đúng\nCác phòng, ngành trên địa bàn xã."},
		{"không có gì sai", "không có gì sai"},
		{"Vie\u0302\u0323t", "Việt"}, // NFC even with nothing to fix
	} {
		if got := FixMojibake(c.in); got != c.want {
			t.Errorf("FixMojibake(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Unicode text — Vietnamese, symbols, Latin-1 words — has no mojibake.
func TestFindMojibakeNoFalsePositives(t *testing.T) {
	texts := map[string]string{
		"vietnamese.txt": readTestdata(t, "vietnamese.txt"),
		"latin1.txt":     readTestdata(t, "latin1.txt"),
		"nfd":            norm.NFD.String(readTestdata(t, "vietnamese.txt")),
		"sample":         "© UBND xã Diễn Châu ® 2026 — “Một cửa” ‘liên thông’ … 25°C, 10 €, café, Müller, façade",
		"short words":    "là và có thì mà tôi cá bé ý gì tám chín xã nên né mét cú tò",
		"capitals":       "KẾ HOẠCH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2026; CÁC CÔNG VIỆC",
		"symbols":        "Microsoft® Word™ µm m² m³ x² ½ kg ±5% §3 ¶2 D® (R)",
		"lookalike":      "Ðinh Văn Ðông, ðiện",
	}
	for name, text := range texts {
		for _, r := range FindMojibake(text) {
			t.Errorf("%s: found %v mojibake %q → %q", name, r.Enc, text[r.Start:r.End], r.Fixed)
		}
		if got := FixMojibake(text); got != norm.NFC.String(text) {
			t.Errorf("%s: FixMojibake changed the text", name)
		}
	}
}

func BenchmarkFindMojibakeVietnamese(b *testing.B) {
	text := readTestdata(b, "vietnamese.txt")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		FindMojibake(text)
	}
}

// The memo answers as isSyllable does, whatever order words come in and
// however many share a slot; and isWordRune as wordRune.
func TestSyllableMemo(t *testing.T) {
	words := strings.Fields(readTestdata(t, "vietnamese.txt") + readTestdata(t, "latin1.txt") + " DiÔn nh©n chaøo Vi®t")
	rng := rand.New(rand.NewPCG(12, 5))
	var memo syllableMemo
	for range 20 * len(words) {
		w := words[rng.IntN(len(words))]
		if got, want := memo.isSyllable(w), isSyllable(w); got != want {
			t.Fatalf("memo says %v for %q, isSyllable %v", got, w, want)
		}
	}
	for r := rune(0); r < 0x3000; r++ {
		if isWordRune(r) != wordRune(r) {
			t.Fatalf("isWordRune(%U) = %v", r, isWordRune(r))
		}
	}
}
