package viet

import (
	"errors"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2026-01-16", "2026-01-16 08:30", "2026-01-16 08:30:15", "2026-01-16T08:30",
		"2026-01-16T08:30:00", "2026-01-16T08:30:00+07:00", "2026-01-16T08:30:00Z",
		"2026-01-16T08:30:00-05:30", "2026-01-16T08:30:00.123456789+0700",
		"16/01/2026", "16/1/2026", "16/01/2026 08:30", "16-01-2026", "29/02/2028",
		"30/02/2026", "01/16/2026", "24:00", "16/01/26", "mai", "", "9999-12-31T23:59:59-23:59",
		"0001-01-01T00:00:00+23:59",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseDate(s)
		if err != nil {
			var de *DateError
			if !errors.As(err, &de) || de.Message == "" || de.Hint == "" {
				t.Fatalf("ParseDate(%q): error %#v is not a complete *DateError", s, err)
			}
			return
		}
		if got.Location() != Location() {
			t.Fatalf("ParseDate(%q) is in %v", s, got.Location())
		}
		reparse := func(text string, want time.Time) {
			again, err := ParseDate(text)
			if err != nil || !again.Equal(want) {
				t.Fatalf("ParseDate(%q) = %v; re-parsing its form %q gives %v, %v", s, got, text, again, err)
			}
		}
		// ISODate keeps whole seconds; RFC 3339 with nanoseconds keeps all.
		reparse(ISODate(got), got.Truncate(time.Second))
		reparse(got.Format(time.RFC3339Nano), got)
		day, err := ParseDate(ShortDate(got))
		if err != nil || ShortDate(day) != ShortDate(got) {
			t.Fatalf("ShortDate(%v) = %q does not parse back: %v, %v", got, ShortDate(got), day, err)
		}
	})
}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func FuzzSlug(f *testing.F) {
	for _, s := range []string{
		"Chuyển đổi số", norm.NFD.String("Chuyển đổi số"), "Đường làng", "Ðường", "  Một cửa  ",
		"PAR INDEX 2025", "05/QĐ-UBND", "", "!!!", "İstanbul", "K", "ǅ", "ﬁ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s)
		if got != "" && !slugPattern.MatchString(got) {
			t.Fatalf("Slug(%q) = %q, not a slug", s, got)
		}
		if a, b := Slug(norm.NFC.String(s)), Slug(norm.NFD.String(s)); a != b {
			t.Fatalf("Slug of NFC %q = %q, of NFD = %q", s, a, b)
		}
		if again := Slug(got); again != got {
			t.Fatalf("Slug(%q) = %q, but Slug(%q) = %q", s, got, got, again)
		}
	})
}

func FuzzCut(f *testing.F) {
	f.Add("Dịch vụ công trực tuyến, một cửa", 26)
	f.Add(norm.NFD.String("Nghệ An"), 3)
	f.Add("https://dichvucong.gov.vn/", 8)
	f.Add("  \u00a0 ", 0)
	f.Fuzz(func(t *testing.T, text string, limit int) {
		got := Cut(text, limit)
		if want := cutWhole(text, limit); got != want {
			t.Fatalf("Cut(%q, %d) = %q, want %q (cut of the whole collapsed text)", text, limit, got, want)
		}
		collapsed := strings.Join(strings.Fields(text), " ")
		if got == collapsed {
			if utf8.RuneCountInString(got) > max(limit, 0) {
				t.Fatalf("Cut(%q, %d) = %q, longer than max", text, limit, got)
			}
			return
		}
		head, ok := strings.CutSuffix(got, "…")
		if !ok || !strings.HasPrefix(collapsed, head) {
			t.Fatalf("Cut(%q, %d) = %q, not a prefix of the text plus …", text, limit, got)
		}
		if utf8.RuneCountInString(head) > max(limit, 0) {
			t.Fatalf("Cut(%q, %d) = %q, longer than max plus …", text, limit, got)
		}
	})
}

// cutWhole is Cut as first written: collapse all of the text, then cut.
// Cut collapses only the head it needs and must give the same.
func cutWhole(text string, maxRunes int) string {
	text = strings.Join(strings.Fields(text), " ")
	maxRunes = max(maxRunes, 0)
	if utf8.RuneCountInString(text) <= maxRunes {
		return text
	}
	end := 0
	for range maxRunes {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
	}
	head := text[:end]
	if text[end] != ' ' {
		if space := strings.LastIndexByte(head, ' '); space >= 0 {
			head = head[:space]
		} else {
			head = withoutTrailingMarkSplit(text, end)
		}
	}
	return strings.TrimRightFunc(head, danglingAtCut) + "…"
}

func FuzzNormalizeTone(f *testing.F) {
	for _, s := range []string{"hoà", "thuỷ", "uỷ ban", "quý", "hoài", "HOÀ", norm.NFD.String("khoẻ")} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := NormalizeTone(s)
		if Fold(got) != Fold(s) {
			t.Fatalf("Fold(NormalizeTone(%q)) = %q, Fold = %q", s, Fold(got), Fold(s))
		}
		if again := NormalizeTone(got); again != got {
			t.Fatalf("NormalizeTone(%q) = %q, then %q", s, got, again)
		}
	})
}

// foldAlphabet mixes what foldLatin takes (Vietnamese letters in both
// forms, loose marks, white space) with what it leaves to foldNFD.
var foldAlphabet = []rune("aăâeêioôơuưyđĐÐAĂÂÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ \t\n\u00a0\u0300\u0301\u0303\u0309\u0323\u0345İǅﬁ한\u1d165Ωω1.-")

// TestFoldLatinAsNFD holds Fold's table path to the definition, foldNFD:
// every rune below the table's end alone, and random texts of the
// alphabet above.
func TestFoldLatinAsNFD(t *testing.T) {
	for r := range rune(latinFoldEnd) {
		if got, want := Fold(string(r)), foldNFD(string(r)); got != want {
			t.Fatalf("Fold(%q U+%04X) = %q, want %q", string(r), r, got, want)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteRune(foldAlphabet[rng.IntN(len(foldAlphabet))])
		}
		s := b.String()
		if got, want := Fold(s), foldNFD(s); got != want {
			t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Chuyển đổi số", norm.NFD.String("Hoà bình"), "ĐƯỜNG  làng", "a\u0323\u0301", "İ", "ǅ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Fold(s), foldNFD(s); got != want {
			t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
		}
	})
}

// BenchmarkSlug slugs headings as an article's anchors do.
func BenchmarkSlug(b *testing.B) {
	headings := []string{"Tám chỉ số nội dung và việc xã cần làm", "Kết quả thực hiện năm 2025", "Nhiệm vụ trọng tâm", "Tổ chức thực hiện"}
	for b.Loop() {
		for _, h := range headings {
			Slug(h)
		}
	}
}
