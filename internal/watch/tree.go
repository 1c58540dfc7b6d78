package watch

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/fsnotify/fsnotify"
)

// tree keeps an fsnotify watch on every folder under the roots. fsnotify
// watches one folder, not its subfolders, so new folders are added as they
// appear and forgotten when they go.
type tree struct {
	fsw    *fsnotify.Watcher
	roots  []string
	ignore func(string) bool
	dirs   map[string]bool // folders with a watch
}

func newTree(fsw *fsnotify.Watcher, roots []string, ignore func(string) bool) *tree {
	return &tree{fsw: fsw, roots: roots, ignore: ignore, dirs: map[string]bool{}}
}

// watchRoots adds a watch on every folder under the roots, and on each
// root's parent: that is how a root created later is seen, and how a file
// root such as site.yaml stays watched when an editor renames a new file
// over it (a watch on the file itself would follow the old, unlinked one).
func (t *tree) watchRoots() error {
	for _, r := range t.roots {
		if err := t.add(filepath.Dir(r)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if err := t.addTree(r, nil); err != nil {
			return err
		}
	}
	return nil
}

// addTree watches path if it is a folder, and every folder under it. It
// reports each path it finds when report is not nil: the files of a folder
// created in one burst (mkdir -p, unzip, a copy) are often there before its
// watch is, and would otherwise be missed. The watch of a folder is added
// before the folder is read, so a file is either listed or seen by the watch.
func (t *tree) addTree(path string, report func(string)) error {
	return filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) { // gone already: its removal is an event of its own
				return nil
			}
			return err
		}
		if p != path && t.ignore(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if report != nil {
			report(p)
		}
		if !d.IsDir() {
			return nil
		}
		if err := t.add(p); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return filepath.SkipDir
			}
			return err
		}
		return nil
	})
}

func (t *tree) add(dir string) error {
	if t.dirs[dir] {
		return nil
	}
	if err := t.fsw.Add(dir); err != nil {
		return watchError(dir, err)
	}
	t.dirs[dir] = true
	return nil
}

// forget drops the watches of a folder removed or renamed away, and of the
// folders under it: the kernel keeps a moved folder's watches, which would
// report its files under their old paths; a folder that comes back under
// any name is a Create event and is watched again.
func (t *tree) forget(path string) {
	for dir := range t.dirs {
		if within(dir, path) {
			t.fsw.Remove(dir) // fails when the kernel dropped it already; nothing to undo
			delete(t.dirs, dir)
		}
	}
}

func (t *tree) handle(ev fsnotify.Event, p *pending) {
	path := filepath.Clean(ev.Name)
	if !t.inRoots(path) || t.ignore(filepath.Base(path)) {
		return
	}
	// A change of attributes alone is not an edit: Spotlight, backup tools
	// and virus scanners send them in streams.
	if ev.Op == fsnotify.Chmod {
		return
	}
	p.add(path)
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		t.forget(path)
	}
	if ev.Has(fsnotify.Create) {
		if err := t.addTree(path, p.add); err != nil {
			p.fail(err)
		}
	}
}

// fail records an error from fsnotify. After a queue overflow events were
// lost, so the roots are reported (meaning: rebuild everything) and every
// folder is watched again, in case new ones were among the lost events.
func (t *tree) fail(err error, p *pending) {
	if !errors.Is(err, fsnotify.ErrEventOverflow) {
		p.fail(err)
		return
	}
	p.fail(overflowError(err))
	for _, r := range t.roots {
		p.add(r)
	}
	clear(t.dirs) // some may be stale: removed and re-created among the lost events
	if err := t.watchRoots(); err != nil {
		p.fail(err)
	}
}

func (t *tree) inRoots(path string) bool {
	for _, r := range t.roots {
		if within(path, r) {
			return true
		}
	}
	return false
}

// within reports whether path is root or lies under it.
func within(path, root string) bool {
	if path == root {
		return true
	}
	if !strings.HasSuffix(root, string(filepath.Separator)) {
		root += string(filepath.Separator)
	}
	return strings.HasPrefix(path, root)
}
