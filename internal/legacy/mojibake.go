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
	// Only the lines with a word that may be strong are kept: in a
	// Unicode text every line is suspicious (à and é are Latin-1) and
	// none is kept.
	type line struct{ start, end int }
	var maybe []line
	var memo syllableMemo
	eachLine(s, func(start, end int) {
		if l := s[start:end]; suspicious(l) && maybeMojibake(l, &memo) {
			maybe = append(maybe, line{start, end})
		}
	})
	if len(maybe) == 0 {
		return nil
	}
	// First each line alone, to learn which encoding the text is in; then
	// again, trusting that encoding at the edges of runs and in lines
	// without a strong word.
	var total [CP1258 + 1]int
	for _, l := range maybe {
		for _, c := range lineCandidates(s, l.start, l.end, Unicode) {
			total[c.run.Enc] += c.evidence
		}
	}
	dominant := Unicode
	for _, enc := range legacies {
		if total[enc] >= minDominant && total[enc] > total[dominant] {
			dominant = enc
		}
	}
	var runs []Run
	resolveLine := func(start, end int) {
		runs = append(runs, resolve(lineCandidates(s, start, end, dominant), total[:], start, end)...)
	}
	if dominant == Unicode {
		for _, l := range maybe {
			resolveLine(l.start, l.end)
		}
		return runs
	}
	eachLine(s, func(start, end int) {
		if suspicious(s[start:end]) {
			resolveLine(start, end)
		}
	})
	return runs
}

// eachLine calls f with the start and end of each line of s, without its
// line feed.
func eachLine(s string, f func(start, end int)) {
	for start := 0; start < len(s); {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		f(start, end)
		start = end + 1
	}
}

// minDominant is the evidence that makes an encoding the one a text is
// in: two strong words that decode to common syllables (nh©n d©n).
const minDominant = 4

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

// maybeMojibake is the fast path of a line: a strong word of any
// encoding lies within a word made of letters and Windows-1252
// characters that holds a non-ASCII character and is no syllable as
// written. Vietnamese lines have none, and skip the work per encoding.
func maybeMojibake(line string, memo *syllableMemo) bool {
	for i := 0; i < len(line); {
		r, n := rune(line[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(line[i:])
		}
		if !isWordRune(r) {
			i += n
			continue
		}
		j, mappable, high := i, true, false
		for j < len(line) {
			r, n := rune(line[j]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(line[j:])
			}
			if !isWordRune(r) {
				break
			}
			if r >= 0x100 && mappable {
				_, mappable = mojibakeByte(r)
			}
			if r >= utf8.RuneSelf || r < 0x20 {
				high = true
			}
			j += n
		}
		if mappable && high && !memo.isSyllable(line[i:j]) {
			// quotes and dashes of Unicode text (“Phát, –) are no
			// evidence once taken off, if a syllable or ASCII remains
			if w := strings.Trim(line[i:j], quotesAndDashes); w != "" && !isASCII(w) && !memo.isSyllable(w) {
				return true
			}
		}
		i = j
	}
	return false
}

// isWordRune is wordRune with the Latin letters (ASCII, à, ă, ơ, ư…)
// answered from a table: most runes of a Vietnamese text.
func isWordRune(r rune) bool {
	if r >= 0 && r < latinEnd {
		return latinWordRunes[r]
	}
	return wordRune(r)
}

// latinEnd is the end of Latin Extended-B.
const latinEnd = 0x250

var latinWordRunes = func() (t [latinEnd]bool) {
	for r := range rune(latinEnd) {
		t[r] = wordRune(r)
	}
	return t
}()

// syllableMemo remembers the words of one text that isSyllable judged:
// the same few hundred syllables make up most of a Vietnamese text, and
// isSyllable was a third of the scan. A word's slot is picked by a hash
// of its bytes; a different word in the slot is simply replaced.
type syllableMemo [256]struct {
	word string
	ok   bool
}

func (m *syllableMemo) isSyllable(w string) bool {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	e := &m[h>>24]
	if e.word == w { // an empty slot answers "" rightly: no syllable
		return e.ok
	}
	e.word, e.ok = w, isSyllable(w)
	return e.ok
}

// quotesAndDashes are the punctuation of Unicode text that
// maybeMojibake takes off a word; they are capitals in TCVN3 that hardly
// begin or end a word (Ỏ Õ Ị Ò Ọ Ộ Ặ Ó).
const quotesAndDashes = "“”‘’–—…•"

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// wordRune tells the characters that may be letters in some encoding.
func wordRune(r rune) bool {
	if r < utf8.RuneSelf && r >= 0x20 {
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	}
	if r >= 0x1ea0 && r <= 0x1ef9 || r >= 0xc0 && r <= 0x17f && r != 0xd7 && r != 0xf7 {
		return true // the Vietnamese letters with a tone, and à é ô ă đ: the bulk of a text
	}
	if unicode.IsLetter(r) || unicode.IsMark(r) {
		return true
	}
	if r == '\t' || r == '\n' || r == '\r' {
		return false
	}
	_, ok := mojibakeByte(r)
	return ok && (r >= utf8.RuneSelf || r < 0x20)
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
	breaking              // does not decode, or is a letter of another encoding
	foreign               // Unicode beyond 1252 (ộ, đ): a line of real text
)

type token struct {
	start, end int // byte offsets in the text
	cls        class
	fixed      string
}

type candidate struct {
	run      Run
	evidence int // strong words in the run, counted as segmentRun says
}

// lineCandidates finds the runs of s[start:end] in every encoding.
// dominant, when it is not Unicode, is the encoding of the whole text.
func lineCandidates(s string, start, end int, dominant Encoding) []candidate {
	var cands []candidate
	for _, enc := range legacies {
		toks := tokens(enc, s, start, end)
		// a line with Unicode Vietnamese in it is not all legacy text,
		// whatever the rest of the file is in
		known := enc == dominant && !slices.ContainsFunc(toks, func(t token) bool { return t.cls == foreign })
		for len(toks) > 0 {
			i := slices.IndexFunc(toks, func(t token) bool { return t.cls >= breaking })
			seg := toks
			if i >= 0 {
				seg, toks = toks[:i], toks[i+1:]
			} else {
				toks = nil
			}
			if r, n := segmentRun(enc, s, seg, known); n > 0 {
				cands = append(cands, candidate{r, n})
			}
		}
	}
	return cands
}

// resolve keeps the best of overlapping runs of one line: more evidence
// in the line, then more in the whole text (the encoding a document was
// pasted from), then the earlier encoding of legacies.
func resolve(cands []candidate, total []int, lineStart, lineEnd int) []Run {
	slices.SortStableFunc(cands, func(a, b candidate) int {
		if a.evidence != b.evidence {
			return b.evidence - a.evidence
		}
		return total[b.run.Enc] - total[a.run.Enc]
	})
	// taken marks the bytes of the line that a kept run covers, so that
	// a long line of many runs costs its length, not runs squared
	taken := make([]bool, lineEnd-lineStart)
	var runs []Run
	for _, c := range cands {
		if slices.Contains(taken[c.run.Start-lineStart:c.run.End-lineStart], true) {
			continue
		}
		for i := c.run.Start; i < c.run.End; i++ {
			taken[i-lineStart] = true
		}
		runs = append(runs, c.run)
	}
	slices.SortFunc(runs, func(a, b Run) int { return a.Start - b.Start })
	return runs
}

// segmentRun makes the run of a segment without breaking words: from its
// first strong word to its last, widened by the bridge words around them
// that read as Vietnamese both ways but are no common syllable as written
// (nãm, Sè), when decoded they are one (năm, Số) or the text is known to
// be in enc; so thì beside mojibake stays thì. In a text known to be in
// enc, a segment without strong words still makes a run of its bridge
// words that decode to common syllables ("Sè:" alone on a line). n counts
// the strong words, twice those that decode to a common syllable, or is
// 1 for a run without strong words.
func segmentRun(enc Encoding, s string, seg []token, known bool) (Run, int) {
	widen := func(t token) bool {
		orig := s[t.start:t.end]
		return !isCommon(orig) && (known || isCommon(t.fixed))
	}
	first := slices.IndexFunc(seg, func(t token) bool { return t.cls == strong })
	last := len(seg) - 1
	if first < 0 {
		if !known {
			return Run{}, 0
		}
		first = slices.IndexFunc(seg, func(t token) bool { return t.cls == bridge && isCommon(t.fixed) && widen(t) })
		if first < 0 {
			return Run{}, 0
		}
		last = first
	} else {
		for seg[last].cls != strong {
			last--
		}
	}
	for i := first - 1; i >= 0 && seg[i].cls != strong; i-- {
		if seg[i].cls == bridge {
			if !widen(seg[i]) {
				break
			}
			first = i
		}
	}
	for i := last + 1; i < len(seg); i++ {
		if seg[i].cls == bridge {
			if !widen(seg[i]) {
				break
			}
			last = i
		}
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
			if isCommon(seg[i].fixed) {
				n++ // nhân outweighs nhẹn, the VISCII reading of nh©n
			}
		}
	}
	return Run{Start: seg[first].start, End: seg[last].end, Enc: enc, Fixed: norm.NFC.String(b.String())}, max(n, 1)
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
			if otherLetter(enc, r) {
				toks = append(toks, token{start: i, end: i + n, cls: breaking})
			}
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
		toks = append(toks, classify(enc, s, i, j))
		i = j
	}
	return toks
}

// otherLetter reports whether r, no letter in enc, is one in another
// legacy encoding: © between letters is TCVN3's â, so a VNI run must not
// reach across it and leave nh©n unconverted inside.
func otherLetter(enc Encoding, r rune) bool {
	b, ok := mojibakeByte(r)
	if !ok || b < 0x80 || unicode.IsSpace(r) || strings.ContainsRune(quotesAndDashes, r) {
		return false
	}
	for _, e := range legacies {
		if e != enc && letterByte(e, b) {
			return true
		}
	}
	return false
}

// edgePunct are Windows-1252 punctuation marks that are letters in TCVN3
// or VISCII; a word that does not decode is tried again without them, so
// "“žy" in curly quotes is still žy.
const edgePunct = "‘’“”‚„–—…•‹›«»¡¿"

// classify returns the token of s[i:j], or of the word inside edge
// punctuation, which then counts as text between words.
func classify(enc Encoding, s string, i, j int) token {
	word := s[i:j]
	t := token{start: i, end: j, fixed: word}
	ascii := true
	var buf [64]byte
	raw := buf[:0]
	for _, r := range word {
		b, ok := mojibakeByte(r)
		if !ok {
			t.cls = foreign
			return t
		}
		if r >= utf8.RuneSelf || r < 0x20 {
			ascii = false
		}
		raw = append(raw, b)
	}
	if ascii {
		return t
	}
	dec := DecodeBytes(enc, raw)
	switch {
	case dec == word:
		t.cls = neutral
	case !isWord(dec):
		inner := strings.TrimLeft(word, edgePunct)
		i += len(word) - len(inner)
		trimmed := strings.TrimRight(inner, edgePunct)
		if trimmed != word && trimmed != "" {
			return classify(enc, s, i, i+len(trimmed))
		}
		t.cls = breaking
	case !isSyllable(word) && evidence(enc, word):
		t.cls, t.fixed = strong, dec
	default:
		t.cls, t.fixed = bridge, dec
	}
	return t
}

// evidence reports whether a word holds enough non-ASCII to prove an
// encoding: two characters that enc reads otherwise than Windows-1252
// (VISCII reads ô as ô: no evidence), or one beside ASCII letters — unless it
// is a symbol at the start or end of the word, as units and marks are
// written (µm, m², Word™, D®). A lone © or ° proves nothing, nor do Ð ð,
// which Vietnamese text also gets from a look-alike of Đ đ.
func evidence(enc Encoding, word string) bool {
	letters, others := 0, 0
	var other rune
	at := 0
	for i, r := range word {
		switch {
		case r < utf8.RuneSelf && r >= 0x20:
			letters++
		case r != 'Ð' && r != 'ð' && readsOtherwise(enc, r):
			others++
			other, at = r, i
		}
	}
	if others != 1 || letters == 0 {
		return others >= 2
	}
	edge := at == 0 || at+utf8.RuneLen(other) == len(word)
	return !(edge && strings.ContainsRune(attachedSymbols, other))
}

// readsOtherwise reports whether enc reads r's byte as another text.
func readsOtherwise(enc Encoding, r rune) bool {
	b, _ := mojibakeByte(r)
	return byteTexts[enc][b] != string(r)
}

// attachedSymbols are written against a word in Unicode text.
const attachedSymbols = "µ²³¹°ºª©®™€£¥¢§¶¤¦¬¯´¸±×÷¼½¾"
