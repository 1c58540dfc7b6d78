package linescan

import "testing"

func TestLines(t *testing.T) {
	b := []byte("a: 1\r\nb\n\nlast")
	for _, tt := range []struct{ pos, next, end int }{
		{0, 6, 4}, {6, 8, 7}, {8, 9, 8}, {9, 13, 13}, {13, 13, 13},
	} {
		if got := Next(b, tt.pos); got != tt.next {
			t.Errorf("Next(%d) = %d, want %d", tt.pos, got, tt.next)
		}
		if got := ContentEnd(b, tt.pos); got != tt.end {
			t.Errorf("ContentEnd(%d) = %d, want %d", tt.pos, got, tt.end)
		}
	}
	if !HasPrefixAt(b, 6, "b\n") || HasPrefixAt(b, 12, "st!") || HasPrefixAt(b, 0, "b") {
		t.Error("HasPrefixAt")
	}
	for c, want := range map[byte]bool{' ': true, '\t': true, '\r': true, '\n': true, 'a': false, 0: false} {
		if IsSpaceOrBreak(c) != want {
			t.Errorf("IsSpaceOrBreak(%q) = %v", c, !want)
		}
	}
}
