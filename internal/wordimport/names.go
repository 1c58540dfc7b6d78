package wordimport

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/viet"
)

// docTypes are the names of administrative documents (Nghị định 30/2020,
// Phụ lục III) as their heading line writes them, in capitals, and as a
// title writes them.
var docTypes = map[string]string{
	"KẾ HOẠCH": "Kế hoạch", "QUYẾT ĐỊNH": "Quyết định", "BÁO CÁO": "Báo cáo", "THÔNG BÁO": "Thông báo",
	"CHỈ THỊ": "Chỉ thị", "TỜ TRÌNH": "Tờ trình", "CHƯƠNG TRÌNH": "Chương trình", "HƯỚNG DẪN": "Hướng dẫn",
	"NGHỊ QUYẾT": "Nghị quyết", "QUY CHẾ": "Quy chế", "QUY ĐỊNH": "Quy định", "BIÊN BẢN": "Biên bản",
	"GIẤY MỜI": "Giấy mời", "THÔNG CÁO": "Thông cáo", "ĐỀ ÁN": "Đề án", "PHƯƠNG ÁN": "Phương án",
	"DỰ ÁN": "Dự án", "CÔNG ĐIỆN": "Công điện", "CÔNG VĂN": "Công văn", "THƯ MỜI": "Thư mời",
	"QUYẾT ĐỊNH (CÁ BIỆT)": "Quyết định", "HỢP ĐỒNG": "Hợp đồng", "BẢN GHI NHỚ": "Bản ghi nhớ",
	"GIẤY GIỚI THIỆU": "Giấy giới thiệu", "GIẤY NGHỈ PHÉP": "Giấy nghỉ phép", "PHIẾU GỬI": "Phiếu gửi",
}

// docType reads a heading line as a document type: "KẾ HOẠCH",
// "QUYẾT ĐỊNH:" give "Kế hoạch", "Quyết định".
func docType(line string) (string, bool) {
	s := strings.TrimRight(strings.TrimSpace(line), ":")
	if s != strings.ToUpper(s) {
		return "", false
	}
	t, ok := docTypes[strings.Join(strings.Fields(s), " ")]
	return t, ok
}

// abbreviations keep their capitals when a line in capitals is put in
// sentence case.
var abbreviations = map[string]bool{
	"UBND": true, "HĐND": true, "CCHC": true, "PAPI": true, "PCI": true, "SIPAS": true, "PAR": true, "INDEX": true,
	"TTHC": true, "DVC": true, "DVCTT": true, "CNTT": true, "MTTQ": true, "MTTQVN": true, "CĐS": true,
	"CP": true, "TW": true, "VN": true, "THCS": true, "THPT": true, "BHXH": true, "BHYT": true, "CAND": true,
	"QĐ": true, "KH": true, "NĐ": true, "TT": true, "BCĐ": true, "ĐU": true, "HTX": true, "VNEID": true,
}

// placeWords start the name of a place: what follows is a proper name.
var placeWords = []string{"THÀNH PHỐ", "THỊ TRẤN", "THỊ XÃ", "XÃ", "PHƯỜNG", "HUYỆN", "QUẬN", "TỈNH", "THÔN", "XÓM", "BẢN", "KHỐI", "TỔ DÂN PHỐ"}

// sentenceCase turns a line in capitals into a title: the first word
// capitalised, abbreviations kept, the name after a place word
// ("XÃ DIỄN CHÂU") capitalised word by word, the rest in lower case. A
// line with lower-case letters is returned as it is.
func sentenceCase(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s != strings.ToUpper(s) || !hasLetter(s) {
		return s
	}
	return recase(strings.Fields(s), false)
}

// recase writes words in capitals in running text. With agency, the name
// of a body: its kind ("SỞ", "TRUNG TÂM") then each part of its field
// start with a capital, as Nghị định 30 writes "Sở Giáo dục và Đào tạo".
func recase(words []string, agency bool) string {
	out := make([]string, len(words))
	i, startOfField, properName := 0, false, false
	if n := kindAt(words); agency && n > 0 {
		out[0] = titleWord(words[0])
		for j := 1; j < n; j++ {
			out[j] = strings.ToLower(words[j])
		}
		i, startOfField = n, true
	}
	for ; i < len(words); i++ {
		w := words[i]
		if n := placeWordAt(words, i); n > 0 {
			for j := i; j < i+n; j++ {
				out[j] = strings.ToLower(words[j])
			}
			i += n - 1
			properName = true
			continue
		}
		switch {
		case keepCaps(w):
			out[i] = w
		case properName, startOfField, i == 0:
			out[i] = titleWord(w)
			startOfField = false
		case agency && (w == "VÀ" || w == "-" || w == "–"):
			out[i] = strings.ToLower(w)
			startOfField = true
		default:
			out[i] = strings.ToLower(w)
		}
	}
	return strings.Join(out, " ")
}

// placeWordAt returns how many words at i spell a place word, 0 if none.
func placeWordAt(words []string, i int) int {
	for _, p := range placeWords {
		pw := strings.Fields(p)
		if i+len(pw) > len(words) {
			continue
		}
		if strings.Join(words[i:i+len(pw)], " ") == p && i+len(pw) < len(words) {
			if p == "XÃ" && words[i+1] == "HỘI" {
				continue // "xã hội", society, not a commune
			}
			return len(pw)
		}
	}
	return 0
}

var digitsOrMarks = regexp.MustCompile(`[0-9/\-–.]`)

// keepCaps tells an abbreviation or a number: UBND, 35/KH-UBND, 2026.
func keepCaps(w string) bool {
	core := strings.Trim(w, `"“”'(),.:;!?`)
	if abbreviations[core] || digitsOrMarks.MatchString(core) {
		return true
	}
	// A word without a vowel is an abbreviation (CNTT, TTHC): every
	// Vietnamese syllable has one.
	return hasLetter(core) && !strings.ContainsFunc(viet.Fold(core), func(r rune) bool { return strings.ContainsRune("aeiouy", r) })
}

func titleWord(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + strings.ToLower(w[n:])
}

func hasLetter(s string) bool { return strings.ContainsFunc(s, unicode.IsLetter) }

// isCaps reports a line written in capitals, with at least two letters.
func isCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if unicode.IsLower(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// lowerFirst lower-cases the first letter of an ordinary word ("Tuyên
// truyền" → "tuyên truyền") but leaves an abbreviation ("UBND") alone: a
// document's abstract follows its type in a title.
func lowerFirst(s string) string {
	w, _, _ := strings.Cut(s, " ")
	if keepCaps(w) || (utf8.RuneCountInString(w) > 1 && isCaps(w)) {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// issuerName makes the issuing body of a heading block readable: "ỦY BAN
// NHÂN DÂN" over "XÃ DIỄN CHÂU" gives "UBND xã Diễn Châu"; "UBND TỈNH
// NGHỆ AN" over "SỞ NỘI VỤ" gives "Sở Nội vụ" (the body that signs is the
// last line; the first names the one above it).
func issuerName(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	name := lines[len(lines)-1]
	if len(lines) >= 2 && placeWordAt(append(strings.Fields(name), "x"), 0) > 0 {
		name = lines[len(lines)-2] + " " + name // "ỦY BAN NHÂN DÂN" / "XÃ DIỄN CHÂU"
	}
	name = strings.Join(strings.Fields(name), " ")
	for long, short := range map[string]string{"ỦY BAN NHÂN DÂN": "UBND", "UỶ BAN NHÂN DÂN": "UBND", "HỘI ĐỒNG NHÂN DÂN": "HĐND"} {
		if rest, ok := strings.CutPrefix(name, long); ok {
			name = short + rest
		}
	}
	return agencyCase(name)
}

// agencyCase writes an agency's name in capitals the way Nghị định 30
// writes it in running text: "SỞ GIÁO DỤC VÀ ĐÀO TẠO" → "Sở Giáo dục và
// Đào tạo", "UBND XÃ DIỄN CHÂU" → "UBND xã Diễn Châu".
func agencyCase(name string) string {
	if !isCaps(name) {
		return name
	}
	return recase(strings.Fields(name), true)
}

// agencyKinds are the kinds of body an agency's name starts with; the
// field's name after them starts with a capital: Sở Nội vụ, Phòng Văn hóa
// – Xã hội, Trung tâm Phục vụ hành chính công.
var agencyKinds = []string{"BAN CHỈ ĐẠO", "BAN QUẢN LÝ", "TRUNG TÂM", "VĂN PHÒNG", "ỦY BAN", "UỶ BAN", "CÔNG AN",
	"CHI CỤC", "TỔNG CỤC", "ĐẢNG ỦY", "ĐẢNG BỘ", "SỞ", "PHÒNG", "BAN", "BỘ", "CỤC", "VIỆN", "TRƯỜNG", "HỘI", "ĐOÀN"}

// kindAt returns how many words at the start of words spell a kind of
// body, 0 if none.
func kindAt(words []string) int {
	for _, k := range agencyKinds {
		kw := strings.Fields(k)
		if len(kw) < len(words) && strings.Join(words[:len(kw)], " ") == k {
			return len(kw)
		}
	}
	return 0
}
