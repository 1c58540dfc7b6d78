package content

import (
	"bytes"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/cchc-vn/cchc/internal/legacy"
	"github.com/cchc-vn/cchc/internal/matter"
)

// pageExts are the endings of a Markdown page's file name, compared
// ignoring case: `.md`, the long `.markdown` some editors choose, and
// `.md.txt`, what Notepad saves when "Save as type" is left on "Text
// documents" (it shows `Tên bài.md` in Explorer, which hides the `.txt`).
var pageExts = []string{".md.txt", ".md", ".markdown"}

// pageStem returns the name of a Markdown page's file without its ending
// ("Tên bài" for "Tên bài.md.txt", "index" for "index.MD"), or false when
// name does not end like a page.
func pageStem(name string) (string, bool) {
	lower := strings.ToLower(name)
	for _, ext := range pageExts {
		if strings.HasSuffix(lower, ext) && len(name) > len(ext) {
			return name[:len(name)-len(ext)], true
		}
	}
	return "", false
}

// IsPageFile reports whether a path under content/ names a Markdown page
// by its ending (a `.txt` that turns out to be one is found by Load).
func IsPageFile(rel string) bool {
	_, ok := pageStem(path.Base(rel))
	return ok
}

// notepadName is the name a page saved by Notepad with a `.txt` ending
// should have, or "" when its name is fine: "Tên bài.md" for
// "Tên bài.md.txt" and for "Tên bài.txt".
func notepadName(name string) string {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".md.txt"):
		return name[:len(name)-len(".txt")]
	case strings.HasSuffix(lower, ".txt"):
		return name[:len(name)-len(".txt")] + ".md"
	}
	return ""
}

// sniffLen is how much of a `.txt` file is read to tell an article that
// Notepad saved under the wrong ending from a text attachment.
const sniffLen = 512

// looksLikePage reports whether a `.txt` file starts with a front matter
// delimiter, `---` or `+++`, as only a page does. UTF-16 (Notepad's
// "Unicode") is read too.
func looksLikePage(fsys fs.FS, name string) bool {
	f, err := fsys.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, sniffLen)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if u := legacy.DetectUTF16(head); u != legacy.NotUTF16 {
		head = []byte(legacy.DecodeUTF16(u, head[:n&^1]))
	}
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	return matter.Opens(head)
}
