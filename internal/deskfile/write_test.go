package deskfile

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func read(t *testing.T, root, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// leftovers lists the temporary files left in dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestWriteReplacesAndCreates(t *testing.T) {
	root := site(t)
	r, _ := New(root)
	p, _ := r.Page("content/bai-viet/a.md")
	if err := r.Write(p, []byte("mới\n")); err != nil {
		t.Fatal(err)
	}
	if got := read(t, root, "content/bai-viet/a.md"); got != "mới\n" {
		t.Errorf("after Write: %q", got)
	}

	n, _ := r.Page("content/van-ban/moi/index.md")
	if err := r.Write(n, []byte("văn bản\n")); err != nil {
		t.Fatal(err)
	}
	if got := read(t, root, "content/van-ban/moi/index.md"); got != "văn bản\n" {
		t.Errorf("new page: %q", got)
	}
	// The same new path again: the file exists now and is not replaced.
	if err := r.Write(n, []byte("khác\n")); !errors.Is(err, ErrExists) {
		t.Errorf("second new write: %v, want ErrExists", err)
	}
	if got := read(t, root, "content/van-ban/moi/index.md"); got != "văn bản\n" {
		t.Errorf("replaced by a new write: %q", got)
	}
	for _, d := range []string{"content/bai-viet", "content/van-ban/moi"} {
		if l := leftovers(t, filepath.Join(root, d)); len(l) > 0 {
			t.Errorf("%s: temporary files left: %q", d, l)
		}
	}
}

func TestBundleMovesThePage(t *testing.T) {
	root := site(t)
	r, _ := New(root)
	p, _ := r.Page("content/bai-viet/a.md")
	b, err := r.Bundle(p)
	if err != nil {
		t.Fatal(err)
	}
	if b.Rel != "content/bai-viet/a/index.md" || !b.Exists {
		t.Fatalf("Bundle = %+v", b)
	}
	if got := read(t, root, "content/bai-viet/a/index.md"); got != "---\ntitle: A\n---\n" {
		t.Errorf("moved page: %q", got)
	}
	if _, err := os.Stat(filepath.Join(root, "content/bai-viet/a.md")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a.md still there: %v", err)
	}
	// A bundle and an _index.md stay as they are.
	for _, rel := range []string{"content/bai-viet/b/index.md", "content/bai-viet/a/index.md"} {
		q, _ := r.Page(rel)
		if got, err := r.Bundle(q); err != nil || got != q {
			t.Errorf("Bundle(%s) = %+v, %v", rel, got, err)
		}
	}
	// A page not written yet gets only its new path.
	n, _ := r.Page("content/bai-viet/moi.md")
	nb, err := r.Bundle(n)
	if err != nil || nb.Rel != "content/bai-viet/moi/index.md" || nb.Exists {
		t.Errorf("Bundle(new) = %+v, %v", nb, err)
	}
	// A folder of that name already there: refused, nothing moved.
	os.MkdirAll(filepath.Join(root, "content/bai-viet/c"), 0o755)
	os.WriteFile(filepath.Join(root, "content/bai-viet/c.md"), []byte("c"), 0o644)
	c, _ := r.Page("content/bai-viet/c.md")
	if _, err := r.Bundle(c); err == nil {
		t.Error("Bundle over an existing folder: no error")
	}
	if got := read(t, root, "content/bai-viet/c.md"); got != "c" {
		t.Errorf("c.md: %q", got)
	}
}

func TestSniff(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR")
	for _, tc := range []struct {
		name string
		data []byte
		ext  string
		kind Kind
		err  string
	}{
		{"Ảnh hội nghị.PNG", png, ".png", Image, ""},
		{"a.jpg", []byte("\xff\xd8\xff\xe0xxxx"), ".jpg", Image, ""},
		{"a.jpeg", []byte("\xff\xd8\xff\xe0xxxx"), ".jpeg", Image, ""},
		{"a.gif", []byte("GIF89a..."), ".gif", Image, ""},
		{"a.webp", []byte("RIFF\x00\x00\x00\x00WEBPVP8 "), ".webp", Image, ""},
		{"ke-hoach.pdf", []byte("%PDF-1.7\n"), ".pdf", Document, ""},
		{"a.docx", officeZip(t, "word/document.xml"), ".docx", Document, ""},
		{"a.xlsx", officeZip(t, "xl/workbook.xml"), ".xlsx", Document, ""},
		{"a.docx", officeZip(t, "xl/workbook.xml"), "", 0, `tệp "a.docx" có đuôi .docx nhưng nội dung không phải tệp Word (.docx) — mở tệp bằng chương trình của nó và lưu lại đúng dạng`},
		{"a.png", []byte("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "", 0, `tệp "a.png" có đuôi .png nhưng nội dung không phải ảnh PNG — mở tệp bằng chương trình của nó và lưu lại đúng dạng`},
		{"a.svg", []byte("<svg/>"), "", 0, "không nhận ảnh SVG qua bàn soạn bài: tệp SVG có thể chứa mã chạy trên trang — lưu ảnh dạng PNG hoặc JPG rồi tải lên lại (ảnh SVG do người quản trị đặt thẳng vào thư mục của bài)"},
		{"a.exe", []byte("MZ"), "", 0, `không nhận tệp "a.exe": chỉ nhận ảnh PNG, JPG, GIF, WebP và tệp PDF, Word (.docx), Excel (.xlsx)`},
		{"a.html", []byte("<p>"), "", 0, `không nhận tệp "a.html": chỉ nhận ảnh PNG, JPG, GIF, WebP và tệp PDF, Word (.docx), Excel (.xlsx)`},
		{"to.png", append(bytes.Clone(png), make([]byte, MaxImage)...), "", 0, `ảnh "to.png" quá lớn (10,0 MB), tối đa 10 MB — thu nhỏ ảnh (rộng khoảng 1600 điểm ảnh) hoặc nén tệp rồi tải lên lại`},
	} {
		ext, kind, err := Sniff(tc.name, tc.data)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if ext != tc.ext || kind != tc.kind || msg != tc.err {
			t.Errorf("Sniff(%q) = %q, %v, %q; want %q, %v, %q", tc.name, ext, kind, msg, tc.ext, tc.kind, tc.err)
		}
	}
}

func TestSaveNewNeverOverwrites(t *testing.T) {
	root := site(t)
	r, _ := New(root)
	dir, _ := r.Folder("content/bai-viet/b")
	var names []string
	for i := range 3 {
		name, err := r.SaveNew(dir, "Ảnh Hội nghị.PNG", ".png", []byte{byte(i)})
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	if strings.Join(names, " ") != "anh-hoi-nghi.png anh-hoi-nghi-2.png anh-hoi-nghi-3.png" {
		t.Errorf("names %q", names)
	}
	for i, n := range names {
		if got := read(t, root, "content/bai-viet/b/"+n); got != string([]byte{byte(i)}) {
			t.Errorf("%s holds %q", n, got)
		}
	}
	// A folder not there yet (a new bundle) is made.
	nd, _ := r.Folder("content/bai-viet/moi")
	if name, err := r.SaveNew(nd, "???.jpg", ".jpg", []byte("x")); err != nil || name != "tep.jpg" {
		t.Errorf("SaveNew in a new folder: %q, %v", name, err)
	}
	if l := leftovers(t, filepath.Join(root, "content/bai-viet/b")); len(l) > 0 {
		t.Errorf("temporary files left: %q", l)
	}
}

// officeZip is a ZIP archive holding one part, as an Office file does.
func officeZip(t *testing.T, part string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(part)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("<x/>"))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
