package wordmd

import (
	"strings"
	"testing"

	"github.com/cchc-vn/cchc/internal/docx"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// FuzzInline writes paragraphs of any text and formatting: whatever path
// the rendering takes, Markdown reads back exactly the text, in one
// paragraph (or heading). Pieces of the text are separated by \x01; the
// bits of flags give each piece bold, italic, strike, a link, a break.
func FuzzInline(f *testing.F) {
	f.Add("Điều 1.\x01Ban hành\x01 Quy chế *một cửa*", uint64(0b0001_0000_0001), false)
	f.Add("# 1. a_b\x01[x](y)\x01 - <b> | ~~ \\", uint64(0b1111_0110_1011), true)
	f.Add("(\x01a\x01) \x012026. \x01***", uint64(0b0101_1010_0011), false)
	imp := &writer{parser: goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote)).Parser(), names: map[*docx.Image]string{}}
	f.Fuzz(func(t *testing.T, s string, flags uint64, heading bool) {
		if len(s) > 2000 {
			return
		}
		var segs []docx.Segment
		for i, piece := range strings.Split(s, "\x01") {
			bits := flags >> (5 * (i % 12))
			seg := docx.Segment{Text: piece, Bold: bits&1 != 0, Italic: bits&2 != 0, Strike: bits&4 != 0}
			if bits&8 != 0 {
				seg.Link = "https://a.vn/" + string(rune('a'+i%3))
			}
			segs = append(segs, seg)
			if bits&16 != 0 {
				segs = append(segs, docx.Segment{Break: true})
			}
		}
		mode := inPara
		if heading {
			mode = inHeading
		}
		as := imp.atoms(segs, mode)
		md, _ := imp.render(as, heading)
		_, want := imp.emit(as, false, false, heading, escapeText)
		src := md
		if heading {
			src = "## " + md
		}
		doc := imp.parser.Parse(text.NewReader([]byte(src)))
		var got []mark
		for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
			if n != doc.FirstChild() {
				t.Fatalf("%q became several blocks", md)
			}
			got, _ = marksOf(n, []byte(src))
		}
		if !sameRunes(got, want) {
			t.Fatalf("%q reads back as %q, want %q", md, runesOf(got), runesOf(want))
		}
	})
}

func sameRunes(a, b []mark) bool {
	return runesOf(a) == runesOf(b)
}

func runesOf(ms []mark) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteRune(m.r)
	}
	return b.String()
}
