package rules

import (
	"regexp"
	"strings"
	"testing"
)

// imageRE is the regexp imageAlts spells out; the tests hold one to the
// other.
var imageRE = regexp.MustCompile(`!\[((?:[^\[\]\\\n]|\\.){0,500})\]\(`)

func sameAsRegexp(t *testing.T, line string) {
	t.Helper()
	want := imageRE.FindAllSubmatchIndex([]byte(line), -1)
	got := imageAlts([]byte(line))
	if len(got) != len(want) {
		t.Fatalf("%q: %v, the regexp finds %v", line, got, want)
	}
	for i, m := range want {
		if got[i] != [3]int{m[0], m[2], m[3]} {
			t.Fatalf("%q: %v, the regexp finds %v", line, got, want)
		}
	}
}

func TestImageAltsAsRegexp(t *testing.T) {
	for _, line := range []string{
		"", "!", "![", "![]", "![](", "![](a.png)", "![Quầy một cửa](a.png) và ![](b.png)",
		`![Quầy \[một cửa\]](f.png)`, `![a\](b)`, `![a\`, "![a\\\n](b)", "![a![b](x)", "!![a](b)",
		"![a] (b)", "![a]b(", "[x](y) ![ ](z)", "![" + strings.Repeat("x", 500) + "](a)",
		"![" + strings.Repeat("x", 501) + "](a)", "![" + strings.Repeat("ệ", 500) + "](a)",
		"![" + strings.Repeat(`\]`, 500) + "](a)", "![" + strings.Repeat(`\]`, 501) + "](a) ![b](c)",
		"![\xff\xfe](a)", "![a\x00b](c)",
	} {
		sameAsRegexp(t, line)
	}
}

func FuzzImageAlts(f *testing.F) {
	f.Add(`![Quầy \[một cửa\]](f.png) ![](b.png)`)
	f.Add("![a![b](x)")
	f.Fuzz(func(t *testing.T, line string) {
		sameAsRegexp(t, line)
	})
}
