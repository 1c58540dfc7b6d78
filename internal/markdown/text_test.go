package markdown

import (
	"strings"
	"testing"
)

// FuzzCollapsed checks the writer against its definition: what
// strings.Fields and Join give, whatever pieces the text comes in.
func FuzzCollapsed(f *testing.F) {
	for _, s := range []string{"", " a  b ", "\u00a0Một\u2003cửa\n\tliên thông ", "\xff \xfe", "a\u0085b", "  "} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, cut int) {
		var c collapsed
		if cut < 0 || cut > len(s) {
			cut = len(s) / 2
		}
		// A rune split across two writes is not a case: writeText writes
		// whole text nodes and single spaces.
		for cut > 0 && cut < len(s) && s[cut]&0xc0 == 0x80 {
			cut--
		}
		c.Write([]byte(s[:cut]))
		c.WriteByte(' ')
		c.Write([]byte(s[cut:]))
		want := strings.Join(strings.Fields(s[:cut]+" "+s[cut:]), " ")
		if got := c.String(); got != want {
			t.Errorf("collapsed(%q | %q) = %q, want %q", s[:cut], s[cut:], got, want)
		}
	})
}
