package legacy

import (
	"unicode"
	"unicode/utf8"
)

// letterByte reports whether byte b decodes in enc to letters or marks,
// so that it belongs inside a word. ASCII letters always do.
func letterByte(enc Encoding, b byte) bool { return letterBytes[enc][b] }

// letterBytes is letterByte as a table, made once and only read.
var letterBytes = func() (t [CP1258 + 1][256]bool) {
	for enc := range t {
		for b := range 256 {
			t[enc][b] = isLetterText(byteTexts[enc][b])
		}
	}
	return t
}()

func isLetterText(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			return false
		}
	}
	return s != ""
}

// DetectBytes guesses the encoding of raw bytes that are not valid UTF-8,
// such as a file saved by an old tool: each word with bytes above ASCII is
// decoded in every legacy encoding, and the encoding whose words are
// Vietnamese syllables wins. ok is false for valid UTF-8, for text with
// no such word, and when the best guess still reads as noise.
func DetectBytes(b []byte) (enc Encoding, ok bool) {
	if utf8.Valid(b) {
		return Unicode, false
	}
	best, bestScore := Unicode, 0
	for _, e := range legacies {
		good, bad, evidence := scoreBytes(e, b)
		if evidence == 0 || good < 3*bad {
			continue
		}
		if score := good - bad; score > bestScore {
			best, bestScore = e, score
		}
	}
	return best, best != Unicode
}

// scoreBytes counts the words with non-ASCII bytes that decode in enc to a
// syllable (good) or not (bad); evidence counts the good ones that also
// hold an ASCII letter, the form real text takes.
func scoreBytes(enc Encoding, b []byte) (good, bad, evidence int) {
	for i := 0; i < len(b); {
		if !letterByte(enc, b[i]) {
			i++
			continue
		}
		j, high, ascii := i, false, false
		for ; j < len(b) && letterByte(enc, b[j]); j++ {
			if b[j] >= 0x80 || b[j] < 0x20 {
				high = true
			} else {
				ascii = true
			}
		}
		if high {
			if isWord(DecodeBytes(enc, b[i:j])) {
				good++
				if ascii {
					evidence++
				}
			} else {
				bad++
			}
		}
		i = j
	}
	return good, bad, evidence
}
