package cache

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"testing"
)

func key(s string) Key { return sha256.Sum256([]byte(s)) }

func TestSaveOpenRoundTripKeepsOnlyUsedEntries(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Put(key("a"), []byte("trang a"))
	s.Put(key("b"), []byte("trang b"))
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := s2.Get(key("a")); !ok || string(v) != "trang a" {
		t.Fatalf("Get(a) = %q, %v", v, ok)
	}
	if _, ok := s2.Get(key("c")); ok {
		t.Fatal("Get(c) found a value never put")
	}
	s2.Put(key("c"), []byte("trang c"))
	if err := s2.Save(); err != nil {
		t.Fatal(err)
	}
	s3, _ := Open(dir)
	if _, ok := s3.Get(key("b")); ok {
		t.Error("an entry unused by the last build survived")
	}
	if _, ok := s3.Get(key("c")); !ok || s3.Hits() != 1 {
		t.Error("the new entry was lost")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
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
