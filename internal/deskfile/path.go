// Package deskfile is the writing desk's access to the site's files. Every
// path a browser sends is resolved here, and refused unless it names
// something inside content/ by a plain path: no "..", no absolute path or
// drive letter, no backslash, NUL, control character or "%" left over from
// an encoding, no hidden or temporary name, and no symbolic link anywhere on
// the way (each segment is looked up with Lstat), in whatever Unicode form
// the browser or the disk spells it. Writes are atomic (a temporary file in
// the same folder, then a rename), new files never replace an existing one,
// and uploads are limited in size and type. Nothing outside content/ is
// ever written.
package deskfile

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/viet"
)

// Root is a site folder whose content/ the desk reads and writes.
type Root struct {
	dir string // absolute
}

// New returns the Root of the site folder dir.
func New(dir string) (*Root, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	return &Root{dir: abs}, nil
}

// Path is a file or folder under content/, resolved.
type Path struct {
	// Rel is the path from the site root, slash-separated and NFC, as
	// diagnostics name files: "content/bai-viet/x.md".
	Rel string
	// FS is the same path as the disk spells the parts that exist (a
	// name written in NFD stays NFD), the new parts in NFC.
	FS string
	// Exists says whether the whole path exists now.
	Exists bool
}

// PathError is a path the desk refuses; Error is Vietnamese.
type PathError struct {
	Path string
	Msg  string
}

func (e *PathError) Error() string {
	return fmt.Sprintf("đường dẫn %q bị từ chối: %s", e.Path, e.Msg)
}

// maxPathLen bounds a path; the deepest real one is far shorter.
const maxPathLen = 512

// Abs is where p lies on the disk.
func (r *Root) Abs(p Path) string { return filepath.Join(r.dir, filepath.FromSlash(p.FS)) }

// Page resolves the path of a Markdown page under content/.
func (r *Root) Page(rel string) (Path, error) {
	if !strings.HasSuffix(strings.ToLower(rel), ".md") {
		return Path{}, &PathError{Path: rel, Msg: "chỉ sửa được tệp bài viết .md"}
	}
	p, err := r.resolve(rel, false)
	if err != nil {
		return Path{}, err
	}
	return p, nil
}

// Folder resolves the path of a folder under content/ (or content/
// itself).
func (r *Root) Folder(rel string) (Path, error) { return r.resolve(rel, true) }

// resolve checks rel, then walks it from the site root, segment by
// segment: each existing one is found by its NFC name among its folder's
// entries and looked at with Lstat, so a symbolic link anywhere (content/
// itself included) is refused, and a name the disk spells in NFD resolves
// to that spelling.
func (r *Root) resolve(rel string, folder bool) (Path, error) {
	segs, err := check(rel)
	if err != nil {
		return Path{}, err
	}
	refuse := func(msg string) (Path, error) { return Path{}, &PathError{Path: rel, Msg: msg} }
	fsSegs := make([]string, 0, len(segs))
	cur := r.dir
	exists := true
	for i, seg := range segs {
		last := i == len(segs)-1
		if !exists {
			fsSegs = append(fsSegs, seg)
			continue
		}
		name, found, err := lookup(cur, seg)
		if err != nil {
			return refuse("không đọc được thư mục: " + err.Error())
		}
		if !found {
			if i == 0 {
				return refuse("trang không có thư mục content/")
			}
			exists = false
			fsSegs = append(fsSegs, seg)
			continue
		}
		full := filepath.Join(cur, name)
		st, err := os.Lstat(full)
		if err != nil {
			return refuse("không đọc được: " + err.Error())
		}
		switch {
		case st.Mode()&os.ModeSymlink != 0:
			return refuse("đi qua một liên kết tượng trưng (symbolic link); bàn soạn bài chỉ làm việc với tệp thật trong content/")
		case (!last || folder) && !st.IsDir():
			return refuse(fmt.Sprintf("%s không phải thư mục", name))
		case last && !folder && !st.Mode().IsRegular():
			return refuse("không phải một tệp bình thường")
		}
		fsSegs = append(fsSegs, name)
		cur = full
	}
	return Path{Rel: strings.Join(segs, "/"), FS: strings.Join(fsSegs, "/"), Exists: exists}, nil
}

// check refuses every path that is not a plain relative path under
// content/, and returns its NFC segments. Nothing is repaired: a path a
// page of this desk sent never needs it, so anything odd is an attack or
// a bug.
func check(rel string) ([]string, error) {
	refuse := func(msg string) ([]string, error) { return nil, &PathError{Path: rel, Msg: msg} }
	switch {
	case rel == "":
		return refuse("trống")
	case len(rel) > maxPathLen:
		return refuse("quá dài")
	case !utf8.ValidString(rel):
		return refuse("không phải văn bản UTF-8")
	case strings.HasPrefix(rel, "/"):
		return refuse("là đường dẫn tuyệt đối")
	}
	for _, c := range rel {
		switch {
		case c < 0x20 || c == 0x7f:
			return refuse("có ký tự điều khiển")
		case c == '\\':
			return refuse("có dấu \\")
		case c == '%':
			return refuse("có dấu % (đường dẫn bị mã hóa hai lần?)")
		case c == ':':
			return refuse("có dấu : (tên ổ đĩa?)")
		}
	}
	segs := strings.Split(viet.NFC(rel), "/")
	if segs[0] != content.ContentDir {
		return refuse("không nằm trong content/")
	}
	for _, s := range segs {
		switch {
		case s == "" || s == "." || s == "..":
			return refuse("có đoạn rỗng, . hoặc ..")
		case strings.HasSuffix(s, ".") || strings.HasSuffix(s, " "):
			// Windows drops a trailing dot or space: "x.md." is "x.md".
			return refuse("có tên kết thúc bằng dấu chấm hoặc dấu cách")
		case s != content.ContentDir && content.Ignored(s):
			return refuse("là tệp ẩn hoặc tệp tạm")
		}
	}
	return segs, nil
}

// lookup finds the entry of dir whose name, in NFC, is seg.
func lookup(dir, seg string) (string, bool, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", false, nil
		}
		return "", false, err
	}
	for _, e := range entries {
		if e.Name() == seg {
			return e.Name(), true, nil
		}
	}
	for _, e := range entries {
		if viet.NFC(e.Name()) == seg {
			return e.Name(), true, nil
		}
	}
	return "", false, nil
}

// Dir is the folder holding p, resolved again (it may have been created
// since).
func (r *Root) Dir(p Path) (Path, error) { return r.Folder(path.Dir(p.Rel)) }

// Read returns the bytes of an existing file.
func (r *Root) Read(p Path) ([]byte, error) { return os.ReadFile(r.Abs(p)) }
