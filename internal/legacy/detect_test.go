package legacy

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A file saved in each legacy encoding is recognised and decodes back.
func TestDetectBytesLegacyFiles(t *testing.T) {
	text := asLegacyDocument.Replace(readTestdata(t, "vietnamese.txt"))
	for _, enc := range legacies {
		raw := win1252(t, toMojibake(t, enc, text))
		got, ok := DetectBytes(raw)
		if !ok || got != enc {
			t.Errorf("DetectBytes(article in %v) = %v, %v", enc, got, ok)
		}
		if dec := DecodeBytes(enc, raw); dec != text {
			t.Errorf("DecodeBytes(%v) does not give the article back", enc)
		}
	}
}

func TestDetectBytesShortLines(t *testing.T) {
	for _, c := range []struct {
		in   string // as Windows-1252 reads it
		want Encoding
		ok   bool
	}{
		{"žy ban nh©n d©n x· DiÔn Ch©u", TCVN3, true},
		{"title: KÕ ho¹ch tuyªn truyÒn", TCVN3, true},
		{"Xin chaøo caùc baïn, ngöôøi daân", VNI, true},
		{"Cµng hòa xã hµi chü nghîa Vi®t Nam", VISCII, true},
		{"Côòng hoÌa xaÞ hôòi chuÒ nghiÞa Viêòt Nam", CP1258, true},
		// Western text in Windows-1252 is not Vietnamese
		{"Café crème, Müller façade, naïve résumé à la carte", Unicode, false},
		{"© 2026 ®", Unicode, false},
	} {
		enc, ok := DetectBytes(win1252(t, c.in))
		if enc != c.want || ok != c.ok {
			t.Errorf("DetectBytes(%q) = %v, %v; want %v, %v", c.in, enc, ok, c.want, c.ok)
		}
	}
	if enc, ok := DetectBytes([]byte("Việt Nam")); ok {
		t.Errorf("DetectBytes(UTF-8) = %v, true; want false", enc)
	}
}

func TestUTF16(t *testing.T) {
	text := "---\ntitle: \"Một cửa\"\n---\nNội dung 😀\n"
	le := []byte{0xff, 0xfe}
	be := []byte{0xfe, 0xff}
	for _, r := range text {
		var units []uint16
		if r > 0xffff {
			r -= 0x10000
			units = []uint16{uint16(0xd800 + r>>10), uint16(0xdc00 + r&0x3ff)}
		} else {
			units = []uint16{uint16(r)}
		}
		for _, u := range units {
			le = append(le, byte(u), byte(u>>8))
			be = append(be, byte(u>>8), byte(u))
		}
	}
	for _, c := range []struct {
		name string
		in   []byte
		want UTF16
	}{
		{"LE with BOM", le, UTF16LE},
		{"BE with BOM", be, UTF16BE},
		{"LE without BOM", le[2:], UTF16LE},
		{"BE without BOM", be[2:], UTF16BE},
	} {
		got := DetectUTF16(c.in)
		if got != c.want {
			t.Errorf("%s: DetectUTF16 = %v, want %v", c.name, got, c.want)
			continue
		}
		if dec := DecodeUTF16(got, c.in); dec != text {
			t.Errorf("%s: DecodeUTF16 = %q, want %q", c.name, dec, text)
		}
	}
	for _, in := range [][]byte{[]byte("Việt Nam\n"), []byte("plain ascii text"), nil, {0, 0, 0}} {
		if got := DetectUTF16(in); got != NotUTF16 {
			t.Errorf("DetectUTF16(%q) = %v", in, got)
		}
	}
	if got := DecodeUTF16(UTF16LE, []byte{0xff, 0xfe, 'a', 0, 0x00, 0xd8, 'b'}); got != "a\uFFFD\uFFFD" {
		t.Errorf("unpaired surrogate and odd byte: %q", got)
	}
}

// gencorpusDir finds the benchmark generator: CCHC_GENCORPUS, or the
// shared folder beside the repository as CI lays it out.
func gencorpusDir() string {
	if dir := os.Getenv("CCHC_GENCORPUS"); dir != "" {
		return dir
	}
	return filepath.Join("..", "..", "..", "shared", "bench", "gencorpus")
}

// 10,000 generated articles of Vietnamese administrative text have no
// mojibake: the detector's promise of no false positives, at scale.
func TestGeneratedArticlesHaveNoMojibake(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 10,000 articles")
	}
	dir := gencorpusDir()
	if _, err := os.Stat(filepath.Join(dir, "main.go")); err != nil {
		t.Skipf("no generator at %s (set CCHC_GENCORPUS)", dir)
	}
	out := t.TempDir()
	cmd := exec.Command("go", "run", ".", "-n", "10000", "-out", out)
	cmd.Dir = dir
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gencorpus: %v\n%s", err, msg)
	}
	files, words := 0, 0
	err := filepath.WalkDir(filepath.Join(out, "content"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".md" {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		words += len(bytes.Fields(b))
		for _, r := range FindMojibake(string(b)) {
			t.Errorf("%s: %v mojibake %q", path, r.Enc, b[r.Start:r.End])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 10000 {
		t.Fatalf("only %d articles generated", files)
	}
	t.Logf("%d articles, %d words, no mojibake", files, words)
}

func FuzzFindMojibake(f *testing.F) {
	for _, s := range []string{"žy ban nh©n d©n x· DiÔn Ch©u", "Xin chaøo caùc baïn", "Vi®t", "Viêòt", "Sè:\nnh©n", "“žy”", "\x01p\x13"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		last := 0
		for _, r := range FindMojibake(s) {
			if r.Start < last || r.End <= r.Start || r.End > len(s) || r.Enc == Unicode {
				t.Fatalf("bad run %+v in %q", r, s)
			}
			if !utf8.ValidString(r.Fixed) || !isNFC(r.Fixed) {
				t.Fatalf("Fixed %q not NFC UTF-8", r.Fixed)
			}
			last = r.End
		}
		if fixed := FixMojibake(s); !utf8.ValidString(fixed) || !isNFC(fixed) {
			t.Fatalf("FixMojibake(%q) = %q, not NFC UTF-8", s, fixed)
		}
	})
}

func FuzzDecodeBytes(f *testing.F) {
	f.Add([]byte("\x9ey ban nh\xa9n"))
	f.Add([]byte{0xff, 0xfe, 'a', 0})
	f.Add([]byte("Coa\xe4ng"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, enc := range append([]Encoding{Unicode}, legacies[:]...) {
			if s := DecodeBytes(enc, b); !utf8.ValidString(s) || !isNFC(s) {
				t.Fatalf("DecodeBytes(%v, %q) = %q", enc, b, s)
			}
			if s := FromFontText(enc, true, string(b)); !utf8.ValidString(s) || !isNFC(s) {
				t.Fatalf("FromFontText(%v, %q) = %q", enc, b, s)
			}
		}
		DetectBytes(b)
		if u := DetectUTF16(b); u != NotUTF16 {
			if s := DecodeUTF16(u, b); !utf8.ValidString(s) || !isNFC(s) {
				t.Fatalf("DecodeUTF16(%q) = %q", b, s)
			}
		}
	})
}

func isNFC(s string) bool { return norm.NFC.IsNormalString(s) }
