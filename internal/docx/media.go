package docx

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/cchc-vn/cchc/internal/viet"
)

// drawing reads a w:drawing: a picture becomes an image segment; a chart,
// a SmartArt diagram or a shape is counted, and the text of a text box
// goes after the paragraph.
func (in *inline) drawing(d *node, props runProps) error {
	for _, frame := range d.kids {
		if frame.local != "inline" && frame.local != "anchor" {
			continue
		}
		data := frame.find("graphicData")
		if blip := data.find("blip"); blip != nil {
			doc := frame.child("docPr")
			alt := strings.TrimSpace(doc.attr("descr"))
			if alt == "" {
				alt = strings.TrimSpace(doc.attr("title"))
			}
			id := blip.attr("embed")
			if id == "" {
				if blip.attr("link") != "" {
					in.rd.count.linkedImages++
				}
				continue
			}
			in.image(id, alt, props)
			continue
		}
		uri := data.attr("uri")
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
func (in *inline) vml(v *node, props runProps) error {
	if v.local == "object" {
		in.rd.count.oleObjects++
	}
	if img := v.find("imagedata"); img != nil {
		if id := img.attr("id"); id != "" {
			in.image(id, strings.TrimSpace(img.attr("title")), props)
			return nil
		}
	}
	return in.textBoxes(v)
}

// textBoxes reads the paragraphs of the text boxes below n into floats;
// a shape without text is counted.
func (in *inline) textBoxes(n *node) error {
	var boxes []*node
	var find func(*node)
	find = func(n *node) {
		for _, k := range n.kids {
			if k.isW("txbxContent") {
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
func (in *inline) image(id, alt string, props runProps) {
	rd := in.rd
	r, ok := rd.rels[id]
	if !ok {
		return
	}
	if r.external {
		rd.count.linkedImages++
		return
	}
	img, seen := rd.images[r.target]
	if !seen {
		img = rd.loadImage(r.target)
		rd.images[r.target] = img
	}
	if img == nil {
		return
	}
	seg := Segment{Image: img}
	seg.Alt, seg.AltAuto = describe(alt)
	in.add(seg, runProps{})
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
	data, err := rd.pkg.part(part, rd.pkg.lim.Image)
	name := path.Base(part)
	if tb, ok := errors.AsType[*partTooBig](err); ok {
		rd.count.imageSkipped = append(rd.count.imageSkipped,
			fmt.Sprintf("ảnh %s lớn hơn %s, vượt giới hạn của một ảnh, không được chép", name, mb(tb.max)))
		return nil
	}
	if err != nil || data == nil {
		return nil
	}
	ext, kind := sniffImage(data)
	if ext == "" {
		rd.count.imageSkipped = append(rd.count.imageSkipped,
			fmt.Sprintf("ảnh %s dạng %s không hiện được trên trình duyệt, không được chép", name, kind))
		return nil
	}
	return &Image{Part: part, Data: data, Ext: ext}
}

// sniffImage tells an image's type from its first bytes: the extension
// to give it when a browser shows it, else "" and the format's name.
func sniffImage(b []byte) (ext, kind string) {
	switch {
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return ".png", "PNG"
	case bytes.HasPrefix(b, []byte("\xFF\xD8\xFF")):
		return ".jpg", "JPEG"
	case bytes.HasPrefix(b, []byte("GIF87a")), bytes.HasPrefix(b, []byte("GIF89a")):
		return ".gif", "GIF"
	case len(b) >= 12 && bytes.Equal(b[:4], []byte("RIFF")) && bytes.Equal(b[8:12], []byte("WEBP")):
		return ".webp", "WebP"
	case bytes.HasPrefix(b, []byte("BM")) && len(b) > 26:
		return ".bmp", "BMP"
	case len(b) > 44 && bytes.Equal(b[40:44], []byte(" EMF")):
		return "", "EMF"
	case bytes.HasPrefix(b, []byte("\xD7\xCD\xC6\x9A")), bytes.HasPrefix(b, []byte("\x01\x00\x09\x00")), bytes.HasPrefix(b, []byte("\x02\x00\x09\x00")):
		return "", "WMF"
	case bytes.HasPrefix(b, []byte("II*\x00")), bytes.HasPrefix(b, []byte("MM\x00*")):
		return "", "TIFF"
	}
	head := strings.ToLower(string(b[:min(len(b), 512)]))
	if strings.Contains(head, "<svg") {
		return ".svg", "SVG"
	}
	return "", "không rõ"
}
