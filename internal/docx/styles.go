package docx

import (
	"strconv"
	"strings"

	"github.com/cchc-vn/cchc/internal/ooxml"
	"github.com/cchc-vn/cchc/internal/viet"
)

// tri is an on/off property that a style or run may leave unset, so that
// the one below it shows through.
type tri uint8

const (
	unset tri = iota
	on
	off
)

func triOf(n *ooxml.Node, local string) tri {
	v, set := n.Flag(local)
	switch {
	case !set:
		return unset
	case v:
		return on
	}
	return off
}

// runProps are the run properties the import keeps: what the reader sees
// as emphasis, what hides text, and the fonts, which tell a legacy
// encoding. Every field may be unset.
type runProps struct {
	bold, italic, underline, strike, caps, vanish tri
	vert                                          string // "superscript", "subscript", "baseline" or unset ""
	ascii, hAnsi                                  string // font names; "theme" for a theme font
}

// readRunProps reads a w:rPr element (nil gives all unset).
func readRunProps(rpr *ooxml.Node) runProps {
	if rpr == nil {
		return runProps{}
	}
	p := runProps{
		bold:   triOf(rpr, "b"),
		italic: triOf(rpr, "i"),
		strike: triOf(rpr, "strike"),
		caps:   triOf(rpr, "caps"),
		vanish: triOf(rpr, "vanish"),
		vert:   rpr.Val("vertAlign"),
	}
	if d := triOf(rpr, "dstrike"); d == on {
		p.strike = on
	}
	if u := rpr.Child("u"); u != nil {
		p.underline = on
		if v := u.Attr("val"); v == "none" || v == "0" {
			p.underline = off
		}
	}
	if f := rpr.Child("rFonts"); f != nil {
		p.ascii, p.hAnsi = f.Attr("ascii"), f.Attr("hAnsi")
		if f.HasAttr("asciiTheme") {
			p.ascii = "theme"
		}
		if f.HasAttr("hAnsiTheme") {
			p.hAnsi = "theme"
		}
	}
	return p
}

// over returns p with every property that o sets taken from o.
func (p runProps) over(o runProps) runProps {
	pick := func(a, b tri) tri {
		if b != unset {
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
	return runProps{
		bold: pick(p.bold, o.bold), italic: pick(p.italic, o.italic), underline: pick(p.underline, o.underline),
		strike: pick(p.strike, o.strike), caps: pick(p.caps, o.caps), vanish: pick(p.vanish, o.vanish),
		vert: pickS(p.vert, o.vert), ascii: pickS(p.ascii, o.ascii), hAnsi: pickS(p.hAnsi, o.hAnsi),
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
	rpr      runProps
}

// styles is styles.xml, with each style's inherited properties resolved
// on first use.
type styles struct {
	byID     map[string]*style
	defaults runProps // docDefaults
	defPara  string   // the default paragraph style's id ("Normal")
	resolved map[string]*style
}

func readStyles(root *ooxml.Node) *styles {
	s := &styles{byID: map[string]*style{}, resolved: map[string]*style{}}
	if root == nil {
		return s
	}
	if d := root.Child("docDefaults"); d != nil {
		s.defaults = readRunProps(d.Child("rPrDefault").Child("rPr"))
	}
	for _, n := range root.All("style") {
		st := &style{
			id:      n.Attr("styleId"),
			name:    strings.ToLower(viet.NFC(strings.TrimSpace(n.Val("name")))),
			basedOn: n.Val("basedOn"),
			rpr:     readRunProps(n.Child("rPr")),
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
func (s *styles) get(id string) *style {
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
		out.rpr = base.rpr.over(st.rpr)
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
func (s *styles) para(id string) *style {
	if id == "" {
		id = s.defPara
	}
	if st := s.get(id); st != nil {
		return st
	}
	return s.get(s.defPara)
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
