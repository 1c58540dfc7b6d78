package search

import (
	"encoding/binary"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/workers"
)

// chunkLimit bounds the size of a chunk (chunkStarts ends most before).
// A query fetches about one chunk per word and per pair of adjacent
// words, so the limit trades the bytes of a query against the files a
// build writes: on the benchmark corpus (bench/search.sh), one chunk for
// 7 to 10 pages, and a query's chunks weigh 20 KB gzip-compressed at
// 1,000 pages, 30 KB at 10,000.
const chunkLimit = 24 * 1024

// Numbers in the index files are written with the 64 characters below,
// none of which JSON escapes: base-32 digits, least significant first,
// every digit but the last taken from the upper half. 0–31 is one
// character, up to 1023 two.
const numChars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"

// numLen is the length of appendNum's output.
func numLen(v uint64) int {
	n := 1
	for v >= 32 {
		v >>= 5
		n++
	}
	return n
}

func appendNum(b []byte, v uint64) []byte {
	for v >= 32 {
		b = append(b, numChars[32+v&31])
		v >>= 5
	}
	return append(b, numChars[v])
}

// nums decodes a string of numbers written by appendNum.
func nums(s string) ([]int, bool) {
	var out []int
	v, shift := 0, 0
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(numChars, s[i])
		if d < 0 || shift > 30 {
			return nil, false
		}
		v |= (d & 31) << shift
		if d < 32 {
			out = append(out, v)
			v, shift = 0, 0
		} else {
			shift += 5
		}
	}
	return out, shift == 0
}

// uvarint decodes the number at the start of l, with the one-byte case
// inline.
func uvarint(l []byte) (uint64, int) {
	if l[0] < 0x80 {
		return uint64(l[0]), 1
	}
	return binary.Uvarint(l)
}

// docsSize is the length of appendDocs's output.
func docsSize(l []byte) int {
	size := 2
	for len(l) > 0 {
		v, k := uvarint(l)
		size += numLen(v)
		l = l[k:]
	}
	return size
}

// appendDocs writes a list of document deltas as a string of numbers.
func appendDocs(b, l []byte) []byte {
	b = append(b, '"')
	for len(l) > 0 {
		v, k := uvarint(l)
		b = appendNum(b, v)
		l = l[k:]
	}
	return append(b, '"')
}

// postingsSize is the length of appendPostings's output.
func postingsSize(l []byte) int {
	size := 7 // ["",""]
	for len(l) > 0 {
		v, k := uvarint(l)
		size += numLen(v) + 1
		l = l[k:]
		_, k = uvarint(l)
		l = l[k:]
	}
	return size
}

// appendPostings writes a form's list of (document delta, w) as two
// strings: the deltas as numbers, then each w as one character. Apart,
// each string repeats its own few characters, which gzip packs better
// than the two interleaved.
func appendPostings(b, l []byte) []byte {
	b = append(b, `["`...)
	for r := l; len(r) > 0; {
		v, k := uvarint(r)
		b = appendNum(b, v)
		r = r[k:]
		_, k = uvarint(r)
		r = r[k:]
	}
	b = append(b, `","`...)
	for r := l; len(r) > 0; {
		_, k := uvarint(r)
		r = r[k:]
		w, k := uvarint(r)
		b = append(b, numChars[w])
		r = r[k:]
	}
	return append(b, `"]`...)
}

// wordSize is the length of appendWord's output; 0 when every list of
// the fold is empty.
func wordSize(w words, p *postings, fd int32) int {
	size, n := 0, 0
	for _, f := range p.foldForms[fd] {
		if l := p.forms[f]; len(l) > 0 {
			n++
			size += len(w.forms[f]) + 3 + postingsSize(l) // "form":[…]
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
		b = appendPostings(b, l)
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
	return len(w.folds[k>>32]) + len(w.folds[k&0xffffffff]) + 4 + docsSize(l) // "a b":"…"
}

// appendPair writes `"fold1 fold2":"deltas"`.
func appendPair(b []byte, w words, p *postings, n int32) []byte {
	k := p.pairKey[n]
	b = append(b, '"')
	b = append(b, w.folds[k>>32]...)
	b = append(b, ' ')
	b = append(b, w.folds[k&0xffffffff]...)
	b = append(b, `":`...)
	return appendDocs(b, p.pairs[n])
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
			ch.data, ch.fp = b, fingerprint(b)
		}
		c.emit(File{Dir + chunkName(c.kind, k, ch.fp), ch.data})
		if c.release != nil {
			for _, it := range c.items[s:e] {
				c.release(it)
			}
			ch.data = nil
		}
	})
	return out
}

// appendString writes s as a JSON string. Invalid UTF-8 becomes U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			// The letters of Vietnamese: two and three bytes that are
			// always valid.
			if 0xC2 <= c && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
				i += 2
				continue
			}
			if 0xE1 <= c && c <= 0xEC && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
				i += 3
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				b = append(b, s[start:i]...)
				b = append(b, `\ufffd`...)
				i++
				start = i
				continue
			}
			i += size
			continue
		}
		if c >= 0x20 && c != '"' && c != '\\' {
			i++
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, `\n`...)
		case '\r':
			b = append(b, `\r`...)
		case '\t':
			b = append(b, `\t`...)
		default:
			b = append(b, `\u00`...)
			b = append(b, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
		}
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
