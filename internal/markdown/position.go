package markdown

import (
	"sort"
	"unicode/utf8"
)

// lineIndex maps byte offsets of a body to 1-based line and column. It holds
// the offset where each line starts; built once per Render in linear time.
type lineIndex struct {
	src    []byte
	starts []int
}

func newLineIndex(src []byte) lineIndex {
	starts := make([]int, 1, 64)
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{src: src, starts: starts}
}

// position returns the line and the column (in runes) of offset. Offsets
// outside src are clamped, so a node without a known position still lands
// on a real line.
func (x lineIndex) position(offset int) (line, col int) {
	offset = min(max(offset, 0), len(x.src))
	i := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > offset }) - 1
	return i + 1, utf8.RuneCount(x.src[x.starts[i]:offset]) + 1
}
