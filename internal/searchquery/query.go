// Package searchquery is the Go reference of the query that the reader's
// browser runs on the site's search index (assets/js/search.js): tests
// and benchmarks check with it what the script finds and fetches.
//
// A query fetches the meta file and the few chunks holding its terms
// (the last term, being typed, matches as a prefix), scores documents by
// terms matched, adjacent pairs found, field, frequency and exact
// diacritics, and breaks ties newest first; it reads the filter file only
// with a filter, and the bundles of the results it shows. An Index reads
// the files through a Fetch, as the browser does, so tests can count what
// a query costs.
package searchquery

import (
	"cmp"
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/searchformat"
	"github.com/cchc-vn/cchc/internal/searchtoken"
)

// MaxTerms is how many words of a query count; the rest are ignored.
const MaxTerms = 8

// Fetch returns an index file by its path below the base path
// ("tim-kiem/i/w3.0123456789.json"), as the browser fetches it.
type Fetch func(path string) ([]byte, error)

// Filters narrow results to a section or a topic, by slug; "" is any.
type Filters struct{ Section, Topic string }

// Hit is one result: a document number and its score.
type Hit struct{ Doc, Score int }

// Fragment is what a result shows.
type Fragment struct {
	URL     string // below the base path
	Title   string
	Date    string
	Section string // its name
	Summary string // what the snippet is cut from
}

// Term is one word of a query.
type Term struct {
	Form, Fold string
	Prefix     bool // the last word, still being typed: matches every fold it starts
}

// ParseQuery splits a query into its terms: at most MaxTerms tokens; the
// last is a prefix term unless the query ends with white space or had
// more tokens than MaxTerms.
func ParseQuery(q string) []Term {
	var terms []Term
	more := false
	searchtoken.Scan(q, func(word string, _ uint64) {
		form, fold, ok := searchtoken.Keys(word)
		if !ok {
			return
		}
		if len(terms) == MaxTerms {
			more = true
			return
		}
		terms = append(terms, Term{Form: form, Fold: fold})
	})
	if len(terms) > 0 && !more {
		r, _ := utf8.DecodeLastRuneInString(q)
		terms[len(terms)-1].Prefix = !unicode.IsSpace(r)
	}
	return terms
}

// Index is an index read through a Fetch, as the browser reads it: the
// meta file first, then only the chunks a query needs. Not safe for
// concurrent use.
type Index struct {
	fetch   Fetch
	dir     string
	meta    searchformat.Meta
	words   map[string]map[string]map[string][2]string // by file name
	pairs   map[string]map[string]string
	bundles map[int][]Fragment
	filter  *searchformat.Filter
}

// Open reads the meta file at metaPath (below the base path).
func Open(fetch Fetch, metaPath string) (*Index, error) {
	data, err := fetch(metaPath)
	if err != nil {
		return nil, err
	}
	ix := &Index{fetch: fetch, dir: path.Dir(metaPath) + "/", words: map[string]map[string]map[string][2]string{},
		pairs: map[string]map[string]string{}, bundles: map[int][]Fragment{}}
	if err := json.Unmarshal(data, &ix.meta); err != nil {
		return nil, fmt.Errorf("%s: %v", metaPath, err)
	}
	m := &ix.meta
	if m.V != searchformat.Version || m.N < 0 || m.Bundle <= 0 || len(m.Docs) != searchformat.FingerprintLen*((m.N+m.Bundle-1)/m.Bundle) {
		return nil, fmt.Errorf("%s: not a version 2 index of %d documents", metaPath, m.N)
	}
	return ix, nil
}

// Len is the number of documents.
func (ix *Index) Len() int { return ix.meta.N }

// Query runs q on the index at metaPath and returns the matching
// document numbers, best first.
func Query(fetch Fetch, metaPath, q string, f Filters) ([]int, error) {
	if len(ParseQuery(q)) == 0 {
		return nil, nil
	}
	ix, err := Open(fetch, metaPath)
	if err != nil {
		return nil, err
	}
	hits, err := ix.Search(q, f)
	ids := make([]int, len(hits))
	for i, h := range hits {
		ids[i] = h.Doc
	}
	return ids, err
}

// Search runs a query: every document matching at least one term, best
// first, then newer (a lower number) first.
func (ix *Index) Search(q string, f Filters) ([]Hit, error) {
	terms := ParseQuery(q)
	if len(terms) == 0 {
		return nil, nil
	}
	pairs := make([]map[int]bool, len(terms)-1) // pair i: terms i and i+1 adjacent
	found := map[int]int{}                      // document → adjacent pairs found
	for i := range pairs {
		docs, err := ix.matchPair(terms[i].Fold+" "+terms[i+1].Fold, terms[i+1].Prefix)
		if err != nil {
			return nil, err
		}
		pairs[i] = docs
		for d := range docs {
			found[d]++
		}
	}
	best := make([]map[int]int, len(terms))
	for i, t := range terms {
		best[i] = map[int]int{}
		if err := ix.matchTerm(t, best[i], ix.commonAway(pairs, i)); err != nil {
			return nil, err
		}
	}
	keep, err := ix.filtered(f)
	if err != nil || keep == nil {
		return nil, err
	}
	score := map[int]int{}
	for _, b := range best {
		for d, v := range b {
			score[d] += 1000 + v
		}
	}
	var hits []Hit
	for d, s := range score {
		if !keep(d) {
			continue
		}
		hits = append(hits, Hit{d, s + 100*found[d]})
	}
	slices.SortFunc(hits, func(a, b Hit) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(a.Doc, b.Doc)
	})
	return hits, nil
}

// fieldWeight is what a posting's best field is worth, by its rank.
var fieldWeight = [4]int{30, 20, 10, 3}

// filtered returns whether a document passes the filters; nil, without
// an error, when no document can (no such section or topic). With a
// filter, it reads the filter file.
func (ix *Index) filtered(f Filters) (func(doc int) bool, error) {
	if f.Section == "" && f.Topic == "" {
		return func(int) bool { return true }, nil
	}
	var which [2]int // the section's and the topic's index, or -1
	for i, flt := range []struct {
		slug  string
		names [][2]string
	}{{f.Section, ix.meta.Sections}, {f.Topic, ix.meta.Topics}} {
		which[i] = -1
		if flt.slug == "" {
			continue
		}
		if which[i] = slices.IndexFunc(flt.names, func(s [2]string) bool { return s[0] == flt.slug }); which[i] < 0 {
			return nil, nil
		}
	}
	if ix.filter == nil {
		var ff searchformat.Filter
		if err := ix.get(ix.meta.Filter, &ff); err != nil {
			return nil, err
		}
		if len(ff.Sec) != len(ix.meta.Sections) || len(ff.Top) != len(ix.meta.Topics) {
			return nil, fmt.Errorf("%s: not the sections and topics of the index", ix.meta.Filter)
		}
		ix.filter = &ff
	}
	var sets []string
	if which[0] >= 0 {
		sets = append(sets, ix.filter.Sec[which[0]])
	}
	if which[1] >= 0 {
		sets = append(sets, ix.filter.Top[which[1]])
	}
	var in []map[int]bool
	for _, set := range sets {
		docs, err := ix.docList(ix.meta.Filter, set)
		if err != nil {
			return nil, err
		}
		m := make(map[int]bool, len(docs))
		for _, d := range docs {
			m[d] = true
		}
		in = append(in, m)
	}
	return func(doc int) bool {
		for _, m := range in {
			if !m[doc] {
				return false
			}
		}
		return true
	}, nil
}

// docList decodes a string of document deltas into document numbers,
// ascending and below n.
func (ix *Index) docList(name, s string) ([]int, error) {
	deltas, ok := searchformat.Nums(s)
	if !ok {
		return nil, fmt.Errorf("%s: bad list %q", name, s)
	}
	doc := 0
	for j, d := range deltas {
		doc += d
		if doc >= ix.meta.N || j > 0 && d == 0 {
			return nil, fmt.Errorf("%s: bad list %q", name, s)
		}
		deltas[j] = doc
	}
	return deltas, nil
}

// commonAway says, for term i of a query whose pairs are found in the
// given documents, which fold matches of a common word do not count: in a
// document without the phrase, when the phrase is found in another. Nil
// when every match counts.
func (ix *Index) commonAway(pairs []map[int]bool, i int) func(form string, doc int) bool {
	var near []map[int]bool // the pairs term i belongs to that were found
	if i > 0 && len(pairs[i-1]) > 0 {
		near = append(near, pairs[i-1])
	}
	if i < len(pairs) && len(pairs[i]) > 0 {
		near = append(near, pairs[i])
	}
	if len(near) == 0 {
		return nil
	}
	return func(form string, doc int) bool {
		if _, common := slices.BinarySearch(ix.meta.C, form); !common {
			return false
		}
		for _, docs := range near {
			if docs[doc] {
				return false
			}
		}
		return true
	}
}

// matchTerm puts in best, for each document, the value of the term's best
// match in it; skip, when set, drops fold matches of common words away
// from the query's phrase (commonAway).
func (ix *Index) matchTerm(t Term, best map[int]int, skip func(form string, doc int) bool) error {
	marked := t.Form != t.Fold
	for _, name := range pick(ix.meta.W, t.Fold, t.Prefix) {
		chunk, err := ix.wordChunk(name)
		if err != nil {
			return err
		}
		for fold, forms := range chunk {
			exact := fold == t.Fold
			if !exact && !(t.Prefix && strings.HasPrefix(fold, t.Fold)) {
				continue
			}
			for form, list := range forms {
				docs, err := ix.docList(name, list[0])
				if err != nil {
					return err
				}
				ws := list[1]
				if len(ws) != len(docs) {
					return fmt.Errorf("%s: %d documents and %d w for %q", name, len(docs), len(ws), form)
				}
				for j, doc := range docs {
					w := searchformat.Digit(ws[j])
					if w < 0 || w >= 4*searchformat.MaxTF {
						return fmt.Errorf("%s: bad w for %q", name, form)
					}
					if skip != nil && form != t.Form && skip(form, doc) {
						continue
					}
					v := fieldWeight[w/searchformat.MaxTF] + w%searchformat.MaxTF + 1
					if marked && form == t.Form {
						v += 15
					}
					if !exact {
						v /= 2
					}
					if old, ok := best[doc]; !ok || v > old {
						best[doc] = v
					}
				}
			}
		}
	}
	return nil
}

// matchPair returns the documents holding the pair key (or, for a prefix
// pair, a pair starting with it).
func (ix *Index) matchPair(key string, prefix bool) (map[int]bool, error) {
	docs := map[int]bool{}
	for _, name := range pick(ix.meta.P, key, prefix) {
		chunk, err := ix.pairChunk(name)
		if err != nil {
			return nil, err
		}
		for k, list := range chunk {
			if k != key && !(prefix && strings.HasPrefix(k, key)) {
				continue
			}
			ids, err := ix.docList(name, list)
			if err != nil {
				return nil, err
			}
			for _, d := range ids {
				docs[d] = true
			}
		}
	}
	return docs, nil
}

// pick returns the chunks to fetch for a key: the one whose range holds
// it, and for a prefix the following ones whose first key starts with
// it, three at most. A one-letter prefix on a large site spans dozens of
// chunks; the first three still hold words that start with it, so the
// reader sees results while typing the next letter.
func pick(chunks [][2]string, key string, prefix bool) []string {
	if len(chunks) == 0 {
		return nil
	}
	k := max(0, sort.Search(len(chunks), func(i int) bool { return chunks[i][0] > key })-1)
	end := k + 1
	if prefix {
		for end < len(chunks) && strings.HasPrefix(chunks[end][0], key) {
			end++
		}
		end = min(end, k+3)
	}
	out := make([]string, 0, end-k)
	for _, c := range chunks[k:end] {
		out = append(out, c[1])
	}
	return out
}

func (ix *Index) wordChunk(name string) (map[string]map[string][2]string, error) {
	if c, ok := ix.words[name]; ok {
		return c, nil
	}
	var c map[string]map[string][2]string
	if err := ix.get(name, &c); err != nil {
		return nil, err
	}
	ix.words[name] = c
	return c, nil
}

func (ix *Index) pairChunk(name string) (map[string]string, error) {
	if c, ok := ix.pairs[name]; ok {
		return c, nil
	}
	var c map[string]string
	if err := ix.get(name, &c); err != nil {
		return nil, err
	}
	ix.pairs[name] = c
	return c, nil
}

func (ix *Index) get(name string, v any) error {
	if strings.Contains(name, "..") || strings.HasPrefix(name, "/") {
		return fmt.Errorf("bad file name %q in the index", name)
	}
	data, err := ix.fetch(ix.dir + name)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	return nil
}
