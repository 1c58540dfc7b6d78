package deskfile

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/cchc-vn/cchc/internal/viet"
)

// Kind is what an uploaded file is for.
type Kind int

const (
	Image    Kind = iota + 1 // shown in the page: png, jpg, gif, webp
	Document                 // offered for download: pdf, docx, xlsx
)

// Size limits: a phone photo is 2–6 MB, a scanned document 5–15 MB.
const (
	MaxImage    = 10 << 20
	MaxDocument = 20 << 20
)

// MaxUpload is the largest upload of any kind, for the HTTP handler's
// reader.
const MaxUpload = MaxDocument

// UploadError is an upload the desk refuses; Error is Vietnamese.
type UploadError struct{ Msg string }

func (e *UploadError) Error() string { return e.Msg }

// accepted lists the extensions an upload may have, with the content
// each must start with.
var accepted = map[string]struct {
	kind  Kind
	label string
	sniff func([]byte) bool
}{
	".png":  {Image, "ảnh PNG", prefix("\x89PNG\r\n\x1a\n")},
	".jpg":  {Image, "ảnh JPEG", prefix("\xff\xd8\xff")},
	".jpeg": {Image, "ảnh JPEG", prefix("\xff\xd8\xff")},
	".gif": {Image, "ảnh GIF", func(b []byte) bool {
		return bytes.HasPrefix(b, []byte("GIF87a")) || bytes.HasPrefix(b, []byte("GIF89a"))
	}},
	".webp": {Image, "ảnh WebP", func(b []byte) bool { return len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP" }},
	".pdf":  {Document, "tệp PDF", prefix("%PDF-")},
	".docx": {Document, "tệp Word (.docx)", zipHolding("word/document.xml")},
	".xlsx": {Document, "tệp Excel (.xlsx)", zipHolding("xl/workbook.xml")},
}

func prefix(p string) func([]byte) bool {
	return func(b []byte) bool { return bytes.HasPrefix(b, []byte(p)) }
}

// zipHolding recognises an Office file: a ZIP archive with its main part.
func zipHolding(part string) func([]byte) bool {
	return func(b []byte) bool {
		if !bytes.HasPrefix(b, []byte("PK\x03\x04")) {
			return false
		}
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return false
		}
		for _, f := range zr.File {
			if f.Name == part {
				return true
			}
		}
		return false
	}
}

// Sniff checks an upload by its name and its bytes, which must agree,
// and its size against its kind's limit. It returns the extension to
// save it with (lower case) and its kind.
func Sniff(name string, data []byte) (string, Kind, error) {
	ext := strings.ToLower(path.Ext(name))
	if ext == ".svg" || ext == ".svgz" {
		return "", 0, &UploadError{Msg: "không nhận ảnh SVG qua bàn soạn bài: tệp SVG có thể chứa mã chạy trên trang — lưu ảnh dạng PNG hoặc JPG rồi tải lên lại (ảnh SVG do người quản trị đặt thẳng vào thư mục của bài)"}
	}
	a, ok := accepted[ext]
	if !ok {
		return "", 0, &UploadError{Msg: fmt.Sprintf("không nhận tệp %q: chỉ nhận ảnh PNG, JPG, GIF, WebP và tệp PDF, Word (.docx), Excel (.xlsx)", path.Base(name))}
	}
	limit, what := MaxImage, "ảnh"
	if a.kind == Document {
		limit, what = MaxDocument, "tệp đính kèm"
	}
	if len(data) > limit {
		return "", 0, &UploadError{Msg: fmt.Sprintf("%s %q quá lớn (%s), tối đa %d MB — thu nhỏ ảnh (rộng khoảng 1600 điểm ảnh) hoặc nén tệp rồi tải lên lại", what, path.Base(name), megabytes(len(data)), limit>>20)}
	}
	if !a.sniff(data) {
		return "", 0, &UploadError{Msg: fmt.Sprintf("tệp %q có đuôi %s nhưng nội dung không phải %s — mở tệp bằng chương trình của nó và lưu lại đúng dạng", path.Base(name), ext, a.label)}
	}
	return ext, a.kind, nil
}

func megabytes(n int) string {
	return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/(1<<20)), ".", ",", 1)
}

// maxSuffix bounds the search for a free name.
const maxSuffix = 1000

// SaveNew writes data as a new file of folder, named after name: its
// slug (lower-case ASCII, as a URL needs) and ext, with -2, -3… added
// when that name is taken. It never replaces a file, and returns the
// name it used.
func (r *Root) SaveNew(folder Path, name, ext string, data []byte) (string, error) {
	if !folder.Exists {
		if err := os.MkdirAll(r.Abs(folder), 0o755); err != nil {
			return "", err
		}
	}
	folder, err := r.Folder(folder.Rel) // again: it may be new, and nothing may have replaced it
	if err != nil {
		return "", err
	}
	stem := viet.Slug(strings.TrimSuffix(path.Base(name), path.Ext(name)))
	if stem == "" {
		stem = "tep"
	}
	stem = cut(stem, 60)
	dir := r.Abs(folder)
	tmp, err := writeTemp(dir, stem+ext, data)
	if err != nil {
		return "", err
	}
	for i := 1; i <= maxSuffix; i++ {
		candidate := stem + ext
		if i > 1 {
			candidate = fmt.Sprintf("%s-%d%s", stem, i, ext)
		}
		err := placeNew(tmp, filepath.Join(dir, candidate))
		if err == nil {
			return candidate, nil
		}
		if !errors.Is(err, ErrExists) {
			os.Remove(tmp)
			return "", err
		}
	}
	os.Remove(tmp)
	return "", fmt.Errorf("không tìm được tên trống cho %s trong %s", stem+ext, folder.Rel)
}

// cut shortens an ASCII slug to at most n bytes, on a dash when it can.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	if i := strings.LastIndexByte(s, '-'); i > 0 {
		s = s[:i]
	}
	return s
}
