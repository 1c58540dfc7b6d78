package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// CheckDest returns an error, in Vietnamese, when dest must not receive a
// build of the site whose root is siteRoot. WriteDir replaces dest as a
// whole, so a dest that holds anything the editors wrote would lose it:
// the root of a volume, the site root itself or any folder containing it,
// and content/, layouts/ or assets/ or any folder inside them. An existing
// dest that is not a folder is refused too.
//
// Paths are compared absolute and cleaned, with symbolic links resolved as
// far as they exist, and existing folders are also compared by identity
// (os.SameFile), so "Content" on a case-insensitive disk or a bind mount
// cannot slip through.
func CheckDest(siteRoot, dest string) error {
	root, err := resolvePath(siteRoot)
	if err != nil {
		return fmt.Errorf("không xác định được thư mục trang %s: %v — hãy kiểm tra đường dẫn ở tuỳ chọn -s", siteRoot, err)
	}
	d, err := resolvePath(dest)
	if err != nil {
		return fmt.Errorf("không xác định được thư mục đích %s: %v — hãy kiểm tra đường dẫn ở tuỳ chọn -d", dest, err)
	}
	suggestion := filepath.Join(root, "public")

	if filepath.Dir(d) == d {
		return fmt.Errorf("thư mục đích %s là thư mục gốc của ổ đĩa; cchc thay cả thư mục đích khi ghi nên sẽ xoá mọi thứ trên đó — hãy chọn một thư mục riêng cho trang đã dựng, ví dụ %s", d, suggestion)
	}
	if sameFile(d, root) {
		return fmt.Errorf("thư mục đích %s chính là thư mục của trang (nơi có content/); cchc thay cả thư mục đích khi ghi nên sẽ xoá bài viết — hãy chọn một thư mục con riêng, ví dụ %s", d, suggestion)
	}
	for _, protected := range []string{"content", "layouts", "assets"} {
		if within(d, filepath.Join(root, protected)) {
			return fmt.Errorf("thư mục đích %s nằm trong %s/ của trang; cchc thay cả thư mục đích khi ghi nên sẽ xoá tệp của người biên tập ở đó — hãy chọn thư mục ngoài %s/, ví dụ %s", d, protected, protected, suggestion)
		}
	}
	if within(root, d) {
		return fmt.Errorf("thư mục đích %s chứa thư mục của trang %s; cchc thay cả thư mục đích khi ghi nên sẽ xoá cả trang — hãy chọn một thư mục con riêng, ví dụ %s", d, root, suggestion)
	}

	fi, err := os.Stat(d)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("không đọc được thư mục đích %s: %v — hãy kiểm tra quyền truy cập, hoặc chọn thư mục khác bằng -d", d, err)
	case !fi.IsDir():
		return fmt.Errorf("thư mục đích %s đã có nhưng là một tệp, không phải thư mục — hãy đổi tên hoặc xoá tệp đó, hoặc chọn thư mục khác bằng -d", d)
	}
	return nil
}

// resolvePath returns p absolute and cleaned, with symbolic links resolved
// in the longest part of it that exists; the rest, which does not exist
// yet, is appended as written.
func resolvePath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return resolveExisting(abs)
}

func resolveExisting(abs string) (string, error) {
	resolved, err := filepath.EvalSymlinks(abs)
	if err == nil {
		return resolved, nil
	}
	parent := filepath.Dir(abs)
	if !errors.Is(err, os.ErrNotExist) || parent == abs {
		return "", err
	}
	realParent, err := resolveExisting(parent)
	if err != nil {
		return "", err
	}
	return filepath.Join(realParent, filepath.Base(abs)), nil
}

// within reports whether p is dir or lies inside it.
func within(p, dir string) bool {
	for {
		if sameFile(p, dir) {
			return true
		}
		up := filepath.Dir(p)
		if up == p {
			return false
		}
		p = up
	}
}

// sameFile reports whether a and b name the same file: equal paths, or
// two existing paths to the same file.
func sameFile(a, b string) bool {
	if a == b {
		return true
	}
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}
