package viet

import "strings"

// maxCompared bounds the runes compared by EditDistance, so that a long
// pasted paragraph costs no more than a short name.
const maxCompared = 128

// EditDistance counts the single-character insertions, deletions,
// substitutions and swaps of neighbours that turn a into b (optimal string
// alignment), so that "sipass" is 1 from "sipas" and "titel" 1 from "title".
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	ra, rb = ra[:min(len(ra), maxCompared)], rb[:min(len(rb), maxCompared)]
	// Three rows suffice: the swap looks two rows back.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// Nearest returns the candidate the user most likely meant by got, or "":
// first a near spelling (at most one edit in three characters, and fewer
// than three: `tittle` → `title`, `drafs` → `drafts`), then a candidate
// that contains what was typed or is contained in it (`url` →
// `base_url`). Case is ignored. It is the one "có phải ý bạn là …?" rule
// of config keys and command-line words.
func Nearest(got string, candidates []string) string {
	g := strings.ToLower(strings.TrimSpace(got))
	best, bestD := "", 3
	for _, c := range candidates {
		if d := EditDistance(g, strings.ToLower(c)); d < bestD && d*3 <= max(len(g), len(c)) {
			best, bestD = c, d
		}
	}
	if best != "" || len(g) < 3 {
		return best
	}
	for _, c := range candidates {
		lc := strings.ToLower(c)
		if strings.Contains(lc, g) || strings.Contains(g, lc) {
			return c
		}
	}
	return ""
}
