// Package ooxml reads the zip package of an Office Open XML document (a
// .docx) within limits: it sniffs what the file really is and refuses
// what cchc cannot read with a Vietnamese message, reads parts whole but
// never past their limit whatever their headers claim, resolves
// relationships, and parses XML parts into a small tree whose depth and
// size are bounded. A zip bomb, an endless nesting or a corrupt file ends
// with a message, never a hang or an exhausted memory.
package ooxml

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Limits bound the work of reading one document, so that a hostile or
// broken file (a zip bomb, an endless nesting of tables) ends with a
// message instead of a hang or an exhausted memory. Zero fields take the
// value of DefaultLimits.
type Limits struct {
	File       int64 // bytes of the .docx itself
	Entries    int   // files inside the zip
	Part       int64 // uncompressed bytes of one XML part
	Image      int64 // uncompressed bytes of one image
	Total      int64 // uncompressed bytes read from the zip, all entries
	XMLDepth   int   // nesting of XML elements
	XMLNodes   int   // elements of one XML part
	TableDepth int   // tables inside tables
}

// DefaultLimits are far above any administrative document (a 300-page
// report is about 2 MB of XML and 100,000 elements) and low enough that
// the worst file under them reads in seconds and a few hundred MB.
func DefaultLimits() Limits {
	return Limits{
		File:       100 << 20,
		Entries:    5000,
		Part:       32 << 20,
		Image:      20 << 20,
		Total:      256 << 20,
		XMLDepth:   200,
		XMLNodes:   1_000_000,
		TableDepth: 8,
	}
}

// WithDefaults fills the zero fields of l from DefaultLimits.
func (l Limits) WithDefaults() Limits {
	d := DefaultLimits()
	pick := func(v, def int64) int64 {
		if v <= 0 {
			return def
		}
		return v
	}
	pickInt := func(v, def int) int {
		if v <= 0 {
			return def
		}
		return v
	}
	return Limits{
		File:       pick(l.File, d.File),
		Entries:    pickInt(l.Entries, d.Entries),
		Part:       pick(l.Part, d.Part),
		Image:      pick(l.Image, d.Image),
		Total:      pick(l.Total, d.Total),
		XMLDepth:   pickInt(l.XMLDepth, d.XMLDepth),
		XMLNodes:   pickInt(l.XMLNodes, d.XMLNodes),
		TableDepth: pickInt(l.TableDepth, d.TableDepth),
	}
}

// Refusal is a file that cannot be read, with what is wrong and how the
// editor fixes it, both in Vietnamese.
type Refusal struct {
	What, Fix string
}

func (r *Refusal) Error() string { return r.What + " — " + r.Fix }

// Refuse makes a Refusal of a message and its fix.
func Refuse(fix, format string, args ...any) error {
	return &Refusal{What: fmt.Sprintf(format, args...), Fix: fix}
}

// ResaveFix is the way out of every file Word can read but cchc cannot.
const ResaveFix = "mở tệp bằng Word và lưu lại dạng .docx (Tệp → Lưu thành → Tài liệu Word)"

// TooBigFix is the way out of a document over a limit.
const TooBigFix = "tách tài liệu thành nhiều tệp nhỏ hơn, hoặc xóa bớt ảnh rồi lưu lại"

// Package is the zip package of a document, read within its limits.
type Package struct {
	files map[string]*zip.File // by part name, lower case, no leading /
	Lim   Limits
	read  int64 // uncompressed bytes read so far
}

var (
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	zipMagic = []byte("PK\x03\x04")
)

// Open checks what kind of file r holds and opens it as a zip. Anything
// else gets a refusal naming what the file is. lim must be complete
// (WithDefaults).
func Open(r io.ReaderAt, size int64, lim Limits) (*Package, error) {
	if size > lim.File {
		return nil, Refuse(TooBigFix, "tệp lớn %s, vượt giới hạn %s của một tài liệu", MB(size), MB(lim.File))
	}
	head := make([]byte, 512)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	switch {
	case n == 0:
		return nil, Refuse("chọn đúng tệp tài liệu Word (.docx)", "tệp rỗng")
	case bytes.HasPrefix(head, oleMagic):
		if encrypted(r, size) {
			return nil, Refuse("mở tệp bằng Word, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ tài liệu → Mã hóa bằng mật khẩu, xóa mật khẩu rồi bấm OK), rồi "+ResaveFix,
				"tệp .docx được đặt mật khẩu nên không đọc được nội dung")
		}
		return nil, Refuse(ResaveFix, "tệp là tài liệu Word 97–2003 (.doc), cchc chỉ đọc được .docx")
	case bytes.HasPrefix(head, []byte(`{\rtf`)):
		return nil, Refuse(ResaveFix, "tệp là văn bản RTF, không phải .docx")
	case looksLikeHTML(head):
		return nil, Refuse(ResaveFix, "tệp là trang web (HTML, MHT) được đặt tên như tài liệu Word, không phải .docx")
	case !bytes.HasPrefix(head, zipMagic):
		return nil, Refuse("chọn đúng tệp tài liệu Word (.docx); nếu tệp mở được bằng Word thì "+ResaveFix,
			"tệp không phải tài liệu Word (.docx)")
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, Refuse(ResaveFix, "tệp .docx bị hỏng, không đọc được (%v)", zipReason(err))
	}
	if len(zr.File) > lim.Entries {
		return nil, Refuse(TooBigFix, "tệp .docx chứa %d tệp con, vượt giới hạn %d", len(zr.File), lim.Entries)
	}
	p := &Package{files: make(map[string]*zip.File, len(zr.File)), Lim: lim}
	for _, f := range zr.File {
		p.files[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = f
	}
	return p, nil
}

func zipReason(err error) string {
	if errors.Is(err, zip.ErrFormat) {
		return "cấu trúc zip sai"
	}
	return err.Error()
}

// encrypted reports whether an OLE compound file holds an
// "EncryptedPackage" stream: Word's password-protected .docx. The name
// sits in a directory sector, in UTF-16LE; the file is at most lim.File.
func encrypted(r io.ReaderAt, size int64) bool {
	name := []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")
	buf := make([]byte, 1<<16)
	for off := int64(0); off < size; off += int64(len(buf) - len(name)) {
		n, _ := r.ReadAt(buf, off)
		if bytes.Contains(buf[:n], name) {
			return true
		}
		if n < len(buf) {
			break
		}
	}
	return false
}

func looksLikeHTML(head []byte) bool {
	s := strings.ToLower(string(bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")))
	return strings.HasPrefix(s, "<html") || strings.HasPrefix(s, "<!doctype html") ||
		strings.HasPrefix(s, "mime-version:") || (strings.HasPrefix(s, "<?xml") && strings.Contains(s, "<html"))
}

// Has reports whether the package holds a part.
func (p *Package) Has(name string) bool {
	_, ok := p.files[strings.ToLower(name)]
	return ok
}

// Part reads one part whole, at most max bytes uncompressed, whatever its
// header claims (a zip bomb lies there). A missing part gives nil, nil.
func (p *Package) Part(name string, max int64) ([]byte, error) {
	f, ok := p.files[strings.ToLower(name)]
	if !ok {
		return nil, nil
	}
	if budget := p.Lim.Total - p.read; budget < max {
		max = budget
	}
	rc, err := f.Open()
	if err != nil {
		return nil, Refuse(ResaveFix, "phần %s của tệp .docx bị hỏng (%v)", name, zipReason(err))
	}
	defer rc.Close()
	var buf bytes.Buffer
	// The header's size is only a hint, trusted neither past max nor past
	// what its compressed size can hold: it saves growing the buffer for
	// an image, and a lying header costs no memory.
	buf.Grow(int(min(int64(f.UncompressedSize64), max, int64(f.CompressedSize64)*32+4096)))
	n, err := io.Copy(&buf, io.LimitReader(rc, max+1))
	p.read += n
	if err != nil {
		return nil, Refuse(ResaveFix, "phần %s của tệp .docx bị hỏng (%v)", name, zipReason(err))
	}
	if n > max {
		if p.read > p.Lim.Total {
			return nil, Refuse(TooBigFix, "tệp .docx giải nén ra hơn %s, vượt giới hạn (có thể là tệp nén độc hại)", MB(p.Lim.Total))
		}
		return nil, &PartTooBig{Name: name, Max: max}
	}
	return buf.Bytes(), nil
}

// PartTooBig is one part over its own limit: an XML part ends the
// import, an image is only left out.
type PartTooBig struct {
	Name string
	Max  int64
}

func (e *PartTooBig) Error() string {
	return fmt.Sprintf("phần %s của tệp .docx lớn hơn %s", e.Name, MB(e.Max))
}

// XMLPart reads and parses an XML part; a missing part gives nil, nil.
func (p *Package) XMLPart(name string) (*Node, error) {
	data, err := p.Part(name, p.Lim.Part)
	if tb, ok := errors.AsType[*PartTooBig](err); ok {
		return nil, Refuse(TooBigFix, "phần %s của tài liệu giải nén ra hơn %s, vượt giới hạn", tb.Name, MB(tb.Max))
	}
	if err != nil || data == nil {
		return nil, err
	}
	root, err := parseXML(data, p.Lim)
	if err != nil {
		return nil, Refuse(ResaveFix, "phần %s của tệp .docx không đọc được: %v", name, err)
	}
	return root, nil
}

// Rel is one relationship of a part: an image, a link, the footnotes.
type Rel struct {
	Type     string // the last segment of the type URI: "image", "hyperlink"
	Target   string // a part name when internal, else the URL as written
	External bool
}

// Rels reads the relationships of part (word/document.xml reads
// word/_rels/document.xml.rels). Targets of internal ones are resolved to
// part names; one that climbs out of the package is dropped.
func (p *Package) Rels(part string) (map[string]Rel, error) {
	dir, file := path.Split(part)
	root, err := p.XMLPart(dir + "_rels/" + file + ".rels")
	if err != nil || root == nil {
		return map[string]Rel{}, err
	}
	out := map[string]Rel{}
	for _, r := range root.All("Relationship") {
		id, target := r.Attr("Id"), r.Attr("Target")
		typ := r.Attr("Type")
		typ = typ[strings.LastIndexByte(typ, '/')+1:]
		if strings.EqualFold(r.Attr("TargetMode"), "External") {
			out[id] = Rel{Type: typ, Target: target, External: true}
			continue
		}
		name := target
		if strings.HasPrefix(target, "/") {
			name = path.Clean(target[1:])
		} else {
			name = path.Clean(dir + target)
		}
		if name == ".." || strings.HasPrefix(name, "../") {
			continue
		}
		out[id] = Rel{Type: typ, Target: name}
	}
	return out, nil
}

// MB writes a size for an editor: "20 MB", "1,5 MB", "300 KB".
func MB(n int64) string {
	switch {
	case n >= 10<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/(1<<20)), ".", ",", 1)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d byte", n)
}

// MainPart finds the document part: the package's officeDocument
// relationship, else word/document.xml. Another Office file or an .odt is
// refused by name.
func (p *Package) MainPart() (string, error) {
	if mt, _ := p.Part("mimetype", 200); strings.Contains(string(mt), "opendocument") {
		return "", Refuse("mở tệp bằng LibreOffice Writer, chọn Tệp → Lưu thành, kiểu tệp «Word 2007–365 (.docx)», rồi nhập tệp .docx đó",
			"tệp là tài liệu OpenDocument (.odt), cchc chỉ đọc được .docx")
	}
	rels, err := p.Rels("")
	if err != nil {
		return "", err
	}
	for _, r := range rels {
		if r.Type == "officeDocument" && !r.External && p.Has(r.Target) {
			if !strings.HasPrefix(strings.ToLower(r.Target), "word/") {
				break
			}
			return r.Target, nil
		}
	}
	switch {
	case p.Has("word/document.xml"):
		return "word/document.xml", nil
	case p.Has("xl/workbook.xml"):
		return "", Refuse("chép bảng sang Word và lưu thành .docx, hoặc đính kèm tệp Excel vào bài", "tệp là bảng tính Excel, không phải tài liệu Word")
	case p.Has("ppt/presentation.xml"):
		return "", Refuse("lưu nội dung sang Word (.docx), hoặc đính kèm tệp vào bài", "tệp là bản trình chiếu PowerPoint, không phải tài liệu Word")
	}
	return "", Refuse(ResaveFix, "tệp nén không chứa tài liệu Word (thiếu word/document.xml)")
}

// SniffImage tells an image's type from its first bytes: the extension
// to give it when a browser shows it, else "" and the format's name.
func SniffImage(b []byte) (ext, kind string) {
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
