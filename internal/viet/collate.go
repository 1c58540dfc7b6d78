package viet

import (
	"bytes"
	"slices"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Collator orders strings in Vietnamese alphabetical order: a ă â b c d đ
// e ê … with the tones in the order ngang, huyền, hỏi, ngã, sắc, nặng.
// A Collator is not safe for concurrent use (it keeps buffers); make one
// per goroutine with NewCollator.
type Collator struct {
	c *collate.Collator
}

// NewCollator returns a collator for Vietnamese.
func NewCollator() *Collator {
	return &Collator{c: collate.New(language.Vietnamese)}
}

// Compare returns -1, 0 or +1 as a sorts before, equal to or after b.
// Inputs need not be in NFC: canonically equivalent strings compare equal.
func (c *Collator) Compare(a, b string) int { return c.c.CompareString(a, b) }

// SortBy sorts items in Vietnamese alphabetical order of key(item), keeping
// the input order of items with equal keys. Each key is computed once.
func SortBy[T any](items []T, key func(T) string) {
	if len(items) < 2 {
		return
	}
	c := collate.New(language.Vietnamese)
	var buf collate.Buffer
	type keyed struct {
		key  []byte
		item T
	}
	all := make([]keyed, len(items))
	for i, it := range items {
		// Keys stay valid until buf is reset, which never happens here.
		all[i] = keyed{key: c.KeyFromString(&buf, key(it)), item: it}
	}
	slices.SortStableFunc(all, func(a, b keyed) int { return bytes.Compare(a.key, b.key) })
	for i := range all {
		items[i] = all[i].item
	}
}
