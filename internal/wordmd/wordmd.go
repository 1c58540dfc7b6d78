// Package wordmd writes the blocks of a Word document (internal/docx) as
// the Markdown body of a page: headings from ## down (the page's title is
// its only h1), Word's lists as Markdown lists where Markdown can number
// them and as Word shows them where it cannot, tables as GFM tables,
// links, footnotes and images. Every paragraph is parsed back with
// goldmark and must show the same characters with the same emphasis and
// links; when it does not, emphasis, then links, are given up, never
// text. Each note on what was changed points at the line it is about.
package wordmd

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/cchc-vn/cchc/internal/docx"
	"github.com/cchc-vn/cchc/internal/viet"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// ImagePlaceholder is the description written for an image that has none:
// `cchc check` reports it until the editor writes one.
const ImagePlaceholder = "CẦN MÔ TẢ ẢNH"

// Body is the Markdown of a document's blocks.
type Body struct {
	Text  string // without a final newline
	Files []File // the images it shows, named for the bundle
	Notes []Note
}

// File is an image of the document, named for the page's folder
// ("anh-1.png").
type File struct {
	Name string
	Data []byte
}

// Note says what was changed or dropped, and how to fix it, in
// Vietnamese; Line is the line of Body.Text it is about, from 1, or 0 for
// the whole document.
type Note struct {
	Line      int
	What, Fix string
}

// writer holds the work of writing one document.
type writer struct {
	parser     parser.Parser
	names      map[*docx.Image]string
	files      []File
	anchors    map[string]string // bookmark → heading id
	scriptKept int
}

// Write writes blocks, then the footnotes' definitions.
func Write(blocks []docx.Block, footnotes [][]docx.Block) *Body {
	imp := &writer{
		parser: goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote)).Parser(),
		names:  map[*docx.Image]string{},
	}
	imp.anchors = imp.headingIDs(blocks)
	w := &body{imp: imp, line: 1, levels: headingLevels(blocks)}
	w.blocks(blocks)
	w.footnotes(footnotes)
	out := &Body{Text: strings.TrimSpace(w.b.String()), Files: imp.files}
	for _, n := range w.notes {
		out.Notes = append(out.Notes, Note{Line: n.line, What: n.what, Fix: n.fix})
	}
	if imp.scriptKept > 0 {
		out.Notes = append(out.Notes, Note{What: fmt.Sprintf("%d đoạn chữ nhỏ trên, dưới dòng (chỉ số trên, chỉ số dưới) không có chữ Unicode tương ứng nên được giữ như chữ thường", imp.scriptKept), Fix: "sửa lại nếu cần"})
	}
	return out
}

// imageName names an image for the bundle the first time it is written:
// anh-1.png, anh-2.jpg… in the order of the text.
func (imp *writer) imageName(img *docx.Image) string {
	if name, ok := imp.names[img]; ok {
		return name
	}
	name := "anh-" + strconv.Itoa(len(imp.files)+1) + img.Ext
	imp.names[img] = name
	imp.files = append(imp.files, File{Name: name, Data: img.Data})
	return name
}

// resolve settles the images and links of a paragraph before it is
// written: an image without a description gets ImagePlaceholder; a link
// the site cannot keep (a file on the author's computer, a script, a
// bookmark that is no heading) is dropped, its text kept.
func (imp *writer) resolve(as []atom) ([]atom, []docx.Note) {
	var notes []docx.Note
	for i := range as {
		a := &as[i]
		if a.kind == atomImage {
			name := imp.imageName(a.img)
			switch {
			case a.alt == "":
				a.alt = ImagePlaceholder
				notes = append(notes, docx.Note{What: fmt.Sprintf("ảnh %s chưa có mô tả (Alt Text)", name),
					Fix: fmt.Sprintf("thay «%s» bằng một câu tả nội dung ảnh cho người dùng trình đọc màn hình", ImagePlaceholder)})
			case a.altAuto:
				notes = append(notes, docx.Note{What: fmt.Sprintf("mô tả của ảnh %s do Word tự sinh: %q", name, viet.Cut(a.alt, 60)),
					Fix: "viết lại mô tả cho đúng nội dung ảnh"})
			}
		}
		if a.link == "" {
			continue
		}
		link, why := imp.linkTarget(a.link)
		if why != "" && (i == 0 || as[i-1].link != a.link) {
			notes = append(notes, docx.Note{What: why, Fix: "thêm lại liên kết bằng [chữ](địa chỉ) nếu cần"})
		}
		old := a.link
		for j := i; j < len(as) && as[j].link == old; j++ {
			as[j].link = link
		}
	}
	return as, notes
}

// linkTarget is the link the page keeps for a Word hyperlink, or "" and
// why it is dropped.
func (imp *writer) linkTarget(target string) (string, string) {
	if name, ok := strings.CutPrefix(target, "#"); ok {
		if id, ok := imp.anchors[name]; ok {
			return "#" + id, ""
		}
		return "", fmt.Sprintf("liên kết tới dấu trang %q trong tài liệu Word bị bỏ, giữ chữ", name)
	}
	u, err := url.Parse(strings.TrimSpace(target))
	scheme := ""
	if err == nil {
		scheme = strings.ToLower(u.Scheme)
	}
	switch scheme {
	case "http", "https", "mailto", "tel", "ftp":
		return strings.TrimSpace(target), ""
	case "file", "":
		return "", fmt.Sprintf("liên kết tới tệp trên máy tính (%s) bị bỏ, giữ chữ: người đọc không mở được", viet.Cut(target, 60))
	}
	if len(scheme) == 1 {
		return "", fmt.Sprintf("liên kết tới tệp trên máy tính (%s) bị bỏ, giữ chữ: người đọc không mở được", viet.Cut(target, 60))
	}
	return "", fmt.Sprintf("liên kết %q không an toàn nên bị bỏ, giữ chữ", viet.Cut(target, 60))
}

// headingIDs gives the bookmarks on headings the id the site gives the
// heading: the slug of its visible text, numbered when repeated, as
// internal/markdown makes them.
func (imp *writer) headingIDs(blocks []docx.Block) map[string]string {
	out := map[string]string{}
	used := map[string]bool{}
	kept := imp.scriptKept
	defer func() { imp.scriptKept = kept }() // counted when the heading is written
	for _, b := range blocks {
		p, ok := b.(*docx.Paragraph)
		if !ok || (p.Heading == 0 && !p.Title) {
			continue
		}
		var text strings.Builder
		text.WriteString(headingLabel(p))
		for _, a := range imp.atoms(p.Segments, inHeading) {
			if a.kind == atomText {
				text.WriteString(a.text)
			}
		}
		base := viet.Slug(text.String())
		if base == "" {
			base = "muc"
		}
		id := base
		for n := 1; used[id]; n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		used[id] = true
		for _, name := range p.Bookmarks {
			out[name] = id
		}
	}
	return out
}

// headingLevels maps the heading levels a document uses to Markdown's:
// the page's title is its only h1, so the outermost becomes ## and the
// others follow in order, ###### at most.
func headingLevels(blocks []docx.Block) map[int]int {
	var used []int
	for _, b := range blocks {
		if p, ok := b.(*docx.Paragraph); ok && p.Heading > 0 && !slices.Contains(used, p.Heading) {
			used = append(used, p.Heading)
		}
	}
	slices.Sort(used)
	out := map[int]int{}
	for i, l := range used {
		out[l] = min(i+2, 6)
	}
	return out
}
