package load

import (
	"bytes"
	"regexp"
	"strings"
)

// draftLineRE is a `draft: true` (YAML) or `draft = true` (TOML) line.
var draftLineRE = regexp.MustCompile(`^\s*draft\s*[:=]\s*["']?true["']?\s*(#.*)?$`)

// maxDraftScan bounds the lines read for a draft's flag in a file whose
// front matter could not be read.
const maxDraftScan = 60

// flaggedDraft reports whether a file whose front matter could not be
// decoded (no closing line, a syntax error) says `draft: true` in its
// first lines, before any second delimiter line: a draft left half
// written is still a draft.
func flaggedDraft(src []byte) bool {
	delims := 0
	for i, l := range bytes.SplitN(src, []byte("\n"), maxDraftScan+1) {
		if i == maxDraftScan {
			break
		}
		t := strings.TrimSpace(string(l))
		if t == "---" || t == "+++" {
			if delims++; delims == 2 {
				return false
			}
			continue
		}
		if delims == 1 && draftLineRE.MatchString(t) {
			return true
		}
	}
	return false
}
