package load

import (
	"bytes"
	"io"
	"io/fs"
	"strings"

	"github.com/cchc-vn/cchc/internal/legacy"
	"github.com/cchc-vn/cchc/internal/matter"
)

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
