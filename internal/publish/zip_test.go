package publish

import (
	"archive/zip"
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestZipTop(t *testing.T) {
	tests := []struct{ basePath, want string }{
		{"/cchc/", "cchc"},
		{"/", "site"},
		{"", "site"},
		{"/tinh/nghe-an/cchc/", "cchc"},
		{"/c%E1%BA%A3i-c%C3%A1ch/", "cải-cách"},
		{"/a%2Fb/", "site"}, // unescapes to a name with a slash
		{"/%ZZ/", "site"},   // not valid escaping
		{"/..%2F/", "site"},
		{"/cchc", "cchc"},
	}
	for _, tt := range tests {
		if got := ZipTop(tt.basePath); got != tt.want {
			t.Errorf("ZipTop(%q) = %q, want %q", tt.basePath, got, tt.want)
		}
	}
}

// zipSampleFiles is a small site: nested folders, a Vietnamese file name, an
// empty file and an incompressible one.
func zipSampleFiles(t *testing.T) Files {
	t.Helper()
	noise := make([]byte, 4096)
	if _, err := rand.Read(noise); err != nil {
		t.Fatal(err)
	}
	return Files{
		"index.html":                      []byte(strings.Repeat("<p>Cải cách hành chính</p>", 50)),
		"bai-viet/mot-cua/index.html":     []byte("<h1>Một cửa</h1>"),
		"bai-viet/mot-cua/anh.jpg":        noise,
		"bai-viet/index.html":             []byte("<ul></ul>"),
		"bai-viet/trang/2/index.html":     []byte("<ul>2</ul>"),
		"tai-lieu/Kế hoạch số 35.pdf":     []byte("%PDF-1.4 kế hoạch"),
		"rss.xml":                         []byte(""),
		"assets/css/style.0123456789.css": []byte("body{margin:0}"),
	}
}

func zipOf(t *testing.T, top string, files Files, names []string) []byte {
	t.Helper()
	z := NewZip(top)
	for _, name := range names {
		if err := z.Write(name, files[name]); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	n, err := z.WriteTo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) {
		t.Errorf("WriteTo returned %d, wrote %d bytes", n, buf.Len())
	}
	return buf.Bytes()
}

func sortedNames(files Files) []string {
	return slices.Sorted(maps.Keys(files))
}

// TestZipDeterministic writes the same files in opposite orders and from
// many goroutines: the archive is the same, byte for byte.
func TestZipDeterministic(t *testing.T) {
	files := zipSampleFiles(t)
	names := sortedNames(files)
	a := zipOf(t, "cchc", files, names)

	reversed := make([]string, len(names))
	for i, n := range names {
		reversed[len(names)-1-i] = n
	}
	if b := zipOf(t, "cchc", files, reversed); !bytes.Equal(a, b) {
		t.Error("writing in another order changes the archive")
	}

	z := NewZip("cchc")
	var wg sync.WaitGroup
	for _, name := range names {
		wg.Go(func() {
			if err := z.Write(name, files[name]); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	var c bytes.Buffer
	if _, err := z.WriteTo(&c); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, c.Bytes()) {
		t.Error("concurrent writes change the archive")
	}
}

// TestZipEntries reads the archive back with archive/zip and checks every
// header field that makes it deterministic and unzip-friendly.
func TestZipEntries(t *testing.T) {
	files := zipSampleFiles(t)
	data := zipOf(t, "cchc", files, sortedNames(files))
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range zr.File {
		got = append(got, f.Name)
	}
	want := []string{
		"cchc/",
		"cchc/assets/",
		"cchc/assets/css/",
		"cchc/assets/css/style.0123456789.css",
		"cchc/bai-viet/",
		"cchc/bai-viet/index.html",
		"cchc/bai-viet/mot-cua/",
		"cchc/bai-viet/mot-cua/anh.jpg",
		"cchc/bai-viet/mot-cua/index.html",
		"cchc/bai-viet/trang/",
		"cchc/bai-viet/trang/2/",
		"cchc/bai-viet/trang/2/index.html",
		"cchc/index.html",
		"cchc/rss.xml",
		"cchc/tai-lieu/",
		"cchc/tai-lieu/Kế hoạch số 35.pdf",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, f := range zr.File {
		isDir := strings.HasSuffix(f.Name, "/")
		wantMode := fs.FileMode(0o644)
		if isDir {
			wantMode = fs.ModeDir | 0o755
		}
		if f.Mode() != wantMode {
			t.Errorf("%s: mode %v, want %v", f.Name, f.Mode(), wantMode)
		}
		if f.CreatorVersion>>8 != 3 {
			t.Errorf("%s: made by %d, want 3 (Unix)", f.Name, f.CreatorVersion>>8)
		}
		if len(f.Extra) != 0 {
			t.Errorf("%s: extra field % x", f.Name, f.Extra)
		}
		if f.Flags&0x8 != 0 {
			t.Errorf("%s: has a data descriptor", f.Name)
		}
		if f.ModifiedDate != 0x2821 || f.ModifiedTime != 0 {
			t.Errorf("%s: modified %#x %#x, want 2000-01-01 00:00:00", f.Name, f.ModifiedDate, f.ModifiedTime)
		}
		if y, m, d := f.Modified.Date(); y != 2000 || m != 1 || d != 1 || f.Modified.Hour() != 0 {
			t.Errorf("%s: Modified %v", f.Name, f.Modified)
		}
		if utf8Flag := f.Flags&0x800 != 0; utf8Flag != (f.Name != asciiOnly(f.Name)) {
			t.Errorf("%s: UTF-8 flag %v", f.Name, utf8Flag)
		}
		if isDir {
			continue
		}
		switch {
		case f.Method == zip.Deflate && f.CompressedSize64 >= f.UncompressedSize64:
			t.Errorf("%s: deflated to %d bytes from %d; should be stored", f.Name, f.CompressedSize64, f.UncompressedSize64)
		case f.Method == zip.Store && f.CompressedSize64 != f.UncompressedSize64:
			t.Errorf("%s: stored with sizes %d and %d", f.Name, f.CompressedSize64, f.UncompressedSize64)
		case f.Method != zip.Deflate && f.Method != zip.Store:
			t.Errorf("%s: method %d", f.Name, f.Method)
		}
		if f.Name == "cchc/index.html" && f.Method != zip.Deflate {
			t.Errorf("%s: repetitive text not deflated", f.Name)
		}
		if f.Name == "cchc/bai-viet/mot-cua/anh.jpg" && f.Method != zip.Store {
			t.Errorf("%s: random bytes not stored", f.Name)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc) // checks the CRC too
		rc.Close()
		if err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
		if name := strings.TrimPrefix(f.Name, "cchc/"); !bytes.Equal(body, files[name]) {
			t.Errorf("%s: content differs", f.Name)
		}
	}
}

func asciiOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0x80 {
			return -1
		}
		return r
	}, s)
}

// TestZipNoExtraFieldsOnDisk looks at the raw local headers, which
// archive/zip's reader does not expose: each has an empty extra field.
func TestZipNoExtraFieldsOnDisk(t *testing.T) {
	data := zipOf(t, "cchc", Files{"a/b.html": []byte("x")}, []string{"a/b.html"})
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		off, err := f.DataOffset()
		if err != nil {
			t.Fatal(err)
		}
		hdr := off - int64(30+len(f.Name)) // fixed header, name, then extra
		if sig := binary.LittleEndian.Uint32(data[hdr:]); sig != 0x04034b50 {
			t.Fatalf("%s: extra field present or header misplaced (signature %#x)", f.Name, sig)
		}
		if n := binary.LittleEndian.Uint16(data[hdr+28:]); n != 0 {
			t.Errorf("%s: local extra field of %d bytes", f.Name, n)
		}
	}
}

func TestZipWithoutTop(t *testing.T) {
	data := zipOf(t, "", Files{"a/b.html": []byte("x"), "c.xml": []byte("y")}, []string{"a/b.html", "c.xml"})
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range zr.File {
		got = append(got, f.Name)
	}
	if want := "a/ a/b.html c.xml"; strings.Join(got, " ") != want {
		t.Errorf("entries %q, want %q", strings.Join(got, " "), want)
	}
}

func TestZipRefuses(t *testing.T) {
	z := NewZip("cchc")
	if err := z.Write("a.html", []byte("1")); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, want string }{
		{"a.html", `tệp đầu ra "a.html" được ghi hai lần — hai trang hoặc tệp đang tranh nhau một địa chỉ, hãy đổi slug hoặc tên tệp của một trong hai`},
		{"../x.html", `đường dẫn tệp đầu ra "../x.html" không hợp lệ: có đoạn ".." trỏ ra ngoài thư mục`},
		{"/etc/passwd", `đường dẫn tệp đầu ra "/etc/passwd" không hợp lệ: là đường dẫn tuyệt đối; cần đường dẫn tương đối so với thư mục đích`},
		{`a\b`, `đường dẫn tệp đầu ra "a\\b" không hợp lệ: chứa dấu gạch ngược "\"; chỉ dùng "/" để ngăn thư mục`},
	}
	for _, tt := range tests {
		err := z.Write(tt.name, []byte("2"))
		if err == nil || err.Error() != tt.want {
			t.Errorf("Write(%q) = %v, want %s", tt.name, err, tt.want)
		}
	}
}

func TestZipFileAndFolderClash(t *testing.T) {
	z := NewZip("cchc")
	for _, name := range []string{"bai-viet", "bai-viet/index.html"} {
		if err := z.Write(name, []byte("x")); err != nil {
			t.Fatal(err)
		}
	}
	_, err := z.WriteTo(io.Discard)
	want := `đường dẫn tệp đầu ra "bai-viet" vừa là một tệp vừa là thư mục chứa tệp khác — không ghi tệp nén; hai trang hoặc tệp đang tranh nhau một địa chỉ, hãy đổi slug hoặc tên tệp của một trong hai`
	if err == nil || err.Error() != want {
		t.Errorf("WriteTo = %v, want %s", err, want)
	}
}

func TestZipBadTop(t *testing.T) {
	for _, top := range []string{"a/b", "..", `a\b`} {
		z := NewZip(top)
		if _, err := z.WriteTo(io.Discard); err == nil {
			t.Errorf("NewZip(%q).WriteTo succeeded", top)
		}
	}
}

// TestZipSave writes atomically: the file appears complete, a failed save
// leaves the previous archive byte for byte and no temporary file behind.
func TestZipSave(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "out", "cchc.zip") // the folder is created
	files := zipSampleFiles(t)
	good := NewZip("cchc")
	for name, data := range files {
		if err := good.Write(name, data); err != nil {
			t.Fatal(err)
		}
	}
	if err := good.Save(file); err != nil {
		t.Fatal(err)
	}
	saved, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if want := zipOf(t, "cchc", files, sortedNames(files)); !bytes.Equal(saved, want) {
		t.Error("saved archive differs from WriteTo's")
	}
	if fi, _ := os.Stat(file); fi.Mode().Perm()&0o044 != 0o044 {
		t.Errorf("archive mode %v: the group and others cannot read it", fi.Mode())
	}

	bad := NewZip("cchc")
	bad.Write("x", []byte("1"))
	bad.Write("x/y", []byte("2"))
	err = bad.Save(file)
	if err == nil || !strings.Contains(err.Error(), "vừa là một tệp vừa là thư mục") {
		t.Fatalf("Save with a clash = %v", err)
	}
	after, _ := os.ReadFile(file)
	if !bytes.Equal(after, saved) {
		t.Error("a failed Save changed the previous archive")
	}
	entries, _ := os.ReadDir(filepath.Dir(file))
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("left beside the archive: %v", names)
	}

	if err := good.Save(dir); err == nil {
		t.Error("Save over a folder succeeded")
	}
}

// TestZipEqualsDirectory writes the same files to a folder with WriteDir
// and into an archive: unzipped, they are the same tree.
func TestZipEqualsDirectory(t *testing.T) {
	files := zipSampleFiles(t)
	dest := filepath.Join(t.TempDir(), "public")
	if err := WriteDir(dest, files); err != nil {
		t.Fatal(err)
	}
	data := zipOf(t, "cchc", files, sortedNames(files))
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var onDisk []string
	filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err == nil && p != dest {
			rel, _ := filepath.Rel(dest, p)
			rel = filepath.ToSlash(rel)
			if d.IsDir() {
				rel += "/"
			}
			onDisk = append(onDisk, "cchc/"+rel)
		}
		return err
	})
	var inZip []string
	for _, f := range zr.File {
		if f.Name == "cchc/" {
			continue
		}
		inZip = append(inZip, f.Name)
		if f.FileInfo().IsDir() {
			continue
		}
		body, err := fs.ReadFile(zr, f.Name)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(strings.TrimPrefix(f.Name, "cchc/"))))
		if err != nil || !bytes.Equal(body, want) {
			t.Errorf("%s: differs from the folder (%v)", f.Name, err)
		}
	}
	if a, b := strings.Join(slices.Sorted(slices.Values(onDisk)), "\n"), strings.Join(inZip, "\n"); a != b {
		t.Errorf("folder:\n%s\narchive:\n%s", a, b)
	}
}

func TestCheckZipFile(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"content/bai-viet", "layouts", "assets", "public"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		file string
		want string // "" for accepted
	}{
		{"cchc.zip", ""},
		{"public/cchc.zip", ""},
		{"../ngoai/cchc.zip", ""},
		{"content/cchc.zip", "tệp nén %[1]s/content/cchc.zip nằm trong content/ của trang; mọi tệp ở đó được chép vào trang, nên tệp nén sẽ lọt vào lần dựng sau — hãy chọn nơi ngoài content/, ví dụ %[2]s.zip"},
		{"content/bai-viet/moi/x.zip", "tệp nén %[1]s/content/bai-viet/moi/x.zip nằm trong content/ của trang; mọi tệp ở đó được chép vào trang, nên tệp nén sẽ lọt vào lần dựng sau — hãy chọn nơi ngoài content/, ví dụ %[2]s.zip"},
		{"assets/x.zip", "tệp nén %[1]s/assets/x.zip nằm trong assets/ của trang; mọi tệp ở đó được chép vào trang, nên tệp nén sẽ lọt vào lần dựng sau — hãy chọn nơi ngoài assets/, ví dụ %[2]s.zip"},
		{"public", "%[1]s/public là một thư mục, không phải tệp — hãy ghi tên tệp nén, ví dụ %[1]s/public/cchc.zip"},
	}
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		err := CheckZipFile(root, filepath.Join(root, tt.file))
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.file, err)
		case tt.want != "":
			want := fmt.Sprintf(tt.want, real, real)
			if err == nil || err.Error() != want {
				t.Errorf("%s: %v\nwant: %s", tt.file, err, want)
			}
		}
	}
}

// BenchmarkZipWrite measures compressing a site's worth of pages.
func BenchmarkZipWrite(b *testing.B) {
	page := []byte(strings.Repeat("<p>Thủ tục hành chính một cửa liên thông</p>", 200))
	for b.Loop() {
		z := NewZip("cchc")
		for i := range 200 {
			z.Write(fmt.Sprintf("bai-viet/%d/index.html", i), page)
		}
		z.WriteTo(io.Discard)
	}
}

// mapCache is an EntryCache in memory that counts its hits.
type mapCache struct {
	m    map[[32]byte][]byte
	hits int
}

func (c *mapCache) Get(k [32]byte) ([]byte, bool) {
	v, ok := c.m[k]
	if ok {
		c.hits++
	}
	return v, ok
}

func (c *mapCache) Put(k [32]byte, v []byte) { c.m[k] = v }

func TestZipWithCacheGivesTheSameBytes(t *testing.T) {
	files := map[string][]byte{
		"index.html":            bytes.Repeat([]byte("<p>Một cửa liên thông</p>"), 50),
		"bai-viet/a/index.html": bytes.Repeat([]byte("<p>Chuyển đổi số</p>"), 80),
		"anh.png":               {0x89, 'P', 'N', 'G', 1, 2, 3},
	}
	archive := func(c EntryCache) []byte {
		z := NewZip("cchc")
		if c != nil {
			z.UseCache(c)
		}
		for name, data := range files {
			if err := z.Write(name, data); err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		if _, err := z.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	plain := archive(nil)
	c := &mapCache{m: map[[32]byte][]byte{}}
	if cold := archive(c); !bytes.Equal(cold, plain) || c.hits != 0 {
		t.Fatalf("cold cache: equal %v, hits %d", bytes.Equal(cold, plain), c.hits)
	}
	if warm := archive(c); !bytes.Equal(warm, plain) || c.hits != len(files) {
		t.Fatalf("warm cache: equal %v, hits %d", bytes.Equal(warm, plain), c.hits)
	}
}
