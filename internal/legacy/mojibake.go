package legacy

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Run is a stretch of "lỗi font" mojibake in otherwise valid UTF-8 text:
// legacy text that was read as Windows-1252, such as
// "žy ban nh©n d©n x· DiÔn Ch©u" for "Ủy ban nhân dân xã Diễn Châu" in
// TCVN3. Start and End are byte offsets into the text.
type Run struct {
	Start, End int
	Enc        Encoding
	Fixed      string
}

// FindMojibake finds the runs of legacy text read as Windows-1252. It
// looks at one line at a time. A word is evidence when it decodes to a
// Vietnamese syllable while as written it is none (nh©n, DiÔn, chaøo,
// Vi®t); a run spans such words and the words between them that decode
// too, and stops at a word that does not (a Unicode word with ộ or đ,
// café). Text with no evidence — Vietnamese, ©, °, €, curly quotes,
// Müller — gives no run.
func FindMojibake(s string) []Run {
	if !suspicious(s) {
		return nil
	}
	var runs []Run
	for start := 0; start < len(s); {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		runs = append(runs, lineRuns(s, start, end)...)
		start = end + 1
	}
	return runs
}

// FixMojibake returns s with every run replaced by its Fixed text, NFC.
func FixMojibake(s string) string {
	runs := FindMojibake(s)
	if len(runs) == 0 {
		return norm.NFC.String(s)
	}
	var b strings.Builder
	last := 0
	for _, r := range runs {
		b.WriteString(s[last:r.Start])
		b.WriteString(r.Fixed)
		last = r.End
	}
	b.WriteString(s[last:])
	return norm.NFC.String(b.String())
}

// suspicious is the fast path: mojibake needs a character that is the
// Windows-1252 reading of a byte above ASCII, or a control character.
func suspicious(s string) bool {
	for _, r := range s {
		if r == '\t' || r == '\n' || r == '\r' {
			continue
		}
		if r < 0x20 || (r >= 0x80 && r <= 0xff) {
			return true
		}
		if r > 0xff {
			if _, ok := mojibakeByte(r); ok {
				return true
			}
		}
	}
	return false
}

// mojibakeByte is the byte whose Windows-1252 reading is r.
func mojibakeByte(r rune) (byte, bool) {
	if r >= 0xf000 {
		return 0, false // Word's symbol-font form never reaches a text file
	}
	return cp1252Byte(r)
}

type class int

const (
	neutral  class = iota // ASCII, or reads the same decoded
	bridge                // decodes to a syllable, but proves nothing
	strong                // decodes to a syllable and is none as written
	breaking              // does not decode, or is Unicode beyond 1252
)

type token struct {
	start, end int // byte offsets in the text
	cls        class
	fixed      string
}

// lineRuns finds the runs of s[start:end] in every encoding and keeps the
// best where they overlap: the one with more evidence, then the earlier
// encoding of legacies.
func lineRuns(s string, start, end int) []Run {
	type cand struct {
		run      Run
		evidence int
	}
	var cands []cand
	for _, enc := range legacies {
		toks := tokens(enc, s, start, end)
		for len(toks) > 0 {
			i := slices.IndexFunc(toks, func(t token) bool { return t.cls == breaking })
			seg := toks
			if i >= 0 {
				seg, toks = toks[:i], toks[i+1:]
			} else {
				toks = nil
			}
			if r, n := segmentRun(enc, s, seg); n > 0 {
				cands = append(cands, cand{r, n})
			}
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return b.evidence - a.evidence })
	var runs []Run
	for _, c := range cands {
		if !slices.ContainsFunc(runs, func(r Run) bool { return r.Start < c.run.End && c.run.Start < r.End }) {
			runs = append(runs, c.run)
		}
	}
	slices.SortFunc(runs, func(a, b Run) int { return a.Start - b.Start })
	return runs
}

// segmentRun makes the run of a segment without breaking words: from its
// first strong word to its last, each word converted, the text between
// words kept. n counts the strong words.
func segmentRun(enc Encoding, s string, seg []token) (Run, int) {
	first := slices.IndexFunc(seg, func(t token) bool { return t.cls == strong })
	if first < 0 {
		return Run{}, 0
	}
	last := len(seg) - 1
	for seg[last].cls != strong {
		last--
	}
	var b strings.Builder
	n := 0
	for i := first; i <= last; i++ {
		if i > first {
			b.WriteString(s[seg[i-1].end:seg[i].start])
		}
		b.WriteString(seg[i].fixed)
		if seg[i].cls == strong {
			n++
		}
	}
	return Run{Start: seg[first].start, End: seg[last].end, Enc: enc, Fixed: norm.NFC.String(b.String())}, n
}

// tokens splits s[start:end] into the words of enc, each classified.
// A word is a run of letters, where a character whose byte decodes in enc
// to a letter counts as one (© is â in TCVN3, ø a tone in VNI).
func tokens(enc Encoding, s string, start, end int) []token {
	var toks []token
	inWord := func(r rune) bool {
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			return true
		}
		b, ok := mojibakeByte(r)
		return ok && letterByte(enc, b)
	}
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !inWord(r) {
			i += n
			continue
		}
		j := i + n
		for j < end {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !inWord(r) {
				break
			}
			j += n
		}
		toks = append(toks, classify(enc, s, i, j)...)
		i = j
	}
	return toks
}

// edgePunct are Windows-1252 punctuation marks that are letters in TCVN3
// or VISCII; a word that does not decode is tried again without them, so
// "“žy" in curly quotes is still žy.
const edgePunct = "‘’“”‚„–—…•‹›«»¡¿"

// classify returns the token of s[i:j], or the token of the word inside
// edge punctuation, which then counts as text between words.
func classify(enc Encoding, s string, i, j int) []token {
	word := s[i:j]
	t := token{start: i, end: j, fixed: word}
	ascii := true
	raw := make([]byte, 0, len(word))
	for _, r := range word {
		b, ok := mojibakeByte(r)
		if !ok {
			t.cls = breaking
			return []token{t}
		}
		if r >= utf8.RuneSelf || r < 0x20 {
			ascii = false
		}
		raw = append(raw, b)
	}
	if ascii {
		return []token{t}
	}
	dec := DecodeBytes(enc, raw)
	switch {
	case dec == norm.NFC.String(word):
		t.cls = neutral
	case !isSyllable(dec):
		inner := strings.TrimLeft(word, edgePunct)
		i += len(word) - len(inner)
		trimmed := strings.TrimRight(inner, edgePunct)
		if trimmed != word && trimmed != "" {
			return classify(enc, s, i, i+len(trimmed))
		}
		t.cls = breaking
	case !isSyllable(word) && evidence(word):
		t.cls, t.fixed = strong, dec
	default:
		t.cls, t.fixed = bridge, dec
	}
	return []token{t}
}

// evidence reports whether a word holds enough non-ASCII to prove an
// encoding: one such character beside ASCII letters, or two. A lone ©
// or ° proves nothing, nor do Ð ð, which Vietnamese text also gets from a
// look-alike of Đ đ.
func evidence(word string) bool {
	letters, others := 0, 0
	for _, r := range word {
		switch {
		case r < utf8.RuneSelf && r >= 0x20:
			letters++
		case r != 'Ð' && r != 'ð':
			others++
		}
	}
	return others >= 2 || (others == 1 && letters > 0)
}
