package assets

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/cchc-vn/cchc/internal/diag"
)

// collect reads every file under assets/ of theme, then of site, so that a
// site file replaces the theme file with the same name. Keys are names
// below assets/ ("css/style.css").
func collect(theme, site fs.FS) (map[string][]byte, diag.List) {
	files := make(map[string][]byte)
	var diags diag.List
	for _, fsys := range []fs.FS{theme, site} {
		if fsys == nil {
			continue
		}
		err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if p != Dir && ignored(d.Name()) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() {
				return nil
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			files[strings.TrimPrefix(p, Dir+"/")] = data
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			var pos diag.Position
			if perr, ok := errors.AsType[*fs.PathError](err); ok {
				pos.File = perr.Path
			}
			diags.Errorf(pos, "kiểm tra quyền đọc của thư mục và tệp", "không đọc được tài nguyên: %v", err)
		}
	}
	return files, diags
}

// ignored reports names that are not assets: hidden files and the temp and
// lock files that editors and office programs leave behind.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") ||
		strings.HasPrefix(name, "~$") ||
		strings.HasSuffix(name, "~") ||
		path.Ext(name) == ".swp" ||
		(len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"))
}
