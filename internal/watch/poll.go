package watch

import (
	"io/fs"
	"os"
	"path/filepath"
)

// poller finds changes by comparing snapshots of the trees, for file
// systems that send no events (WSL's mounts of Windows drives, network
// shares) and for when the inotify watch limit is reached.
type poller struct {
	roots  []string
	ignore func(string) bool
	last   map[string]fs.FileInfo
}

func newPoller(roots []string, ignore func(string) bool) *poller {
	p := &poller{roots: roots, ignore: ignore}
	p.last = p.snapshot()
	return p
}

func (p *poller) scan(into *pending) {
	now := p.snapshot()
	diff(p.last, now, into.add)
	p.last = now
}

// snapshot lists every path under the roots with its file info. Paths
// that cannot be read are left out: a folder being removed, or one the
// build will report as unreadable anyway.
func (p *poller) snapshot() map[string]fs.FileInfo {
	snap := map[string]fs.FileInfo{}
	for _, root := range p.roots {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // skips the entry; for a folder, its contents
			}
			if path != root && p.ignore(d.Name()) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if info, err := d.Info(); err == nil {
				snap[path] = info
			}
			return nil
		})
	}
	return snap
}

// diff reports each path added, removed or changed between two snapshots.
// A folder counts as changed only when it appears, goes, or stops being a
// folder: a new file in it is reported on its own, as fsnotify does.
func diff(old, now map[string]fs.FileInfo, report func(string)) {
	for path, n := range now {
		if o, ok := old[path]; !ok || changed(o, n) {
			report(path)
		}
	}
	for path := range old {
		if _, ok := now[path]; !ok {
			report(path)
		}
	}
}

func changed(o, n fs.FileInfo) bool {
	if o.IsDir() || n.IsDir() {
		return o.IsDir() != n.IsDir()
	}
	// SameFile catches a rename over the file that kept its size within
	// the file system's mtime resolution (a second or two on FAT and SMB).
	return o.Size() != n.Size() || !o.ModTime().Equal(n.ModTime()) || o.Mode() != n.Mode() || !os.SameFile(o, n)
}
