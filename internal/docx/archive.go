package docx

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

func (l Limits) withDefaults() Limits {
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

func refuse(fix, format string, args ...any) error {
	return &Refusal{What: fmt.Sprintf(format, args...), Fix: fix}
}

// resaveFix is the way out of every file Word can read but cchc cannot.
const resaveFix = "mở tệp bằng Word và lưu lại dạng .docx (Tệp → Lưu thành → Tài liệu Word)"

// tooBigFix is the way out of a document over a limit.
const tooBigFix = "tách tài liệu thành nhiều tệp nhỏ hơn, hoặc xóa bớt ảnh rồi lưu lại"

// pkg is the zip package of a document, read within its limits.
type pkg struct {
	files map[string]*zip.File // by part name, lower case, no leading /
	lim   Limits
	read  int64 // uncompressed bytes read so far
}

var (
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	zipMagic = []byte("PK\x03\x04")
)

// openPackage checks what kind of file r holds and opens it as a zip.
// Anything else gets a refusal naming what the file is.
func openPackage(r io.ReaderAt, size int64, lim Limits) (*pkg, error) {
	if size > lim.File {
		return nil, refuse(tooBigFix, "tệp lớn %s, vượt giới hạn %s của một tài liệu", mb(size), mb(lim.File))
	}
	head := make([]byte, 512)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	switch {
	case n == 0:
		return nil, refuse("chọn đúng tệp tài liệu Word (.docx)", "tệp rỗng")
	case bytes.HasPrefix(head, oleMagic):
		if encrypted(r, size) {
			return nil, refuse("mở tệp bằng Word, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ tài liệu → Mã hóa bằng mật khẩu, xóa mật khẩu rồi bấm OK), rồi "+resaveFix,
				"tệp .docx được đặt mật khẩu nên không đọc được nội dung")
		}
		return nil, refuse(resaveFix, "tệp là tài liệu Word 97–2003 (.doc), cchc chỉ đọc được .docx")
	case bytes.HasPrefix(head, []byte(`{\rtf`)):
		return nil, refuse(resaveFix, "tệp là văn bản RTF, không phải .docx")
	case looksLikeHTML(head):
		return nil, refuse(resaveFix, "tệp là trang web (HTML, MHT) được đặt tên như tài liệu Word, không phải .docx")
	case !bytes.HasPrefix(head, zipMagic):
		return nil, refuse("chọn đúng tệp tài liệu Word (.docx); nếu tệp mở được bằng Word thì "+resaveFix,
			"tệp không phải tài liệu Word (.docx)")
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, refuse(resaveFix, "tệp .docx bị hỏng, không đọc được (%v)", zipReason(err))
	}
	if len(zr.File) > lim.Entries {
		return nil, refuse(tooBigFix, "tệp .docx chứa %d tệp con, vượt giới hạn %d", len(zr.File), lim.Entries)
	}
	p := &pkg{files: make(map[string]*zip.File, len(zr.File)), lim: lim}
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

// has reports whether the package holds a part.
func (p *pkg) has(name string) bool {
	_, ok := p.files[strings.ToLower(name)]
	return ok
}

// part reads one part whole, at most max bytes uncompressed, whatever its
// header claims (a zip bomb lies there). A missing part gives nil, nil.
func (p *pkg) part(name string, max int64) ([]byte, error) {
	f, ok := p.files[strings.ToLower(name)]
	if !ok {
		return nil, nil
	}
	if budget := p.lim.Total - p.read; budget < max {
		max = budget
	}
	rc, err := f.Open()
	if err != nil {
		return nil, refuse(resaveFix, "phần %s của tệp .docx bị hỏng (%v)", name, zipReason(err))
	}
	defer rc.Close()
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(rc, max+1))
	p.read += n
	if err != nil {
		return nil, refuse(resaveFix, "phần %s của tệp .docx bị hỏng (%v)", name, zipReason(err))
	}
	if n > max {
		if p.read > p.lim.Total {
			return nil, refuse(tooBigFix, "tệp .docx giải nén ra hơn %s, vượt giới hạn (có thể là tệp nén độc hại)", mb(p.lim.Total))
		}
		return nil, &partTooBig{name: name, max: max}
	}
	return buf.Bytes(), nil
}

// partTooBig is one part over its own limit: an XML part ends the import,
// an image is only left out.
type partTooBig struct {
	name string
	max  int64
}

func (e *partTooBig) Error() string {
	return fmt.Sprintf("phần %s của tệp .docx lớn hơn %s", e.name, mb(e.max))
}

// xmlPart reads and parses an XML part; a missing part gives nil, nil.
func (p *pkg) xmlPart(name string) (*node, error) {
	data, err := p.part(name, p.lim.Part)
	if tb, ok := errors.AsType[*partTooBig](err); ok {
		return nil, refuse(tooBigFix, "phần %s của tài liệu giải nén ra hơn %s, vượt giới hạn", tb.name, mb(tb.max))
	}
	if err != nil || data == nil {
		return nil, err
	}
	root, err := parseXML(data, p.lim)
	if err != nil {
		return nil, refuse(resaveFix, "phần %s của tệp .docx không đọc được: %v", name, err)
	}
	return root, nil
}

// rel is one relationship of a part: an image, a link, the footnotes.
type rel struct {
	typ      string // the last segment of the type URI: "image", "hyperlink"
	target   string // a part name when internal, else the URL as written
	external bool
}

// rels reads the relationships of part (word/document.xml reads
// word/_rels/document.xml.rels). Targets of internal ones are resolved to
// part names; one that climbs out of the package is dropped.
func (p *pkg) rels(part string) (map[string]rel, error) {
	dir, file := path.Split(part)
	root, err := p.xmlPart(dir + "_rels/" + file + ".rels")
	if err != nil || root == nil {
		return map[string]rel{}, err
	}
	out := map[string]rel{}
	for _, r := range root.all("Relationship") {
		id, target := r.attr("Id"), r.attr("Target")
		typ := r.attr("Type")
		typ = typ[strings.LastIndexByte(typ, '/')+1:]
		if strings.EqualFold(r.attr("TargetMode"), "External") {
			out[id] = rel{typ: typ, target: target, external: true}
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
		out[id] = rel{typ: typ, target: name}
	}
	return out, nil
}

// mb writes a size for an editor: "20 MB", "1,5 MB", "300 KB".
func mb(n int64) string {
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
