package ooxml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/unicode"
)

// Node is one XML element. Names keep their namespace URI, so that w:t
// (text) is told from m:t (math) whatever prefix the writer chose. Only
// the text of the elements that carry document text is kept.
type Node struct {
	Space, Local string
	Attrs        []xml.Attr
	Kids         []*Node
	Text         string
}

// Namespaces of WordprocessingML, transitional and strict.
const (
	NSW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	NSWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
)

// textElements are the elements whose character data is document text.
var textElements = map[string]bool{"t": true, "instrText": true, "delText": true, "title": true, "description": true}

// parseXML reads an XML part into a tree within lim: nesting deeper than
// XMLDepth or more than XMLNodes elements is an error, never a stack or
// memory exhausted. encoding/xml expands no custom entity and reads no
// DTD, so an entity bomb is only a syntax error.
func parseXML(data []byte, lim Limits) (*Node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-16", "utf-16le", "utf-16be":
			return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Reader(r), nil
		}
		return nil, fmt.Errorf("bảng mã %q không được hỗ trợ", label)
	}
	root := &Node{}
	stack := []*Node{root}
	count := 0
	names := map[string]string{} // interned names: a part repeats a few dozen
	intern := func(s string) string {
		if v, ok := names[s]; ok {
			return v
		}
		names[s] = s
		return s
	}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("XML sai cú pháp: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			count++
			if count > lim.XMLNodes {
				return nil, fmt.Errorf("hơn %d phần tử XML, vượt giới hạn", lim.XMLNodes)
			}
			if len(stack) > lim.XMLDepth {
				return nil, fmt.Errorf("các phần tử XML lồng nhau sâu hơn %d mức, vượt giới hạn", lim.XMLDepth)
			}
			n := &Node{Space: intern(t.Name.Space), Local: intern(t.Name.Local), Attrs: keepAttrs(t.Attr)}
			parent := stack[len(stack)-1]
			parent.Kids = append(parent.Kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if top := stack[len(stack)-1]; textElements[top.Local] {
				top.Text += string(t)
			}
		}
	}
	if len(root.Kids) == 0 {
		return nil, errors.New("không có phần tử nào")
	}
	return root.Kids[0], nil
}

// keepAttrs drops the revision ids Word puts on every paragraph and run
// (w:rsidR…, w14:paraId): a third of a part's attributes, read by no one.
func keepAttrs(attrs []xml.Attr) []xml.Attr {
	out := attrs[:0]
	for _, a := range attrs {
		if strings.HasPrefix(a.Name.Local, "rsid") || a.Name.Local == "paraId" || a.Name.Local == "textId" {
			continue
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// IsW reports whether n is the WordprocessingML element local.
func (n *Node) IsW(local string) bool {
	return n != nil && n.Local == local && (n.Space == NSW || n.Space == NSWStrict)
}

// Attr returns the value of the attribute with this local name, whatever
// its namespace ("" when absent). Word's attributes are w:val, r:id…;
// their local names do not collide on one element.
func (n *Node) Attr(local string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// HasAttr reports whether the attribute is present at all.
func (n *Node) HasAttr(local string) bool {
	if n == nil {
		return false
	}
	for _, a := range n.Attrs {
		if a.Name.Local == local {
			return true
		}
	}
	return false
}

// Child returns the first child element named local (any namespace).
func (n *Node) Child(local string) *Node {
	if n == nil {
		return nil
	}
	for _, k := range n.Kids {
		if k.Local == local {
			return k
		}
	}
	return nil
}

// All returns the children named local.
func (n *Node) All(local string) []*Node {
	if n == nil {
		return nil
	}
	var out []*Node
	for _, k := range n.Kids {
		if k.Local == local {
			out = append(out, k)
		}
	}
	return out
}

// Find returns the first descendant named local, depth first.
func (n *Node) Find(local string) *Node {
	if n == nil {
		return nil
	}
	for _, k := range n.Kids {
		if k.Local == local {
			return k
		}
		if f := k.Find(local); f != nil {
			return f
		}
	}
	return nil
}

// Val is the w:val of the child named local, "" when absent.
func (n *Node) Val(local string) string { return n.Child(local).Attr("val") }

// Flag reads an on/off property such as <w:b/>, <w:b w:val="0"/>: set
// reports whether the element is there at all.
func (n *Node) Flag(local string) (on, set bool) {
	c := n.Child(local)
	if c == nil {
		return false, false
	}
	switch c.Attr("val") {
	case "0", "false", "off", "none":
		return false, true
	}
	return true, true
}

// AllText concatenates the text of every w:t below n.
func (n *Node) AllText() string {
	var b strings.Builder
	var walk func(*Node)
	walk = func(n *Node) {
		for _, k := range n.Kids {
			if k.IsW("t") {
				b.WriteString(k.Text)
			}
			walk(k)
		}
	}
	walk(n)
	return b.String()
}
