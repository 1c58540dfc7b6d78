package content

import (
	"path"
	"strings"
)

// pageExts are the endings of a Markdown page's file name, compared
// ignoring case: `.md`, the long `.markdown` some editors choose, and
// `.md.txt`, what Notepad saves when "Save as type" is left on "Text
// documents" (it shows `Tên bài.md` in Explorer, which hides the `.txt`).
var pageExts = []string{".md.txt", ".md", ".markdown"}

// PageStem returns the name of a Markdown page's file without its ending
// ("Tên bài" for "Tên bài.md.txt", "index" for "index.MD"), or false when
// name does not end like a page.
func PageStem(name string) (string, bool) {
	lower := strings.ToLower(name)
	for _, ext := range pageExts {
		if strings.HasSuffix(lower, ext) && len(name) > len(ext) {
			return name[:len(name)-len(ext)], true
		}
	}
	return "", false
}

// IsPageFile reports whether a path under content/ names a Markdown page
// by its ending (a `.txt` that turns out to be one is found by the loader).
func IsPageFile(rel string) bool {
	_, ok := PageStem(path.Base(rel))
	return ok
}
