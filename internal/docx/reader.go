package docx

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/cchc-vn/cchc/internal/ooxml"
	"github.com/cchc-vn/cchc/internal/viet"
	"github.com/cchc-vn/cchc/internal/wordstyle"
)

// reader holds what reading one document needs and counts what it
// leaves out, for the notes.
type reader struct {
	pkg    *ooxml.Package
	styles *wordstyle.Styles
	num    *wordstyle.Numbering
	part   string               // the part being read: the document, or the notes
	rels   map[string]ooxml.Rel // of part
	images map[string]*Image

	notes      map[string]*ooxml.Node // footnotes and endnotes by "footnotes:1"
	noteRels   map[string]map[string]ooxml.Rel
	footnotes  [][]Block
	noteNumber map[string]int
	inNote     bool

	fields     []field // complex fields open, innermost last
	inTOC      bool    // the current paragraph lies in a table of contents
	tableDepth int

	count counts
}

// counts are what the document held that the model leaves out or changed.
type counts struct {
	comments, deleted, hidden, tocs, charts, smartArt, shapes, textBoxes int
	oleObjects, math, altChunks, symbols, linkedImages, underline        int
	imageSkipped                                                         []string
	legacyFonts                                                          map[string]int // font → runs converted
	mojibake                                                             int
}

func newReader(p *ooxml.Package, main string) (*reader, error) {
	rels, err := p.Rels(main)
	if err != nil {
		return nil, err
	}
	rd := &reader{pkg: p, part: main, rels: rels, images: map[string]*Image{},
		notes: map[string]*ooxml.Node{}, noteRels: map[string]map[string]ooxml.Rel{}, noteNumber: map[string]int{}}
	rd.count.legacyFonts = map[string]int{}
	var stylesRoot, numRoot *ooxml.Node
	for _, id := range slices.Sorted(maps.Keys(rels)) {
		r := rels[id]
		if r.External {
			continue
		}
		switch r.Type {
		case "styles":
			if stylesRoot, err = p.XMLPart(r.Target); err != nil {
				return nil, err
			}
		case "numbering":
			if numRoot, err = p.XMLPart(r.Target); err != nil {
				return nil, err
			}
		case "footnotes", "endnotes":
			if err := rd.loadNotes(r.Type, r.Target); err != nil {
				return nil, err
			}
		}
	}
	rd.styles = wordstyle.ReadStyles(stylesRoot)
	rd.num = wordstyle.ReadNumbering(numRoot, rd.styles)
	return rd, nil
}

// loadNotes indexes footnotes.xml or endnotes.xml; a note is read when
// the text first refers to it.
func (rd *reader) loadNotes(kind, part string) error {
	root, err := rd.pkg.XMLPart(part)
	if err != nil || root == nil {
		return err
	}
	rels, err := rd.pkg.Rels(part)
	if err != nil {
		return err
	}
	rd.noteRels[kind] = rels
	for _, n := range root.Kids {
		if n.Local != "footnote" && n.Local != "endnote" {
			continue
		}
		if t := n.Attr("type"); t == "separator" || t == "continuationSeparator" || t == "continuationNotice" {
			continue
		}
		rd.notes[kind+":"+n.Attr("id")] = n
	}
	return nil
}

// document reads the main part.
func (rd *reader) document(main string) (*Document, error) {
	root, err := rd.pkg.XMLPart(main)
	if err != nil {
		return nil, err
	}
	body := root.Child("body")
	if root == nil || body == nil {
		return nil, ooxml.Refuse(ooxml.ResaveFix, "tài liệu Word không có phần nội dung (w:body)")
	}
	blocks, err := rd.blocks(body)
	if err != nil {
		return nil, err
	}
	doc := &Document{Blocks: blocks, Footnotes: rd.footnotes}
	doc.HeadingStyles = hasHeadings(blocks)
	doc.Notes = rd.documentNotes()
	doc.Notes = append(doc.Notes, rd.headerFooterNotes()...)
	return doc, nil
}

func hasHeadings(blocks []Block) bool {
	for _, b := range blocks {
		if p, ok := b.(*Paragraph); ok && p.Heading > 0 {
			return true
		}
	}
	return false
}

// noteRef reads the footnote or endnote id the first time the text refers
// to it and returns its number. A reference inside a note is dropped.
func (rd *reader) noteRef(kind, id string) (int, error) {
	key := kind + ":" + id
	if n, ok := rd.noteNumber[key]; ok {
		return n, nil
	}
	src := rd.notes[key]
	if src == nil || rd.inNote {
		return 0, nil
	}
	rd.footnotes = append(rd.footnotes, nil)
	number := len(rd.footnotes)
	rd.noteNumber[key] = number
	savedPart, savedRels, savedFields := rd.part, rd.rels, rd.fields
	rd.part, rd.rels, rd.fields, rd.inNote = kind, rd.noteRels[kind], nil, true
	blocks, err := rd.blocks(src)
	rd.part, rd.rels, rd.fields, rd.inNote = savedPart, savedRels, savedFields, false
	if err != nil {
		return 0, err
	}
	rd.footnotes[number-1] = blocks
	return number, nil
}

// documentNotes turns the counts into notes, in a fixed order.
func (rd *reader) documentNotes() []Note {
	c := rd.count
	var out []Note
	add := func(n int, fix, format string) {
		if n > 0 {
			out = append(out, Note{What: fmt.Sprintf(format, n), Fix: fix})
		}
	}
	for _, font := range slices.Sorted(maps.Keys(c.legacyFonts)) {
		out = append(out, Note{
			What: fmt.Sprintf("%d đoạn chữ dùng phông %s (bảng mã %s) đã được chuyển sang Unicode", c.legacyFonts[font], font, legacyName(font)),
			Fix:  "đọc lại các đoạn đó, nhất là chữ hoa và dấu thanh",
		})
	}
	add(c.mojibake, "đọc lại các đoạn đó", "%d chỗ chữ \"lỗi font\" (chữ TCVN3/VNI gõ trong phông Unicode) đã được chuyển sang Unicode")
	add(c.comments, "", "%d nhận xét (comment) trong tài liệu không được chép")
	add(c.deleted, "đọc lại bài: nếu các sửa đổi chưa được duyệt, sửa trong Word (Xem lại → Chấp nhận/Từ chối) rồi nhập lại",
		"tài liệu còn %d chỗ sửa đổi được theo dõi (Track Changes): đã lấy bản sau khi chấp nhận mọi sửa đổi")
	add(c.hidden, "", "%d đoạn chữ ẩn (Hidden) không được chép")
	add(c.tocs, "trang tự có mục lục theo các tiêu đề, không cần chép", "mục lục của Word (%d dòng) bị bỏ")
	add(c.charts, "chụp ảnh biểu đồ rồi chèn ảnh, hoặc vẽ lại bằng khối ```bieu-do``` (xem hướng dẫn biên tập)", "%d biểu đồ của Word không chép được")
	add(c.smartArt, "chụp ảnh sơ đồ rồi chèn ảnh vào bài", "%d sơ đồ SmartArt không chép được")
	add(c.shapes, "", "%d hình vẽ (Shapes: đường kẻ, khung, mũi tên) không chép được")
	add(c.textBoxes, "kiểm tra vị trí của đoạn đó trong bài", "chữ trong %d hộp văn bản (Text Box) được chép thành đoạn văn ngay sau đoạn chứa hộp")
	add(c.oleObjects, "nếu cần, đính kèm tệp gốc (Excel…) cạnh bài", "%d đối tượng nhúng (OLE: bảng Excel, công thức…) chỉ chép được ảnh xem trước, nếu có")
	add(c.math, "kiểm tra lại các công thức", "%d công thức toán được chép thành chữ thường")
	add(c.altChunks, "chép phần đó vào Word như văn bản thường rồi nhập lại", "%d phần nội dung nhúng (altChunk) không chép được")
	add(c.symbols, "gõ lại các ký hiệu đó bằng chữ Unicode", "%d ký hiệu của phông Symbol/Wingdings không có chữ Unicode tương ứng nên bị bỏ")
	add(c.linkedImages, "chèn ảnh vào tài liệu (Chèn → Ảnh) thay vì liên kết tới tệp, hoặc đặt ảnh cạnh bài", "%d ảnh chỉ được liên kết tới tệp ngoài tài liệu nên không chép được")
	add(c.underline, "nếu cần nhấn mạnh, dùng chữ đậm hoặc nghiêng", "%d đoạn chữ gạch chân được giữ như chữ thường: Markdown không có gạch chân, và trên trang web chữ gạch chân dễ nhầm với liên kết")
	for _, s := range c.imageSkipped {
		out = append(out, Note{What: s, Fix: "lưu ảnh ra tệp PNG hoặc JPG (chuột phải vào ảnh → Lưu thành ảnh), thu nhỏ nếu cần, đặt cạnh bài rồi chèn bằng ![mô tả](ten-anh.png)"})
	}
	return out
}

// headerFooterNotes reports the text of Word's page headers and footers,
// which a web page has no place for.
func (rd *reader) headerFooterNotes() []Note {
	var texts []string
	for _, id := range slices.Sorted(maps.Keys(rd.rels)) {
		r := rd.rels[id]
		if r.External || (r.Type != "header" && r.Type != "footer") {
			continue
		}
		root, err := rd.pkg.XMLPart(r.Target)
		if err != nil || root == nil {
			continue
		}
		if t := strings.Join(strings.Fields(viet.NFC(root.AllText())), " "); t != "" && !slices.Contains(texts, t) {
			texts = append(texts, t)
		}
	}
	if len(texts) == 0 {
		return nil
	}
	excerpt := viet.Cut(strings.Join(texts, " / "), 80)
	return []Note{{What: fmt.Sprintf("đầu trang, chân trang của Word không được chép (%q)", excerpt),
		Fix: "nếu trong đó có thông tin cần cho người đọc, chép vào bài"}}
}
