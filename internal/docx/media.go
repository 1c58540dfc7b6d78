package docx

import (
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/cchc-vn/cchc/internal/ooxml"
	"github.com/cchc-vn/cchc/internal/viet"
	"github.com/cchc-vn/cchc/internal/wordstyle"
)

// drawing reads a w:drawing: a picture becomes an image segment; a chart,
// a SmartArt diagram or a shape is counted, and the text of a text box
// goes after the paragraph.
func (in *inline) drawing(d *ooxml.Node, props wordstyle.RunProps) error {
	for _, frame := range d.Kids {
		if frame.Local != "inline" && frame.Local != "anchor" {
			continue
		}
		data := frame.Find("graphicData")
		if blip := data.Find("blip"); blip != nil {
			doc := frame.Child("docPr")
			alt := strings.TrimSpace(doc.Attr("descr"))
			if alt == "" {
				alt = strings.TrimSpace(doc.Attr("title"))
			}
			id := blip.Attr("embed")
			if id == "" {
				if blip.Attr("link") != "" {
					in.rd.count.linkedImages++
				}
				continue
			}
			in.image(id, alt, props)
			continue
		}
		uri := data.Attr("uri")
		switch {
		case strings.HasSuffix(uri, "/chart"), strings.Contains(uri, "chartex"):
			in.rd.count.charts++
		case strings.HasSuffix(uri, "/diagram"):
			in.rd.count.smartArt++
		default:
			if err := in.textBoxes(data); err != nil {
				return err
			}
		}
	}
	return nil
}

// vml reads the older drawing forms: w:pict (VML shapes and pictures)
// and w:object (an embedded OLE object with a preview picture).
func (in *inline) vml(v *ooxml.Node, props wordstyle.RunProps) error {
	if v.Local == "object" {
		in.rd.count.oleObjects++
	}
	if img := v.Find("imagedata"); img != nil {
		if id := img.Attr("id"); id != "" {
			in.image(id, strings.TrimSpace(img.Attr("title")), props)
			return nil
		}
	}
	return in.textBoxes(v)
}

// textBoxes reads the paragraphs of the text boxes below n into floats;
// a shape without text is counted.
func (in *inline) textBoxes(n *ooxml.Node) error {
	var boxes []*ooxml.Node
	var find func(*ooxml.Node)
	find = func(n *ooxml.Node) {
		for _, k := range n.Kids {
			if k.IsW("txbxContent") {
				boxes = append(boxes, k)
				continue
			}
			find(k)
		}
	}
	find(n)
	if len(boxes) == 0 {
		in.rd.count.shapes++
		return nil
	}
	for _, b := range boxes {
		blocks, err := in.rd.blocks(b)
		if err != nil {
			return err
		}
		if len(blocks) > 0 {
			in.rd.count.textBoxes++
			in.floats = append(in.floats, blocks...)
		}
	}
	return nil
}

// image adds the picture of relationship id, reading it once per
// document. A picture browsers cannot show (EMF, WMF, TIFF) or over the
// image limit is left out with a note.
func (in *inline) image(id, alt string, props wordstyle.RunProps) {
	rd := in.rd
	r, ok := rd.rels[id]
	if !ok {
		return
	}
	if r.External {
		rd.count.linkedImages++
		return
	}
	img, seen := rd.images[r.Target]
	if !seen {
		img = rd.loadImage(r.Target)
		rd.images[r.Target] = img
	}
	if img == nil {
		return
	}
	seg := Segment{Image: img}
	seg.Alt, seg.AltAuto = describe(alt)
	in.add(seg, wordstyle.RunProps{})
}

// describe cleans a picture description: a file name ("image1.png") is
// no description, and one Word wrote by itself is marked.
func describe(alt string) (string, bool) {
	alt = strings.Join(strings.Fields(viet.NFC(alt)), " ")
	switch strings.ToLower(path.Ext(alt)) {
	case ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".emf", ".wmf", ".tif", ".tiff":
		return "", false
	}
	folded := viet.Fold(alt)
	auto := strings.Contains(folded, "description automatically generated") ||
		strings.Contains(folded, "mo ta duoc tao tu dong") || strings.Contains(folded, "mo ta tu dong")
	return alt, auto
}

// loadImage reads an image part and tells its type from its bytes.
func (rd *reader) loadImage(part string) *Image {
	data, err := rd.pkg.Part(part, rd.pkg.Lim.Image)
	name := path.Base(part)
	if tb, ok := errors.AsType[*ooxml.PartTooBig](err); ok {
		rd.count.imageSkipped = append(rd.count.imageSkipped,
			fmt.Sprintf("ảnh %s lớn hơn %s, vượt giới hạn của một ảnh, không được chép", name, ooxml.MB(tb.Max)))
		return nil
	}
	if err != nil || data == nil {
		return nil
	}
	ext, kind := ooxml.SniffImage(data)
	if ext == "" {
		rd.count.imageSkipped = append(rd.count.imageSkipped,
			fmt.Sprintf("ảnh %s dạng %s không hiện được trên trình duyệt, không được chép", name, kind))
		return nil
	}
	return &Image{Part: part, Data: data, Ext: ext}
}
