package search

import (
	"slices"

	"github.com/cchc-vn/cchc/internal/searchformat"
	"github.com/cchc-vn/cchc/internal/workers"
)

// chunkLimit bounds the size of a chunk (chunkStarts ends most before).
// A query fetches about one chunk per word and per pair of adjacent
// words, so the limit trades the bytes of a query against the files a
// build writes: on the benchmark corpus (bench/search.sh), one chunk for
// 7 to 10 pages, and a query's chunks weigh 20 KB gzip-compressed at
// 1,000 pages, 30 KB at 10,000.
const chunkLimit = 24 * 1024

// wordSize is the length of appendWord's output; 0 when every list of
// the fold is empty.
func wordSize(w words, p *postings, fd int32) int {
	size, n := 0, 0
	for _, f := range p.foldForms[fd] {
		if l := p.forms[f]; len(l) > 0 {
			n++
			size += len(w.forms[f]) + 3 + searchformat.PostingsSize(l) // "form":[…]
		}
	}
	if n == 0 {
		return 0
	}
	return size + n - 1 + len(w.folds[fd]) + 5 // commas, "fold":{…}
}

// appendWord writes `"fold":{"form":["deltas","ws"],…}`.
func appendWord(b []byte, w words, p *postings, fd int32) []byte {
	b = append(b, '"')
	b = append(b, w.folds[fd]...)
	b = append(b, `":{`...)
	first := true
	for _, f := range p.foldForms[fd] {
		l := p.forms[f]
		if len(l) == 0 {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, '"')
		b = append(b, w.forms[f]...)
		b = append(b, `":`...)
		b = searchformat.AppendPostings(b, l)
	}
	return append(b, '}')
}

// pairSize is the length of appendPair's output; 0 for an empty list.
func pairSize(w words, p *postings, n int32) int {
	l := p.pairs[n]
	if len(l) == 0 {
		return 0
	}
	k := p.pairKey[n]
	return len(w.folds[k>>32]) + len(w.folds[k&0xffffffff]) + 4 + searchformat.DocsSize(l) // "a b":"…"
}

// appendPair writes `"fold1 fold2":"deltas"`.
func appendPair(b []byte, w words, p *postings, n int32) []byte {
	k := p.pairKey[n]
	b = append(b, '"')
	b = append(b, w.folds[k>>32]...)
	b = append(b, ' ')
	b = append(b, w.folds[k&0xffffffff]...)
	b = append(b, `":`...)
	return searchformat.AppendDocs(b, p.pairs[n])
}

// chunk is one written chunk file.
type chunk struct {
	first, last int32 // item numbers (fold or pair) of its first and last key
	count, size int
	fp          string
	data        []byte
}

// chunkStarts splits items (in order, each of the given size and key
// hash) into chunks of at most chunkLimit bytes (an item alone may be
// larger); it returns the index of each chunk's first item. Where a
// chunk ends depends on the keys, not only on the sizes: once a chunk
// holds a quarter of the limit, an item starts a new one with a chance
// of its size in a third of the limit, decided by its key's hash. An
// edit that changes the size of one item then moves the ends of its own
// chunk and seldom those after it, which a preview rebuild reuses; were
// chunks filled up to the limit, every end after it could shift.
func chunkStarts(sizes []int, hashes []uint64) []int {
	var starts []int
	cur := 0
	for i, s := range sizes {
		anchor := cur >= chunkLimit/4 && (hashes[i]>>32)%(chunkLimit/3) < uint64(s)
		if len(starts) == 0 || cur+1+s > chunkLimit || anchor {
			starts = append(starts, i)
			cur = 2 + s
			continue
		}
		cur += 1 + s
	}
	return starts
}

// chunker writes the chunks of one kind of key.
type chunker struct {
	pool    *workers.Pool
	kind    string  // "w" or "p"
	items   []int32 // in order, non-empty
	sizes   []int
	hashes  []uint64 // of the items' keys
	write   func(b []byte, item int32) []byte
	emit    func(File)
	dirty   func(item int32) bool // nil: nothing can be reused
	prev    []chunk
	release func(item int32) // when set, called on each item once written, and chunks keep no data
}

func (c *chunker) run() []chunk {
	starts := chunkStarts(c.sizes, c.hashes)
	out := make([]chunk, len(starts))
	reuse := map[int32]*chunk{}
	if c.dirty != nil {
		for i := range c.prev {
			reuse[c.prev[i].first] = &c.prev[i]
		}
	}
	c.pool.Run(len(starts), func(k int) {
		s, e := starts[k], len(c.items)
		if k+1 < len(starts) {
			e = starts[k+1]
		}
		size := 2 + e - s - 1
		for _, z := range c.sizes[s:e] {
			size += z
		}
		ch := &out[k]
		*ch = chunk{first: c.items[s], last: c.items[e-1], count: e - s, size: size}
		if p := reuse[ch.first]; p != nil && p.last == ch.last && p.count == ch.count && p.size == ch.size && !slices.ContainsFunc(c.items[s:e], c.dirty) {
			ch.fp, ch.data = p.fp, p.data
		} else {
			b := make([]byte, 0, size)
			b = append(b, '{')
			for j, it := range c.items[s:e] {
				if j > 0 {
					b = append(b, ',')
				}
				b = c.write(b, it)
			}
			b = append(b, '}')
			ch.data, ch.fp = b, searchformat.Fingerprint(b)
		}
		c.emit(File{Dir + searchformat.ChunkName(c.kind, k, ch.fp), ch.data})
		if c.release != nil {
			for _, it := range c.items[s:e] {
				c.release(it)
			}
			ch.data = nil
		}
	})
	return out
}
