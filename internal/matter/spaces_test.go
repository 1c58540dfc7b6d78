package matter

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalizeSpaces(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		sep      rune
	}{
		{"title:\u00a0\"Có NBSP\"", `title: "Có NBSP"`, ':'},
		{"\u00a0date: 2026-01-16", "date: 2026-01-16", ':'},
		{"title: x\n\u00a0\u00a0date: 2026-01-16", "title: x\ndate: 2026-01-16", ':'},
		{"lien_he:\n\u00a0\u00a0ten: x", "lien_he:\n  ten: x", ':'},
		{" \u00a0date: x", "  date: x", ':'},
		{"author\u00a0: \"A\"", `author : "A"`, ':'},
		{"topics:\u2003[SIPAS]\u00a0", "topics: [SIPAS] ", ':'},
		{"\u200btitle: \"x\"", `title: "x"`, ':'},
		{"\ufefftitle: \"x\"", `title: "x"`, ':'},
		{"topics:\n\u00a0\u00a0-\u00a0SIPAS", "topics:\n  - SIPAS", ':'},
		{"title: Cải\u00a0cách hành chính", "title: Cải\u00a0cách hành chính", ':'}, // text keeps its spaces
		{"title: \"Cải cách\u00a0\u00a0\"", "title: \"Cải cách\u00a0\u00a0\"", ':'}, // inside quotes too
		{"title:\u00a0Cải\u00a0cách\u00a0", "title: Cải\u00a0cách ", ':'},
		{"Tiêu\u00a0đề: x", "Tiêu\u00a0đề: x", ':'},
		{"link:\u00a0https://x.vn/a:b", "link: https://x.vn/a:b", ':'},
		{"title\u00a0=\u00a0\"x\"", `title = "x"`, '='},
		{"title = \"x\"", `title = "x"`, '='},
		{"tab:\t\"x\"", "tab:\t\"x\"", ':'},
		{"a:b\u00a0", "a:b ", ':'},
		{"", "", ':'},
	} {
		got := string(normalizeSpaces([]byte(tt.in), tt.sep))
		if got != tt.want {
			t.Errorf("normalizeSpaces(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if strings.Count(got, "\n") != strings.Count(tt.in, "\n") {
			t.Errorf("normalizeSpaces(%q): lines changed", tt.in)
		}
	}
}

func FuzzNormalizeSpaces(f *testing.F) {
	for _, s := range []string{"title:\u00a0\"x\"\n\u00a0- a\u2003", "\u200b\ufeffa\u00a0=\u00a0b", "- \u00a0:\u00a0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, sep := range []rune{':', '='} {
			got := string(normalizeSpaces([]byte(s), sep))
			if strings.Count(got, "\n") != strings.Count(s, "\n") {
				t.Fatalf("lines changed: %q → %q", s, got)
			}
			if utf8.ValidString(s) && !utf8.ValidString(got) {
				t.Fatalf("invalid UTF-8 from %q: %q", s, got)
			}
			if again := string(normalizeSpaces([]byte(got), sep)); again != got {
				t.Fatalf("not idempotent: %q → %q → %q", s, got, again)
			}
			// Only blanks change: what is not a blank stays, in order.
			if strip(got) != strip(s) {
				t.Fatalf("text changed: %q → %q", s, got)
			}
		}
	})
}

// strip drops every blank, odd or zero-width.
func strip(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || oddSpace(r) || zeroWidth(r) {
			return -1
		}
		return r
	}, s)
}

func TestCurlyQuoted(t *testing.T) {
	for s, want := range map[string]bool{
		"“Tiêu đề”": true, "‘Tóm tắt’": true, "„Ý kiến“": true, " “x” ": true,
		"Tiêu đề “trích dẫn”": false, "“": false, "”x”": false, `"x"`: false,
	} {
		if got := CurlyQuoted(s); got != want {
			t.Errorf("CurlyQuoted(%q) = %v, want %v", s, got, want)
		}
	}
}
