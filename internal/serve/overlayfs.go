package serve

import (
	"bytes"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
)

// overlayFS is the site's folder with one file's text replaced in memory,
// or added with the folders it needs: what the desk's preview builds. The
// file reports no modification time, so the parse cache never takes an
// old parse of it.
type overlayFS struct {
	base fs.FS
	name string // slash-separated, as the base spells it
	data []byte
}

var (
	_ fs.ReadDirFS  = overlayFS{}
	_ fs.ReadFileFS = overlayFS{}
	_ fs.StatFS     = overlayFS{}
)

// ancestor reports whether dir is a folder on the way to the file.
func (o overlayFS) ancestor(dir string) bool {
	return dir == "." || strings.HasPrefix(o.name, dir+"/")
}

func (o overlayFS) Open(name string) (fs.File, error) {
	if name == o.name {
		return &memFile{info: o.fileInfo(), r: bytes.NewReader(o.data)}, nil
	}
	if !o.ancestor(name) || !fs.ValidPath(name) {
		return o.base.Open(name)
	}
	// A folder on the file's way: listed with the file in it.
	info, err := o.Stat(name)
	if err != nil {
		return nil, err
	}
	entries, err := o.ReadDir(name)
	if err != nil {
		return nil, err
	}
	return &memDir{info: info, entries: entries}, nil
}

func (o overlayFS) ReadFile(name string) ([]byte, error) {
	if name == o.name {
		return bytes.Clone(o.data), nil
	}
	return fs.ReadFile(o.base, name)
}

func (o overlayFS) Stat(name string) (fs.FileInfo, error) {
	if name == o.name {
		return o.fileInfo(), nil
	}
	info, err := fs.Stat(o.base, name)
	if err != nil && o.ancestor(name) && fs.ValidPath(name) {
		return dirInfo(path.Base(name)), nil
	}
	return info, err
}

// ReadDir lists a folder of the base, with the file (or the first folder
// on its way) in it when it is new.
func (o overlayFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(o.base, name)
	if err != nil && !o.ancestor(name) {
		return nil, err
	}
	dir := name + "/"
	if name == "." {
		dir = ""
	}
	rest, ok := strings.CutPrefix(o.name, dir)
	if !ok {
		return entries, nil
	}
	child, _, deeper := strings.Cut(rest, "/")
	var mine fs.DirEntry = fs.FileInfoToDirEntry(o.fileInfo())
	if deeper {
		mine = fs.FileInfoToDirEntry(dirInfo(child))
	}
	i := slices.IndexFunc(entries, func(e fs.DirEntry) bool { return e.Name() == child })
	switch {
	case i >= 0 && !deeper:
		entries[i] = mine // the file exists: its size is the new text's
	case i < 0:
		entries = append(entries, mine)
		slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	}
	return entries, nil
}

func (o overlayFS) fileInfo() fs.FileInfo {
	return memInfo{name: path.Base(o.name), size: int64(len(o.data)), mode: 0o644}
}

func dirInfo(name string) fs.FileInfo { return memInfo{name: name, mode: fs.ModeDir | 0o755} }

type memInfo struct {
	name string
	size int64
	mode fs.FileMode
}

func (m memInfo) Name() string       { return m.name }
func (m memInfo) Size() int64        { return m.size }
func (m memInfo) Mode() fs.FileMode  { return m.mode }
func (m memInfo) ModTime() time.Time { return time.Time{} }
func (m memInfo) IsDir() bool        { return m.mode.IsDir() }
func (m memInfo) Sys() any           { return nil }

type memFile struct {
	info fs.FileInfo
	r    *bytes.Reader
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Read(p []byte) (int, error) { return f.r.Read(p) }
func (f *memFile) Close() error               { return nil }

// memDir is a folder listed by the overlay.
type memDir struct {
	info    fs.FileInfo
	entries []fs.DirEntry
	read    int
}

func (d *memDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *memDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.Name(), Err: fs.ErrInvalid}
}
func (d *memDir) Close() error { return nil }

func (d *memDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.read:]
	if n <= 0 {
		d.read = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	rest = rest[:min(n, len(rest))]
	d.read += len(rest)
	return rest, nil
}
