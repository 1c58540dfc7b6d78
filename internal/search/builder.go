package search

import (
	"hash/maphash"
	"slices"
	"strings"
	"sync"

	"github.com/cchc-vn/cchc/internal/searchformat"
	"github.com/cchc-vn/cchc/internal/searchtoken"
	"github.com/cchc-vn/cchc/internal/workers"
)

// PageURL is the search page below the site's base path; Dir, the folder
// of the index files, lies in it.
const (
	PageURL = "tim-kiem/"
	Dir     = PageURL + "i/"
)

// Named is a section or a topic: its slug, which filters use, and the
// name readers see.
type Named struct{ Slug, Name string }

// Doc is one published page as the index sees it. Text is NFC.
type Doc struct {
	URL     string   // below the base path: "bai-viet/x/"
	Title   string   // field 1
	Date    string   // as shown: "16/01/2026"; "" when the page has none
	Section int      // index into the sections, -1 for none; its title is field 2
	Topics  []int    // indices into the topics; their names are field 2
	Summary string   // field 4
	Meta    []string // the kind's typed fields (số ký hiệu, trích yếu…): field 4
	Text    string   // the body as plain text: field 8
	// TextKey, when not zero, stands for Text in a Memo: the caller
	// promises that two documents with the same TextKey have the same
	// Text (the build passes the cache key of the text), and the Memo
	// need not hash the text to know it again.
	TextKey [32]byte
}

// Input is a whole site.
type Input struct {
	Sections []Named // in site order
	Topics   []Named // in vocabulary order
	Docs     []Doc   // newest first: a document's number is its index
}

// File is one file of the index.
type File struct {
	Path string // below the base path: "tim-kiem/i/w3.0123456789.json"
	Data []byte
}

// Build makes the index of a site: its files, and the path of the meta
// file among them. memo may be nil.
func Build(in Input, memo *Memo) (files []File, meta string) {
	b := NewBuilder(in.Sections, in.Topics, len(in.Docs), memo)
	var mu sync.Mutex
	emit := func(f File) {
		mu.Lock()
		files = append(files, f)
		mu.Unlock()
	}
	b.Workers.Run(len(in.Docs), func(i int) {
		if f, ok := b.Add(i, in.Docs[i]); ok {
			emit(f)
		}
	})
	meta = b.Finish(emit)
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files, meta
}

// Memo keeps the analysis of every document and the index between builds
// of one process (the preview server): a document whose content did not
// change is not tokenised again, and when only a few documents changed
// the index is patched and only the chunks holding their words are
// written again. The output is the same bytes as without a Memo. The zero
// value is ready; a Memo serves one build at a time.
type Memo struct {
	mu    sync.Mutex
	ready bool
	seeds [2]maphash.Seed
	v     *vocab
	byKey map[docKey]*analysis // the documents of the last build
	last  *state
}

// maxPatched is how many changed documents an index is patched for;
// beyond, it is made again from the analyses.
const maxPatched = 64

// state is an index as built: kept in a Memo for the next build.
type state struct {
	keys   []docKey    // by document
	docs   []*analysis // by document
	post   *postings
	wsize  []int // by fold number
	psize  []int // by pair number
	wchunk []chunk
	pchunk []chunk
}

// Builder makes an index from documents added one at a time, from any
// number of goroutines: a body is analysed as soon as it is rendered, and
// its text need not be kept.
type Builder struct {
	// Workers runs the parallel work of Finish (and of Build); nil means
	// GOMAXPROCS goroutines. The caller sets it before Finish.
	Workers *workers.Pool

	sections, topics []Named
	n                int
	v                *vocab
	memo             *Memo
	known            map[docKey]*analysis // read-only while documents are added

	mu   sync.Mutex
	free []*analyser // not in use

	accMu sync.Mutex
	acc   acc               // without a Memo: the postings so far
	next  int               // the document acc waits for
	held  map[int]*analyser // documents analysed before their turn

	docs []*analysis // by document, with a Memo
	keys []docKey    // by document, with a Memo
	recs [][]byte    // by document: its record (searchformat.AppendRecord)
	sec  []int32     // by document
	top  [][]int32   // by document

	bundleMu sync.Mutex
	added    []bool   // by document
	left     []int    // by bundle: its documents not yet added
	bundles  []string // by bundle: the fingerprint of its file, once written
}

// NewBuilder starts an index of n documents.
func NewBuilder(sections, topics []Named, n int, memo *Memo) *Builder {
	n = min(n, MaxDocs)
	nb := (n + searchformat.BundleDocs - 1) / searchformat.BundleDocs
	b := &Builder{sections: sections, topics: topics, n: n, memo: memo,
		recs: make([][]byte, n), sec: make([]int32, n), top: make([][]int32, n),
		added: make([]bool, n), left: make([]int, nb), bundles: make([]string, nb)}
	for k := range b.left {
		b.left[k] = min(searchformat.BundleDocs, n-k*searchformat.BundleDocs)
	}
	if memo != nil {
		memo.mu.Lock()
		if !memo.ready {
			memo.seeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}
			memo.v = newVocab()
			memo.ready = true
		}
		b.v, b.known = memo.v, memo.byKey
		memo.mu.Unlock()
		b.docs, b.keys = make([]*analysis, n), make([]docKey, n)
	} else {
		b.v, b.held = newVocab(), map[int]*analyser{}
	}
	return b
}

func (b *Builder) get() *analyser {
	b.mu.Lock()
	defer b.mu.Unlock()
	if k := len(b.free); k > 0 {
		an := b.free[k-1]
		b.free = b.free[:k-1]
		return an
	}
	return newAnalyser(b.v)
}

func (b *Builder) put(an *analyser) {
	b.mu.Lock()
	b.free = append(b.free, an)
	b.mu.Unlock()
}

// Add analyses document id (0 ≤ id < n). It keeps nothing of d but the
// record a result shows, and returns the bundle file of records that
// this document completes, if it does (ok), which Finish does not list.
// Each document is added once; ids out of range and documents added
// before are ignored.
func (b *Builder) Add(id int, d Doc) (bundle File, ok bool) {
	if id < 0 || id >= b.n {
		return File{}, false
	}
	b.bundleMu.Lock()
	again := b.added[id]
	b.added[id] = true
	b.bundleMu.Unlock()
	if again {
		return File{}, false
	}
	b.sec[id] = -1
	if d.Section >= 0 && d.Section < len(b.sections) {
		b.sec[id] = int32(d.Section)
	}
	for _, t := range d.Topics {
		if t >= 0 && t < len(b.topics) {
			b.top[id] = append(b.top[id], int32(t))
		}
	}
	if b.memo != nil {
		k := keyOf(&b.memo.seeds, &d, b.sections, b.topics)
		a, ok := b.known[k]
		if !ok {
			an := b.get()
			an.analyse(&d, b.sections, b.topics)
			a = an.keep()
			b.put(an)
		}
		b.keys[id], b.docs[id], b.recs[id] = k, a, a.rec
		return b.done(id)
	}
	an := b.get()
	an.analyse(&d, b.sections, b.topics)
	b.recs[id] = slices.Clone(an.buf)
	b.accMu.Lock()
	if id == b.next {
		b.acc.add(uint32(id), an.forms, an.ws, an.pairs.list)
		b.put(an)
		for b.next++; b.held[b.next] != nil; b.next++ {
			an := b.held[b.next]
			delete(b.held, b.next)
			b.acc.add(uint32(b.next), an.forms, an.ws, an.pairs.list)
			b.put(an)
		}
	} else {
		// Pages render in parallel: this one waits, with its analyser,
		// for those before it, so that every list grows at its end.
		b.held[id] = an
	}
	b.accMu.Unlock()
	return b.done(id)
}

// done counts document id's record in its bundle, and makes the bundle
// file when it was the last one missing.
func (b *Builder) done(id int) (File, bool) {
	k := id / searchformat.BundleDocs
	b.bundleMu.Lock()
	b.left[k]--
	last := b.left[k] == 0
	b.bundleMu.Unlock()
	if !last {
		return File{}, false
	}
	data := searchformat.AppendBundle(nil, b.recs[k*searchformat.BundleDocs:min(b.n, (k+1)*searchformat.BundleDocs)])
	fp := searchformat.Fingerprint(data)
	b.bundleMu.Lock()
	b.bundles[k] = fp
	b.bundleMu.Unlock()
	return File{Dir + searchformat.BundleName(k, fp), data}, true
}

// Finish writes the word and pair chunks, the filter file and the meta
// file, and returns the meta file's path. It hands each file to emit as
// soon as it is made, from several goroutines at once; without a Memo,
// the lists a file holds are freed once it is written. Documents never
// added count as empty, and the bundles they complete are emitted too.
func (b *Builder) Finish(emit func(File)) (meta string) {
	for id := range b.n {
		if f, ok := b.Add(id, Doc{Section: -1}); ok { // ignored when added
			emit(f)
		}
	}
	filter := b.filter()
	emit(filter)
	w := b.v.snapshot()
	var st *state
	if b.memo == nil {
		st = full(b.Workers, w, newPostings(w, &b.acc), emit, true)
	} else {
		b.memo.mu.Lock()
		defer b.memo.mu.Unlock()
		st = b.patch(w, b.memo.last, emit)
		if st == nil {
			var a acc
			for id, d := range b.docs {
				a.add(uint32(id), d.forms, d.ws, d.pairs)
			}
			p := newPostings(w, &a)
			p.indexPairs()
			st = full(b.Workers, w, p, emit, false)
		}
		st.keys, st.docs = b.keys, b.docs
		b.memo.last = st
		b.memo.byKey = make(map[docKey]*analysis, len(b.docs))
		for id, a := range b.docs {
			b.memo.byKey[b.keys[id]] = a
		}
	}
	f := b.meta(w, st, filter.Path[len(Dir):])
	emit(f)
	return f.Path
}

// full lays out the index from postings on the pool; release frees each
// list once written.
func full(pool *workers.Pool, w words, p *postings, emit func(File), release bool) *state {
	st := &state{post: p, wsize: make([]int, len(w.folds)), psize: make([]int, len(p.pairKey))}
	pool.Run(len(p.folds), func(i int) {
		fd := p.folds[i]
		st.wsize[fd] = wordSize(w, p, fd)
	})
	pool.Run(len(p.order), func(i int) {
		n := p.order[i]
		st.psize[n] = pairSize(w, p, n)
	})
	st.chunks(pool, w, nil, nil, emit, release)
	return st
}

// patch updates the last build's index for the documents that changed,
// or returns nil when it cannot.
func (b *Builder) patch(w words, st *state, emit func(File)) *state {
	if st == nil || len(st.docs) != len(b.docs) {
		return nil
	}
	var changed []int
	for id, k := range b.keys {
		if k != st.keys[id] || b.docs[id] != st.docs[id] {
			changed = append(changed, id)
			if len(changed) > maxPatched {
				return nil
			}
		}
	}
	p := st.post
	p.grow(w)
	ch := &changes{forms: map[int32]bool{}, pairs: map[int32]bool{}}
	for _, id := range changed {
		p.replace(uint32(id), st.docs[id], b.docs[id], ch)
	}
	st.wsize = growTo(st.wsize, len(w.folds))
	st.psize = growTo(st.psize, len(p.pairKey))
	folds := map[int32]bool{}
	for f := range ch.forms {
		folds[w.formFold[f]] = true
		if len(p.forms[f]) > 0 {
			p.addForm(w, f)
		}
	}
	for fd := range folds {
		st.wsize[fd] = wordSize(w, p, fd)
	}
	for n := range ch.pairs {
		if len(p.pairs[n]) > 0 {
			p.addPair(w, n)
		}
		st.psize[n] = pairSize(w, p, n)
	}
	st.chunks(b.Workers, w, func(fd int32) bool { return folds[fd] }, func(n int32) bool { return ch.pairs[n] }, emit, false)
	return st
}

// chunks writes the word and pair chunks, reusing those of the last
// build whose keys are all clean (with nil dirty functions, none).
func (st *state) chunks(pool *workers.Pool, w words, dirtyFold, dirtyPair func(int32) bool, emit func(File), release bool) {
	p := st.post
	wc := &chunker{pool: pool, kind: "w", emit: emit, prev: st.wchunk, dirty: dirtyFold,
		write: func(b []byte, fd int32) []byte { return appendWord(b, w, p, fd) }}
	for _, fd := range p.folds {
		if s := st.wsize[fd]; s > 0 {
			wc.items, wc.sizes = append(wc.items, fd), append(wc.sizes, s)
			wc.hashes = append(wc.hashes, hashString(w.folds[fd]))
		}
	}
	pc := &chunker{pool: pool, kind: "p", emit: emit, prev: st.pchunk, dirty: dirtyPair,
		write: func(b []byte, n int32) []byte { return appendPair(b, w, p, n) }}
	for _, n := range p.order {
		if s := st.psize[n]; s > 0 {
			k := p.pairKey[n]
			pc.items, pc.sizes = append(pc.items, n), append(pc.sizes, s)
			pc.hashes = append(pc.hashes, hashPair(w.folds[k>>32], w.folds[k&0xffffffff]))
		}
	}
	if release {
		wc.release = func(fd int32) {
			for _, f := range p.foldForms[fd] {
				p.forms[f] = nil
			}
		}
		pc.release = func(n int32) { p.pairs[n] = nil }
	}
	st.wchunk, st.pchunk = wc.run(), pc.run()
}

// filter makes the filter file: the documents of each section and of
// each topic, which only a query with a filter reads.
func (b *Builder) filter() File {
	secs := make([][]int, len(b.sections))
	tops := make([][]int, len(b.topics))
	for id := range b.n {
		if s := b.sec[id]; s >= 0 {
			secs[s] = append(secs[s], id)
		}
		for _, t := range b.top[id] {
			if l := tops[t]; len(l) == 0 || l[len(l)-1] != id {
				tops[t] = append(l, id)
			}
		}
	}
	data := searchformat.AppendFilter(nil, secs, tops)
	return File{Dir + searchformat.FileName("filter", searchformat.Fingerprint(data)), data}
}

// meta makes the meta file.
func (b *Builder) meta(w words, st *state, filter string) File {
	m := searchformat.Meta{V: searchformat.Version, N: b.n, Sections: namePairs(b.sections), Topics: namePairs(b.topics),
		C: searchtoken.CommonForms(), Bundle: searchformat.BundleDocs, Docs: strings.Join(b.bundles, ""), Filter: filter}
	m.W = chunkList("w", st.wchunk, func(fd int32) string { return w.folds[fd] })
	m.P = chunkList("p", st.pchunk, func(n int32) string {
		k := st.post.pairKey[n]
		return w.folds[k>>32] + " " + w.folds[k&0xffffffff]
	})
	data := searchformat.AppendMeta(nil, &m)
	return File{Dir + searchformat.FileName("meta", searchformat.Fingerprint(data)), data}
}

// namePairs is sections or topics as the meta file lists them.
func namePairs(list []Named) [][2]string {
	out := make([][2]string, len(list))
	for i, s := range list {
		out[i] = [2]string{s.Slug, s.Name}
	}
	return out
}

// chunkList is the chunks of a kind as the meta file lists them: the
// first key of each but the first, which is "", and its name.
func chunkList(kind string, cs []chunk, first func(item int32) string) [][2]string {
	out := make([][2]string, len(cs))
	for k, c := range cs {
		if k > 0 {
			out[k][0] = first(c.first)
		}
		out[k][1] = searchformat.ChunkName(kind, k, c.fp)
	}
	return out
}
