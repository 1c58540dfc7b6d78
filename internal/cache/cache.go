// Package cache keeps the expensive results of a build between runs (the
// CI cache folder): rendered pages keyed by a hash of everything they were
// made from. It is a plain key → bytes store in one pack file, written
// atomically, with a checksum: a corrupt, truncated or foreign file is
// ignored and the build starts clean, never trusting it.
package cache

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// Key names one cached value: a SHA-256 of its inputs. An alias, so that
// packages below this one can take a Store through an interface of their
// own without importing it.
type Key = [sha256.Size]byte

// Store holds the values of the last build and collects those of this
// one. Safe for concurrent use.
type Store struct {
	dir  string
	mu   sync.Mutex
	old  map[Key][]byte // loaded from the pack and its delta
	base map[Key]bool   // the keys of the base pack
	next map[Key][]byte // used or made by this build: what Save keeps
	hits int
}

// packName is the cache file inside the cache folder; the version in the
// magic changes whenever the layout of the file or of its values does.
// A cache folder holds a base pack and a delta beside it. Save rewrites
// only the delta while most of the base is still in use: after a one
// article edit of a 10,000-article site that is a few hundred kilobytes
// instead of 200 MB. When half the base has gone stale, Save writes a new
// base and removes the delta.
const (
	deltaName = "cchc-cache.delta"
	packName  = "cchc-cache.pack"
	magic     = "cchc-cache v2\n"
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Open loads the pack of dir. A missing folder or file is an empty cache;
// an unreadable or corrupt one is an empty cache too, and the error says
// why so the caller can warn. The Store is usable in every case.
func Open(dir string) (*Store, error) {
	s := &Store{dir: dir, old: map[Key][]byte{}, base: map[Key]bool{}, next: map[Key][]byte{}}
	base, err := readEntries(filepath.Join(dir, packName))
	if err != nil {
		return s, err
	}
	delta, err := readEntries(filepath.Join(dir, deltaName))
	if err != nil {
		return s, err
	}
	for k, v := range base {
		s.old[k] = v
		s.base[k] = true
	}
	for k, v := range delta {
		s.old[k] = v
	}
	return s, nil
}

// readEntries decodes one pack file; a missing file has no entries.
func readEntries(name string) (map[Key][]byte, error) {
	data, err := readPack(name)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return decode(data)
}

// Get returns the value of k from the last build, and keeps it for the
// next one.
func (s *Store) Get(k Key) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.old[k]
	if ok {
		s.next[k] = v
		s.hits++
	}
	return v, ok
}

// Put records the value of k made by this build. v must not change after.
func (s *Store) Put(k Key, v []byte) {
	s.mu.Lock()
	s.next[k] = v
	s.mu.Unlock()
}

// Hits is how many Gets found their value.
func (s *Store) Hits() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits
}

// NewMemory returns a Store that lives only in memory, for a process that
// builds again and again (the preview server): call Rotate after each
// build instead of Save.
func NewMemory() *Store {
	return &Store{old: map[Key][]byte{}, next: map[Key][]byte{}}
}

// Rotate makes the values used or made by the build just finished the
// ones the next build reads, and forgets the rest.
func (s *Store) Rotate() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.old, s.next, s.hits = s.next, map[Key][]byte{}, 0
}

// Save keeps the values used or made by this build for the next one: in
// the delta while most of the base pack is still in use, else in a new
// base pack (then only they are kept, so stale entries do not pile up).
func (s *Store) Save() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		return err
	}
	inBase := 0
	delta := map[Key][]byte{}
	for k, v := range s.next {
		if s.base[k] {
			inBase++
		} else {
			delta[k] = v
		}
	}
	if len(s.base) > 0 && 2*inBase >= len(s.base) {
		return writePack(s.dir, deltaName, delta)
	}
	if err := writePack(s.dir, packName, s.next); err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(s.dir, deltaName)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// writePack writes entries to a temporary file beside name and renames it
// over, so a crash leaves the old file or the new one.
func writePack(dir, name string, entries map[Key][]byte) error {
	tmp, err := os.CreateTemp(dir, name+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename this finds nothing
	w := bufio.NewWriterSize(tmp, 1<<20)
	err = encode(w, entries)
	if err == nil {
		err = w.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, name))
}

// The pack: magic, entry count, then per entry the key, the length and the
// value, then a CRC-32C of everything before it (hardware-assisted: a pack
// of a 10,000-article site is 200 MB, and SHA-256 took most of a cached
// build's time). Keys are written sorted, so the same values give the
// same file.
func encode(w io.Writer, entries map[Key][]byte) error {
	h := crc32.New(castagnoli)
	mw := io.MultiWriter(w, h)
	if _, err := io.WriteString(mw, magic); err != nil {
		return err
	}
	keys := make([]Key, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b Key) int { return bytes.Compare(a[:], b[:]) })
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(keys)))
	if _, err := mw.Write(n[:]); err != nil {
		return err
	}
	for _, k := range keys {
		v := entries[k]
		binary.LittleEndian.PutUint64(n[:], uint64(len(v)))
		for _, part := range [][]byte{k[:], n[:], v} {
			if _, err := mw.Write(part); err != nil {
				return err
			}
		}
	}
	_, err := w.Write(h.Sum(nil))
	return err
}

func decode(data []byte) (map[Key][]byte, error) {
	if len(data) < len(magic)+8+crc32.Size || string(data[:len(magic)]) != magic {
		return nil, errors.New("không phải tệp bộ nhớ đệm của phiên bản cchc này")
	}
	body, sum := data[:len(data)-crc32.Size], data[len(data)-crc32.Size:]
	if binary.BigEndian.Uint32(sum) != crc32.Checksum(body, castagnoli) {
		return nil, errors.New("tệp bộ nhớ đệm bị hỏng (sai tổng kiểm tra)")
	}
	rest := body[len(magic):]
	count := binary.LittleEndian.Uint64(rest)
	rest = rest[8:]
	out := make(map[Key][]byte, min(count, 1<<20))
	for i := uint64(0); i < count; i++ {
		if len(rest) < sha256.Size+8 {
			return nil, fmt.Errorf("tệp bộ nhớ đệm bị cắt ngắn ở mục %d", i)
		}
		var k Key
		copy(k[:], rest)
		n := binary.LittleEndian.Uint64(rest[sha256.Size:])
		rest = rest[sha256.Size+8:]
		if uint64(len(rest)) < n {
			return nil, fmt.Errorf("tệp bộ nhớ đệm bị cắt ngắn ở mục %d", i)
		}
		out[k] = rest[:n:n]
		rest = rest[n:]
	}
	if len(rest) != 0 {
		return nil, errors.New("tệp bộ nhớ đệm có dữ liệu thừa")
	}
	return out, nil
}
