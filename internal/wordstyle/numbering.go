package wordstyle

import (
	"strconv"
	"strings"

	"github.com/cchc-vn/cchc/internal/ooxml"
)

// ListItem says how Word numbers a paragraph: its level (0 outermost),
// whether it is a bullet, and the label Word shows ("1.", "a)", "1.2.",
// "II."), computed from numbering.xml as Word counts.
type ListItem struct {
	Level  int
	Bullet bool
	// Simple is a decimal label of this level alone, "%n." or "%n)":
	// what a Markdown ordered list can write, with Number and Delim.
	Simple bool
	Number int
	Delim  byte
	Label  string
}

// level is one w:lvl of an abstract numbering.
type level struct {
	format, text string
	start        int
	legal        bool // w:isLgl: every level shown in decimal
}

// Numbering is numbering.xml with the counters of the lists read so far.
type Numbering struct {
	abstract map[string]*[9]*level
	link     map[string]string // abstract id → numbering style it links to
	nums     map[string]numDef
	styles   *Styles
	counters map[string]*counter // by abstract id: Word continues a list across its num instances
	used     map[string]bool     // num ids already counted (a startOverride applies once)
}

// counter is the count of each level of one list; a level not started
// begins at its start value.
type counter struct {
	val     [9]int
	started [9]bool
}

type numDef struct {
	abstract string
	override map[int]int // level → startOverride
}

// ReadNumbering reads numbering.xml (nil for a document without lists);
// st resolves the numbering styles its lists link to.
func ReadNumbering(root *ooxml.Node, st *Styles) *Numbering {
	n := &Numbering{
		abstract: map[string]*[9]*level{}, link: map[string]string{}, nums: map[string]numDef{},
		styles: st, counters: map[string]*counter{}, used: map[string]bool{},
	}
	if root == nil {
		return n
	}
	for _, a := range root.All("abstractNum") {
		id := a.Attr("abstractNumId")
		var lv [9]*level
		for _, l := range a.All("lvl") {
			i, err := strconv.Atoi(l.Attr("ilvl"))
			if err != nil || i < 0 || i > 8 {
				continue
			}
			lv[i] = readLevel(l)
		}
		n.abstract[id] = &lv
		if s := a.Val("numStyleLink"); s != "" {
			n.link[id] = s
		}
	}
	for _, m := range root.All("num") {
		d := numDef{abstract: m.Val("abstractNumId"), override: map[int]int{}}
		for _, o := range m.All("lvlOverride") {
			i, err := strconv.Atoi(o.Attr("ilvl"))
			if err != nil || i < 0 || i > 8 {
				continue
			}
			if s := o.Child("startOverride"); s != nil {
				d.override[i], _ = strconv.Atoi(s.Attr("val"))
			}
			if l := o.Child("lvl"); l != nil {
				// A whole level redefined for this instance: rare; its
				// start is what changes the count.
				d.override[i] = readLevel(l).start
			}
		}
		n.nums[m.Attr("numId")] = d
	}
	return n
}

func readLevel(l *ooxml.Node) *level {
	lv := &level{format: l.Val("numFmt"), text: l.Val("lvlText"), start: 1}
	if s := l.Child("start"); s != nil {
		lv.start, _ = strconv.Atoi(s.Attr("val"))
	}
	if on, _ := l.Flag("isLgl"); on {
		lv.legal = true
	}
	return lv
}

// levels finds the abstract numbering of a num id, following a link to a
// numbering style (w:numStyleLink) a few hops at most.
func (n *Numbering) levels(numID string) (string, *[9]*level) {
	for range 4 {
		d, ok := n.nums[numID]
		if !ok {
			return "", nil
		}
		styleID, linked := n.link[d.abstract]
		if !linked {
			return d.abstract, n.abstract[d.abstract]
		}
		st := n.styles.get(styleID)
		if st == nil || !st.hasNum || st.numID == numID {
			return d.abstract, n.abstract[d.abstract]
		}
		numID = st.numID
	}
	return "", nil
}

// Count counts a paragraph in its list, numbered directly by its
// properties ppr or through its style, and returns its item; ok is false
// for a paragraph that is not numbered.
func (n *Numbering) Count(ppr *ooxml.Node, p Para) (ListItem, bool) {
	numID, ilvl := "", 0
	if st := p.style; st != nil && st.hasNum {
		numID, ilvl = st.numID, st.ilvl
	}
	if np := ppr.Child("numPr"); np != nil {
		if id := np.Child("numId"); id != nil {
			numID = id.Attr("val")
		}
		if l := np.Child("ilvl"); l != nil {
			ilvl, _ = strconv.Atoi(l.Attr("val"))
		}
	}
	return n.next(numID, ilvl)
}

// next counts one numbered paragraph and returns its item; ok is false
// when the numbering is absent, removed (numId 0) or shows nothing.
func (n *Numbering) next(numID string, ilvl int) (ListItem, bool) {
	if numID == "" || numID == "0" || ilvl < 0 || ilvl > 8 {
		return ListItem{}, false
	}
	absID, lv := n.levels(numID)
	if lv == nil || lv[ilvl] == nil {
		return ListItem{}, false
	}
	cur := lv[ilvl]
	if cur.format == "none" || (cur.format != "bullet" && !strings.Contains(cur.text, "%") && strings.TrimSpace(cur.text) == "") {
		return ListItem{}, false
	}
	c := n.counters[absID]
	if c == nil {
		c = &counter{}
		n.counters[absID] = c
	}
	if !n.used[numID] {
		n.used[numID] = true
		ov := n.nums[numID].override
		for i := range 9 {
			if s, ok := ov[i]; ok {
				c.val[i], c.started[i] = s-1, true
				clear(c.started[i+1:])
			}
		}
	}
	start := func(i int) int {
		if lv[i] == nil {
			return 1
		}
		return lv[i].start
	}
	if c.started[ilvl] {
		c.val[ilvl]++
	} else {
		c.val[ilvl], c.started[ilvl] = start(ilvl), true
	}
	clear(c.started[ilvl+1:])
	item := ListItem{Level: ilvl, Bullet: cur.format == "bullet", Number: c.val[ilvl]}
	if item.Bullet {
		return item, true
	}
	item.Label = strings.TrimSpace(label(cur.text, ilvl, lv, c, start))
	if cur.format == "decimal" && (cur.text == "%"+strconv.Itoa(ilvl+1)+"." || cur.text == "%"+strconv.Itoa(ilvl+1)+")") {
		item.Simple, item.Delim = true, cur.text[len(cur.text)-1]
	}
	return item, true
}

// label expands a level text such as "%1.%2." with the counters, each in
// its own level's format.
func label(text string, ilvl int, lv *[9]*level, c *counter, start func(int) int) string {
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] != '%' || i+1 >= len(text) || text[i+1] < '1' || text[i+1] > '9' {
			b.WriteByte(text[i])
			continue
		}
		k := int(text[i+1] - '1')
		i++
		v := c.val[k]
		if !c.started[k] {
			v = start(k) // a level above never counted: Word shows its start
		}
		format := "decimal"
		if lv[k] != nil && !lv[ilvl].legal {
			format = lv[k].format
		}
		b.WriteString(formatNumber(format, v))
	}
	return b.String()
}

// formatNumber writes n in a numFmt; formats a reader rarely meets fall
// back to decimal.
func formatNumber(format string, n int) string {
	switch format {
	case "decimalZero":
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "lowerLetter", "upperLetter":
		if n < 1 || n > 26*10 {
			break
		}
		// Word's letters repeat past z: a…z, aa…zz, aaa…
		s := strings.Repeat(string(rune('a'+(n-1)%26)), (n-1)/26+1)
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman", "upperRoman":
		if n < 1 || n > 3999 {
			break
		}
		s := roman(n)
		if format == "lowerRoman" {
			s = strings.ToLower(s)
		}
		return s
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
