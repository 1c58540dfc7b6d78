package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// Dir streams a build into a fresh temporary folder beside dest, so that a
// large site never has to be held in memory; Commit swaps the folder in,
// Abort throws it away. Until Commit, dest is untouched. Write may be
// called from several goroutines at once.
type Dir struct {
	w                       dirWriter
	dest, parent, base, tmp string

	mu   sync.Mutex
	dirs map[string]*folder // folders of tmp, slash-separated; "" is tmp itself
}

// folder is created once, by whichever writer needs it first; the others
// wait on its Once rather than on a lock held during the system call.
type folder struct {
	once sync.Once
	err  error
}

// NewDir prepares a streamed write of dest: it removes leftovers of an
// earlier crashed run beside dest and creates the temporary folder. Call
// CheckDest first.
func NewDir(dest string) (*Dir, error) {
	return dirWriter{workers: writeWorkers, writeFile: writeNewFile, rename: renameWaiting}.begin(dest)
}

func (w dirWriter) begin(dest string) (*Dir, error) {
	dest, err := destFolder(dest)
	if err != nil {
		return nil, err
	}
	d := &Dir{w: w, dest: dest, parent: filepath.Dir(dest), base: filepath.Base(dest), dirs: map[string]*folder{}}
	if err := os.MkdirAll(d.parent, 0o755); err != nil {
		return nil, fmt.Errorf("không tạo được thư mục %s để chứa thư mục đích: %v — hãy kiểm tra quyền ghi hoặc chọn thư mục khác bằng -d", d.parent, err)
	}
	removeLeftovers(d.parent, d.base)
	if d.tmp, err = makeSibling(d.parent, d.base, "tmp"); err != nil {
		return nil, fmt.Errorf("không tạo được thư mục tạm trong %s: %v — hãy kiểm tra quyền ghi và dung lượng đĩa", d.parent, err)
	}
	return d, nil
}

// Write writes one output file into the temporary folder. A path that is
// absolute, climbs out with "..", or was written before is refused.
func (d *Dir) Write(name string, data []byte) error {
	if why := badPathReason(name); why != "" {
		return fmt.Errorf("đường dẫn tệp đầu ra %q không hợp lệ: %s", name, why)
	}
	if err := d.mkdirs(parentDir(name)); err != nil {
		return err
	}
	return d.w.writeFile(filepath.Join(d.tmp, filepath.FromSlash(name)), data)
}

// mkdirs creates dir and its missing parents, each exactly once. Writers
// creating different folders do so in parallel: the lock only guards the
// map, never a system call.
func (d *Dir) mkdirs(dir string) error {
	if dir == "" {
		return nil
	}
	d.mu.Lock()
	f := d.dirs[dir]
	if f == nil {
		f = &folder{}
		d.dirs[dir] = f
	}
	d.mu.Unlock()
	f.once.Do(func() {
		if f.err = d.mkdirs(parentDir(dir)); f.err == nil {
			f.err = os.Mkdir(filepath.Join(d.tmp, filepath.FromSlash(dir)), 0o755)
		}
	})
	return f.err
}

// Commit swaps the written folder in place of dest.
func (d *Dir) Commit() error { return d.w.swapIn(d.tmp, d.dest, d.parent, d.base) }

// Abort removes the temporary folder; dest stays as it was.
func (d *Dir) Abort() { os.RemoveAll(d.tmp) }
