package qrsvg

import (
	"math/bits"
	"sync"

	goqr "github.com/piglig/go-qr"
)

// The QR standard has an encoder try the eight mask patterns and keep the
// one whose symbol scores the lowest penalty (few long runs, few 2×2
// blocks, nothing that looks like a finder, dark and light balanced).
// go-qr scores them module by module, and that was nearly all of its time:
// a tenth of a whole build's CPU, one code per printable page. Here the
// symbol is encoded once with mask 0, unmasked, and the eight candidates
// are scored on rows of bits, which counts runs and blocks a word at a
// time. The rules, their order and the tie-break (lowest pattern) are
// go-qr's (Nayuki's reference), so the symbol is the very one go-qr would
// choose: mask_test.go compares them bit for bit.

// maxFastSize is the widest symbol whose rows fit a word: version 11, a
// URL of about 250 bytes at level M. Wider codes take go-qr's own choice.
const maxFastSize = 64

// Penalty weights of the standard (ISO/IEC 18004, 8.8.2).
const (
	penaltyRun    = 3  // N1: a run of five modules of one colour
	penaltyBlock  = 3  // N2: a 2×2 block of one colour
	penaltyFinder = 40 // N3: a 1:1:3:1:1 pattern with four light modules beside it
	penaltyDark   = 10 // N4: each 5% of imbalance between dark and light
)

// grid is a symbol as rows of bits: bit x of row y is the module at
// column x, set when dark.
type grid [maxFastSize]uint64

// encodeBestMask encodes segs at level M (raised when it fits) and returns
// the symbol with the lowest-penalty mask, or ok false when the symbol is
// too wide for rows of one word.
func encodeBestMask(segs []*goqr.QrSegment) (size int, dark []bool, ok bool, err error) {
	q, err := goqr.EncodeSegments(segs, goqr.Medium, goqr.MinVersion, goqr.MaxVersion, 0, true)
	if err != nil {
		return 0, nil, false, err
	}
	n := q.Size()
	if n > maxFastSize {
		return 0, nil, false, nil
	}
	var masked grid
	for y := range n {
		for x := range n {
			if q.Module(x, y) {
				masked[y] |= 1 << x
			}
		}
	}
	l := newLayout(n)
	level, ok := l.level(&masked)
	if !ok {
		return 0, nil, false, nil // not a symbol this file understands: let go-qr choose
	}
	// raw: the data modules unmasked, the function patterns as drawn, the
	// format information blank (it names the mask). The rules read rows
	// and columns alike: each grid is kept transposed too, so that a
	// candidate's columns cost as little as its rows.
	var raw grid
	pats := maskPatterns()
	full := fullRow(n)
	for y := range n {
		raw[y] = (masked[y] ^ pats.rows[0][y%12]&^l.function[y]) &^ l.format[y] & full
	}
	rawT, functionT := transpose(&raw, n), transpose(&l.function, n)
	best, bestScore := grid{}, -1
	var cand, candT grid
	for m := range 8 {
		fb, fbT := l.formatGrids(level, m)
		for y := range n {
			cand[y] = (raw[y] ^ pats.rows[m][y%12]&^l.function[y] | fb[y]) & full
		}
		for x := range n {
			candT[x] = (rawT[x] ^ pats.cols[m][x%12]&^functionT[x] | fbT[x]) & full
		}
		if s := penalty(&cand, &candT, n, bestScore); bestScore < 0 || s < bestScore {
			best, bestScore = cand, s
		}
	}
	dark = make([]bool, n*n)
	for y := range n {
		for x := range n {
			dark[y*n+x] = best[y]>>x&1 == 1
		}
	}
	return n, dark, true, nil
}

// maskPatterns are the eight patterns as rows and as columns of bits:
// bit x of rows[m][y%12], and bit y of cols[m][x%12], are set where
// pattern m inverts module (x, y). Every pattern repeats every 12 rows
// and columns (the periods are 2, 3, 4 and 6), so 12 lines of 64 modules
// hold them all.
var maskPatterns = sync.OnceValue(func() (p struct{ rows, cols [8][12]uint64 }) {
	for m := range 8 {
		for a := range 12 {
			for b := range maxFastSize {
				if inverts(m, b, a) {
					p.rows[m][a] |= 1 << b
				}
				if inverts(m, a, b) {
					p.cols[m][a] |= 1 << b
				}
			}
		}
	}
	return p
})

// transpose returns g's columns as rows: bit y of line x is module (x, y).
func transpose(g *grid, n int) grid {
	var t grid
	for y := range n {
		for r := g[y]; r != 0; r &= r - 1 {
			t[bits.TrailingZeros64(r)] |= 1 << y
		}
	}
	return t
}

// inverts is the standard's condition for mask pattern m at (x, y).
func inverts(m, x, y int) bool {
	switch m {
	case 0:
		return (x+y)%2 == 0
	case 1:
		return y%2 == 0
	case 2:
		return x%3 == 0
	case 3:
		return (x+y)%3 == 0
	case 4:
		return (x/3+y/2)%2 == 0
	case 5:
		return x*y%2+x*y%3 == 0
	case 6:
		return (x*y%2+x*y%3)%2 == 0
	default:
		return ((x+y)%2+x*y%3)%2 == 0
	}
}

// layout is where a symbol of one size has its function patterns (which
// no mask touches) and its two copies of the format information.
type layout struct {
	n        int
	function grid
	format   grid
}

func newLayout(n int) *layout {
	l := &layout{n: n}
	set := func(x, y int) { l.function[y] |= 1 << x }
	for i := range n { // timing patterns
		set(6, i)
		set(i, 6)
	}
	for y := range 8 { // finders with their separators
		for x := range 8 {
			set(x, y)
			set(n-1-x, y)
			set(x, n-1-y)
		}
	}
	version := (n - 17) / 4
	if version > 1 { // alignment patterns
		pos := alignmentPositions(version, n)
		last := len(pos) - 1
		for i, cy := range pos {
			for j, cx := range pos {
				if i == 0 && j == 0 || i == 0 && j == last || i == last && j == 0 {
					continue // a finder is there
				}
				for dy := -2; dy <= 2; dy++ {
					for dx := -2; dx <= 2; dx++ {
						set(cx+dx, cy+dy)
					}
				}
			}
		}
	}
	if version >= 7 { // version information
		for i := range 18 {
			a, b := n-11+i%3, i/3
			set(a, b)
			set(b, a)
		}
	}
	for _, p := range l.formatCells() {
		l.format[p[1]] |= 1 << p[0]
		set(p[0], p[1])
	}
	set(8, n-8) // the dark module
	return l
}

// alignmentPositions are the centres of the alignment patterns on each
// axis, as the standard's table gives them.
func alignmentPositions(version, n int) []int {
	count := version/7 + 2
	step := 26
	if version != 32 {
		step = (version*4 + count*2 + 1) / (count*2 - 2) * 2
	}
	pos := make([]int, count)
	pos[0] = 6
	for i, p := count-1, n-7; i >= 1; i, p = i-1, p-step {
		pos[i] = p
	}
	return pos
}

// formatCells lists (x, y) of the format information's 15 bits, bit 0
// first, for each of its two copies: [bit] then [15+bit].
func (l *layout) formatCells() [30][2]int {
	n := l.n
	var c [30][2]int
	for i := range 6 {
		c[i] = [2]int{8, i}
	}
	c[6], c[7], c[8] = [2]int{8, 7}, [2]int{8, 8}, [2]int{7, 8}
	for i := 9; i < 15; i++ {
		c[i] = [2]int{14 - i, 8}
	}
	for i := range 8 {
		c[15+i] = [2]int{n - 1 - i, 8}
	}
	for i := 8; i < 15; i++ {
		c[15+i] = [2]int{8, n - 15 + i}
	}
	return c
}

// formatBits are the 15 bits naming level (as go-qr numbers it: L, M, Q,
// H) and mask, with their BCH check, masked as the standard says.
func formatBits(level goqr.Ecc, mask int) int {
	data := level.FormatBits()<<3 | mask
	rem := data
	for range 10 {
		rem = rem<<1 ^ (rem>>9)*0x537
	}
	return (data<<10 | rem) ^ 0x5412
}

// formatGrids is the format information of level and mask, with the dark
// module beside it, as rows and as columns.
func (l *layout) formatGrids(level goqr.Ecc, mask int) (rows, cols grid) {
	b := formatBits(level, mask)
	for i, p := range l.formatCells() {
		if b>>(i%15)&1 == 1 {
			rows[p[1]] |= 1 << p[0]
			cols[p[0]] |= 1 << p[1]
		}
	}
	rows[l.n-8] |= 1 << 8
	cols[8] |= 1 << (l.n - 8)
	return rows, cols
}

// level reads which error correction level go-qr chose (it raises M when
// the text fits anyway) from the format information of a mask-0 symbol.
func (l *layout) level(masked *grid) (goqr.Ecc, bool) {
	for _, lv := range []goqr.Ecc{goqr.Low, goqr.Medium, goqr.Quartile, goqr.High} {
		want, _ := l.formatGrids(lv, 0)
		same := true
		for y := range l.n {
			if masked[y]&(l.format[y]|want[y]) != want[y] {
				same = false
				break
			}
		}
		if same {
			return lv, true
		}
	}
	return 0, false
}

// penalty scores a candidate symbol, g and its columns gT, by the
// standard's four rules. The finder rule, the dearest, is skipped once the
// score reaches stop (when stop ≥ 0): the candidate has lost already, and
// the exact score no longer matters.
func penalty(g, gT *grid, n, stop int) int {
	full := fullRow(n)
	score, dark := 0, 0
	for y := range n {
		r := g[y]
		dark += bits.OnesCount64(r)
		score += runPenalty(r, full) + runPenalty(gT[y], full)
		if y+1 < n {
			score += blockPenalty(r, g[y+1], full)
		}
	}
	total := n * n
	score += ((abs(dark*20-total*10)+total-1)/total - 1) * penaltyDark
	if stop >= 0 && score >= stop {
		return score
	}
	for i := range n {
		score += finderPenalty(g[i], n) + finderPenalty(gT[i], n)
	}
	return score
}

// runPenalty is rule 1 for one line: a run of k ≥ 5 modules of one colour
// costs 3 + (k − 5). Bit i of five is set when modules i…i+4 share a
// colour: a run of k sets k − 4 of them, one of which starts it.
func runPenalty(line, full uint64) int {
	p := 0
	for _, c := range [2]uint64{line, ^line & full} {
		five := c & (c >> 1) & (c >> 2) & (c >> 3) & (c >> 4)
		p += bits.OnesCount64(five) + (penaltyRun-1)*bits.OnesCount64(five&^(five<<1))
	}
	return p
}

// blockPenalty is rule 2 for two adjacent rows: every 2×2 block of one
// colour whose top left is in the first.
func blockPenalty(a, b, full uint64) int {
	d := a & (a >> 1) & b & (b >> 1)
	la, lb := ^a&full, ^b&full
	l := la & (la >> 1) & lb & (lb >> 1)
	return penaltyBlock * bits.OnesCount64(d|l)
}

// finderPenalty is rule 3 for one line. The reference walks the line
// module by module, keeping the last seven runs, and at the end of each
// light run looks for dark, light, dark, light, dark runs of m, m, 3m, m
// and m modules with light beyond them: at least 4m modules on one side
// and m on the other (the light border beyond the symbol counts, as long
// as the symbol). Here every start of such a pattern is found at once,
// one m at a time, with shifts of the whole line: the walk was most of a
// code's time, and this gives the same count (mask_test.go keeps the walk
// and compares them).
func finderPenalty(line uint64, n int) int {
	dark, light := line, ^line // bits from n up are the light border
	// m = 1, by far the likeliest, spelled out: 1011101 with a light
	// module on each side. (In Go & binds as tightly as >>, hence the
	// brackets.)
	core := dark & (light >> 1) & (dark >> 2) & (dark >> 3) & (dark >> 4) & lightFrom(light, 5, 1) &
		(dark >> 6) & lightFrom(light, 7, 1) & lightBefore(light, 1)
	found := 0
	if core != 0 {
		found = bits.OnesCount64(core&lightFrom(light, 7, 4)) + bits.OnesCount64(core&lightBefore(light, 4))
	}
	threeM, grown := dark&(dark>>1)&(dark>>2), 3 // bit i: dark from module i for `grown` modules
	for m := 2; 7*m <= n; m++ {
		for ; grown < 3*m; grown++ {
			threeM &= dark >> grown
		}
		if threeM == 0 {
			break // no dark run of 3m modules, so none longer either
		}
		core := (threeM >> (2 * m)) & darkFrom(dark, 0, m) & lightFrom(light, m, m) &
			lightFrom(light, 5*m, m) & darkFrom(dark, 6*m, m) & lightFrom(light, 7*m, 1) & lightBefore(light, 1)
		if core == 0 {
			continue
		}
		after, before := lightFrom(light, 7*m, 4*m), lightBefore(light, 4*m)
		found += bits.OnesCount64(core&after&lightBefore(light, m)) + bits.OnesCount64(core&before&lightFrom(light, 7*m, m))
	}
	return found * penaltyFinder
}

// darkFrom has bit i set when modules i+off … i+off+k−1 are all dark.
func darkFrom(dark uint64, off, k int) uint64 {
	r := ^uint64(0)
	for j := off; j < off+k; j++ {
		r &= dark >> j
	}
	return r
}

// lightFrom has bit i set when modules i+off … i+off+k−1 are all light,
// the border beyond the symbol included.
func lightFrom(light uint64, off, k int) uint64 {
	r := ^uint64(0)
	for j := off; j < off+k; j++ {
		r &= light>>j | ^(^uint64(0) >> j)
	}
	return r
}

// lightBefore has bit i set when the k modules before i are all light,
// the border before the symbol included.
func lightBefore(light uint64, k int) uint64 {
	r := ^uint64(0)
	for j := 1; j <= k; j++ {
		r &= light<<j | (1<<j - 1)
	}
	return r
}

// fullRow has the bits of a row of n modules set.
func fullRow(n int) uint64 {
	if n == 64 {
		return ^uint64(0)
	}
	return 1<<n - 1
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
