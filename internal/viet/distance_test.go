package viet

import (
	"strings"
	"testing"
)

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"", "abc", 3},
		{"title", "title", 0},
		{"tittle", "title", 1},
		{"titel", "title", 1}, // swap of neighbours
		{"sipass", "sipas", 1},
		{"kitten", "sitting", 3},
		{"một", "mot", 1},
		{strings.Repeat("a", 1000), strings.Repeat("b", 1000), maxCompared},
	}
	for _, tt := range tests {
		if got := EditDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestNearest(t *testing.T) {
	words := []string{"build", "check", "serve", "new", "init", "version", "help"}
	for _, tc := range []struct{ got, want string }{
		{"bulid", "build"},
		{"biuld", "build"},
		{"BUILD", "build"},
		{"chek", "check"},
		{"server", "serve"},
		{"vesion", "version"},
		{"xuatban", ""},
		{"n", ""},
		{"ne", "new"}, // one edit in three characters is still close
		{"ver", "version"},
	} {
		if got := Nearest(tc.got, words); got != tc.want {
			t.Errorf("Nearest(%q) = %q, want %q", tc.got, got, tc.want)
		}
	}
	flags := []string{"s", "d", "base-url", "drafts", "future", "zip", "cache"}
	for _, tc := range []struct{ got, want string }{
		{"draft", "drafts"},
		{"url", "base-url"},
		{"baseurl", "base-url"},
		{"futur", "future"},
		{"x", ""},
	} {
		if got := Nearest(tc.got, flags); got != tc.want {
			t.Errorf("Nearest(%q) = %q, want %q", tc.got, got, tc.want)
		}
	}
}

func TestNear(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"tittle", "title", true},
		{"drafs", "drafts", true},
		{"ne", "new", true},   // one edit in three characters
		{"ab", "id", false},   // two edits in two characters
		{"x", "d", false},     // one edit in one character
		{"abc", "xyz", false}, // three edits
		{"tieu_de", "tieu_de", true},
		{"chuyen-doi-so-hoa", "chuyen-doi-so", false}, // four edits, however long
		{"thu-tuc-hanh-chinh", "thu-tuc-hanh-chnh", true},
	} {
		if got := Near(EditDistance(tc.a, tc.b), tc.a, tc.b); got != tc.want {
			t.Errorf("Near(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"cong-an", "cong-an-xa", true}, // three edits in ten characters
		{"trung-tam-phuc-vu-hcc-xa", "trung-tam-phuc-vu-hanh-chinh-cong-xa", true},
		{"hoi-nong-dan-xa", "cong-an-xa", false},
		{"ab", "id", false},
	} {
		if got := NearName(EditDistance(tc.a, tc.b), tc.a, tc.b); got != tc.want {
			t.Errorf("NearName(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestClosest(t *testing.T) {
	levels := []string{"Trung ương", "Tỉnh", "Xã"}
	for _, tc := range []struct{ got, want string }{
		{"tinhh", "Tỉnh"},
		{"Trung uong", "Trung ương"},
		{"trungương", "Trung ương"}, // the slugs differ by a dash
		{"huyen", ""},
		{"x", ""},
	} {
		if got := Closest(tc.got, levels, Slug); got != tc.want {
			t.Errorf("Closest(%q) = %q, want %q", tc.got, got, tc.want)
		}
	}
	if got := Closest("tep", []string{"ten", "tep"}, func(s string) string { return s }); got != "tep" {
		t.Errorf("an exact match is not the closest: %q", got)
	}
	if got := Closest("tex", []string{"ten", "tep"}, func(s string) string { return s }); got != "ten" {
		t.Errorf("of two at one edit, not the first: %q", got)
	}
}
