package config

import "strings"

// maxCompared bounds the runes compared by editDistance, so that a long
// pasted paragraph costs no more than a short name.
const maxCompared = 128

// editDistance counts the single-character insertions, deletions,
// substitutions and swaps of neighbours that turn a into b (optimal string
// alignment), so that "sipass" is 1 from "sipas" and "titel" 1 from "title".
func editDistance(a, b string) int {
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
		if d := editDistance(g, v); d < bestD && closeEnough(d, g, v) {
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
