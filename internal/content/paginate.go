package content

import "strconv"

// Paginate splits items into pages of size; an empty list is one empty
// page, so every list URL exists.
func Paginate[T any](items []T, size int) [][]T {
	if size <= 0 {
		size = len(items)
	}
	if len(items) == 0 {
		return [][]T{nil}
	}
	var out [][]T
	for start := 0; start < len(items); start += size {
		out = append(out, items[start:min(start+size, len(items))])
	}
	return out
}

// PagerURL is the path of page n (from 1) of the list at base ("bai-viet/"):
// the first page is the list itself, the others are base + "trang/N/"
// (PagerDir).
func PagerURL(base string, n int) string {
	if n <= 1 {
		return base
	}
	return base + PagerDir + strconv.Itoa(n) + "/"
}
