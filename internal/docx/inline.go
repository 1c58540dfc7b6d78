package docx

import (
	"strings"

	"github.com/cchc-vn/cchc/internal/ooxml"
	"github.com/cchc-vn/cchc/internal/viet"
	"github.com/cchc-vn/cchc/internal/wordstyle"
)

// field is a complex field (w:fldChar begin … separate … end) being read:
// its instruction, and whether its result (the text shown) has begun.
type field struct {
	instr  strings.Builder
	result bool
	link   string // the target of a HYPERLINK field
	toc    bool
}

// inline reads the runs of one paragraph into its segments.
type inline struct {
	rd     *reader
	para   *Paragraph
	base   wordstyle.RunProps // the paragraph style's run properties over the defaults
	link   string             // the hyperlink being read
	floats []Block            // paragraphs of text boxes, placed after this one
}

// walk reads the inline content of n: runs and the containers around
// them.
func (in *inline) walk(n *ooxml.Node) error {
	for _, k := range n.Kids {
		if err := in.element(k); err != nil {
			return err
		}
	}
	return nil
}

func (in *inline) element(k *ooxml.Node) error {
	if k.Local == "AlternateContent" {
		return in.walk(alternate(k))
	}
	if k.Local == "oMath" || k.Local == "oMathPara" {
		in.rd.count.math++
		in.add(Segment{Text: mathText(k)}, wordstyle.RunProps{})
		return nil
	}
	if k.Space != ooxml.NSW && k.Space != ooxml.NSWStrict {
		return nil
	}
	switch k.Local {
	case "r":
		return in.run(k)
	case "hyperlink":
		saved := in.link
		in.link = in.hyperlinkTarget(k)
		err := in.walk(k)
		in.link = saved
		return err
	case "fldSimple":
		saved := in.link
		if target, ok := hyperlinkField(k.Attr("instr")); ok {
			in.link = target
		}
		err := in.walk(k)
		in.link = saved
		return err
	case "ins", "moveTo", "smartTag", "customXml", "dir", "bdo":
		return in.walk(k)
	case "sdt":
		return in.walk(k.Child("sdtContent"))
	case "del", "moveFrom":
		in.rd.count.deleted++
	case "bookmarkStart":
		if name := k.Attr("name"); name != "" && name != "_GoBack" {
			in.para.Bookmarks = append(in.para.Bookmarks, name)
		}
	}
	return nil
}

// hyperlinkTarget resolves a w:hyperlink: r:id to an external URL, or
// w:anchor to a bookmark of the document.
func (in *inline) hyperlinkTarget(k *ooxml.Node) string {
	if id := k.Attr("id"); id != "" {
		if r, ok := in.rd.rels[id]; ok && r.External {
			target := r.Target
			if a := k.Attr("anchor"); a != "" {
				target += "#" + a
			}
			return target
		}
	}
	if a := k.Attr("anchor"); a != "" {
		return "#" + a
	}
	return ""
}

// run reads a w:r.
func (in *inline) run(r *ooxml.Node) error {
	props := in.base
	if id := r.Child("rPr").Val("rStyle"); id != "" {
		props = props.Over(in.rd.styles.Run(id))
	}
	props = props.Over(wordstyle.ReadRunProps(r.Child("rPr")))
	for _, k := range r.Kids {
		if err := in.runContent(k, props); err != nil {
			return err
		}
	}
	return nil
}

// runContent reads one child of a run.
func (in *inline) runContent(k *ooxml.Node, props wordstyle.RunProps) error {
	if k.Local == "AlternateContent" {
		for _, c := range alternate(k).Kids {
			if err := in.runContent(c, props); err != nil {
				return err
			}
		}
		return nil
	}
	if k.Space != ooxml.NSW && k.Space != ooxml.NSWStrict {
		return nil
	}
	switch k.Local {
	case "t":
		in.addText(k.Text, props)
	case "tab", "ptab":
		in.addText("\t", props) // kept: a tab separates the two columns of a heading typed as text
	case "noBreakHyphen":
		in.addText("-", props)
	case "br", "cr":
		if t := k.Attr("type"); t == "page" || t == "column" {
			return nil // a page of paper has no place on a web page
		}
		if in.showing() {
			in.para.Segments = append(in.para.Segments, Segment{Break: true})
		}
	case "sym":
		if s, ok := symbol(k.Attr("font"), k.Attr("char")); ok {
			in.addText(s, wordstyle.RunProps{Bold: props.Bold, Italic: props.Italic})
		} else {
			in.rd.count.symbols++
		}
	case "fldChar":
		in.fieldChar(k.Attr("fldCharType"))
	case "instrText":
		if n := len(in.rd.fields); n > 0 && !in.rd.fields[n-1].result {
			in.rd.fields[n-1].instr.WriteString(k.Text)
		}
	case "drawing":
		return in.drawing(k, props)
	case "pict", "object":
		return in.vml(k, props)
	case "footnoteReference", "endnoteReference":
		kind := "footnotes"
		if k.Local == "endnoteReference" {
			kind = "endnotes"
		}
		n, err := in.rd.noteRef(kind, k.Attr("id"))
		if err != nil {
			return err
		}
		if n > 0 {
			in.para.Segments = append(in.para.Segments, Segment{Footnote: n})
		}
	case "commentReference":
		in.rd.count.comments++
	case "ruby":
		return in.walk(k.Child("rubyBase"))
	}
	return nil
}

// showing reports whether text read now is shown: not inside the
// instruction of a field.
func (in *inline) showing() bool {
	n := len(in.rd.fields)
	return n == 0 || in.rd.fields[n-1].result
}

// fieldChar follows the begin, separate and end marks of complex fields.
func (in *inline) fieldChar(typ string) {
	rd := in.rd
	switch typ {
	case "begin":
		if len(rd.fields) < 32 {
			rd.fields = append(rd.fields, field{})
		}
	case "separate":
		if n := len(rd.fields); n > 0 {
			f := &rd.fields[n-1]
			f.result = true
			instr := strings.TrimSpace(f.instr.String())
			if target, ok := hyperlinkField(instr); ok {
				f.link = target
			}
			f.toc = strings.HasPrefix(strings.ToUpper(instr), "TOC")
		}
	case "end":
		if n := len(rd.fields); n > 0 {
			rd.fields = rd.fields[:n-1]
		}
	}
	rd.inTOC = false
	for _, f := range rd.fields {
		if f.toc {
			rd.inTOC = true
		}
	}
}

// fieldLink is the target of the innermost HYPERLINK field showing.
func (in *inline) fieldLink() string {
	for i := len(in.rd.fields) - 1; i >= 0; i-- {
		if l := in.rd.fields[i].link; l != "" {
			return l
		}
	}
	return ""
}

// hyperlinkField reads `HYPERLINK "url"` or `HYPERLINK \l "bookmark"`.
func hyperlinkField(instr string) (string, bool) {
	fields := strings.Fields(instr)
	if len(fields) < 2 || !strings.EqualFold(fields[0], "HYPERLINK") {
		return "", false
	}
	anchor := false
	for i := 1; i < len(fields); i++ {
		f := fields[i]
		if f == `\l` {
			anchor = true
			continue
		}
		if strings.HasPrefix(f, `\`) {
			i++ // a switch with an argument: \o "tooltip", \t frame
			continue
		}
		target := strings.Trim(f, `"`)
		if strings.HasPrefix(f, `"`) && !strings.HasSuffix(f, `"`) || f == `"` {
			// a quoted target with spaces: take up to the closing quote
			rest := strings.Join(fields[i:], " ")[1:]
			target, _, _ = strings.Cut(rest, `"`)
		}
		if anchor {
			return "#" + target, true
		}
		return target, true
	}
	return "", false
}

// addText adds run text with its properties: hidden text is counted and
// dropped, text in a legacy font converted, caps shown as capitals.
func (in *inline) addText(s string, props wordstyle.RunProps) {
	if s == "" || !in.showing() {
		return
	}
	if props.Vanish == wordstyle.On {
		in.rd.count.hidden++
		return
	}
	if conv, font, ok := fromFont(props, s); ok {
		in.rd.count.legacyFonts[font]++
		s = conv
	} else {
		s = symbolText(props, s)
	}
	s = viet.NFC(s)
	if props.Caps == wordstyle.On {
		s = strings.ToUpper(s)
	}
	in.add(Segment{Text: s}, props)
}

// add appends a segment with the emphasis of props and the link in force.
func (in *inline) add(seg Segment, props wordstyle.RunProps) {
	seg.Bold, seg.Italic, seg.Strike = props.Bold == wordstyle.On, props.Italic == wordstyle.On, props.Strike == wordstyle.On
	seg.Super, seg.Sub = props.Vert == "superscript", props.Vert == "subscript"
	seg.Link = in.link
	if l := in.fieldLink(); l != "" {
		seg.Link = l
	}
	if props.Underline == wordstyle.On && seg.Link == "" && strings.TrimSpace(seg.Text) != "" {
		seg.Underline = true
		in.rd.count.underline++
	}
	in.para.Segments = append(in.para.Segments, seg)
}

// mathText is the text of an Office Math equation, its m:t elements in
// order.
func mathText(n *ooxml.Node) string {
	var b strings.Builder
	var walk func(*ooxml.Node)
	walk = func(n *ooxml.Node) {
		for _, k := range n.Kids {
			if k.Local == "t" {
				b.WriteString(k.Text)
			}
			walk(k)
		}
	}
	walk(n)
	return viet.NFC(b.String())
}
