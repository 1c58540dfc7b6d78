package mdcheck

import (
	"fmt"
	"html"
	"strings"
	"unicode/utf8"
)

// schemePrefixLen is how much of a normalised destination the checks need:
// the longest prefix compared plus its ';' or ','.
const schemePrefixLen = len("data:image/jpeg") + 1

// DangerousScheme returns the forbidden scheme dest starts with, or "" when
// dest is allowed. The forbidden schemes run script (javascript:,
// vbscript:), read the reader's disk (file:) or carry a whole document
// (data:); inline images in the four raster formats are the one exception. dest has had Markdown's own decoding; it is
// checked as written and once more entity-decoded the way a browser would,
// both after the normalisation in schemeKey, so no spelling slips through.
func DangerousScheme(dest string, image bool) string {
	for _, candidate := range [...]string{dest, html.UnescapeString(dest)} {
		key := schemeKey(candidate)
		for _, scheme := range [...]string{"javascript:", "vbscript:", "file:", "data:"} {
			if !strings.HasPrefix(key, scheme) {
				continue
			}
			if scheme == "data:" && image && isSafeImageData(key) {
				continue
			}
			return scheme
		}
	}
	return ""
}

// schemeKey lower-cases the start of s and drops ASCII control characters
// and white space anywhere in it: browsers strip leading ones and ignore tabs
// and newlines inside a scheme ("java\tscript:"). It drops U+FFFD too,
// which is what goldmark makes of "&#9;": such a link is refused rather than
// written broken.
func schemeKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if b.Len() >= schemePrefixLen {
			break
		}
		switch {
		case r <= ' ' || r == 0x7f || r == utf8.RuneError:
			continue
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isSafeImageData(key string) bool {
	for _, prefix := range [...]string{"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"} {
		if rest, ok := strings.CutPrefix(key, prefix); ok && (rest == "" || rest[0] == ';' || rest[0] == ',') {
			return true
		}
	}
	return false
}

// RawHTMLRunsScript reports whether a piece of raw HTML (let through by
// markdown's Options.Unsafe) has an attribute whose value is a javascript: or
// vbscript: URL. It is a last guard for the one rule that holds whatever the
// config says, not a sanitiser: Unsafe means the site trusts its editors.
func RawHTMLRunsScript(raw string) bool {
	var b strings.Builder
	for _, c := range []byte(html.UnescapeString(raw)) {
		switch {
		case c <= ' ' || c == 0x7f:
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	s := b.String()
	for _, scheme := range [...]string{"javascript:", "vbscript:"} {
		for _, prefix := range [...]string{"=", `="`, "='", "=`"} {
			if strings.Contains(s, prefix+scheme) {
				return true
			}
		}
	}
	return false
}

// DangerousLink is the problem of a link or image at offset whose
// destination has a forbidden scheme: the link keeps only its text, the
// image is dropped.
func DangerousLink(offset int, scheme string, image bool) Problem {
	if image {
		return Problem{
			Offset:  offset,
			Message: fmt.Sprintf("ảnh dùng địa chỉ “%s” không được phép, ảnh đã bị bỏ khỏi trang", scheme),
			Hint:    "lưu ảnh thành tệp (JPG, PNG, WEBP) đặt cạnh bài viết rồi ghi tên tệp, ví dụ: ![Mô tả ảnh](anh-hoi-nghi.jpg)",
		}
	}
	return Problem{
		Offset:  offset,
		Message: fmt.Sprintf("liên kết dùng địa chỉ “%s” không được phép, trang chỉ giữ lại chữ của liên kết", scheme),
		Hint:    "chỉ dùng liên kết http://, https://, mailto:, tel: hoặc liên kết tới bài viết khác, ví dụ: [Cổng Dịch vụ công](https://dichvucong.gov.vn)",
	}
}
