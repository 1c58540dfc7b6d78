package admindoc

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/viet"
)

func TestParseDocNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Number
		what string // "" when valid
		hint string
	}{
		{in: "35/KH-UBND", want: Number{Serial: "35", Symbol: "KH-UBND", Abbr: "KH"}},
		{in: "05/QĐ-UBND", want: Number{Serial: "05", Symbol: "QĐ-UBND", Abbr: "QĐ"}},
		{in: "12/QyĐ-UBND", want: Number{Serial: "12", Symbol: "QyĐ-UBND", Abbr: "QyĐ"}},
		{in: "03/CTr-UBND", want: Number{Serial: "03", Symbol: "CTr-UBND", Abbr: "CTr"}},
		{in: "42/2022/NĐ-CP", want: Number{Serial: "42", Year: "2022", Symbol: "NĐ-CP", Abbr: "NĐ"}},
		{in: "01/2026/QĐ-UBND", want: Number{Serial: "01", Year: "2026", Symbol: "QĐ-UBND", Abbr: "QĐ"}},
		{in: "60/2014/QH13", want: Number{Serial: "60", Year: "2014", Symbol: "QH13", Abbr: "QH13"}},
		{in: "123/UBND-VP", want: Number{Serial: "123", Symbol: "UBND-VP", Abbr: "UBND"}},
		{in: "02/2020/TTLT-BTC-BNV", want: Number{Serial: "02", Year: "2020", Symbol: "TTLT-BTC-BNV", Abbr: "TTLT"}},
		{in: "15-NQ/ĐU", want: Number{Serial: "15", Symbol: "NQ/ĐU", Abbr: "NQ"}},
		{in: "35/kh-ubnd", want: Number{Serial: "35", Symbol: "kh-ubnd", Abbr: "kh"}},
		{in: "/KH-UBND", want: Number{Symbol: "KH-UBND", Abbr: "KH"}},
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
		got, prob := ParseNumber(tc.in)
		switch {
		case tc.what == "" && prob != nil:
			t.Errorf("ParseNumber(%q): %s — %s", tc.in, prob.What, prob.Hint)
		case tc.what == "" && got != tc.want:
			t.Errorf("ParseNumber(%q) = %+v, want %+v", tc.in, got, tc.want)
		case tc.what != "" && (prob == nil || prob.What != tc.what || prob.Hint != tc.hint):
			t.Errorf("ParseNumber(%q) = %+v, %+v; want problem %q — %q", tc.in, got, prob, tc.what, tc.hint)
		}
	}
}

// FuzzParseNumber checks that a number accepted is one a reader and a
// link can use: no white space, at least one slash and a letter, no dash
// at either end of the symbol, and that parsing is a pure function.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"35/KH-UBND", "42/2022/NĐ-CP", "12/QyĐ-UBND", "15-NQ/ĐU", "/KH-UBND", "Số: 1/A", "35/KH–UBND", `1\A`, "ΚΗ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, prob := ParseNumber(s)
		n2, prob2 := ParseNumber(s)
		if n != n2 || (prob == nil) != (prob2 == nil) {
			t.Fatalf("not deterministic on %q", s)
		}
		if prob != nil {
			if prob.What == "" || prob.Hint == "" || !utf8.ValidString(prob.What) && utf8.ValidString(s) {
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

func TestEnums(t *testing.T) {
	for _, tc := range []struct {
		name     string
		e        Enum
		in, want string
	}{
		{"cap", Levels(), "Trung ương", "Trung ương"},
		{"cap", Levels(), "TRUNG UONG", "Trung ương"},
		{"cap", Levels(), "tw", "Trung ương"},
		{"cap", Levels(), "tỉnh", "Tỉnh"},
		{"cap", Levels(), "Cấp tỉnh", "Tỉnh"},
		{"cap", Levels(), "xa", "Xã"},
		{"cap", Levels(), "Phường", "Xã"},
		{"cap", Levels(), "huyện", ""},
		{"muc_do", OnlineLevels(), "toàn trình", OnlineFull},
		{"muc_do", OnlineLevels(), "Toàn  Trình", OnlineFull},
		{"muc_do", OnlineLevels(), "toan_trinh", OnlineFull},
		{"muc_do", OnlineLevels(), "Mức độ 4", OnlineFull},
		{"muc_do", OnlineLevels(), "DVC một phần", OnlinePartial},
		{"muc_do", OnlineLevels(), "mot phan", OnlinePartial},
		{"muc_do", OnlineLevels(), "trực tiếp", InPerson},
		{"muc_do", OnlineLevels(), "Trưc tiếp", InPerson},
		{"muc_do", OnlineLevels(), "toàn phần", ""},
	} {
		if got := tc.e.Match(tc.in); got != tc.want {
			t.Errorf("%s: Match(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
}

// TestEnumHints: a value that looks right but is not allowed is told
// why; another wrong value is not.
func TestEnumHints(t *testing.T) {
	const twoTiers = "từ ngày 01/7/2025 chính quyền địa phương có hai cấp, tỉnh và xã: viết `Tỉnh` hoặc `Xã`"
	for _, tc := range []struct {
		in, want string
	}{{"huyện", twoTiers}, {"Cấp huyện", twoTiers}, {"Tỉnh", ""}, {"quận", ""}} {
		if got, ok := Levels().Hint(tc.in); got != tc.want || ok != (tc.want != "") {
			t.Errorf("Levels().Hint(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

func TestDocTypes(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Kế hoạch", "Kế hoạch"}, {"ke hoach", "Kế hoạch"}, {"KẾ HOẠCH", "Kế hoạch"},
		{"Bản thoả thuận", "Bản thỏa thuận"}, {"giấy uỷ quyền", "Giấy ủy quyền"},
		{"Nghị định", "Nghị định"}, {"Thông báo kết luận", ""},
	} {
		got, ok := CanonicalType(tc.in)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("CanonicalType(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
	for _, tc := range []struct{ abbr, want string }{
		{"KH", "Kế hoạch"}, {"QĐ", "Quyết định"}, {"QD", "Quyết định"}, {"qđ", "Quyết định"},
		{"QyĐ", "Quy định"}, {"CTr", "Chương trình"}, {"CT", "Chỉ thị"}, {"TTr", "Tờ trình"},
		{"ĐA", "Đề án"}, {"DA", "Dự án"}, {"da", ""}, // without case or Đ, DA and ĐA are one
		{"NĐ", "Nghị định"}, {"UBND", ""}, {"", ""},
	} {
		if got := TypeOfAbbr(tc.abbr); got != tc.want {
			t.Errorf("TypeOfAbbr(%q) = %q, want %q", tc.abbr, got, tc.want)
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
		if got := LevelOfIssuer(tc.in); got != tc.want {
			t.Errorf("LevelOfIssuer(%q) = %q, want %q", tc.in, got, tc.want)
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
		got, label, ok := ParseMonth(tc.in)
		if ok != !tc.want.IsZero() || !got.Equal(tc.want) || label != tc.label {
			t.Errorf("ParseMonth(%q) = %v, %q, %v", tc.in, got, label, ok)
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
		if ValidProcedureCode(tc.in) != tc.ok {
			t.Errorf("ValidProcedureCode(%q) = %v", tc.in, !tc.ok)
		}
	}
}

func TestTitle(t *testing.T) {
	for _, tc := range []struct{ form, number, abstract, want string }{
		{"Kế hoạch", "35/KH-UBND", "", "Kế hoạch số 35/KH-UBND"},
		{"Kế hoạch", "/KH-UBND", "Tuyên truyền cải cách hành chính", "Kế hoạch tuyên truyền cải cách hành chính"},
		{"Báo cáo", "/BC-UBND", "UBND xã báo cáo", "Báo cáo UBND xã báo cáo"},
		{"Kế hoạch", "/KH-UBND", "", "Kế hoạch"},
		{"Kế hoạch", "", "Tuyên truyền", "Kế hoạch tuyên truyền"},
	} {
		if got := Title(tc.form, tc.number, tc.abstract); got != tc.want {
			t.Errorf("Title(%q, %q, %q) = %q, want %q", tc.form, tc.number, tc.abstract, got, tc.want)
		}
	}
}
