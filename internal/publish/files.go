package publish

import (
	"fmt"
	"slices"
	"strings"
)

// Files is a build's output: slash-separated paths relative to the
// destination ("bai-viet/x/index.html") mapped to their bytes.
type Files map[string][]byte

// layout is what WriteDir creates, worked out before anything is touched:
// the folders in an order where each parent comes before its children,
// and the files.
type layout struct {
	dirs  []string
	files []string
}

// planLayout checks every path of files and lists the folders to create.
// One bad path refuses the whole write, so a bug upstream can never put a
// file outside the destination or leave half a site behind.
func planLayout(files Files) (layout, error) {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names) // deterministic: the first bad path is always the same one

	dirSet := make(map[string]struct{}, len(names))
	for _, name := range names {
		if why := badPathReason(name); why != "" {
			return layout{}, fmt.Errorf("đường dẫn tệp đầu ra %q không hợp lệ: %s — không ghi tệp nào, thư mục đích giữ nguyên; đây là lỗi của cchc hoặc của mẫu trang, hãy báo lại kèm thông báo này", name, why)
		}
		for dir := parentDir(name); dir != ""; dir = parentDir(dir) {
			if _, seen := dirSet[dir]; seen {
				break // its parents are in the set already
			}
			dirSet[dir] = struct{}{}
		}
	}
	for _, name := range names {
		if _, isDir := dirSet[name]; isDir {
			return layout{}, fmt.Errorf("đường dẫn tệp đầu ra %q vừa là một tệp vừa là thư mục chứa tệp khác — không ghi tệp nào, thư mục đích giữ nguyên; hai trang hoặc tệp đang tranh nhau một địa chỉ, hãy đổi slug hoặc tên tệp của một trong hai", name)
		}
	}

	dirs := make([]string, 0, len(dirSet))
	for dir := range dirSet {
		dirs = append(dirs, dir)
	}
	// A path sorts after its own prefixes, so every parent comes before its
	// children and one os.Mkdir per folder is enough.
	slices.Sort(dirs)
	return layout{dirs: dirs, files: names}, nil
}

// badPathReason says, in Vietnamese, what is wrong with an output path, or
// returns "" when it is a clean relative slash-separated path.
func badPathReason(name string) string {
	switch {
	case name == "":
		return "đường dẫn rỗng"
	case strings.ContainsRune(name, 0):
		return "chứa ký tự NUL"
	case strings.ContainsRune(name, '\\'):
		return `chứa dấu gạch ngược "\"; chỉ dùng "/" để ngăn thư mục`
	case strings.HasPrefix(name, "/") || hasDriveLetter(name):
		return "là đường dẫn tuyệt đối; cần đường dẫn tương đối so với thư mục đích"
	}
	for seg := range strings.SplitSeq(name, "/") {
		switch seg {
		case "":
			return `có đoạn rỗng (hai dấu "/" liền nhau hoặc "/" ở cuối)`
		case ".":
			return `có đoạn "."`
		case "..":
			return `có đoạn ".." trỏ ra ngoài thư mục`
		}
	}
	return ""
}

// hasDriveLetter reports a Windows volume such as "C:" at the start, which
// filepath.Join on Windows would treat as absolute.
func hasDriveLetter(name string) bool {
	if len(name) < 2 || name[1] != ':' {
		return false
	}
	c := name[0] | 0x20
	return 'a' <= c && c <= 'z'
}

// parentDir returns the folder part of a slash-separated path, "" at the top.
func parentDir(name string) string {
	i := strings.LastIndexByte(name, '/')
	if i < 0 {
		return ""
	}
	return name[:i]
}

// Rename renames a file or folder, waiting out the short locks Windows
// puts on files just written (see renameWaiting): for the other writers
// of the site's files, such as the writing desk's Save.
func Rename(oldpath, newpath string) error { return renameWaiting(oldpath, newpath) }
