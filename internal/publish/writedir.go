package publish

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
)

// writeWorkers bounds the goroutines writing files. Creating and writing
// files is kernel work; on the 2-core build machine 2 to 8 workers all beat
// one by a little and 4 is in the middle (see writedir_bench_test.go).
// Folders are created by one goroutine: in parallel, ext4 spent more CPU
// on them and finished no sooner.
const writeWorkers = 4

// WriteDir replaces the folder dest with exactly files, atomically: every
// file is written into a fresh temporary folder beside dest, and only when
// all of them are written is that folder swapped in. If anything fails
// before the swap, the temporary folder is removed and dest is left as it
// was. WriteDir touches nothing but dest and, in dest's parent, temporary
// folders named after it (".public.tmp-…", ".public.old-…" for a dest
// named "public"); leftovers of those from an earlier run that crashed are
// removed first. The parent of dest is created if it is missing.
//
// When dest is a symbolic link to a folder, the folder it points to is
// replaced and the link kept, so a web server pointed at the link keeps
// working.
//
// Call CheckDest first: WriteDir trusts that dest holds nothing but an
// earlier build. Two WriteDir calls for the same dest must not run at the
// same time.
func WriteDir(dest string, files Files) error {
	return dirWriter{workers: writeWorkers, writeFile: writeNewFile, rename: renameWaiting}.write(dest, files)
}

// dirWriter is WriteDir's machinery with its knobs exposed to tests: the
// number of writing goroutines, and the functions that write one file and
// rename a folder, so that tests can make them fail.
type dirWriter struct {
	workers   int
	writeFile func(name string, data []byte) error
	rename    func(oldpath, newpath string) error
}

// writeNewFile writes a file that must not exist yet. It does not fsync:
// the rename that swaps the temporary folder in is the commit point, and a
// crash leaves either the previous dest or an obvious temporary folder that
// the next run removes; syncing 12,000 files would multiply the build time
// to protect against a power cut that a rebuild repairs. O_EXCL turns two
// paths that name one file on a case-insensitive disk ("A.html", "a.html"
// on Windows or macOS) into an error instead of a silent overwrite.
func writeNewFile(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func (w dirWriter) write(dest string, files Files) error {
	plan, err := planLayout(files) // every path checked before the disk is touched
	if err != nil {
		return err
	}
	d, err := w.begin(dest)
	if err != nil {
		return err
	}
	if err := w.fill(d, plan, files); err != nil {
		d.Abort()
		return fmt.Errorf("không ghi được trang đã dựng, thư mục đích %s giữ nguyên như trước: %v — hãy kiểm tra quyền ghi và dung lượng đĩa", d.dest, err)
	}
	return d.Commit()
}

// destFolder returns dest absolute; when dest is a symbolic link, the
// folder it points to, so that the link survives the swap.
func destFolder(dest string) (string, error) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return "", fmt.Errorf("không xác định được thư mục đích %s: %v — hãy kiểm tra đường dẫn ở tuỳ chọn -d", dest, err)
	}
	if fi, err := os.Lstat(abs); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		if abs, err = filepath.EvalSymlinks(abs); err != nil {
			return "", fmt.Errorf("thư mục đích %s là liên kết trỏ tới nơi không đọc được: %v — hãy sửa liên kết hoặc chọn thư mục khác bằng -d", dest, err)
		}
	}
	// CheckDest refuses this with a fuller message; a root has no parent
	// to hold the temporary folder, so it is refused here as well.
	if filepath.Dir(abs) == abs {
		return "", fmt.Errorf("thư mục đích %s là thư mục gốc của ổ đĩa — hãy chọn một thư mục riêng cho trang đã dựng bằng -d", abs)
	}
	return abs, nil
}

// fill writes the files into d with a bounded pool of goroutines. It
// stops at the first error.
func (w dirWriter) fill(d *Dir, plan layout, files Files) error {
	var (
		next     atomic.Int64
		failed   atomic.Bool
		firstErr error
		once     sync.Once
		wg       sync.WaitGroup
	)
	for range max(1, min(w.workers, len(plan.files))) {
		wg.Go(func() {
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= len(plan.files) {
					return
				}
				name := plan.files[i]
				if err := d.Write(name, files[name]); err != nil {
					once.Do(func() { firstErr = err })
					failed.Store(true)
					return
				}
			}
		})
	}
	wg.Wait()
	return firstErr
}

// swapIn puts the filled temporary folder in dest's place. Between the two
// renames dest briefly does not exist; a web server reading it may answer
// 404 for that instant, never a half-written page.
func (w dirWriter) swapIn(tmp, dest, parent, base string) error {
	fi, err := os.Lstat(dest)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := w.rename(tmp, dest); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("không đổi được thư mục tạm thành %s: %v — hãy kiểm tra quyền ghi", dest, err)
		}
		return nil
	case err != nil:
		os.RemoveAll(tmp)
		return fmt.Errorf("không đọc được thư mục đích %s: %v — hãy kiểm tra quyền truy cập", dest, err)
	case !fi.IsDir():
		os.RemoveAll(tmp)
		return fmt.Errorf("thư mục đích %s đã có nhưng là một tệp, không phải thư mục — hãy đổi tên hoặc xoá tệp đó, hoặc chọn thư mục khác bằng -d", dest)
	}

	old, err := unusedSibling(parent, base, "old")
	if err == nil {
		err = w.rename(dest, old)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("không dời được bản cũ của %s để thay bản mới: %v — thư mục đích giữ nguyên; hãy đóng chương trình đang mở tệp trong đó rồi dựng lại", dest, err)
	}
	if err := w.rename(tmp, dest); err != nil {
		if rerr := w.rename(old, dest); rerr != nil {
			// Both copies are intact on disk; say where, so nothing is lost.
			return fmt.Errorf("không thay được %s: %v; cũng không trả lại được bản cũ: %v — bản cũ nằm ở %s và bản mới ở %s, hãy đổi tên một trong hai thành %s", dest, err, rerr, old, tmp, base)
		}
		os.RemoveAll(tmp)
		return fmt.Errorf("không thay được %s: %v — thư mục đích giữ nguyên; hãy đóng chương trình đang mở tệp trong đó rồi dựng lại", dest, err)
	}
	// The new site is in place. Failing to remove the old copy does not
	// undo that; the next run removes it as a leftover.
	os.RemoveAll(old)
	return nil
}

// leftoverPrefix starts the names of the temporary folders kept beside dest.
func leftoverPrefix(base, kind string) string { return "." + base + "." + kind + "-" }

// removeLeftovers removes temporary folders that a crashed earlier run left
// beside dest, and only those. Errors are ignored: a leftover that cannot
// be removed takes disk space but does not harm the new build.
func removeLeftovers(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	tmpPrefix, oldPrefix := leftoverPrefix(base, "tmp"), leftoverPrefix(base, "old")
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() && (strings.HasPrefix(name, tmpPrefix) || strings.HasPrefix(name, oldPrefix)) {
			os.RemoveAll(filepath.Join(parent, name))
		}
	}
}

// makeSibling creates a new empty folder beside dest. os.Mkdir, unlike
// os.MkdirTemp, applies the umask to 0755, so the published folder gets
// the same permissions as any other the user creates and a web server can
// read it.
func makeSibling(parent, base, kind string) (string, error) {
	for range 100 {
		name := filepath.Join(parent, leftoverPrefix(base, kind)+randomSuffix())
		err := os.Mkdir(name, 0o755)
		if !errors.Is(err, os.ErrExist) {
			return name, err
		}
	}
	return "", fmt.Errorf("không tìm được tên thư mục tạm chưa dùng")
}

// unusedSibling returns a name beside dest that nothing uses. It is checked
// rather than created: renaming a folder onto an existing empty folder
// replaces it on Unix but fails on Windows.
func unusedSibling(parent, base, kind string) (string, error) {
	for range 100 {
		name := filepath.Join(parent, leftoverPrefix(base, kind)+randomSuffix())
		if _, err := os.Lstat(name); errors.Is(err, os.ErrNotExist) {
			return name, nil
		}
	}
	return "", fmt.Errorf("không tìm được tên thư mục tạm chưa dùng")
}

func randomSuffix() string { return fmt.Sprintf("%08x", rand.Uint32()) }
