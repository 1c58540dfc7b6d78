// Package wordstyle reads the definitions a Word document's paragraphs
// refer to, styles.xml and numbering.xml, and resolves them into what a
// paragraph is (heading level, title, table-of-contents entry, the run
// formatting its style gives) and the label Word shows for a list item,
// counted as Word counts.
package wordstyle

import (
	"strconv"
	"strings"

	"github.com/cchc-vn/cchc/internal/ooxml"
	"github.com/cchc-vn/cchc/internal/viet"
)

// Tri is an on/off property that a style or run may leave unset, so that
// the one below it shows through.
type Tri uint8

// The values of a Tri.
const (
	Unset Tri = iota
	On
	Off
)

func triOf(n *ooxml.Node, local string) Tri {
	v, set := n.Flag(local)
	switch {
	case !set:
		return Unset
	case v:
		return On
	}
	return Off
}

// RunProps are the run properties the import keeps: what the reader sees
// as emphasis, what hides text, and the fonts, which tell a legacy
// encoding. Every field may be unset.
type RunProps struct {
	Bold, Italic, Underline, Strike, Caps, Vanish Tri
	Vert                                          string // "superscript", "subscript", "baseline" or unset ""
	ASCII, HAnsi                                  string // font names; "theme" for a theme font
}

// ReadRunProps reads a w:rPr element (nil gives all unset).
func ReadRunProps(rpr *ooxml.Node) RunProps {
	if rpr == nil {
		return RunProps{}
	}
	p := RunProps{
		Bold:   triOf(rpr, "b"),
		Italic: triOf(rpr, "i"),
		Strike: triOf(rpr, "strike"),
		Caps:   triOf(rpr, "caps"),
		Vanish: triOf(rpr, "vanish"),
		Vert:   rpr.Val("vertAlign"),
	}
	if d := triOf(rpr, "dstrike"); d == On {
		p.Strike = On
	}
	if u := rpr.Child("u"); u != nil {
		p.Underline = On
		if v := u.Attr("val"); v == "none" || v == "0" {
			p.Underline = Off
		}
	}
	if f := rpr.Child("rFonts"); f != nil {
		p.ASCII, p.HAnsi = f.Attr("ascii"), f.Attr("hAnsi")
		if f.HasAttr("asciiTheme") {
			p.ASCII = "theme"
		}
		if f.HasAttr("hAnsiTheme") {
			p.HAnsi = "theme"
		}
	}
	return p
}

// Over returns p with every property that o sets taken from o.
func (p RunProps) Over(o RunProps) RunProps {
	pick := func(a, b Tri) Tri {
		if b != Unset {
			return b
		}
		return a
	}
	pickS := func(a, b string) string {
		if b != "" {
			return b
		}
		return a
	}
	return RunProps{
		Bold: pick(p.Bold, o.Bold), Italic: pick(p.Italic, o.Italic), Underline: pick(p.Underline, o.Underline),
		Strike: pick(p.Strike, o.Strike), Caps: pick(p.Caps, o.Caps), Vanish: pick(p.Vanish, o.Vanish),
		Vert: pickS(p.Vert, o.Vert), ASCII: pickS(p.ASCII, o.ASCII), HAnsi: pickS(p.HAnsi, o.HAnsi),
	}
}

// style is one w:style of styles.xml.
type style struct {
	id, name string // name folded to lower case NFC
	basedOn  string
	outline  int // w:outlineLvl + 1 (1..9), 0 when unset; 10 means body text
	numID    string
	ilvl     int
	hasNum   bool
	rpr      RunProps
}

// Styles is styles.xml, with each style's inherited properties resolved
// on first use.
type Styles struct {
	byID     map[string]*style
	defaults RunProps // docDefaults
	defPara  string   // the default paragraph style's id ("Normal")
	resolved map[string]*style
}

// ReadStyles reads styles.xml; a document without one (nil) has no
// styles and no defaults.
func ReadStyles(root *ooxml.Node) *Styles {
	s := &Styles{byID: map[string]*style{}, resolved: map[string]*style{}}
	if root == nil {
		return s
	}
	if d := root.Child("docDefaults"); d != nil {
		s.defaults = ReadRunProps(d.Child("rPrDefault").Child("rPr"))
	}
	for _, n := range root.All("style") {
		st := &style{
			id:      n.Attr("styleId"),
			name:    strings.ToLower(viet.NFC(strings.TrimSpace(n.Val("name")))),
			basedOn: n.Val("basedOn"),
			rpr:     ReadRunProps(n.Child("rPr")),
		}
		ppr := n.Child("pPr")
		if o := ppr.Child("outlineLvl"); o != nil {
			if v, err := strconv.Atoi(o.Attr("val")); err == nil && v >= 0 && v <= 9 {
				st.outline = v + 1
			}
		}
		if np := ppr.Child("numPr"); np != nil {
			st.numID, st.hasNum = np.Val("numId"), true
			st.ilvl, _ = strconv.Atoi(np.Val("ilvl"))
		}
		if n.Attr("type") == "paragraph" && (n.Attr("default") == "1" || n.Attr("default") == "true") {
			s.defPara = st.id
		}
		if _, dup := s.byID[st.id]; !dup {
			s.byID[st.id] = st
		}
	}
	return s
}

// get returns the style id with the properties of the styles it is based
// on folded in; an unknown id gives nil. A basedOn cycle stops the walk.
func (s *Styles) get(id string) *style {
	if r, ok := s.resolved[id]; ok {
		return r
	}
	st := s.byID[id]
	if st == nil {
		return nil
	}
	s.resolved[id] = st // breaks a cycle: the walk below sees st as is
	out := *st
	if base := s.get(st.basedOn); base != nil && st.basedOn != id {
		out.rpr = base.rpr.Over(st.rpr)
		if out.outline == 0 {
			out.outline = base.outline
		}
		if !out.hasNum {
			out.numID, out.ilvl, out.hasNum = base.numID, base.ilvl, base.hasNum
		}
		if headingOfName(out.name) == 0 && !isTitleName(out.name) {
			// "Heading 1 Char"-like custom styles based on a heading are
			// headings too: Word shows them in the outline.
			if lvl := headingOfName(base.name); lvl > 0 && out.outline == 0 {
				out.outline = lvl
			}
		}
	}
	s.resolved[id] = &out
	return &out
}

// para returns the paragraph style id, or the default paragraph style.
func (s *Styles) para(id string) *style {
	if id == "" {
		id = s.defPara
	}
	if st := s.get(id); st != nil {
		return st
	}
	return s.get(s.defPara)
}

// Para is what a paragraph's style and its own properties make of it.
type Para struct {
	Heading         int // 1..9 from the style or outline level, 0 for body text
	Title, Subtitle bool
	TOC             bool     // a table-of-contents entry style
	Run             RunProps // the style's run properties over the document defaults
	style           *style   // nil when the document has no styles
}

// Paragraph resolves the paragraph properties ppr (a w:pPr, maybe nil):
// its style, or the default one, and a direct outline level, which wins
// over the style's; a title or subtitle is no heading.
func (s *Styles) Paragraph(ppr *ooxml.Node) Para {
	st := s.para(ppr.Val("pStyle"))
	p := Para{Run: s.defaults, style: st, TOC: st.isTOC()}
	if st != nil {
		p.Heading = st.headingLevel()
		p.Title = isTitleName(st.name)
		p.Subtitle = isSubtitleName(st.name)
		p.Run = p.Run.Over(st.rpr)
	}
	if o := ppr.Child("outlineLvl"); o != nil {
		if v, err := strconv.Atoi(o.Attr("val")); err == nil && v >= 0 && v <= 8 {
			p.Heading = v + 1
		} else if err == nil && v == 9 {
			p.Heading = 0
		}
	}
	if p.Title || p.Subtitle {
		p.Heading = 0
	}
	return p
}

// Run returns the run properties of the character style id; an unknown
// id sets none.
func (s *Styles) Run(id string) RunProps {
	if st := s.get(id); st != nil {
		return st.rpr
	}
	return RunProps{}
}

// headingLevel tells the heading level (1..9) a paragraph style gives, 0
// for none. The built-in names are stored in English ("heading 1") even by
// a Vietnamese Word; some templates use their Vietnamese names.
func (st *style) headingLevel() int {
	if st == nil {
		return 0
	}
	if lvl := headingOfName(st.name); lvl > 0 {
		return lvl
	}
	if lvl := headingOfName(strings.ToLower(st.id)); lvl > 0 {
		return lvl
	}
	if st.outline >= 1 && st.outline <= 9 {
		return st.outline
	}
	return 0
}

func headingOfName(name string) int {
	for _, prefix := range []string{"heading", "tiêu đề", "đầu đề", "tieude", "dau de"} {
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok {
			continue
		}
		if n, err := strconv.Atoi(strings.TrimSpace(rest)); err == nil && n >= 1 && n <= 9 {
			return n
		}
	}
	return 0
}

func isTitleName(name string) bool {
	switch name {
	case "title", "tiêu đề", "tựa đề", "tên tài liệu":
		return true
	}
	return false
}

func isSubtitleName(name string) bool {
	switch name {
	case "subtitle", "phụ đề", "tiêu đề phụ":
		return true
	}
	return false
}

// isTOC reports a table-of-contents entry style ("toc 1", "mục lục 1").
func (st *style) isTOC() bool {
	if st == nil {
		return false
	}
	return strings.HasPrefix(st.name, "toc ") || strings.HasPrefix(st.name, "mục lục ") || st.name == "toc heading"
}
