package deskfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/cchc-vn/cchc/internal/publish"
)

// ErrExists is a new file whose name was taken meanwhile.
var ErrExists = errors.New("tệp đã có")

// Write writes data at p atomically: into a temporary file of the same
// folder, synced, then renamed over p. A new page (p.Exists false) never
// replaces a file that appeared meanwhile (ErrExists); its missing
// folders are created.
func (r *Root) Write(p Path, data []byte) error {
	abs := r.Abs(p)
	dir := filepath.Dir(abs)
	if !p.Exists {
		if err := r.makeFolders(p); err != nil {
			return err
		}
	}
	tmp, err := writeTemp(dir, filepath.Base(abs), data)
	if err != nil {
		return err
	}
	if p.Exists {
		err = publish.Rename(tmp, abs)
	} else {
		err = placeNew(tmp, abs)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// makeFolders creates the folders of a new path below the last one that
// exists, after checking again that no symbolic link took the place of
// one of them.
func (r *Root) makeFolders(p Path) error {
	dir := path.Dir(p.Rel)
	d, err := r.Folder(dir)
	if err != nil {
		return err
	}
	if d.Exists {
		return nil
	}
	if err := os.MkdirAll(r.Abs(d), 0o755); err != nil {
		return err
	}
	_, err = r.Folder(dir) // nothing may have replaced a folder meanwhile
	return err
}

// writeTemp writes data into a new hidden file of dir (hidden names are
// ignored by the site's loader and watcher) and syncs it, so that the
// rename after it publishes a whole file or nothing.
func writeTemp(dir, name string, data []byte) (string, error) {
	f, err := os.CreateTemp(dir, "."+name+".*.tmp")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// placeNew gives the temporary file tmp the name final, only if final
// does not exist: a hard link fails on an existing name, where a rename
// would replace it. A file system without hard links (FAT on a USB stick)
// falls back to a check and a rename.
func placeNew(tmp, final string) error {
	err := os.Link(tmp, final)
	if err == nil {
		return os.Remove(tmp)
	}
	if errors.Is(err, fs.ErrExist) {
		return ErrExists
	}
	if _, serr := os.Lstat(final); serr == nil {
		return ErrExists
	}
	return publish.Rename(tmp, final)
}

// Bundle turns the single-file page p ("content/bai-viet/x.md") into a
// bundle ("content/bai-viet/x/index.md"), so that files can go beside it.
// The folder takes the file's name without .md, which gives the same
// slug, so the page keeps its URL; nothing else is changed. A page not
// written yet only gets its new path. A page that is already a bundle, or
// an _index.md, is returned as it is.
func (r *Root) Bundle(p Path) (Path, error) {
	base := path.Base(p.Rel)
	if base == "index.md" || base == "_index.md" {
		return p, nil
	}
	stem := strings.TrimSuffix(base, path.Ext(base))
	nextRel := path.Join(path.Dir(p.Rel), stem, "index.md")
	folderRel := path.Dir(nextRel)
	folder, err := r.Folder(folderRel)
	if err != nil {
		return Path{}, err
	}
	if folder.Exists {
		return Path{}, fmt.Errorf("không chuyển được bài thành thư mục: đã có thư mục %s/ — đổi tên thư mục đó, hoặc đặt ảnh cạnh bài bằng tay", folderRel)
	}
	if !p.Exists {
		return r.Page(nextRel)
	}
	abs := r.Abs(folder)
	if err := os.Mkdir(abs, 0o755); err != nil {
		return Path{}, fmt.Errorf("không tạo được thư mục %s/: %w", folderRel, err)
	}
	if err := publish.Rename(r.Abs(p), filepath.Join(abs, "index.md")); err != nil {
		os.Remove(abs)
		return Path{}, fmt.Errorf("không chuyển được %s vào thư mục %s/: %w", p.Rel, folderRel, err)
	}
	return r.Page(nextRel)
}
