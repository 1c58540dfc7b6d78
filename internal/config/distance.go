package config

import "github.com/cchc-vn/cchc/internal/viet"

// closestKey returns the valid key the editor most likely meant, or "".
func closestKey(got string, valid []string) string { return viet.Nearest(got, valid) }

// closeEnough says whether two spellings at distance d are likely the same
// word mistyped: at most one edit in three characters.
func closeEnough(d int, a, b string) bool {
	return d*3 <= max(len(a), len(b))
}
