package config

import "testing"

func TestBaseURL(t *testing.T) {
	tests := []struct {
		in, want, problem string
	}{
		{in: "https://dienchau.example/cchc/", want: "https://dienchau.example/cchc/"},
		{in: "https://dienchau.example/cchc", want: "https://dienchau.example/cchc/"},
		{in: "HTTP://dienchau.example", want: "http://dienchau.example/"},
		{in: "https://dienchau.example:8443/a/b", want: "https://dienchau.example:8443/a/b/"},
		{in: "https://dienchau.example/cải-cách/", want: "https://dienchau.example/c%E1%BA%A3i-c%C3%A1ch/"},
		{in: "", want: ""},
		{in: "dienchau.example/cchc/", problem: `phải là địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://, không phải "dienchau.example/cchc/"`},
		{in: "/cchc/", problem: `phải là địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://, không phải "/cchc/"`},
		{in: "https:///cchc/", problem: `phải là địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://, không phải "https:///cchc/"`},
		{in: "mailto:ubnd@x.example", problem: `phải là địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://, không phải "mailto:ubnd@x.example"`},
		{in: "https://x.example/cchc/?p=1", problem: `không được có phần ?… hoặc #…: "https://x.example/cchc/?p=1"`},
		{in: "https://x.example/cchc/?", problem: `không được có phần ?… hoặc #…: "https://x.example/cchc/?"`},
		{in: "https://x.example/cchc/#top", problem: `không được có phần ?… hoặc #…: "https://x.example/cchc/#top"`},
		{in: "https://x.example/c chc/", problem: `không được chứa dấu cách: "https://x.example/c chc/"`},
		{in: "https://u:p@x.example/", problem: "không được chứa tên đăng nhập hoặc mật khẩu"},
		{in: "https://x.example/a/../b/", problem: `không được chứa đoạn . hoặc ..: "https://x.example/a/../b/"`},
	}
	for _, tt := range tests {
		got, p := normalizeBaseURL(tt.in)
		switch {
		case tt.problem == "" && (p != nil || got != tt.want):
			t.Errorf("normalizeBaseURL(%q) = %q, %v; want %q", tt.in, got, p, tt.want)
		case tt.problem != "" && (p == nil || p.what != tt.problem):
			t.Errorf("normalizeBaseURL(%q) problem = %+v, want %q", tt.in, p, tt.problem)
		}
	}
}

func TestSetBaseURL(t *testing.T) {
	cfg := Default()
	if err := cfg.SetBaseURL(" https://dienchau.example/cchc "); err != nil || cfg.BaseURL != "https://dienchau.example/cchc/" {
		t.Errorf("SetBaseURL = %v, BaseURL %q", err, cfg.BaseURL)
	}
	for in, want := range map[string]string{
		"dienchau.example":     `--base-url phải là địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://, không phải "dienchau.example" — ví dụ: https://dienchau.example/cchc/`,
		"":                     "--base-url để trống — ví dụ: https://dienchau.example/cchc/",
		"https://x.example/?a": `--base-url không được có phần ?… hoặc #…: "https://x.example/?a" — chỉ ghi địa chỉ thư mục của chuyên mục; ví dụ: https://dienchau.example/cchc/`,
	} {
		err := cfg.SetBaseURL(in)
		if err == nil || err.Error() != want {
			t.Errorf("SetBaseURL(%q) = %v, want %q", in, err, want)
		}
		if cfg.BaseURL != "https://dienchau.example/cchc/" {
			t.Errorf("SetBaseURL(%q) changed BaseURL to %q though it failed", in, cfg.BaseURL)
		}
	}
}

func TestBasePathAndAbsURL(t *testing.T) {
	tests := []struct {
		base, path, rel, abs string
	}{
		{"https://dienchau.example/cchc/", "/cchc/", "bai-viet/x/", "https://dienchau.example/cchc/bai-viet/x/"},
		{"https://dienchau.example/", "/", "bai-viet/x/", "https://dienchau.example/bai-viet/x/"},
		{"https://dienchau.example/a/b/", "/a/b/", "", "https://dienchau.example/a/b/"},
		{"https://dienchau.example/cchc", "/cchc/", "/rss.xml", "https://dienchau.example/cchc/rss.xml"}, // set by hand, not validated
		{"", "/", "bai-viet/x/", "/bai-viet/x/"},
		{"", "/", "", "/"},
	}
	for _, tt := range tests {
		cfg := &Config{BaseURL: tt.base}
		if got := cfg.BasePath(); got != tt.path {
			t.Errorf("BasePath() with %q = %q, want %q", tt.base, got, tt.path)
		}
		if got := cfg.AbsURL(tt.rel); got != tt.abs {
			t.Errorf("AbsURL(%q) with %q = %q, want %q", tt.rel, tt.base, got, tt.abs)
		}
	}
}
