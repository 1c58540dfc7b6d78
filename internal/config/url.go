package config

import (
	"errors"
	"net/url"
	"strings"
	"unicode"

	"github.com/cchc-vn/cchc/internal/viet"
)

// urlProblem says what is wrong with a base URL; the caller names the
// setting (`base_url` or --base-url) in front of what.
type urlProblem struct {
	what, hint string
}

const baseURLExample = "ví dụ: https://dienchau.example/cchc/"

// normalizeBaseURL checks a base URL and returns it in the form the
// generator uses: lower-case scheme, escaped path ending with '/'. The
// empty string stays empty (no base URL: links are relative to "/").
func normalizeBaseURL(raw string) (string, *urlProblem) {
	if raw == "" {
		return "", nil
	}
	if strings.IndexFunc(raw, unicode.IsSpace) >= 0 {
		return "", &urlProblem{"không được chứa dấu cách: " + quote(raw), "thay dấu cách bằng dấu gạch nối; " + baseURLExample}
	}
	u, err := url.Parse(raw)
	if err != nil || u.Opaque != "" || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return "", &urlProblem{"phải là địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://, không phải " + quote(raw), baseURLExample}
	}
	if u.User != nil {
		return "", &urlProblem{"không được chứa tên đăng nhập hoặc mật khẩu", "bỏ phần trước dấu @; " + baseURLExample}
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(raw, "#") {
		return "", &urlProblem{"không được có phần ?… hoặc #…: " + quote(raw), "chỉ ghi địa chỉ thư mục của chuyên mục; " + baseURLExample}
	}
	for _, seg := range strings.Split(u.Path, "/") {
		if seg == "." || seg == ".." {
			return "", &urlProblem{"không được chứa đoạn . hoặc ..: " + quote(raw), "ghi thẳng đường dẫn của thư mục; " + baseURLExample}
		}
	}
	path := u.EscapedPath()
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	if !strings.HasSuffix(path, "/") {
		path += "/"
	}
	return u.Scheme + "://" + u.Host + path, nil
}

func quote(s string) string { return `"` + shorten(s, 60) + `"` }

// SetBaseURL replaces the base URL, as the --base-url flag does, after the
// same checks as base_url in site.yaml. The error is in Vietnamese, for
// the command line.
func (c *Config) SetBaseURL(u string) error {
	u = strings.TrimSpace(viet.NFC(u))
	if u == "" {
		return errors.New("--base-url để trống — " + baseURLExample)
	}
	v, p := normalizeBaseURL(u)
	if p != nil {
		return errors.New("--base-url " + p.what + " — " + p.hint)
	}
	c.BaseURL = v
	return nil
}

// BasePath is the path of the base URL, starting and ending with '/':
// "/cchc/" for "https://dienchau.example/cchc/", "/" without a base URL.
// Links inside the site start with it.
func (c *Config) BasePath() string {
	if c.BaseURL == "" {
		return "/"
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil {
		return "/"
	}
	p := u.EscapedPath()
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// AbsURL is the absolute URL of rel, a path below the base path such as
// "bai-viet/x/", for canonical links, feeds and the sitemap. Without a
// base URL it is BasePath()+rel, the best a link can be.
func (c *Config) AbsURL(rel string) string {
	rel = strings.TrimPrefix(rel, "/")
	if c.BaseURL == "" {
		return c.BasePath() + rel
	}
	base := c.BaseURL
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	return base + rel
}
