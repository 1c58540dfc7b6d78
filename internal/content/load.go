package content

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/matter"
	"github.com/cchc-vn/cchc/internal/viet"
	"github.com/cchc-vn/cchc/internal/workers"
)

// Options change what Load keeps.
type Options struct {
	Drafts bool      // keep pages marked draft
	Future bool      // keep pages dated after Now
	Now    time.Time // "future" is judged against it
	// MaxFileSize caps one Markdown file; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Parsed, when set, keeps parsed files for the next Load.
	Parsed *ParseCache
	// Workers parses the files; nil means GOMAXPROCS of them.
	Workers *workers.Pool
}

// DefaultMaxFileSize is far above any real article (a long one is 50 KB)
// and low enough that a pasted data dump fails fast with a clear message.
const DefaultMaxFileSize = 2 << 20

// ContentDir is the folder of the site root that holds the articles.
const ContentDir = "content"

// source is a file found under content/, before it is parsed.
type source struct {
	raw     string // path in the fs.FS, as the file system spells it
	rel     string // NFC path relative to content/
	size    int64
	modTime time.Time
}

// Load reads every file under content/ of fsys (a site root), parses the
// Markdown pages, and indexes them. All problems are reported together.
func Load(fsys fs.FS, cfg *config.Config, opts Options) (*Site, diag.List) {
	var ds diag.List
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	pagesSrc, files := walk(fsys, &ds)
	if pagesSrc == nil && files == nil && ds.HasErrors() {
		return nil, ds
	}
	bundles := bundleDirs(pagesSrc)
	pages, loaded := parseAll(fsys, cfg, opts, pagesSrc, bundles, &ds)
	site := index(cfg, opts, pages, files, bundles, &ds)
	site.Drafts, site.Failed = loaded.drafts, map[string]string{}
	for _, rel := range loaded.failed {
		site.Failed[rel] = wouldBeURL(rel, bundles)
	}
	return site, MarkDrafts(ds, site.Drafts, !opts.Drafts)
}

// loadResult is what parsing tells besides the pages.
type loadResult struct {
	drafts map[string]bool // source paths of drafts, loaded or not
	failed []string        // paths under content/ of pages that could not be loaded
}

// wouldBeURL is the URL a page that could not be loaded would have had,
// from its file name (a `slug:` in it could not be read), so that a link
// written as a URL to it is known for what it is. "" for a page without
// one of its own (a section's or the home page's intro).
func wouldBeURL(rel string, bundles map[string]bool) string {
	p := classify(rel, bundles)
	slug := fileSlug(rel, p.Bundle)
	switch {
	case slug == "":
		return ""
	case p.Role == RoleArticle:
		return viet.Slug(p.Section) + "/" + slug + "/"
	case p.Role == RolePage:
		return slug + "/"
	}
	return ""
}

// walk lists content/, skipping editors' temp files and every symbolic
// link (a link could lead outside content/, and a build must never publish
// what lies there).
func walk(fsys fs.FS, ds *diag.List) (md, other []source) {
	err := fs.WalkDir(fsys, ContentDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == ContentDir && errors.Is(err, fs.ErrNotExist) {
				return err
			}
			ds.Errorf(diag.Position{File: viet.NFC(p)}, "kiểm tra quyền đọc của tệp", "không đọc được: %v", err)
			return nil
		}
		if p != ContentDir && Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			ds.Warnf(diag.Position{File: viet.NFC(p)}, "chép tệp thật vào thư mục content/ thay cho liên kết",
				"bỏ qua liên kết tượng trưng (symbolic link): không đi theo liên kết ra ngoài nội dung")
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		s := source{raw: p, rel: viet.NFC(strings.TrimPrefix(p, ContentDir+"/")), size: info.Size(), modTime: info.ModTime()}
		if IsPageFile(s.rel) || strings.HasSuffix(strings.ToLower(s.rel), ".txt") && looksLikePage(fsys, p) {
			md = append(md, s)
		} else {
			other = append(other, s)
		}
		return nil
	})
	if err != nil {
		ds.Errorf(diag.Position{File: ContentDir + "/"}, "tạo thư mục content/ và đặt các bài viết .md vào đó",
			"không tìm thấy thư mục nội dung content/")
		return nil, nil
	}
	return md, other
}

// bundleDirs returns the folders (relative to content/) that are page
// bundles: they hold an index.md, and everything below them belongs to it.
func bundleDirs(md []source) map[string]bool {
	out := map[string]bool{}
	for _, s := range md {
		dir, name := path.Split(s.rel)
		if stem, _ := pageStem(name); strings.EqualFold(stem, "index") && dir != "" {
			out[strings.TrimSuffix(dir, "/")] = true
		}
	}
	return out
}

// bundleOf returns the bundle folder that holds rel, or "".
func bundleOf(rel string, bundles map[string]bool) string {
	for dir := path.Dir(rel); dir != "." && dir != ""; dir = path.Dir(dir) {
		if bundles[dir] {
			return dir
		}
	}
	return ""
}

// parseAll parses the Markdown files in parallel; results keep the input
// order so diagnostics and the index do not depend on scheduling.
func parseAll(fsys fs.FS, cfg *config.Config, opts Options, srcs []source, bundles map[string]bool, ds *diag.List) ([]*Page, loadResult) {
	pages := make([]*Page, len(srcs))
	lists := make([]diag.List, len(srcs))
	drafts := make([]bool, len(srcs))
	var vocab string
	if opts.Parsed != nil {
		vocab = parseEnv(cfg, opts)
	}
	opts.Workers.Run(len(srcs), func(i int) {
		var env string
		if opts.Parsed != nil {
			env = vocab + "\x02" + bundleOf(srcs[i].rel, bundles)
		}
		if p, ds, ok := opts.Parsed.get(srcs[i], env); ok {
			pages[i], lists[i], drafts[i] = p, ds, p.Draft
			return
		}
		pages[i], drafts[i] = parseFile(fsys, cfg, opts, srcs[i], bundles, &lists[i])
		if opts.Parsed != nil && pages[i] != nil {
			pages[i].BodySum = sha256.Sum256(pages[i].Body)
		}
		opts.Parsed.put(srcs[i], env, pages[i], lists[i])
	})
	var out []*Page
	res := loadResult{drafts: map[string]bool{}}
	for i, p := range pages {
		ds.Add(lists[i]...)
		if drafts[i] {
			res.drafts[ContentDir+"/"+srcs[i].rel] = true
		}
		if p != nil {
			out = append(out, p)
		} else {
			res.failed = append(res.failed, srcs[i].rel)
		}
	}
	return out, res
}

// parseFile reads one Markdown file into a Page, or returns nil after
// reporting why it cannot. draft tells whether the file is a draft, also
// when its front matter could not be read (a `draft: true` line).
func parseFile(fsys fs.FS, cfg *config.Config, opts Options, s source, bundles map[string]bool, ds *diag.List) (page *Page, draft bool) {
	file := ContentDir + "/" + s.rel
	at := func(line int) diag.Position { return diag.Position{File: file, Line: line} }
	if s.size > opts.MaxFileSize {
		ds.Errorf(at(1), "tách bài thành nhiều bài, hoặc đưa số liệu vào tệp đính kèm",
			"tệp quá lớn (%s), giới hạn là %s", humanSize(s.size), humanSize(opts.MaxFileSize))
		return nil, false
	}
	raw, err := fs.ReadFile(fsys, s.raw)
	if err != nil {
		ds.Errorf(at(0), "kiểm tra quyền đọc của tệp", "không đọc được tệp: %v", err)
		return nil, false
	}
	src, ok := cleanText(raw, file, ds)
	if !ok {
		return nil, flaggedDraft(raw)
	}
	p := parseText(cfg, s, src, bundles, ds)
	if p == nil {
		return nil, flaggedDraft(src)
	}
	return p, p.Draft
}

// parseText parses the clean text of one Markdown file into a Page, or
// returns nil after reporting why it cannot.
func parseText(cfg *config.Config, s source, src []byte, bundles map[string]bool, ds *diag.List) *Page {
	file := ContentDir + "/" + s.rel
	at := func(line int) diag.Position { return diag.Position{File: file, Line: line} }
	p := classify(s.rel, bundles)
	p.Source = file
	if name := notepadName(path.Base(s.rel)); name != "" {
		ds.Warnf(at(0), fmt.Sprintf("đổi tên tệp thành %q: trong Notepad chọn Lưu thành… (Save As), ở ô Kiểu tệp (Save as type) chọn Tất cả tệp (All files)", name),
			"tên tệp có đuôi .txt (Notepad thêm vào khi lưu): tệp vẫn được dựng thành bài vì nó mở đầu bằng phần khai báo")
	}
	front, ok := matter.Read(file, src, fieldName, ds)
	if !ok {
		return nil
	}
	if front.Format == "yaml" {
		warnCurlyQuotes(file, front.Fields, ds)
	}
	fields, ok := front.Fields, front.Decoded
	var required []string
	switch {
	case !ok:
	case p.Role == RoleArticle:
		required = []string{"title", "date", "topics"}
	case p.Role == RolePage: // "giới thiệu", "liên hệ": no date or topic needed
		required = []string{"title"}
	}
	dec := decoder{file: file, cfg: cfg, ds: ds}
	p.Body, p.BodyLine = front.Body, front.BodyLine
	if spec := specOf(p.Section); spec != nil && p.Role == RoleArticle && ok {
		dec.topicsOptional = true
		dec.decodeKind(p, spec, fields)
		if p.QA != nil && len(bytes.TrimSpace(p.Body)) == 0 {
			ds.Errorf(at(p.BodyLine), "viết câu trả lời ngay dưới dòng `---` cuối phần khai báo",
				"câu hỏi chưa có nội dung trả lời: phần nội dung của trang hỏi đáp là câu trả lời")
		}
	} else {
		dec.decodePage(p, fields, required)
	}
	if p.Role == RoleArticle || p.Role == RolePage {
		if p.Slug == "" {
			p.Slug = fileSlug(s.rel, p.Bundle)
		}
		warnStandalone(p, ds)
		if p.Slug == "" {
			ds.Errorf(at(1), "đặt tên tệp có chữ cái hoặc số, hoặc thêm `slug: ten-bai-viet`",
				"không tạo được đường dẫn từ tên tệp %q", path.Base(s.rel))
		}
	}
	return p
}

// cleanText checks the bytes of a Markdown file and returns it as NFC text
// without BOM and with LF line ends, decoded from UTF-16 if need be.
func cleanText(src []byte, file string, ds *diag.List) ([]byte, bool) {
	src, ok := decodeSource(src, file, ds)
	if !ok {
		return nil, false
	}
	if bytes.Contains(src, []byte("\r")) {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	}
	if !viet.IsNFCBytes(src) {
		warnNFD(src, file, ds)
		src = norm.NFC.Bytes(src)
	}
	warnLookalikes(src, file, ds)
	reportMojibake(src, file, ds)
	return src, true
}

// warnNFD tells the editor where decomposed text (pasted from some Mac or
// PDF sources) starts. The build normalises it; a search or a copy of the
// source file would not, so it is worth fixing at the source.
func warnNFD(src []byte, file string, ds *diag.List) {
	line, col := lineColAt(src, norm.NFC.QuickSpan(src))
	ds.Warnf(diag.Position{File: file, Line: line, Col: col}, "gõ lại đoạn này bằng bộ gõ tiếng Việt (Unicode dựng sẵn), hoặc lưu tệp ở dạng NFC",
		"văn bản có chữ tổ hợp (dấu tách rời khỏi chữ, dạng NFD)")
}

// warnLookalikes reports characters that only look Vietnamese, such as
// the Icelandic Ð for Đ; the text is shown as written, never rewritten.
func warnLookalikes(src []byte, file string, ds *diag.List) {
	if !mayHoldLookalikes(src) {
		return
	}
	for _, l := range viet.Lookalikes(string(src)) {
		line, col := lineColAt(src, l.Offset)
		ds.Warnf(diag.Position{File: file, Line: line, Col: col}, fmt.Sprintf("gõ lại chữ %q bằng bộ gõ tiếng Việt", l.Intended), "%s", l.String())
	}
}

// mayHoldLookalikes is a byte scan for the only look-alikes there are:
// Latin-1 Ð/ð (C3 90, C3 B0) and Greek or Cyrillic letters (lead bytes
// CD–D3), so the rune-by-rune search runs only on the rare text that
// has one.
func mayHoldLookalikes(src []byte) bool {
	for i, c := range src {
		if c >= 0xCD && c <= 0xD3 || c == 0xC3 && i+1 < len(src) && (src[i+1] == 0x90 || src[i+1] == 0xB0) {
			return true
		}
	}
	return false
}

// lineColAt converts a byte offset to a line and a column counted in
// characters, both from 1.
func lineColAt(src []byte, offset int) (int, int) {
	start := bytes.LastIndexByte(src[:offset], '\n') + 1
	return lineAt(src, offset), utf8.RuneCount(src[start:offset]) + 1
}

func lineAt(src []byte, offset int) int { return bytes.Count(src[:offset], []byte("\n")) + 1 }

// classify tells the kind, section and folder of a Markdown file from
// where it lies under content/.
func classify(rel string, bundles map[string]bool) *Page {
	p := &Page{}
	dir, name := path.Split(rel)
	dir = strings.TrimSuffix(dir, "/")
	if stem, ok := pageStem(name); ok {
		name = stem
	} else {
		name = strings.TrimSuffix(name, path.Ext(name)) // a .txt page
	}
	name = strings.ToLower(name) // Windows shows Index.md and index.md alike
	if b := bundleOf(rel, bundles); b != "" && name == "index" && path.Dir(rel) == b {
		p.Bundle = true
		p.Dir = b
	} else {
		p.Dir = dir
	}
	first, _, nested := strings.Cut(rel, "/")
	switch {
	case name == "_index" && dir == "":
		p.Role = RoleHome
	case !nested || (p.Bundle && !strings.Contains(p.Dir, "/")):
		p.Role = RolePage // content/x.md or content/x/index.md
	case name == "_index" && dir == first:
		p.Role, p.Section = RoleSection, first
	default:
		p.Role, p.Section = RoleArticle, first
	}
	return p
}

// fileSlug derives a page's slug from its file (or bundle folder) name.
func fileSlug(rel string, bundle bool) string {
	name := path.Base(rel)
	if stem, ok := pageStem(name); ok {
		name = stem
	} else {
		name = strings.TrimSuffix(name, path.Ext(name)) // a .txt page
	}
	if bundle {
		name = path.Base(path.Dir(rel))
	}
	s := viet.Slug(name)
	if len(s) > maxSlugLen {
		s = s[:maxSlugLen]
		if i := strings.LastIndexByte(s, '-'); i > 0 {
			s = s[:i]
		}
	}
	return s
}

// humanSize writes a size the Vietnamese way, with a decimal comma.
func humanSize(n int64) string {
	var s string
	switch {
	case n >= 1<<20:
		s = fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		s = fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	default:
		return fmt.Sprintf("%d byte", n)
	}
	return strings.Replace(s, ".", ",", 1)
}
