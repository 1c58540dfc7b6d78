package legacy

import (
	_ "embed"
	"strings"
)

//go:embed common.txt
var commonText string

// commonSyllables is read once from common.txt and never written.
var commonSyllables = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(commonText, "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			m[line] = true
		}
	}
	return m
}()

// isCommon reports whether a word, in any case, is a common syllable.
func isCommon(word string) bool {
	return commonSyllables[strings.ToLower(word)]
}
