//go:build unix

package cache

import (
	"os"
	"syscall"
)

// readPack maps the pack read-only instead of copying it into the heap: a
// 10,000-article site's pack is about 200 MB, and the values are only
// copied to their output. The mapping stays valid after Save renames a
// new pack over the file, and lives as long as the process.
func readPack(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() == 0 {
		return nil, nil
	}
	return syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
}
