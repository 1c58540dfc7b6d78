// Package admindoc knows the values of Vietnamese administrative
// documents and procedures as Nghị định 30/2020/NĐ-CP and the national
// public-service portal write them: a document's number and symbol
// ("35/KH-UBND", "42/2022/NĐ-CP"), its form and the form's abbreviation,
// the level of its issuer, the month alone that dates a copy not yet
// numbered, a procedure's code and how far it is online. Pure: values in,
// values or a problem out; the caller says where the problem is.
package admindoc

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/viet"
)

// Number is a document's number and symbol (số, ký hiệu) taken apart:
// "42/2022/NĐ-CP" is serial 42, year 2022, symbol NĐ-CP whose first part
// NĐ names the form (Nghị định 30/2020/NĐ-CP, Phụ lục III).
type Number struct {
	Serial string // "42"; empty on a copy not yet numbered ("/KH-UBND")
	Year   string // "2022", or empty
	Symbol string // "NĐ-CP"
	Abbr   string // "NĐ"
}

// NumberProblem says what is wrong with a number and how to fix it; What
// is written to follow the name of the key that holds the number.
type NumberProblem struct{ What, Hint string }

const numberExample = "viết dạng số/ký hiệu, ví dụ `35/KH-UBND`, `05/QĐ-UBND` hoặc `42/2022/NĐ-CP`"

// maxNumberLen is far above any real number and symbol
// ("1234/2026/TTLT-BTC-BNV-BTP" is 26 characters).
const maxNumberLen = 60

// ParseNumber checks a number and symbol as an editor writes it. Case
// is free and Vietnamese letters (Đ) are letters: "12/QyĐ-UBND" and
// "03/CTr-UBND" are valid, and so are a year ("42/2022/NĐ-CP") and the
// form of Party documents ("15-NQ/ĐU"). The number may be left out, as on
// a copy printed before the clerk numbers it ("Số: /KH-UBND").
func ParseNumber(s string) (Number, *NumberProblem) {
	quoted := fmt.Sprintf("%q", s)
	switch {
	case s == "":
		return Number{}, &NumberProblem{"đang để trống", numberExample}
	case utf8.RuneCountInString(s) > maxNumberLen:
		return Number{}, &NumberProblem{fmt.Sprintf("dài quá %d ký tự", maxNumberLen), numberExample}
	}
	var what string
	switch _, prefixed := cutNumberPrefix(s); {
	case prefixed:
		what = " không cần chữ “Số” ở đầu"
	case strings.ContainsFunc(s, unicode.IsSpace):
		what = " có dấu cách"
	case strings.ContainsAny(s, longDashes):
		what = " dùng dấu gạch dài; ký hiệu dùng dấu gạch nối `-`"
	case strings.Contains(s, `\`):
		what = " dùng dấu `\\`; số và ký hiệu cách nhau bằng dấu `/`"
	}
	if what != "" {
		return Number{}, &NumberProblem{quoted + what, suggestNumber(fixNumber(s))}
	}
	n, ok := splitNumber(s)
	if !ok {
		return Number{}, &NumberProblem{quoted + " không đúng dạng", numberExample}
	}
	return n, nil
}

// suggestNumber is the hint for a fixable number: the fixed form when it
// is valid, else the general example.
func suggestNumber(fixed string) string {
	if _, ok := splitNumber(fixed); ok {
		return fmt.Sprintf("viết `so_ky_hieu: %q`", fixed)
	}
	return numberExample
}

// longDashes are the dashes Word and PDFs put where a symbol has '-'.
const longDashes = "–—‐‑‒−"

// fixNumber applies every fix ParseNumber knows, for its hint.
func fixNumber(s string) string {
	s, _ = cutNumberPrefix(s)
	s = strings.Join(strings.Fields(s), "")
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(longDashes, r) {
			return '-'
		}
		if r == '\\' {
			return '/'
		}
		return r
	}, s)
	return s
}

// cutNumberPrefix removes a leading "Số:" or "Số" copied with the number.
func cutNumberPrefix(s string) (string, bool) {
	r := []rune(s)
	if len(r) < 3 || viet.Fold(string(r[:2])) != "so" {
		return s, false
	}
	rest := strings.TrimLeft(string(r[2:]), " :.")
	if rest == string(r[2:]) || rest == "" {
		return s, false
	}
	return rest, true
}

// splitNumber parses number[/year]/symbol with the symbol made of
// parts of letters and digits joined by '-'.
func splitNumber(s string) (Number, bool) {
	parts := strings.Split(s, "/")
	var n Number
	switch len(parts) {
	case 2:
		n.Serial, n.Symbol = parts[0], parts[1]
	case 3:
		n.Serial, n.Year, n.Symbol = parts[0], parts[1], parts[2]
		if len(n.Year) != 4 || !allDigits(n.Year) {
			return Number{}, false
		}
	default:
		return Number{}, false
	}
	if num, abbr, party := strings.Cut(n.Serial, "-"); party && len(parts) == 2 {
		// A Party document: "15-NQ/ĐU", number and form before the slash,
		// the issuer after it (Hướng dẫn 36-HD/VPTW).
		n.Serial, n.Symbol = num, abbr+"/"+n.Symbol
		if abbr == "" || !symbolPart(abbr) {
			return Number{}, false
		}
	}
	if len(n.Serial) > 6 || !allDigits(n.Serial) {
		return Number{}, false
	}
	issuer := n.Symbol
	if i := strings.LastIndexByte(issuer, '/'); i >= 0 {
		issuer = issuer[i+1:]
	}
	hasLetter := false
	for _, part := range strings.Split(issuer, "-") {
		if !symbolPart(part) {
			return Number{}, false
		}
		hasLetter = hasLetter || strings.IndexFunc(part, unicode.IsLetter) >= 0
	}
	if !hasLetter {
		return Number{}, false
	}
	n.Abbr, _, _ = strings.Cut(n.Symbol, "-")
	n.Abbr, _, _ = strings.Cut(n.Abbr, "/")
	return n, true
}

// symbolPart checks one part of a symbol: Latin letters, Vietnamese ones
// such as Đ included, and ASCII digits ("QH13").
func symbolPart(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r < utf8.RuneSelf && unicode.IsDigit(r)) && !(unicode.IsLetter(r) && unicode.Is(unicode.Latin, r)) {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// docForm is one form of document with its abbreviation in the symbol.
type docForm struct{ name, abbr string }

// docForms are the forms of Nghị định 30/2020/NĐ-CP (Điều 7, Phụ lục
// III) and of the legal documents a column most often posts, in their
// canonical spelling. Công văn has no abbreviation of its own.
func docForms() []docForm {
	return []docForm{
		{"Nghị quyết", "NQ"}, {"Quyết định", "QĐ"}, {"Chỉ thị", "CT"}, {"Quy chế", "QC"},
		{"Quy định", "QyĐ"}, {"Thông cáo", "TC"}, {"Thông báo", "TB"}, {"Hướng dẫn", "HD"},
		{"Chương trình", "CTr"}, {"Kế hoạch", "KH"}, {"Phương án", "PA"}, {"Đề án", "ĐA"},
		{"Dự án", "DA"}, {"Báo cáo", "BC"}, {"Biên bản", "BB"}, {"Tờ trình", "TTr"},
		{"Hợp đồng", "HĐ"}, {"Công văn", ""}, {"Công điện", "CĐ"}, {"Bản ghi nhớ", "GN"},
		{"Bản thỏa thuận", "TTh"}, {"Giấy ủy quyền", "UQ"}, {"Giấy mời", "GM"},
		{"Giấy giới thiệu", "GGT"}, {"Giấy nghỉ phép", "NP"}, {"Phiếu gửi", "PG"},
		{"Phiếu chuyển", "PC"}, {"Phiếu báo", "PB"}, {"Thư công", ""},
		{"Hiến pháp", ""}, {"Bộ luật", ""}, {"Luật", ""}, {"Pháp lệnh", ""}, {"Lệnh", ""},
		{"Nghị định", "NĐ"}, {"Thông tư", "TT"}, {"Thông tư liên tịch", "TTLT"},
		{"Văn bản hợp nhất", "VBHN"},
	}
}

// Types lists the forms of document (loai) known by name, in their
// canonical spelling, for an editor's suggestions.
func Types() []string {
	var out []string
	for _, f := range docForms() {
		out = append(out, f.name)
	}
	return out
}

// CanonicalType finds a known form ignoring case, diacritics, tone
// placement and separators.
func CanonicalType(s string) (string, bool) {
	k := viet.Slug(s)
	for _, f := range docForms() {
		if viet.Slug(f.name) == k {
			return f.name, true
		}
	}
	return "", false
}

// TypeOfAbbr names the form a symbol's first part stands for: exactly
// as written first ("ĐA" Đề án, "DA" Dự án), then ignoring case and Đ.
func TypeOfAbbr(abbr string) string {
	if abbr == "" {
		return ""
	}
	for _, f := range docForms() {
		if f.abbr == abbr {
			return f.name
		}
	}
	found := ""
	for _, f := range docForms() {
		if f.abbr != "" && viet.Fold(f.abbr) == viet.Fold(abbr) {
			if found != "" {
				return "" // ambiguous without case or Đ
			}
			found = f.name
		}
	}
	return found
}

// The levels of an issuer (cấp ban hành).
const (
	LevelCentral  = "Trung ương" // the Government, ministries, the National Assembly
	LevelProvince = "Tỉnh"       // the province and its departments (Sở)
	LevelCommune  = "Xã"         // the commune, ward or special zone
)

// How far a procedure is done online (mức độ), as the national
// public-service portal says.
const (
	OnlineFull    = "Toàn trình" // fully online
	OnlinePartial = "Một phần"   // partly online
	InPerson      = "Trực tiếp"  // at the counter only
)

// Enum is a closed list of values, matched ignoring case, diacritics,
// tone placement and separators, and stored canonical.
type Enum struct {
	Values  []string          // canonical, in the order a form lists them
	aliases map[string]string // slug of another spelling → canonical value
	// hints explains values that look plausible but are not allowed.
	hints map[string]string // slug → hint
}

// Levels are the levels of an issuer (cấp ban hành) since local
// government has two tiers, province and commune.
func Levels() Enum {
	return Enum{
		Values:  []string{LevelCentral, LevelProvince, LevelCommune},
		aliases: map[string]string{"tw": LevelCentral, "cap-trung-uong": LevelCentral, "cap-tinh": LevelProvince, "cap-xa": LevelCommune, "phuong": LevelCommune, "dac-khu": LevelCommune},
		hints: map[string]string{
			"huyen":     "từ ngày 01/7/2025 chính quyền địa phương có hai cấp, tỉnh và xã: viết `Tỉnh` hoặc `Xã`",
			"cap-huyen": "từ ngày 01/7/2025 chính quyền địa phương có hai cấp, tỉnh và xã: viết `Tỉnh` hoặc `Xã`",
		},
	}
}

// OnlineLevels are how far a procedure is done online (mức độ).
func OnlineLevels() Enum {
	return Enum{
		Values: []string{OnlineFull, OnlinePartial, InPerson},
		aliases: map[string]string{
			"dvc-toan-trinh": OnlineFull, "truc-tuyen-toan-trinh": OnlineFull, "dich-vu-cong-truc-tuyen-toan-trinh": OnlineFull, "muc-do-4": OnlineFull,
			"dvc-mot-phan": OnlinePartial, "truc-tuyen-mot-phan": OnlinePartial, "dich-vu-cong-truc-tuyen-mot-phan": OnlinePartial, "muc-do-3": OnlinePartial,
			"khong-truc-tuyen": InPerson,
		},
	}
}

// Match returns the canonical value of s, or "".
func (e Enum) Match(s string) string {
	k := viet.Slug(s)
	for _, v := range e.Values {
		if viet.Slug(v) == k {
			return v
		}
	}
	return e.aliases[k]
}

// Hint explains why s, a value that looks plausible, is not one of the
// list ("huyện": districts are gone), or reports false.
func (e Enum) Hint(s string) (string, bool) {
	h, ok := e.hints[viet.Slug(s)]
	return h, ok
}

// LevelOfIssuer guesses the level of an issuer from its name, or "" when
// the name does not say. "UBND xã Diễn Châu" is Xã, "UBND tỉnh Nghệ An"
// and its Sở are Tỉnh, the Government, ministries and the National
// Assembly are Trung ương.
func LevelOfIssuer(issuer string) string {
	words := " " + strings.ReplaceAll(viet.Slug(issuer), "-", " ") + " "
	has := func(w ...string) bool {
		for _, x := range w {
			if strings.Contains(words, " "+x+" ") {
				return true
			}
		}
		return false
	}
	switch {
	case has("xa", "phuong", "dac khu"):
		return LevelCommune
	case has("tinh", "so", "thanh pho"):
		return LevelProvince
	case has("chinh phu", "thu tuong", "quoc hoi", "bo", "ttg", "vpcp"):
		return LevelCentral
	}
	return ""
}

// ParseMonth reads a date that names only a month, for a copy whose day
// is left blank ("ngày  tháng 01 năm 2026"): "01/2026", "1/2026",
// "tháng 01/2026", "2026-01". It returns the first of the month in
// Vietnam's time and the text to show, "tháng 01/2026".
func ParseMonth(s string) (time.Time, string, bool) {
	t := strings.TrimSpace(s)
	if f := viet.Fold(t); strings.HasPrefix(f, "thang ") {
		t = strings.TrimSpace(string([]rune(t)[len("thang "):]))
	}
	var y, m int
	switch {
	case scanInts(t, "/", &m, &y) && len(t) >= 6:
	case scanInts(t, "-", &y, &m) && len(t) == 7:
	default:
		return time.Time{}, "", false
	}
	if y < 1 || y > 9999 || m < 1 || m > 12 {
		return time.Time{}, "", false
	}
	return time.Date(y, time.Month(m), 1, 0, 0, 0, 0, viet.Location()), fmt.Sprintf("tháng %02d/%04d", m, y), true
}

// scanInts reads "a<sep>b" where a and b are 1 to 4 digits.
func scanInts(s, sep string, a, b *int) bool {
	x, y, ok := strings.Cut(s, sep)
	if !ok || x == "" || y == "" || len(x) > 4 || len(y) > 4 || !allDigits(x) || !allDigits(y) {
		return false
	}
	*a, _ = strconv.Atoi(x)
	*b, _ = strconv.Atoi(y)
	return true
}

// ValidProcedureCode checks a national procedure code: "1.001193", "2.000815",
// or a local variant with more dotted parts ("1.000110.000.00.00.H01").
func ValidProcedureCode(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) < 2 || len(parts[0]) != 1 || !allDigits(parts[0]) || len(parts[1]) != 6 || !allDigits(parts[1]) {
		return false
	}
	for _, p := range parts[2:] {
		if p == "" || strings.IndexFunc(p, func(r rune) bool { return r > unicode.MaxASCII || !unicode.IsLetter(r) && !unicode.IsDigit(r) }) >= 0 {
			return false
		}
	}
	return true
}

// Title is a document's title when the editor gives none: "Kế hoạch số
// 35/KH-UBND", or for a copy not yet numbered (number "/KH-UBND" or
// none) the form and its abstract, "Kế hoạch tuyên truyền cải cách hành
// chính…".
func Title(form, number, abstract string) string {
	if number != "" && !strings.HasPrefix(number, "/") {
		return form + " số " + number
	}
	if abstract == "" {
		return form
	}
	return form + " " + lowerFirst(abstract)
}

// lowerFirst lower-cases the first letter of an ordinary word ("Tuyên
// truyền" → "tuyên truyền") but leaves an abbreviation ("UBND") alone.
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 1 && strings.ToLower(string(r[1])) == string(r[1]) {
		r[0] = []rune(strings.ToLower(string(r[0])))[0]
	}
	return string(r)
}
