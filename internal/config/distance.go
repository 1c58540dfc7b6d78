package config

import (
	"strings"

	"github.com/cchc-vn/cchc/internal/viet"
)

// closeEnough says whether two spellings at distance d are likely the same
// word mistyped: at most one edit in three characters.
func closeEnough(d int, a, b string) bool {
	return d*3 <= max(len(a), len(b))
}

// closestKey returns the valid key the editor most likely meant, or "":
// first a near spelling (`tittle`, `pagesize`, `Title`), then a key that
// contains what was typed or is contained in it (`url` → `base_url`).
func closestKey(got string, valid []string) string {
	g := strings.ToLower(strings.TrimSpace(got))
	best, bestD := "", 3
	for _, v := range valid {
		if d := viet.EditDistance(g, v); d < bestD && closeEnough(d, g, v) {
			best, bestD = v, d
		}
	}
	if best != "" || len(g) < 3 {
		return best
	}
	for _, v := range valid {
		if strings.Contains(v, g) || strings.Contains(g, v) {
			return v
		}
	}
	return ""
}
