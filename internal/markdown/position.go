package markdown

import (
	"sort"
	"unicode/utf8"
)

// lineIndex maps byte offsets of a body to 1-based line and column. It holds
// the offset where each line starts, built once per Render in linear time,
// and the last position it gave: links are checked in document order, so
// the next column on the same line is counted on from there. Counting from
// the line's start each time made a long pasted paragraph full of links
// cost the square of its length (0.4 MB of "www…" on one line: 12 s).
// Not safe for concurrent use; each Render has its own.
type lineIndex struct {
	src    []byte
	starts []int
	// the last answer: line (0-based index into starts), offset, column
	lastLine, lastOff, lastCol int
}

func newLineIndex(src []byte) *lineIndex {
	starts := make([]int, 1, 64)
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{src: src, starts: starts, lastLine: -1}
}

// position returns the line and the column (in runes) of offset. Offsets
// outside src are clamped, so a node without a known position still lands
// on a real line.
func (x *lineIndex) position(offset int) (line, col int) {
	offset = min(max(offset, 0), len(x.src))
	i := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > offset }) - 1
	from, col := x.starts[i], 1
	if i == x.lastLine && offset >= x.lastOff && (x.lastOff == len(x.src) || utf8.RuneStart(x.src[x.lastOff])) {
		from, col = x.lastOff, x.lastCol
	}
	col += utf8.RuneCount(x.src[from:offset])
	x.lastLine, x.lastOff, x.lastCol = i, offset, col
	return i + 1, col
}
