package layout

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/cchc-vn/cchc/internal/qrsvg"
	"github.com/cchc-vn/cchc/internal/viet"
)

// funcs builds every function the templates can call, from env. It is the
// one place they are defined, so a template's vocabulary is read here.
func funcs(env Env, partialCached func(string, any, ...any) (template.HTML, error)) template.FuncMap {
	topics := make(map[string]TopicLink, len(env.Topics))
	for _, t := range env.Topics {
		topics[t.Slug] = t
	}
	rel := func(p string) string { return env.BasePath + strings.TrimPrefix(p, "/") }
	return template.FuncMap{
		// rel turns a path below the base path into a link that works at
		// any depth, the 404 page included: "bai-viet/x/" → "/cchc/bai-viet/x/".
		"rel": rel,
		// abs gives the absolute URL for canonical and Open Graph tags;
		// without a base URL it falls back to rel.
		"abs": func(p string) string {
			if env.BaseURL == "" {
				return rel(p)
			}
			return env.BaseURL + strings.TrimPrefix(p, "/")
		},
		"asset": func(name string) (string, error) {
			out, ok := env.Assets[name]
			if !ok {
				return "", fmt.Errorf("không có tài nguyên %q trong thư mục assets/", name)
			}
			return rel(out), nil
		},
		"shortDate": viet.ShortDate,
		"longDate":  viet.LongDate,
		"dateTime":  viet.DateTime,
		"isoDate":   viet.ISODate,
		"year":      func(t time.Time) int { return t.In(viet.Location()).Year() },
		// clock is the time of day as notices write it: "08 giờ 30".
		"clock": func(t time.Time) string { return t.In(viet.Location()).Format("15 giờ 04") },
		// sameDay reports whether a and b fall on one day in Vietnam.
		"sameDay": func(a, b time.Time) bool {
			return a.In(viet.Location()).Format(time.DateOnly) == b.In(viet.Location()).Format(time.DateOnly)
		},
		"fileSize": FileSize,
		"slug":     viet.Slug,
		// host names the site a link leads to, for "(dichvucong.gov.vn)"
		// beside a link that leaves the column; "" when it has none.
		"host": func(link string) string {
			u, err := url.Parse(link)
			if err != nil {
				return ""
			}
			return strings.TrimPrefix(u.Hostname(), "www.")
		},
		"topic": func(slug string) (TopicLink, error) {
			t, ok := topics[slug]
			if !ok {
				return TopicLink{}, fmt.Errorf("không có chủ đề %q trong danh mục chủ đề", slug)
			}
			return t, nil
		},
		"qr": qr,
		// partialCached renders a partial once per build and variant key.
		"partialCached": partialCached,
		"json":          jsonScript,
		"add":           func(a, b int) int { return a + b },
		"sub":           func(a, b int) int { return a - b },
		// dict passes several values to a partial:
		// {{template "partials/card.html" (dict "Page" . "Heading" 3)}}.
		"dict": dict,
		// tel turns a phone number as written ("0238 3862 123") into a
		// tel: link target.
		"tel": func(phone string) template.URL {
			return template.URL("tel:" + strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' || r == '+' {
					return r
				}
				return -1
			}, phone))
		},
	}
}

// jsonScript encodes v for a <script type="application/ld+json"> element.
// encoding/json escapes <, > and & as \u003c…, so the text cannot close the
// script element.
func jsonScript(v any) (template.JS, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return template.JS(bytes.TrimSpace(b.Bytes())), nil
}

// qr draws text, an absolute URL, as a QR code in inline SVG for print:
// {{qr (abs .URL)}}, or {{qr .OnlineURL "Mã QR mở trang nộp hồ sơ trực
// tuyến"}}. The optional name is what a screen reader says of it; without
// one it is "Mã QR: " and the text.
func qr(text string, name ...string) (template.HTML, error) {
	if len(name) > 1 {
		return "", fmt.Errorf("qr cần một địa chỉ và có thể thêm một tên, có %d tham số", len(name)+1)
	}
	label := "Mã QR: " + text
	if len(name) == 1 && name[0] != "" {
		label = name[0]
	}
	svg, err := qrsvg.SVG(text, label)
	if err != nil {
		return "", fmt.Errorf("không vẽ được mã QR cho %q: %w", text, err)
	}
	return template.HTML(svg), nil
}

// dict builds a map from alternating keys and values.
func dict(pairs ...any) (map[string]any, error) {
	if len(pairs)%2 != 0 {
		return nil, fmt.Errorf("dict cần số tham số chẵn (tên, giá trị…), có %d", len(pairs))
	}
	m := make(map[string]any, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		key, ok := pairs[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: tên thứ %d phải là chuỗi, có %T", i/2+1, pairs[i])
		}
		m[key] = pairs[i+1]
	}
	return m, nil
}

// FileSize writes a size in bytes as a reader expects it beside a
// download link, in 1024-based units with a decimal comma: "850 byte",
// "245 KB", "1,2 MB". Kilobytes are whole (a tenth of one says nothing).
func FileSize(n int64) string {
	switch {
	case n < 1<<10:
		return strconv.FormatInt(max(n, 0), 10) + " byte"
	case n < 1<<20-1<<9: // rounds to under 1024 KB
		return strconv.FormatInt((n+1<<9)>>10, 10) + " KB"
	}
	v, unit := float64(n)/(1<<20), "MB"
	if v >= 1023.95 { // would round to 1024,0 MB
		v, unit = float64(n)/(1<<30), "GB"
	}
	s := strings.TrimSuffix(strconv.FormatFloat(v, 'f', 1, 64), ".0")
	return strings.Replace(s, ".", ",", 1) + " " + unit
}
