// Package fingerprint hashes values by reflection for the caches of the
// build: everything reachable from a value, every field, exported or not,
// goes into its key, so a field added to a model or to the template data
// is in the keys the day it is added. Keys written by hand, field by
// field, were the bug to avoid: a field nobody hashed is a stale page.
//
// Values are fed with their lengths and kinds, so two different values
// never give the same stream; maps are walked in the order of their
// sorted keys, so the same value always gives the same key. Functions,
// channels and unsafe pointers have no value to hash: Hasher panics on
// them, and the build's tests walk the types it hashes to keep them out.
package fingerprint

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"math"
	"reflect"
	"slices"
	"time"
)

// Key is a SHA-256 fingerprint.
type Key = [32]byte

// Hasher feeds values into one SHA-256. The zero value is not ready: use
// New.
type Hasher struct {
	h       hash.Hash
	buf     [8]byte
	scratch []byte
	// Memo, when set, gives the key of a pointer's target that the caller
	// hashed once already (a page listed by many pages); ok false hashes
	// the target in place.
	Memo func(v reflect.Value) (Key, bool)
}

// New returns a Hasher.
func New() *Hasher { return &Hasher{h: sha256.New()} }

// Sum returns the fingerprint of what was fed.
func (h *Hasher) Sum() Key {
	var k Key
	h.h.Sum(k[:0])
	return k
}

// Int feeds an integer.
func (h *Hasher) Int(i int64) {
	binary.LittleEndian.PutUint64(h.buf[:], uint64(i))
	h.h.Write(h.buf[:])
}

// Bool feeds a boolean.
func (h *Hasher) Bool(b bool) {
	if b {
		h.Int(1)
	} else {
		h.Int(0)
	}
}

// Bytes feeds a byte string with its length.
func (h *Hasher) Bytes(b []byte) {
	h.Int(int64(len(b)))
	h.h.Write(b)
}

// String feeds a string with its length. It goes through a buffer the
// Hasher reuses: converting each string to a new []byte was a tenth of a
// rebuild.
func (h *Hasher) String(s string) {
	h.Int(int64(len(s)))
	h.scratch = append(h.scratch[:0], s...)
	h.h.Write(h.scratch)
}

// Key feeds another fingerprint.
func (h *Hasher) Key(k Key) { h.h.Write(k[:]) }

// Time feeds an instant (not its zone, which changes no date shown: the
// build formats every time in Asia/Ho_Chi_Minh).
func (h *Hasher) Time(t time.Time) {
	h.Bool(t.IsZero())
	h.Int(t.UnixNano())
}

var timeType = reflect.TypeFor[time.Time]()

// Value feeds v and everything it reaches.
func (h *Hasher) Value(v reflect.Value) {
	if !v.IsValid() {
		h.Int(-1)
		return
	}
	h.Int(int64(v.Kind()))
	switch v.Kind() {
	case reflect.Bool:
		h.Bool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		h.Int(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		h.Int(int64(v.Uint()))
	case reflect.Float32, reflect.Float64:
		h.Int(int64(math.Float64bits(v.Float())))
	case reflect.String:
		h.String(v.String())
	case reflect.Slice:
		if v.IsNil() {
			h.Int(-1)
			return
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			h.Bytes(v.Bytes())
			return
		}
		fallthrough
	case reflect.Array:
		h.Int(int64(v.Len()))
		for i := range v.Len() {
			h.Value(v.Index(i))
		}
	case reflect.Map:
		h.mapValue(v)
	case reflect.Pointer:
		if v.IsNil() {
			h.Int(-1)
			return
		}
		if h.Memo != nil {
			if k, ok := h.Memo(v); ok {
				h.Key(k)
				return
			}
		}
		h.Value(v.Elem())
	case reflect.Interface:
		if v.IsNil() {
			h.Int(-1)
			return
		}
		h.String(v.Elem().Type().String())
		h.Value(v.Elem())
	case reflect.Struct:
		if v.Type() == timeType {
			if !v.CanInterface() {
				panic("fingerprint: cannot hash an unexported time.Time")
			}
			h.Time(v.Interface().(time.Time))
			return
		}
		h.Int(int64(v.NumField()))
		for i := range v.NumField() {
			h.Value(v.Field(i))
		}
	default:
		panic(fmt.Sprintf("fingerprint: cannot hash a %s (%s)", v.Kind(), v.Type()))
	}
}

// mapValue feeds a map's entries in the order of their keys. Keys are
// strings, or sorted by their own fingerprint.
func (h *Hasher) mapValue(v reflect.Value) {
	if v.IsNil() {
		h.Int(-1)
		return
	}
	keys := v.MapKeys()
	h.Int(int64(len(keys)))
	if v.Type().Key().Kind() == reflect.String {
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.String(), b.String()) })
	} else {
		fps := make(map[reflect.Value]Key, len(keys))
		for _, k := range keys {
			kh := New()
			kh.Value(k)
			fps[k] = kh.Sum()
		}
		slices.SortFunc(keys, func(a, b reflect.Value) int {
			fa, fb := fps[a], fps[b]
			return slices.Compare(fa[:], fb[:])
		})
	}
	for _, k := range keys {
		h.Value(k)
		h.Value(v.MapIndex(k))
	}
}

// Of is the fingerprint of v.
func Of(v any) Key {
	h := New()
	h.Value(reflect.ValueOf(v))
	return h.Sum()
}

// Unhashable walks the type t and everything it can hold, and returns the
// paths of the parts Hasher cannot hash (functions, channels, unsafe
// pointers, complex numbers). Interfaces are reported too: what they hold
// is only known at run time, so the caller decides which may appear.
func Unhashable(t reflect.Type) []string {
	var out []string
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type, path string)
	walk = func(t reflect.Type, path string) {
		// An interface is reported wherever it is: what it holds
		// depends on the place.
		if seen[t] && t.Kind() != reflect.Interface {
			return
		}
		seen[t] = true
		switch t.Kind() {
		case reflect.Func, reflect.Chan, reflect.UnsafePointer, reflect.Complex64, reflect.Complex128:
			out = append(out, path+" ("+t.Kind().String()+")")
		case reflect.Interface:
			out = append(out, path+" (interface)")
		case reflect.Pointer, reflect.Slice, reflect.Array:
			walk(t.Elem(), path+"[]")
		case reflect.Map:
			walk(t.Key(), path+"{key}")
			walk(t.Elem(), path+"{}")
		case reflect.Struct:
			if t == timeType {
				return
			}
			for i := range t.NumField() {
				f := t.Field(i)
				if f.Type == timeType && !f.IsExported() {
					out = append(out, path+"."+f.Name+" (unexported time.Time)")
				}
				walk(f.Type, path+"."+f.Name)
			}
		}
	}
	walk(t, t.String())
	return out
}
