package content

import (
	"path"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/viet"
)

func TestParseDocNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want docNumber
		what string // "" when valid
		hint string
	}{
		{in: "35/KH-UBND", want: docNumber{Number: "35", Symbol: "KH-UBND", Abbr: "KH"}},
		{in: "05/QĐ-UBND", want: docNumber{Number: "05", Symbol: "QĐ-UBND", Abbr: "QĐ"}},
		{in: "12/QyĐ-UBND", want: docNumber{Number: "12", Symbol: "QyĐ-UBND", Abbr: "QyĐ"}},
		{in: "03/CTr-UBND", want: docNumber{Number: "03", Symbol: "CTr-UBND", Abbr: "CTr"}},
		{in: "42/2022/NĐ-CP", want: docNumber{Number: "42", Year: "2022", Symbol: "NĐ-CP", Abbr: "NĐ"}},
		{in: "01/2026/QĐ-UBND", want: docNumber{Number: "01", Year: "2026", Symbol: "QĐ-UBND", Abbr: "QĐ"}},
		{in: "60/2014/QH13", want: docNumber{Number: "60", Year: "2014", Symbol: "QH13", Abbr: "QH13"}},
		{in: "123/UBND-VP", want: docNumber{Number: "123", Symbol: "UBND-VP", Abbr: "UBND"}},
		{in: "02/2020/TTLT-BTC-BNV", want: docNumber{Number: "02", Year: "2020", Symbol: "TTLT-BTC-BNV", Abbr: "TTLT"}},
		{in: "15-NQ/ĐU", want: docNumber{Number: "15", Symbol: "NQ/ĐU", Abbr: "NQ"}},
		{in: "35/kh-ubnd", want: docNumber{Number: "35", Symbol: "kh-ubnd", Abbr: "kh"}},
		{in: "/KH-UBND", want: docNumber{Symbol: "KH-UBND", Abbr: "KH"}},
		{in: "", what: "đang để trống", hint: numberExample},
		{in: "35/KH - UBND", what: `"35/KH - UBND" có dấu cách`, hint: "viết `so_ky_hieu: \"35/KH-UBND\"`"},
		{in: "35 / KH-UBND", what: `"35 / KH-UBND" có dấu cách`, hint: "viết `so_ky_hieu: \"35/KH-UBND\"`"},
		{in: "35/KH–UBND", what: `"35/KH–UBND" dùng dấu gạch dài; ký hiệu dùng dấu gạch nối ` + "`-`", hint: "viết `so_ky_hieu: \"35/KH-UBND\"`"},
		{in: `35\KH-UBND`, what: `"35\\KH-UBND" dùng dấu ` + "`\\`; số và ký hiệu cách nhau bằng dấu `/`", hint: "viết `so_ky_hieu: \"35/KH-UBND\"`"},
		{in: "Số: 35/KH-UBND", what: `"Số: 35/KH-UBND" không cần chữ “Số” ở đầu`, hint: "viết `so_ky_hieu: \"35/KH-UBND\"`"},
		{in: "số 35/KH-UBND", what: `"số 35/KH-UBND" không cần chữ “Số” ở đầu`, hint: "viết `so_ky_hieu: \"35/KH-UBND\"`"},
		{in: "Sở 35/KH-UBND", what: `"Sở 35/KH-UBND" không cần chữ “Số” ở đầu`, hint: "viết `so_ky_hieu: \"35/KH-UBND\"`"},
		{in: "So35/KH-UBND", what: `"So35/KH-UBND" không đúng dạng`, hint: numberExample},
		{in: "35", what: `"35" không đúng dạng`, hint: numberExample},
		{in: "35/", what: `"35/" không đúng dạng`, hint: numberExample},
		{in: "35/2026", what: `"35/2026" không đúng dạng`, hint: numberExample},
		{in: "35/22/NĐ-CP", what: `"35/22/NĐ-CP" không đúng dạng`, hint: numberExample},
		{in: "35/KH--UBND", what: `"35/KH--UBND" không đúng dạng`, hint: numberExample},
		{in: "35/KH-UBND-", what: `"35/KH-UBND-" không đúng dạng`, hint: numberExample},
		{in: "3a/KH-UBND", what: `"3a/KH-UBND" không đúng dạng`, hint: numberExample},
		{in: "35/KH.UBND", what: `"35/KH.UBND" không đúng dạng`, hint: numberExample},
		{in: "35/ΚΗ-UBND", what: `"35/ΚΗ-UBND" không đúng dạng`, hint: numberExample}, // Greek capitals
		{in: "1/2/3/KH", what: `"1/2/3/KH" không đúng dạng`, hint: numberExample},
		{in: strings.Repeat("1", 61), what: "dài quá 60 ký tự", hint: numberExample},
	} {
		got, prob := parseDocNumber(tc.in)
		switch {
		case tc.what == "" && prob != nil:
			t.Errorf("parseDocNumber(%q): %s — %s", tc.in, prob.what, prob.hint)
		case tc.what == "" && got != tc.want:
			t.Errorf("parseDocNumber(%q) = %+v, want %+v", tc.in, got, tc.want)
		case tc.what != "" && (prob == nil || prob.what != tc.what || prob.hint != tc.hint):
			t.Errorf("parseDocNumber(%q) = %+v, %+v; want problem %q — %q", tc.in, got, prob, tc.what, tc.hint)
		}
	}
}

// FuzzParseDocNumber checks that a number accepted is one a reader and a
// link can use: no white space, at least one slash and a letter, no dash
// at either end of the symbol, and that parsing is a pure function.
func FuzzParseDocNumber(f *testing.F) {
	for _, s := range []string{"35/KH-UBND", "42/2022/NĐ-CP", "12/QyĐ-UBND", "15-NQ/ĐU", "/KH-UBND", "Số: 1/A", "35/KH–UBND", `1\A`, "ΚΗ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, prob := parseDocNumber(s)
		n2, prob2 := parseDocNumber(s)
		if n != n2 || (prob == nil) != (prob2 == nil) {
			t.Fatalf("not deterministic on %q", s)
		}
		if prob != nil {
			if prob.what == "" || prob.hint == "" || !utf8.ValidString(prob.what) && utf8.ValidString(s) {
				t.Fatalf("empty problem for %q: %+v", s, prob)
			}
			return
		}
		if strings.ContainsFunc(s, unicode.IsSpace) || !strings.Contains(s, "/") || !utf8.ValidString(s) {
			t.Fatalf("accepted %q", s)
		}
		if strings.IndexFunc(n.Symbol, unicode.IsLetter) < 0 || strings.HasPrefix(n.Symbol, "-") || strings.HasSuffix(n.Symbol, "-") || n.Abbr == "" {
			t.Fatalf("accepted %q as %+v", s, n)
		}
		if n.Year != "" && len(n.Year) != 4 {
			t.Fatalf("year %q from %q", n.Year, s)
		}
	})
}

// FuzzKindPage feeds arbitrary front matter to a page of each kind's
// section: no panic, every diagnostic names the file with a line.
func FuzzKindPage(f *testing.F) {
	for _, seed := range []string{
		"---\n" + docOK + "dinh_kem: [a.pdf, {tep: b.pdf, ten: B}, [x], {ten: y}]\n---\n",
		"---\n" + qaOK + "---\n",
		"---\n" + procOK + "link_dvc: http://x\n---\n",
		"---\n" + eventOK + "ket_thuc: \"7:00\"\n---\n",
		"---\nngay_ban_hanh: 01/2026\nso_ky_hieu: /\n---\n",
		"+++\ndinh_kem = [{tep = \"a\"}]\n+++\n",
		"---\nthoi_gian: 2026-01-16T08:30:00+07:00\nket_thuc: 99:99\n---\n",
	} {
		f.Add(seed, uint8(0))
		f.Add(seed, uint8(1))
		f.Add(seed, uint8(2))
		f.Add(seed, uint8(3))
	}
	sections := []string{SectionDocuments, SectionQA, SectionProcedures, SectionEvents}
	now := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, src string, which uint8) {
		file := "content/" + sections[int(which)%len(sections)] + "/x/index.md"
		site, ds := loadFuzz(file, src, now)
		for _, d := range ds {
			if d.Pos.File != file || d.Pos.Line < 0 {
				t.Fatalf("diagnostic without the file or with a bad line: %v", d)
			}
		}
		if site == nil {
			return
		}
		for _, p := range site.Pages {
			if n := btoi(p.Doc != nil) + btoi(p.QA != nil) + btoi(p.Proc != nil) + btoi(p.Event != nil); n > 1 {
				t.Fatalf("page with %d kinds", n)
			}
		}
	})
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestEnums(t *testing.T) {
	for _, tc := range []struct {
		e        enumSpec
		in, want string
	}{
		{levelEnum(), "Trung ương", "Trung ương"},
		{levelEnum(), "TRUNG UONG", "Trung ương"},
		{levelEnum(), "tw", "Trung ương"},
		{levelEnum(), "tỉnh", "Tỉnh"},
		{levelEnum(), "Cấp tỉnh", "Tỉnh"},
		{levelEnum(), "xa", "Xã"},
		{levelEnum(), "Phường", "Xã"},
		{levelEnum(), "huyện", ""},
		{procLevelEnum(), "toàn trình", LevelFull},
		{procLevelEnum(), "Toàn  Trình", LevelFull},
		{procLevelEnum(), "toan_trinh", LevelFull},
		{procLevelEnum(), "Mức độ 4", LevelFull},
		{procLevelEnum(), "DVC một phần", LevelPartial},
		{procLevelEnum(), "mot phan", LevelPartial},
		{procLevelEnum(), "trực tiếp", LevelInPerson},
		{procLevelEnum(), "Trưc tiếp", LevelInPerson},
		{procLevelEnum(), "toàn phần", ""},
	} {
		if got := tc.e.match(tc.in); got != tc.want {
			t.Errorf("%s: match(%q) = %q, want %q", tc.e.key, tc.in, got, tc.want)
		}
	}
}

func TestDocTypes(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Kế hoạch", "Kế hoạch"}, {"ke hoach", "Kế hoạch"}, {"KẾ HOẠCH", "Kế hoạch"},
		{"Bản thoả thuận", "Bản thỏa thuận"}, {"giấy uỷ quyền", "Giấy ủy quyền"},
		{"Nghị định", "Nghị định"}, {"Thông báo kết luận", ""},
	} {
		got, ok := canonicalDocType(tc.in)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("canonicalDocType(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
	for _, tc := range []struct{ abbr, want string }{
		{"KH", "Kế hoạch"}, {"QĐ", "Quyết định"}, {"QD", "Quyết định"}, {"qđ", "Quyết định"},
		{"QyĐ", "Quy định"}, {"CTr", "Chương trình"}, {"CT", "Chỉ thị"}, {"TTr", "Tờ trình"},
		{"ĐA", "Đề án"}, {"DA", "Dự án"}, {"da", ""}, // without case or Đ, DA and ĐA are one
		{"NĐ", "Nghị định"}, {"UBND", ""}, {"", ""},
	} {
		if got := typeOfAbbr(tc.abbr); got != tc.want {
			t.Errorf("typeOfAbbr(%q) = %q, want %q", tc.abbr, got, tc.want)
		}
	}
	// Every abbreviation names one form.
	seen := map[string]string{}
	for _, f := range docForms() {
		if f.abbr == "" {
			continue
		}
		if prev, dup := seen[f.abbr]; dup {
			t.Errorf("abbreviation %s of both %s and %s", f.abbr, prev, f.name)
		}
		seen[f.abbr] = f.name
		if !viet.IsNFC(f.name) {
			t.Errorf("%q is not NFC", f.name)
		}
	}
}

func TestLevelOfIssuer(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"UBND xã Diễn Châu", "Xã"}, {"HĐND xã Diễn Châu", "Xã"}, {"UBND phường Vinh Phú", "Xã"},
		{"UBND tỉnh Nghệ An", "Tỉnh"}, {"Sở Nội vụ", "Tỉnh"}, {"Chính phủ", "Trung ương"},
		{"Thủ tướng Chính phủ", "Trung ương"}, {"Bộ Tư pháp", "Trung ương"}, {"Quốc hội", "Trung ương"},
		{"Ban Chỉ đạo", ""}, {"Công an", ""},
	} {
		if got := levelOfIssuer(tc.in); got != tc.want {
			t.Errorf("levelOfIssuer(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseMonth(t *testing.T) {
	vn := viet.Location()
	for _, tc := range []struct {
		in    string
		want  time.Time
		label string
	}{
		{"01/2026", time.Date(2026, 1, 1, 0, 0, 0, 0, vn), "tháng 01/2026"},
		{"1/2026", time.Date(2026, 1, 1, 0, 0, 0, 0, vn), "tháng 01/2026"},
		{"tháng 01/2026", time.Date(2026, 1, 1, 0, 0, 0, 0, vn), "tháng 01/2026"},
		{"Tháng 12/2025", time.Date(2025, 12, 1, 0, 0, 0, 0, vn), "tháng 12/2025"},
		{"2026-07", time.Date(2026, 7, 1, 0, 0, 0, 0, vn), "tháng 07/2026"},
		{"16/01/2026", time.Time{}, ""},
		{"2026-01-16", time.Time{}, ""},
		{"13/2026", time.Time{}, ""},
		{"01/26", time.Time{}, ""},
		{"tháng", time.Time{}, ""},
	} {
		got, label, ok := parseMonth(tc.in)
		if ok != !tc.want.IsZero() || !got.Equal(tc.want) || label != tc.label {
			t.Errorf("parseMonth(%q) = %v, %q, %v", tc.in, got, label, ok)
		}
	}
}

func TestProcCode(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"1.001193", true}, {"2.000815", true}, {"1.000110.000.00.00.H01", true},
		{"1.0011", false}, {"10.001193", false}, {"1001193", false}, {"1.001193.", false}, {"1.001193.H 1", false}, {"", false},
	} {
		if procCodeOK(tc.in) != tc.ok {
			t.Errorf("procCodeOK(%q) = %v", tc.in, !tc.ok)
		}
	}
}

func TestDocumentTitle(t *testing.T) {
	for _, tc := range []struct {
		doc  Document
		want string
	}{
		{Document{Type: "Kế hoạch", Number: "35/KH-UBND"}, "Kế hoạch số 35/KH-UBND"},
		{Document{Type: "Kế hoạch", Number: "/KH-UBND", Abstract: "Tuyên truyền cải cách hành chính"}, "Kế hoạch tuyên truyền cải cách hành chính"},
		{Document{Type: "Báo cáo", Number: "/BC-UBND", Abstract: "UBND xã báo cáo"}, "Báo cáo UBND xã báo cáo"},
		{Document{Type: "Kế hoạch", Number: "/KH-UBND"}, "Kế hoạch"},
	} {
		if got := documentTitle(&tc.doc); got != tc.want {
			t.Errorf("documentTitle(%+v) = %q, want %q", tc.doc, got, tc.want)
		}
	}
}

func loadFuzz(file, src string, now time.Time) (*Site, diag.List) {
	fsys := fstest.MapFS{file: {Data: []byte(src)}, path.Dir(file) + "/a.pdf": {Data: []byte("x")}}
	return Load(fsys, config.Default(), Options{Now: now})
}
