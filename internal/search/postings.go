package search

import (
	"cmp"
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
)

// MaxDocs bounds the documents of one index: a patched list holds a
// document number and its w (9 bits) in 32 bits. Documents numbered
// beyond it are left out.
const MaxDocs = 1 << 23

// A posting list is kept as the numbers the file will show, each as a
// uvarint: for a form, pairs (document delta, w); for a pair, document
// deltas. The first delta is the document number itself. Documents are
// added in order, so a list only grows at its end.

// acc gathers the postings of the documents, in order. Pairs are found
// through their first fold: the table of a frequent word stays in the
// cache, where one table of every pair would not.
type acc struct {
	forms [][]byte // by form number
	flast []uint32 // by form number: the last document added
	next  []succ   // by first fold
	pairs [][]byte // by local pair number
	plast []uint32 // by local pair number: the last document added
}

// succ maps the folds that follow one fold to local pair numbers.
type succ struct {
	keys  []uint32 // fold2+1; 0 is empty
	nums  []int32
	n     int
	shift uint
}

// add appends a document's postings; doc is above every document added.
func (a *acc) add(doc uint32, forms []int32, ws []uint16, pairs []uint64) {
	for i, f := range forms {
		if int(f) >= len(a.forms) {
			n := max(int(f)+1, 2*len(a.forms))
			a.forms, a.flast = growTo(a.forms, n), growTo(a.flast, n)
		}
		l := binary.AppendUvarint(a.forms[f], uint64(doc-a.flast[f]))
		a.forms[f] = binary.AppendUvarint(l, uint64(ws[i]))
		a.flast[f] = doc
	}
	for _, k := range pairs {
		n := a.pair(uint32(k>>32), uint32(k))
		a.pairs[n] = binary.AppendUvarint(a.pairs[n], uint64(doc-a.plast[n]))
		a.plast[n] = doc
	}
}

// pair returns the local number of a pair, making one for a new pair.
func (a *acc) pair(f1, f2 uint32) int32 {
	if int(f1) >= len(a.next) {
		a.next = growTo(a.next, max(int(f1)+1, 2*len(a.next)))
	}
	s := &a.next[f1]
	if 2*(s.n+1) > len(s.keys) {
		s.grow()
	}
	mask := uint32(len(s.keys) - 1)
	for i := (f2 * 0x9E3779B1) >> s.shift; ; i = (i + 1) & mask {
		switch s.keys[i] {
		case f2 + 1:
			return s.nums[i]
		case 0:
			n := int32(len(a.pairs))
			s.keys[i], s.nums[i] = f2+1, n
			s.n++
			a.pairs = append(a.pairs, nil)
			a.plast = append(a.plast, 0)
			return n
		}
	}
}

func (s *succ) grow() {
	keys, nums := s.keys, s.nums
	size := max(4, 2*len(keys))
	s.keys, s.nums, s.shift = make([]uint32, size), make([]int32, size), 32-uint(bits.Len(uint(size-1)))
	mask := uint32(size - 1)
	for j, k := range keys {
		if k == 0 {
			continue
		}
		i := ((k - 1) * 0x9E3779B1) >> s.shift
		for s.keys[i] != 0 {
			i = (i + 1) & mask
		}
		s.keys[i], s.nums[i] = k, nums[j]
	}
}

// postings are the lists of the whole site, with the order of their keys
// in the files: folds by their bytes, the forms of a fold by theirs,
// pairs by "fold1 fold2" (the order of (fold1, fold2), as a space sorts
// before every letter and digit). A key stays in the order when its list
// empties (after a patch): writing skips it.
type postings struct {
	forms   [][]byte // by form number
	pairKey []uint64 // by pair number: fold1<<32 | fold2
	pairs   [][]byte // by pair number
	// pairIdx finds a pair's number; made for a Memo, which patches.
	pairIdx map[uint64]int32

	folds     []int32   // fold numbers, in order
	inFolds   []bool    // by fold number
	foldForms [][]int32 // by fold number: its forms, in order
	inForms   []bool    // by form number
	order     []int32   // pair numbers, in order
	inPairs   []bool    // by pair number
}

// newPostings orders the lists gathered in a, which it takes over.
func newPostings(w words, a *acc) *postings {
	p := &postings{forms: growTo(a.forms, len(w.forms))}
	a.forms = nil
	p.grow(w)
	for f, l := range p.forms {
		if len(l) == 0 {
			continue
		}
		fd := w.formFold[f]
		p.foldForms[fd] = append(p.foldForms[fd], int32(f))
		p.inForms[f] = true
		if !p.inFolds[fd] {
			p.inFolds[fd] = true
			p.folds = append(p.folds, fd)
		}
	}
	slices.SortFunc(p.folds, func(a, b int32) int { return strings.Compare(w.folds[a], w.folds[b]) })
	for _, fd := range p.folds {
		slices.SortFunc(p.foldForms[fd], func(a, b int32) int { return strings.Compare(w.forms[a], w.forms[b]) })
	}
	rank := make([]int32, len(w.folds))
	for i, fd := range p.folds {
		rank[fd] = int32(i)
	}
	// The pairs of each first fold, in the order of the second.
	p.pairKey = make([]uint64, 0, len(a.pairs))
	p.pairs = make([][]byte, 0, len(a.pairs))
	type next struct{ f2, n int32 }
	var es []next
	for _, f1 := range p.folds {
		if int(f1) >= len(a.next) {
			continue
		}
		s := &a.next[f1]
		es = es[:0]
		for i, k := range s.keys {
			if k != 0 {
				es = append(es, next{int32(k - 1), s.nums[i]})
			}
		}
		slices.SortFunc(es, func(x, y next) int { return cmp.Compare(rank[x.f2], rank[y.f2]) })
		for _, e := range es {
			p.pairKey = append(p.pairKey, uint64(f1)<<32|uint64(e.f2))
			p.pairs = append(p.pairs, a.pairs[e.n])
			a.pairs[e.n] = nil
		}
		*s = succ{}
	}
	p.order = make([]int32, len(p.pairs))
	p.inPairs = make([]bool, len(p.pairs))
	for i := range p.order {
		p.order[i] = int32(i)
		p.inPairs[i] = true
	}
	return p
}

// grow makes room for the forms and folds numbered since.
func (p *postings) grow(w words) {
	p.forms = growTo(p.forms, len(w.forms))
	p.inFolds = growTo(p.inFolds, len(w.folds))
	p.foldForms = growTo(p.foldForms, len(w.folds))
	p.inForms = growTo(p.inForms, len(w.forms))
}

func growTo[T any](s []T, n int) []T {
	if len(s) >= n {
		return s
	}
	return append(s, make([]T, n-len(s))...)
}

// indexPairs makes pairIdx, for patching.
func (p *postings) indexPairs() {
	p.pairIdx = make(map[uint64]int32, len(p.pairKey))
	for n, k := range p.pairKey {
		p.pairIdx[k] = int32(n)
	}
}

// pairNum returns the number of a pair, making one (outside the order)
// for a new pair.
func (p *postings) pairNum(k uint64) int32 {
	n, ok := p.pairIdx[k]
	if !ok {
		n = int32(len(p.pairKey))
		p.pairIdx[k] = n
		p.pairKey = append(p.pairKey, k)
		p.pairs = append(p.pairs, nil)
		p.inPairs = append(p.inPairs, false)
	}
	return n
}

// uvarints decodes a list into its numbers.
func uvarints(l []byte) []uint32 {
	out := make([]uint32, 0, len(l))
	for len(l) > 0 {
		v, n := binary.Uvarint(l)
		out = append(out, uint32(v))
		l = l[n:]
	}
	return out
}

// A patch works on decoded lists: documents for pairs, doc<<9 | w for
// forms, in order.

func decodeForms(l []byte) []uint32 {
	v := uvarints(l)
	out := make([]uint32, 0, len(v)/2)
	doc := uint32(0)
	for i := 0; i+1 < len(v); i += 2 {
		doc += v[i]
		out = append(out, doc<<9|v[i+1])
	}
	return out
}

func encodeForms(es []uint32) []byte {
	var l []byte
	last := uint32(0)
	for _, e := range es {
		l = binary.AppendUvarint(binary.AppendUvarint(l, uint64(e>>9-last)), uint64(e&511))
		last = e >> 9
	}
	return l
}

func decodeDocs(l []byte) []uint32 {
	v := uvarints(l)
	doc := uint32(0)
	for i := range v {
		doc += v[i]
		v[i] = doc
	}
	return v
}

func encodeDocs(docs []uint32) []byte {
	var l []byte
	last := uint32(0)
	for _, d := range docs {
		l = binary.AppendUvarint(l, uint64(d-last))
		last = d
	}
	return l
}

// changes collects what a patch touched.
type changes struct {
	forms map[int32]bool // forms whose list changed
	pairs map[int32]bool // pair numbers whose list changed
}

// replace turns document doc's postings from those of old into those of
// now (either may be empty).
func (p *postings) replace(doc uint32, old, now *analysis, ch *changes) {
	was := make(map[int32]uint16, len(old.forms))
	for i, f := range old.forms {
		was[f] = old.ws[i]
	}
	set := func(f int32, e uint32, keep bool) {
		l := decodeForms(p.forms[f])
		j, found := slices.BinarySearchFunc(l, doc, func(e, doc uint32) int { return cmp.Compare(e>>9, doc) })
		switch {
		case found && keep:
			l[j] = e
		case found:
			l = slices.Delete(l, j, j+1)
		case keep:
			l = slices.Insert(l, j, e)
		}
		p.forms[f] = encodeForms(l)
		ch.forms[f] = true
	}
	for i, f := range now.forms {
		w, ok := was[f]
		delete(was, f)
		if !ok || w != now.ws[i] {
			set(f, doc<<9|uint32(now.ws[i]), true)
		}
	}
	for f := range was {
		set(f, 0, false)
	}
	setPair := func(k uint64, keep bool) {
		n := p.pairNum(k)
		l := decodeDocs(p.pairs[n])
		j, found := slices.BinarySearch(l, doc)
		if found && !keep {
			l = slices.Delete(l, j, j+1)
		} else if !found && keep {
			l = slices.Insert(l, j, doc)
		}
		p.pairs[n] = encodeDocs(l)
		ch.pairs[n] = true
	}
	// Both pair lists are sorted: walk them together.
	a, b := old.pairs, now.pairs
	for len(a) > 0 || len(b) > 0 {
		switch {
		case len(b) == 0 || len(a) > 0 && a[0] < b[0]:
			setPair(a[0], false)
			a = a[1:]
		case len(a) == 0 || b[0] < a[0]:
			setPair(b[0], true)
			b = b[1:]
		default:
			a, b = a[1:], b[1:]
		}
	}
}

// addForm puts a form whose list has become non-empty in its place.
func (p *postings) addForm(w words, f int32) {
	if p.inForms[f] {
		return
	}
	p.inForms[f] = true
	fd := w.formFold[f]
	if !p.inFolds[fd] {
		p.inFolds[fd] = true
		i, _ := slices.BinarySearchFunc(p.folds, w.folds[fd], func(a int32, s string) int { return strings.Compare(w.folds[a], s) })
		p.folds = slices.Insert(p.folds, i, fd)
	}
	i, _ := slices.BinarySearchFunc(p.foldForms[fd], w.forms[f], func(a int32, s string) int { return strings.Compare(w.forms[a], s) })
	p.foldForms[fd] = slices.Insert(p.foldForms[fd], i, f)
}

// addPair puts a pair whose list has become non-empty in its place.
func (p *postings) addPair(w words, n int32) {
	if p.inPairs[n] {
		return
	}
	p.inPairs[n] = true
	pairCmp := func(a, b uint64) int {
		if c := strings.Compare(w.folds[a>>32], w.folds[b>>32]); c != 0 {
			return c
		}
		return strings.Compare(w.folds[a&0xffffffff], w.folds[b&0xffffffff])
	}
	i, _ := slices.BinarySearchFunc(p.order, p.pairKey[n], func(a int32, k uint64) int { return pairCmp(p.pairKey[a], k) })
	p.order = slices.Insert(p.order, i, n)
}
