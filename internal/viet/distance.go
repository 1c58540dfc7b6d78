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

// The "có phải ý bạn là …?" hints have two thresholds, both here: Near
// for the words of a closed list (keys, values, commands, flags, file
// names), NearName for the names an editor types freely (a unit, a
// topic). Closest and Nearest apply Near; a caller that ranks candidates
// its own way tests them with one of the two.

// Near reports whether two spellings d edits apart are likely one word
// mistyped: at most two edits, and at most one in three characters, so
// `tittle` is near `title` and `drafs` near `drafts`, but `ab` is not
// near `id`, nor `ngay` near `nguon`.
func Near(d int, a, b string) bool { return d < 3 && NearName(d, a, b) }

// NearName reports whether two names d edits apart likely name the same
// thing: at most one edit in three characters, however many that makes.
// A name is long, and an editor drops a word or abbreviates one ("Công
// an" for "Công an xã", "HCC" for "hành chính công").
func NearName(d int, a, b string) bool { return d*3 <= max(len(a), len(b)) }

// Closest returns the candidate whose key is Near got's and fewest edits
// from it, the first of equals, or "". key is how both are compared
// (strings.ToLower, Slug…).
func Closest(got string, candidates []string, key func(string) string) string {
	g := key(got)
	best, bestD := "", 3
	for _, c := range candidates {
		k := key(c)
		if d := EditDistance(g, k); d < bestD && Near(d, g, k) {
			best, bestD = c, d
		}
	}
	return best
}

// Nearest returns the candidate the user most likely meant by got, or "":
// first a near spelling (Closest, ignoring case), then a candidate that
// contains what was typed or is contained in it (`url` → `base_url`).
// It is the "có phải ý bạn là …?" rule of config keys, front matter
// keys, chart keys and command-line words.
func Nearest(got string, candidates []string) string {
	g := strings.ToLower(strings.TrimSpace(got))
	if best := Closest(g, candidates, strings.ToLower); best != "" || len(g) < 3 {
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
