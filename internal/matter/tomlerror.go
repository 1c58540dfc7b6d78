package matter

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// tomlLineRE splits a line of TOML front matter into its key and value.
var tomlLineRE = regexp.MustCompile(`^\s*["']?([^"'=:\s]+)["']?\s*([=:])?\s*(.*)$`)

// tomlProblem turns the TOML library's English parse error into a
// Vietnamese message and hint naming the key of the line, and the column
// to report (0 keeps the library's). raw is the front matter text the
// error's position refers to; it starts on line firstLine of the file.
// fieldName says what a key is in Vietnamese (Read's name).
func tomlProblem(raw string, firstLine int, pe toml.ParseError, fieldName func(string) string) (what, hint string, col int) {
	lines := strings.Split(raw, "\n")
	line := ""
	if n := pe.Position.Line; n >= 1 && n <= len(lines) {
		line = lines[n-1]
	}
	key, sep, value := "", "", ""
	if m := tomlLineRE.FindStringSubmatch(line); m != nil {
		key, sep, value = m[1], m[2], strings.TrimSpace(m[3])
	}
	if key == "" {
		key = pe.LastKey
	}
	name := fmt.Sprintf("`%s` (%s)", key, fieldName(key))
	if fieldName(key) == key {
		name = fmt.Sprintf("`%s`", key)
	}
	msg := pe.Message
	switch {
	case strings.HasPrefix(msg, "Key '") && strings.Contains(msg, "has already been defined"):
		dup := strings.TrimSuffix(strings.TrimPrefix(msg, "Key '"), "' has already been defined.")
		first := firstTOMLKeyLine(lines, dup)
		if first > 0 && first < pe.Position.Line {
			return fmt.Sprintf("khóa `%s` được khai báo hai lần (lần đầu ở dòng %d)", dup, firstLine+first-1), "xóa một trong hai dòng", 1
		}
		return fmt.Sprintf("khóa `%s` được khai báo hai lần", dup), "xóa một trong hai dòng", 1
	case sep == ":":
		return fmt.Sprintf("dòng %s viết dấu hai chấm như YAML, nhưng phần khai báo này mở bằng `+++` (TOML), nơi khóa và giá trị cách nhau bằng dấu =", name),
			fmt.Sprintf("viết `%s = %s`, hoặc đổi hai dòng `+++` thành `---` để viết theo kiểu YAML", key, quoteTOML(value)), 0
	case strings.HasPrefix(msg, "expected '.' or '='") && strings.Contains(line, "="):
		bad := strings.TrimSpace(line[:strings.IndexByte(line, '=')])
		return fmt.Sprintf("tên khóa %q có dấu cách hoặc ký tự không được phép", bad),
			"tên khóa chỉ gồm chữ không dấu, số và dấu _, như trong bảng các trường, ví dụ `author`", 0
	case strings.HasPrefix(msg, "expected '.' or '='") || strings.HasPrefix(msg, "unexpected EOF; expected key separator"):
		return fmt.Sprintf("thiếu dấu = sau tên khóa `%s`", key), "mỗi dòng viết dạng `khóa = \"giá trị\"`", 0
	case msg == "strings cannot contain newlines" || strings.HasPrefix(msg, "unexpected EOF; expected '\"") || strings.HasPrefix(msg, "unexpected EOF; expected \"'"):
		q := "\""
		if strings.Contains(msg, "\"'") {
			q = "'"
		}
		return fmt.Sprintf("%s: dấu %s mở ở đây nhưng không được đóng", name, quoteWord(q)),
			fmt.Sprintf("thêm dấu %s ở cuối giá trị, ví dụ: %s = \"Chuyên mục Cải cách hành chính\"", q, key), openingQuoteCol(line, q)
	case strings.HasPrefix(value, "“") || strings.HasPrefix(value, "‘") || strings.HasPrefix(value, "„"):
		return fmt.Sprintf("%s đặt trong dấu ngoặc kép kiểu Word “…”, TOML không coi đó là dấu ngoặc", name),
			fmt.Sprintf("thay bằng dấu ngoặc kép thẳng (phím Shift và '): %s = %s", key, quoteTOML(value)), 0
	case (key == "draft" || key == "featured") && value != "true" && value != "false":
		return fmt.Sprintf("%s chỉ nhận true hoặc false, không phải %q", name, value),
			fmt.Sprintf("viết `%s = true` hoặc `%s = false`", key, key), 0
	case msg == "unexpected EOF; expected value" && strings.HasPrefix(value, "["),
		strings.HasPrefix(msg, "expected a comma (',') or array terminator") && strings.HasSuffix(msg, "EOF"):
		return fmt.Sprintf("danh sách %s mở bằng [ nhưng chưa đóng", name),
			fmt.Sprintf("kết thúc danh sách bằng ] trên cùng dòng, ví dụ: %s = [\"SIPAS\", \"PAPI\"]", key), 0
	case strings.HasPrefix(value, "["):
		return fmt.Sprintf("mỗi mục trong danh sách %s phải đặt trong ngoặc kép và cách nhau bằng dấu phẩy", name),
			fmt.Sprintf("viết `%s = %s`", key, quoteTOMLList(value)), 0
	case strings.HasPrefix(value, "\"") || strings.HasPrefix(value, "'"):
		return fmt.Sprintf("%s: sau dấu ngoặc đóng giá trị còn có chữ", name),
			"nếu trong giá trị có dấu ngoặc cùng loại với dấu bọc ngoài, bọc bằng loại kia (\"it's\", 'ý kiến \"hay\"') hoặc viết \\\" cho dấu \" bên trong", 0
	case strings.HasPrefix(msg, "expected value but found") || strings.HasPrefix(msg, "expected a top-level item to end with") ||
		msg == "unexpected EOF; expected value":
		return fmt.Sprintf("%s: giá trị chữ (kể cả ngày) phải đặt trong ngoặc kép", name),
			fmt.Sprintf("viết `%s = %s`", key, quoteTOML(value)), 0
	}
	return fmt.Sprintf("dòng khai báo %s sai cú pháp TOML", name),
		"viết dạng `khóa = \"giá trị\"`: chữ và ngày trong ngoặc kép, danh sách trong [ ], ví dụ topics = [\"SIPAS\"]", 0
}

// firstTOMLKeyLine is the line (from 1) of raw's first line setting key.
func firstTOMLKeyLine(lines []string, key string) int {
	for i, l := range lines {
		if m := tomlLineRE.FindStringSubmatch(l); m != nil && m[1] == key && m[2] == "=" {
			return i + 1
		}
	}
	return 0
}

// quoteTOML writes a value as a TOML basic string, dropping the curly or
// straight quotes it may already have and a trailing comment.
func quoteTOML(v string) string {
	if i := strings.Index(v, " #"); i >= 0 {
		v = v[:i]
	}
	v = strings.Trim(strings.TrimSpace(v), "“”‘’„\"'")
	if v == "" {
		v = "…"
	}
	return `"` + strings.ReplaceAll(v, `"`, `\"`) + `"`
}

// quoteTOMLList quotes each item of a list written without quotes.
func quoteTOMLList(v string) string {
	inner := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(v), "["), "]")
	var items []string
	for _, it := range strings.Split(inner, ",") {
		if it = strings.TrimSpace(it); it != "" {
			items = append(items, quoteTOML(it))
		}
	}
	return "[" + strings.Join(items, ", ") + "]"
}

func quoteWord(q string) string {
	if q == "'" {
		return "nháy đơn '"
	}
	return "ngoặc kép \""
}

// openingQuoteCol is the column of the quote that opens the value of a
// key = value line, or 0.
func openingQuoteCol(line, q string) int {
	eq := strings.IndexByte(line, '=')
	if eq < 0 {
		return 0
	}
	i := strings.Index(line[eq:], q)
	if i < 0 {
		return 0
	}
	return utf8.RuneCountInString(line[:eq+i]) + 1
}
