package publish

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Zip collects a build as a deployable ZIP archive: every file under one
// top folder named after the site's base path, so that unzipping it in
// the web root makes /cchc/ appear. The archive is deterministic: the same
// files give the same bytes, whatever the order or the goroutines they
// were written from, so a deployment can be compared with a checksum.
//
// Each file is compressed as it arrives (in parallel, by the build's
// writers) and held in memory; WriteTo lays the entries out sorted by
// path. Write may be called from several goroutines at once; WriteTo and
// Save must not run while writes are still going on.
type Zip struct {
	top string // "" puts the files at the root of the archive

	compressors sync.Pool // *compressor: a deflate writer holds ~1 MB of tables

	mu      sync.Mutex
	entries map[string]zipEntry // keyed by output path, without top

	cache EntryCache // compressed entries of earlier builds, or nil
}

// EntryCache keeps compressed entries between builds, keyed by a hash of
// the uncompressed bytes: with it, a rebuild that changed one article
// deflates one page, not the whole site. The build cache satisfies it.
type EntryCache interface {
	Get(key [32]byte) ([]byte, bool)
	Put(key [32]byte, value []byte)
}

// UseCache makes the archive take compressed entries from c and keep new
// ones there. Call it before the first Write.
func (z *Zip) UseCache(c EntryCache) { z.cache = c }

// zipEntry is one file, ready to be copied into the archive as is.
type zipEntry struct {
	method uint16 // zip.Deflate, or zip.Store when deflate would not shrink it
	crc    uint32
	size   uint64 // uncompressed
	data   []byte // compressed with method
}

// zipEpoch is the modification time of every entry: 2000-01-01 00:00:00,
// as MS-DOS date and time fields. A fixed time, not the build's, so that
// the same input gives the same bytes; 2000 because MS-DOS dates start in
// 1980 and some tools show dates before 2000 oddly. It is written only in
// the MS-DOS fields: archive/zip adds an "extended timestamp" extra field
// when FileHeader.Modified is set, and the archive carries no extra fields.
const (
	zipEpochDate = (2000-1980)<<9 | 1<<5 | 1 // year since 1980, month, day
	zipEpochTime = 0                         // 00:00:00
)

// Version numbers of the "made by" and "needed to extract" fields: 2.0,
// the version that introduced deflate and folders. The high byte of "made
// by" says Unix (3), so unzip applies the 0644/0755 modes.
const (
	zipVersion20  = 20
	zipCreatorUnx = 3 << 8
	zipFlagUTF8   = 0x800 // names are UTF-8 (Vietnamese file names)
)

// NewZip returns an empty archive whose entries go under the folder top
// (see ZipTop); top "" puts them at the root of the archive.
func NewZip(top string) *Zip {
	return &Zip{top: top, entries: map[string]zipEntry{}}
}

// ZipTop is the top folder of a site's archive: the last segment of its
// base path, unescaped ("/cchc/" → "cchc", "/tinh/xa/cchc/" → "cchc"), or
// "site" when the site sits at the root of its domain ("/") or the
// segment cannot be a folder name.
func ZipTop(basePath string) string {
	segs := strings.Split(strings.Trim(basePath, "/"), "/")
	last, err := url.PathUnescape(segs[len(segs)-1])
	if err != nil || last == "" || strings.Contains(last, "/") || badPathReason(last) != "" || !utf8.ValidString(last) {
		return "site"
	}
	return last
}

// Write compresses one output file into the archive. The path is
// slash-separated and relative to the site's root; a path that is
// absolute, climbs out with "..", or was written before is refused.
func (z *Zip) Write(name string, data []byte) error {
	if why := badPathReason(name); why != "" {
		return fmt.Errorf("đường dẫn tệp đầu ra %q không hợp lệ: %s", name, why)
	}
	e, err := z.compress(data)
	if err != nil {
		return fmt.Errorf("không nén được %s: %v", name, err)
	}
	z.mu.Lock()
	defer z.mu.Unlock()
	if _, dup := z.entries[name]; dup {
		return fmt.Errorf("tệp đầu ra %q được ghi hai lần — hai trang hoặc tệp đang tranh nhau một địa chỉ, hãy đổi slug hoặc tên tệp của một trong hai", name)
	}
	z.entries[name] = e
	return nil
}

// compress deflates data, or keeps a copy as it is when deflate does not
// make it smaller (JPEG, PNG, PDF), as Info-ZIP's zip does. With a cache,
// an entry compressed by an earlier build is reused.
func (z *Zip) compress(data []byte) (zipEntry, error) {
	if z.cache == nil {
		return z.deflate(data)
	}
	h := sha256.New()
	h.Write([]byte("zip-entry\x00"))
	h.Write(data)
	var key [32]byte
	h.Sum(key[:0])
	if v, ok := z.cache.Get(key); ok {
		if e, ok := decodeEntry(v, len(data)); ok {
			return e, nil
		}
	}
	e, err := z.deflate(data)
	if err == nil {
		z.cache.Put(key, encodeEntry(e))
	}
	return e, err
}

// encodeEntry and decodeEntry store a compressed entry in the cache:
// method (2 bytes), CRC-32 (4), then the compressed bytes.
func encodeEntry(e zipEntry) []byte {
	v := binary.LittleEndian.AppendUint16(make([]byte, 0, 6+len(e.data)), e.method)
	v = binary.LittleEndian.AppendUint32(v, e.crc)
	return append(v, e.data...)
}

func decodeEntry(v []byte, size int) (zipEntry, bool) {
	if len(v) < 6 {
		return zipEntry{}, false
	}
	e := zipEntry{method: binary.LittleEndian.Uint16(v), crc: binary.LittleEndian.Uint32(v[2:]), size: uint64(size), data: v[6:]}
	return e, e.method == zip.Deflate || e.method == zip.Store
}

// deflate compresses one file's bytes.
func (z *Zip) deflate(data []byte) (zipEntry, error) {
	e := zipEntry{method: zip.Deflate, crc: crc32.ChecksumIEEE(data), size: uint64(len(data))}
	c, _ := z.compressors.Get().(*compressor)
	if c == nil {
		c = &compressor{}
		fw, err := flate.NewWriter(&c.buf, flate.DefaultCompression)
		if err != nil {
			return e, err
		}
		c.fw = fw
	}
	defer z.compressors.Put(c)
	c.buf.Reset()
	c.fw.Reset(&c.buf)
	_, err := c.fw.Write(data)
	if cerr := c.fw.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return e, err
	}
	if c.buf.Len() >= len(data) {
		e.method, e.data = zip.Store, bytes.Clone(data)
	} else {
		e.data = bytes.Clone(c.buf.Bytes()) // exact size: the buffer is reused
	}
	return e, nil
}

// compressor is a deflate writer with its output buffer, reused across
// files through Zip.compressors.
type compressor struct {
	buf bytes.Buffer
	fw  *flate.Writer
}

// zipItem is one entry of the archive in the order it is written: a
// folder (data nil, name ending in "/") or a file.
type zipItem struct {
	name  string
	entry *zipEntry
}

// layout lists the archive's entries, folders included, sorted by name.
// A path that is both a file and a folder of other files is refused: no
// unzip could recreate it.
func (z *Zip) layout() ([]zipItem, error) {
	if z.top != "" && (strings.Contains(z.top, "/") || badPathReason(z.top) != "") {
		return nil, fmt.Errorf("thư mục gốc %q của tệp nén không hợp lệ — đây là lỗi của cchc, hãy báo lại kèm thông báo này", z.top)
	}
	prefix := ""
	if z.top != "" {
		prefix = z.top + "/"
	}
	dirs := map[string]bool{}
	items := make([]zipItem, 0, len(z.entries)+1)
	if prefix != "" {
		items = append(items, zipItem{name: prefix})
	}
	for name := range z.entries {
		e := z.entries[name]
		items = append(items, zipItem{name: prefix + name, entry: &e})
		for dir := parentDir(name); dir != "" && !dirs[dir]; dir = parentDir(dir) {
			dirs[dir] = true
			items = append(items, zipItem{name: prefix + dir + "/"})
		}
	}
	for dir := range dirs {
		if _, clash := z.entries[dir]; clash {
			return nil, fmt.Errorf("đường dẫn tệp đầu ra %q vừa là một tệp vừa là thư mục chứa tệp khác — không ghi tệp nén; hai trang hoặc tệp đang tranh nhau một địa chỉ, hãy đổi slug hoặc tên tệp của một trong hai", dir)
		}
	}
	// Byte order puts every folder before what it contains: "a/" is a
	// prefix of "a/b", and a prefix sorts first.
	slices.SortFunc(items, func(a, b zipItem) int { return strings.Compare(a.name, b.name) })
	return items, nil
}

// WriteTo writes the archive to w. It implements io.WriterTo.
func (z *Zip) WriteTo(w io.Writer) (int64, error) {
	z.mu.Lock()
	defer z.mu.Unlock()
	items, err := z.layout()
	if err != nil {
		return 0, err
	}
	cw := &countingWriter{w: w}
	zw := zip.NewWriter(cw)
	for _, it := range items {
		if err := writeZipItem(zw, it); err != nil {
			return cw.n, err
		}
	}
	err = zw.Close()
	return cw.n, err
}

func writeZipItem(zw *zip.Writer, it zipItem) error {
	fh := &zip.FileHeader{
		Name:           it.name,
		CreatorVersion: zipCreatorUnx | zipVersion20,
		ReaderVersion:  zipVersion20,
		// Modified would add an extended-timestamp extra field (see zipEpochDate).
		//lint:ignore SA1019 the MS-DOS fields are the only timestamp wanted
		ModifiedDate: zipEpochDate, ModifiedTime: zipEpochTime,
		Method: zip.Store,
	}
	if !isASCII(it.name) && utf8.ValidString(it.name) {
		fh.Flags |= zipFlagUTF8
	}
	if it.entry == nil {
		fh.SetMode(fs.ModeDir | 0o755)
	} else {
		fh.SetMode(0o644)
		fh.Method = it.entry.method
		fh.CRC32 = it.entry.crc
		fh.CompressedSize64 = uint64(len(it.entry.data))
		fh.UncompressedSize64 = it.entry.size
	}
	// CreateRaw copies the data compressed by Write and leaves the header
	// as given: sizes in the local header, no data descriptor, no extras.
	w, err := zw.CreateRaw(fh)
	if err == nil && it.entry != nil {
		_, err = w.Write(it.entry.data)
	}
	return err
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Save writes the archive to file atomically: into a temporary file beside
// it, renamed over file only once complete, so a failure leaves an
// existing file as it was and a web server or a download never sees half
// an archive. The folder holding file is created if missing.
func (z *Zip) Save(file string) (err error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return fmt.Errorf("không xác định được tệp nén %s: %v — hãy kiểm tra đường dẫn ở tuỳ chọn --zip", file, err)
	}
	dir, base := filepath.Split(abs)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("không tạo được thư mục %s để chứa tệp nén: %v — hãy kiểm tra quyền ghi hoặc chọn nơi khác bằng --zip", dir, err)
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("không tạo được tệp tạm trong %s: %v — hãy kiểm tra quyền ghi và dung lượng đĩa", dir, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	bw := bufio.NewWriterSize(f, 1<<20)
	if _, err = z.WriteTo(bw); err == nil {
		err = bw.Flush()
	}
	if err == nil {
		// The rename is the commit point; sync first so that a crash
		// cannot leave a renamed but empty archive.
		err = f.Sync()
	}
	if err == nil {
		err = f.Chmod(0o644) // CreateTemp makes it 0600; others must read it
	}
	if err == nil {
		err = f.Close()
	}
	if err != nil {
		return fmt.Errorf("không ghi được tệp nén %s, tệp cũ (nếu có) giữ nguyên: %v — hãy kiểm tra quyền ghi và dung lượng đĩa", abs, err)
	}
	if err = renameWaiting(tmp, abs); err != nil {
		return fmt.Errorf("không thay được tệp nén %s, tệp cũ (nếu có) giữ nguyên: %v — hãy kiểm tra quyền ghi, hoặc đóng chương trình đang mở tệp đó", abs, err)
	}
	return nil
}

// CheckZipFile returns an error, in Vietnamese, when file must not receive
// the archive of the site whose root is siteRoot: inside content/,
// layouts/ or assets/, the archive would be copied into the next build
// (and grow with each one); an existing folder cannot be replaced by a
// file.
func CheckZipFile(siteRoot, file string) error {
	root, err := resolvePath(siteRoot)
	if err != nil {
		return fmt.Errorf("không xác định được thư mục trang %s: %v — hãy kiểm tra đường dẫn ở tuỳ chọn -s", siteRoot, err)
	}
	f, err := resolvePath(file)
	if err != nil {
		return fmt.Errorf("không xác định được tệp nén %s: %v — hãy kiểm tra đường dẫn ở tuỳ chọn --zip", file, err)
	}
	suggestion := filepath.Join(filepath.Dir(root), filepath.Base(root)+".zip")
	for _, protected := range []string{"content", "layouts", "assets"} {
		if within(f, filepath.Join(root, protected)) {
			return fmt.Errorf("tệp nén %s nằm trong %s/ của trang; mọi tệp ở đó được chép vào trang, nên tệp nén sẽ lọt vào lần dựng sau — hãy chọn nơi ngoài %s/, ví dụ %s", f, protected, protected, suggestion)
		}
	}
	fi, err := os.Stat(f)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("không đọc được tệp nén %s: %v — hãy kiểm tra quyền truy cập, hoặc chọn nơi khác bằng --zip", f, err)
	case fi.IsDir():
		return fmt.Errorf("%s là một thư mục, không phải tệp — hãy ghi tên tệp nén, ví dụ %s", f, filepath.Join(f, "cchc.zip"))
	}
	return nil
}
