package cache

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"testing"
)

func key(s string) Key { return sha256.Sum256([]byte(s)) }

func TestSaveWritesADeltaThenCompacts(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"a", "b", "c", "d"} {
		s.Put(key(k), []byte("trang "+k))
	}
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	base, _ := os.ReadFile(filepath.Join(dir, packName))

	// Three of four base entries used, one new: only a delta is written.
	s2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"a", "b", "c"} {
		if v, ok := s2.Get(key(k)); !ok || string(v) != "trang "+k {
			t.Fatalf("Get(%s) = %q, %v", k, v, ok)
		}
	}
	if _, ok := s2.Get(key("e")); ok {
		t.Fatal("Get(e) found a value never put")
	}
	s2.Put(key("e"), []byte("trang e"))
	if err := s2.Save(); err != nil {
		t.Fatal(err)
	}
	if now, _ := os.ReadFile(filepath.Join(dir, packName)); string(now) != string(base) {
		t.Error("the base pack was rewritten for a small change")
	}
	s3, _ := Open(dir)
	if v, ok := s3.Get(key("e")); !ok || string(v) != "trang e" {
		t.Fatal("the delta's entry was lost")
	}

	// A build that uses less than half of the base compacts: only what it
	// used is kept, and the delta goes.
	if err := s3.Save(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, deltaName)); !os.IsNotExist(err) {
		t.Errorf("delta kept after compaction: %v", err)
	}
	s4, _ := Open(dir)
	if _, ok := s4.Get(key("a")); ok {
		t.Error("an entry unused by the last build survived compaction")
	}
	if _, ok := s4.Get(key("e")); !ok || s4.Hits() != 1 {
		t.Error("the entry the last build used was lost")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
}

func TestCorruptPackIsIgnored(t *testing.T) {
	dir := t.TempDir()
	s, _ := Open(dir)
	s.Put(key("a"), []byte("trang a"))
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	pack := filepath.Join(dir, packName)
	good, _ := os.ReadFile(pack)
	flipped := append([]byte(nil), good...)
	flipped[len(magic)+20] ^= 1
	if err := os.WriteFile(filepath.Join(dir, deltaName), flipped, 0o644); err != nil {
		t.Fatal(err)
	}
	if s, err := Open(dir); err == nil || len(s.old) != 0 {
		t.Error("a damaged delta was trusted")
	}
	os.Remove(filepath.Join(dir, deltaName))
	for name, data := range map[string][]byte{
		"flipped bit": flipped,
		"truncated":   good[:len(good)-10],
		"foreign":     []byte("PK\x03\x04 not a cache"),
		"empty":       nil,
	} {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(pack, data, 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := Open(dir)
			if err == nil {
				t.Fatal("a corrupt pack opened without an error")
			}
			if _, ok := s.Get(key("a")); ok {
				t.Error("a value was trusted from a corrupt pack")
			}
		})
	}
}

func TestSameEntriesSameBytes(t *testing.T) {
	write := func(dir string, order []string) []byte {
		s, _ := Open(dir)
		for _, k := range order {
			s.Put(key(k), []byte(k))
		}
		if err := s.Save(); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(filepath.Join(dir, packName))
		return data
	}
	a := write(t.TempDir(), []string{"x", "y", "z"})
	b := write(t.TempDir(), []string{"z", "x", "y"})
	if string(a) != string(b) {
		t.Error("pack depends on insertion order")
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = decode(data) // must not panic or allocate without bound
	})
}

func TestMemoryStoreRotates(t *testing.T) {
	s := NewMemory()
	s.Put(key("a"), []byte("1"))
	if _, ok := s.Get(key("a")); ok {
		t.Fatal("a value is readable before Rotate")
	}
	s.Rotate()
	if v, ok := s.Get(key("a")); !ok || string(v) != "1" {
		t.Fatal("value lost by Rotate")
	}
	s.Rotate() // a was used by this build: kept
	s.Rotate() // not used by the last one: gone
	if _, ok := s.Get(key("a")); ok {
		t.Error("an unused value survived two rotations")
	}
}
