package search

import "math/bits"

// tokenTable maps tokens as written to their keys: an open-addressing
// table, cheaper than a map for the short strings of Vietnamese syllables.
type tokenTable struct {
	keys  []string
	vals  []ref
	n     int
	shift uint
}

func hashString(s string) uint64 {
	return fnv(14695981039346656037, s) * 0x9E3779B97F4A7C15
}

// hashPair is hashString(a + " " + b).
func hashPair(a, b string) uint64 {
	return fnv(fnv(fnv(14695981039346656037, a), " "), b) * 0x9E3779B97F4A7C15
}

// fnv continues an FNV-1a hash h over s.
func fnv(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func (t *tokenTable) get(s string) (ref, bool) {
	if t.n == 0 {
		return ref{}, false
	}
	mask := uint64(len(t.keys) - 1)
	for i := hashString(s) >> t.shift; ; i = (i + 1) & mask {
		switch t.keys[i] {
		case s:
			return t.vals[i], true
		case "":
			return ref{}, false
		}
	}
}

// put adds a token that is not in the table; s must not be a slice of a
// text the table would keep alive.
func (t *tokenTable) put(s string, r ref) {
	if 2*(t.n+1) > len(t.keys) {
		old, vals := t.keys, t.vals
		size := max(4096, 2*len(t.keys))
		t.keys, t.vals, t.n, t.shift = make([]string, size), make([]ref, size), 0, 64-uint(bits.Len(uint(size-1)))
		for i, k := range old {
			if k != "" {
				t.put(k, vals[i])
			}
		}
	}
	mask := uint64(len(t.keys) - 1)
	i := hashString(s) >> t.shift
	for t.keys[i] != "" {
		i = (i + 1) & mask
	}
	t.keys[i], t.vals[i] = s, r
	t.n++
}

// shortTable maps tokens of up to 8 bytes, packed in a number, to their
// keys: most Vietnamese syllables fit.
type shortTable struct {
	keys  []uint64 // 0 is empty
	vals  []ref
	n     int
	shift uint
}

func (t *shortTable) get(k uint64) (ref, bool) {
	if t.n == 0 {
		return ref{}, false
	}
	mask := uint64(len(t.keys) - 1)
	for i := (k * 0x9E3779B97F4A7C15) >> t.shift; ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return t.vals[i], true
		case 0:
			return ref{}, false
		}
	}
}

func (t *shortTable) put(k uint64, r ref) {
	if 2*(t.n+1) > len(t.keys) {
		old, vals := t.keys, t.vals
		size := max(4096, 2*len(t.keys))
		t.keys, t.vals, t.n, t.shift = make([]uint64, size), make([]ref, size), 0, 64-uint(bits.Len(uint(size-1)))
		for i, k := range old {
			if k != 0 {
				t.put(k, vals[i])
			}
		}
	}
	mask := uint64(len(t.keys) - 1)
	i := (k * 0x9E3779B97F4A7C15) >> t.shift
	for t.keys[i] != 0 {
		i = (i + 1) & mask
	}
	t.keys[i], t.vals[i] = k, r
	t.n++
}

// pairSet is a set of pair keys, emptied for each document without
// clearing its table.
type pairSet struct {
	keys  []uint64
	stamp []uint32
	cur   uint32
	shift uint
	list  []uint64
}

func (s *pairSet) reset() {
	s.list = s.list[:0]
	s.cur++
	if s.cur == 0 {
		clear(s.stamp)
		s.cur = 1
	}
}

func (s *pairSet) add(k uint64) {
	if 2*(len(s.list)+1) > len(s.keys) {
		s.grow()
	}
	mask := uint64(len(s.keys) - 1)
	for i := (k * 0x9E3779B97F4A7C15) >> s.shift; ; i = (i + 1) & mask {
		if s.stamp[i] != s.cur {
			s.stamp[i], s.keys[i] = s.cur, k
			s.list = append(s.list, k)
			return
		}
		if s.keys[i] == k {
			return
		}
	}
}

func (s *pairSet) grow() {
	n := max(1024, 2*len(s.keys))
	s.keys, s.stamp, s.shift = make([]uint64, n), make([]uint32, n), 64-uint(bits.Len(uint(n-1)))
	s.cur = 1
	list := s.list
	s.list = make([]uint64, 0, n/2)
	for _, k := range list {
		s.add(k)
	}
}
