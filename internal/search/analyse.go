package search

import (
	"hash/maphash"
	"slices"
	"strings"
	"sync"

	"github.com/cchc-vn/cchc/internal/searchformat"
	"github.com/cchc-vn/cchc/internal/searchtoken"
)

// The fields a word occurs in, as bits while a document is analysed.
const (
	fieldTitle   = 1
	fieldTopics  = 2 // topic names and the section's title
	fieldSummary = 4 // summary and the kind's typed fields
	fieldBody    = 8
)

// postingW is the w of a word found tf times in the fields of bits
// (searchformat.MaxTF).
func postingW(bits uint8, tf int32) uint16 {
	rank := uint16(3)
	switch {
	case bits&fieldTitle != 0:
		rank = 0
	case bits&fieldTopics != 0:
		rank = 1
	case bits&fieldSummary != 0:
		rank = 2
	}
	return searchformat.MaxTF*rank + uint16(min(tf, searchformat.MaxTF)) - 1
}

// vocab numbers the forms and folds met so far. Numbers only ever grow,
// so an analysis kept from an earlier build (Memo) stays valid. Safe for
// concurrent use.
type vocab struct {
	mu       sync.Mutex
	raw      map[string]ref // a token as written → its keys
	formIDs  map[formKey]int32
	forms    []string
	formFold []int32
	foldIDs  map[string]int32
	folds    []string
}

// A form does not decide its fold ("hoa2" is the form of "hoà" and of
// the token "hoa2"): forms are numbered per fold.
type formKey struct{ form, fold string }

// ref is a token's form and fold numbers; form is -1 for a token left out.
type ref struct{ form, fold int32 }

func newVocab() *vocab {
	return &vocab{raw: map[string]ref{}, formIDs: map[formKey]int32{}, foldIDs: map[string]int32{}}
}

func (v *vocab) lookup(word string) ref {
	v.mu.Lock()
	defer v.mu.Unlock()
	if r, ok := v.raw[word]; ok {
		return r
	}
	r := ref{-1, -1}
	if form, fold, ok := searchtoken.Keys(word); ok {
		fd, ok := v.foldIDs[fold]
		if !ok {
			fd = int32(len(v.folds))
			v.folds = append(v.folds, fold)
			v.foldIDs[fold] = fd
		}
		fk := formKey{form, fold}
		fm, ok := v.formIDs[fk]
		if !ok {
			fm = int32(len(v.forms))
			v.forms = append(v.forms, form)
			v.formFold = append(v.formFold, fd)
			v.formIDs[fk] = fm
		}
		r = ref{fm, fd}
	}
	v.raw[strings.Clone(word)] = r
	return r
}

// words is a read-only view of the vocabulary for writing the index,
// taken when no document is being added.
type words struct {
	forms    []string
	formFold []int32
	folds    []string
}

func (v *vocab) snapshot() words {
	v.mu.Lock()
	defer v.mu.Unlock()
	return words{v.forms, v.formFold, v.folds}
}

// analysis is what a Memo keeps of one document.
type analysis struct {
	forms []int32  // form numbers, each once
	ws    []uint16 // w of each form (postingW)
	pairs []uint64 // adjacent folds, fold1<<32 | fold2, each once, sorted
	rec   []byte   // the document's record in its bundle
}

// analyser is one goroutine's scratch space.
type analyser struct {
	v     *vocab
	short shortTable // tokens of up to 8 bytes, in front of v, which takes a lock
	local tokenTable // longer tokens
	stamp []uint32   // by form: the doc that last counted it
	slot  []int32    // by form: its index in forms
	cur   uint32
	forms []int32
	tf    []int32
	bits  []uint8
	ws    []uint16
	pairs pairSet
	buf   []byte
}

func newAnalyser(v *vocab) *analyser { return &analyser{v: v} }

// analyse tokenises the document's fields into the scratch lists (forms,
// ws, pairs.list) and writes its record into buf.
func (a *analyser) analyse(d *Doc, sections, topics []Named) {
	a.cur++
	if a.cur == 0 {
		clear(a.stamp)
		a.cur = 1
	}
	a.forms, a.tf, a.bits = a.forms[:0], a.tf[:0], a.bits[:0]
	a.pairs.reset()
	a.field(d.Title, fieldTitle)
	if d.Section >= 0 && d.Section < len(sections) {
		a.field(sections[d.Section].Name, fieldTopics)
	}
	for _, t := range d.Topics {
		if t >= 0 && t < len(topics) {
			a.field(topics[t].Name, fieldTopics)
		}
	}
	a.field(d.Summary, fieldSummary)
	for _, m := range d.Meta {
		a.field(m, fieldSummary)
	}
	a.field(d.Text, fieldBody)
	a.ws = a.ws[:0]
	for i := range a.forms {
		a.ws = append(a.ws, postingW(a.bits[i], a.tf[i]))
	}
	sec := -1
	if d.Section >= 0 && d.Section < len(sections) {
		sec = d.Section
	}
	a.buf = searchformat.AppendRecord(a.buf[:0], searchformat.Record{URL: d.URL, Title: d.Title, Date: d.Date, Section: sec, Summary: d.Summary})
}

// keep copies the scratch lists into an analysis.
func (a *analyser) keep() *analysis {
	out := &analysis{forms: slices.Clone(a.forms), ws: slices.Clone(a.ws), pairs: slices.Clone(a.pairs.list)}
	slices.Sort(out.pairs)
	out.rec = slices.Clone(a.buf)
	return out
}

// field counts the tokens of one field value: no pair spans two values.
func (a *analyser) field(text string, bit uint8) {
	prev := int32(-1)
	searchtoken.Scan(text, func(word string, packed uint64) {
		var r ref
		var ok bool
		if packed != 0 {
			r, ok = a.short.get(packed)
		} else {
			r, ok = a.local.get(word)
		}
		if !ok {
			r = a.v.lookup(word)
			if packed != 0 {
				a.short.put(packed, r)
			} else {
				a.local.put(strings.Clone(word), r)
			}
		}
		if r.form < 0 {
			return
		}
		a.count(r.form, bit)
		if prev >= 0 {
			a.pairs.add(uint64(prev)<<32 | uint64(r.fold))
		}
		prev = r.fold
	})
}

func (a *analyser) count(form int32, bit uint8) {
	if int(form) >= len(a.stamp) {
		n := max(int(form)+1, 2*len(a.stamp), 1024)
		a.stamp = growTo(a.stamp, n)
		a.slot = growTo(a.slot, n)
	}
	if a.stamp[form] != a.cur {
		a.stamp[form] = a.cur
		a.slot[form] = int32(len(a.forms))
		a.forms = append(a.forms, form)
		a.tf = append(a.tf, 0)
		a.bits = append(a.bits, 0)
	}
	i := a.slot[form]
	a.tf[i]++
	a.bits[i] |= bit
}

// docKey identifies a document's content for a Memo: two 64-bit hashes
// of every field with its length.
type docKey [2]uint64

func keyOf(seeds *[2]maphash.Seed, d *Doc, sections, topics []Named) docKey {
	var k docKey
	for i := range seeds {
		var h maphash.Hash
		h.SetSeed(seeds[i])
		num := func(n int) {
			var b [8]byte
			for j := range b {
				b[j] = byte(n >> (8 * j))
			}
			h.Write(b[:])
		}
		str := func(s string) {
			num(len(s))
			h.WriteString(s)
		}
		str(d.URL)
		str(d.Title)
		str(d.Date)
		// The record holds the section's number, the postings its name.
		if d.Section >= 0 && d.Section < len(sections) {
			num(d.Section)
			str(sections[d.Section].Name)
		} else {
			num(-1)
		}
		num(len(d.Topics))
		for _, t := range d.Topics {
			if t >= 0 && t < len(topics) {
				str(topics[t].Name)
			} else {
				num(-1)
			}
		}
		str(d.Summary)
		num(len(d.Meta))
		for _, m := range d.Meta {
			str(m)
		}
		if d.TextKey != ([32]byte{}) {
			h.Write(d.TextKey[:])
		} else {
			str(d.Text)
		}
		k[i] = h.Sum64()
	}
	return k
}
