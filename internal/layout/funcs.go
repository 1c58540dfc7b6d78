package layout

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"strings"
	"time"

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
		"topic": func(slug string) (TopicLink, error) {
			t, ok := topics[slug]
			if !ok {
				return TopicLink{}, fmt.Errorf("không có chủ đề %q trong danh mục chủ đề", slug)
			}
			return t, nil
		},
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
