// Package load reads a site's content/ folder into the site model: it
// walks the folder (skipping editors' temporary files and symbolic
// links), reads each page's bytes into clean text (UTF-16, legacy
// encodings, NFD, look-alike letters), reads its front matter
// (internal/matter) and decodes its fields (internal/pagefields) in
// parallel, keeps parsed files for the next load, and hands the pages and
// files to content.Index.
package load

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/matter"
	"github.com/cchc-vn/cchc/internal/pagefields"
	"github.com/cchc-vn/cchc/internal/viet"
	"github.com/cchc-vn/cchc/internal/workers"
)

// Options change what Site keeps.
type Options struct {
	Drafts bool      // keep pages marked draft
	Future bool      // keep pages dated after Now
	Now    time.Time // "future" is judged against it
	// MaxFileSize caps one Markdown file; 0 means content.DefaultMaxFileSize.
	MaxFileSize int64
	// Parsed, when set, keeps parsed files for the next load.
	Parsed *ParseCache
	// Workers parses the files; nil means GOMAXPROCS of them.
	Workers *workers.Pool
}

// source is a file found under content/, before it is parsed.
type source struct {
	raw     string // path in the fs.FS, as the file system spells it
	rel     string // NFC path relative to content/
	size    int64
	modTime time.Time
}

// Site reads every file under content/ of fsys (a site root), parses the
// Markdown pages, and indexes them. All problems are reported together.
func Site(fsys fs.FS, cfg *config.Config, opts Options) (*content.Site, diag.List) {
	var ds diag.List
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = content.DefaultMaxFileSize
	}
	pagesSrc, files := walk(fsys, &ds)
	if pagesSrc == nil && files == nil && ds.HasErrors() {
		return nil, ds
	}
	bundles := bundleDirs(pagesSrc)
	pages, loaded := parseAll(fsys, cfg, opts, pagesSrc, bundles, &ds)
	found := make([]content.FoundFile, len(files))
	for i, s := range files {
		found[i] = content.FoundFile{FSPath: s.raw, Rel: s.rel, Size: s.size, Bundle: bundleOf(s.rel, bundles)}
	}
	site := content.Index(cfg, pages, found, content.IndexOptions{Drafts: opts.Drafts, Future: opts.Future, Now: opts.Now}, &ds)
	site.Drafts, site.Failed = loaded.drafts, map[string]string{}
	for _, rel := range loaded.failed {
		site.Failed[rel] = wouldBeURL(rel, bundles)
	}
	return site, content.MarkDrafts(ds, site.Drafts, !opts.Drafts)
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
	case p.Role == content.RoleArticle:
		return viet.Slug(p.Section) + "/" + slug + "/"
	case p.Role == content.RolePage:
		return slug + "/"
	}
	return ""
}

// walk lists content/, skipping editors' temp files and every symbolic
// link (a link could lead outside content/, and a build must never publish
// what lies there).
func walk(fsys fs.FS, ds *diag.List) (md, other []source) {
	err := fs.WalkDir(fsys, content.ContentDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == content.ContentDir && errors.Is(err, fs.ErrNotExist) {
				return err
			}
			ds.Errorf(diag.Position{File: viet.NFC(p)}, "kiểm tra quyền đọc của tệp", "không đọc được: %v", err)
			return nil
		}
		if p != content.ContentDir && content.Ignored(d.Name()) {
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
		s := source{raw: p, rel: viet.NFC(strings.TrimPrefix(p, content.ContentDir+"/")), size: info.Size(), modTime: info.ModTime()}
		if content.IsPageFile(s.rel) || strings.HasSuffix(strings.ToLower(s.rel), ".txt") && looksLikePage(fsys, p) {
			md = append(md, s)
		} else {
			other = append(other, s)
		}
		return nil
	})
	if err != nil {
		ds.Errorf(diag.Position{File: content.ContentDir + "/"}, "tạo thư mục content/ và đặt các bài viết .md vào đó",
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
		if stem, _ := content.PageStem(name); strings.EqualFold(stem, "index") && dir != "" {
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
func parseAll(fsys fs.FS, cfg *config.Config, opts Options, srcs []source, bundles map[string]bool, ds *diag.List) ([]*content.Page, loadResult) {
	pages := make([]*content.Page, len(srcs))
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
	var out []*content.Page
	res := loadResult{drafts: map[string]bool{}}
	for i, p := range pages {
		ds.Add(lists[i]...)
		if drafts[i] {
			res.drafts[content.ContentDir+"/"+srcs[i].rel] = true
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
func parseFile(fsys fs.FS, cfg *config.Config, opts Options, s source, bundles map[string]bool, ds *diag.List) (page *content.Page, draft bool) {
	file := content.ContentDir + "/" + s.rel
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
func parseText(cfg *config.Config, s source, src []byte, bundles map[string]bool, ds *diag.List) *content.Page {
	file := content.ContentDir + "/" + s.rel
	at := func(line int) diag.Position { return diag.Position{File: file, Line: line} }
	p := classify(s.rel, bundles)
	p.Source = file
	if name := notepadName(path.Base(s.rel)); name != "" {
		ds.Warnf(at(0), fmt.Sprintf("đổi tên tệp thành %q: trong Notepad chọn Lưu thành… (Save As), ở ô Kiểu tệp (Save as type) chọn Tất cả tệp (All files)", name),
			"tên tệp có đuôi .txt (Notepad thêm vào khi lưu): tệp vẫn được dựng thành bài vì nó mở đầu bằng phần khai báo")
	}
	front, ok := matter.Read(file, src, pagefields.KeyName, ds)
	if !ok {
		return nil
	}
	pagefields.Decode(p, front, cfg, ds)
	if p.Role == content.RoleArticle || p.Role == content.RolePage {
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

// classify tells the kind, section and folder of a Markdown file from
// where it lies under content/.
func classify(rel string, bundles map[string]bool) *content.Page {
	p := &content.Page{}
	dir, name := path.Split(rel)
	dir = strings.TrimSuffix(dir, "/")
	if stem, ok := content.PageStem(name); ok {
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
		p.Role = content.RoleHome
	case !nested || (p.Bundle && !strings.Contains(p.Dir, "/")):
		p.Role = content.RolePage // content/x.md or content/x/index.md
	case name == "_index" && dir == first:
		p.Role, p.Section = content.RoleSection, first
	default:
		p.Role, p.Section = content.RoleArticle, first
	}
	return p
}

// fileSlug derives a page's slug from its file (or bundle folder) name.
func fileSlug(rel string, bundle bool) string {
	name := path.Base(rel)
	if stem, ok := content.PageStem(name); ok {
		name = stem
	} else {
		name = strings.TrimSuffix(name, path.Ext(name)) // a .txt page
	}
	if bundle {
		name = path.Base(path.Dir(rel))
	}
	s := viet.Slug(name)
	if len(s) > content.MaxSlugLen {
		s = s[:content.MaxSlugLen]
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

// warnStandalone tells that a page at the top of content/ with topics,
// which only articles use, is a stand-alone page: it is in no list, no
// topic page and no feed, however it is classed. That is an article put
// in the wrong folder. A date alone is not warned: an "about" page may
// carry one, which dates it in the sitemap.
func warnStandalone(p *content.Page, ds *diag.List) {
	if p.Role != content.RolePage || len(p.Topics) == 0 {
		return
	}
	keys := "`topics`"
	if !p.Date.IsZero() {
		keys = "`date` và `topics`"
	}
	name := p.Source[len(content.ContentDir)+1:]
	ds.Warnf(diag.Position{File: p.Source, Line: p.Lines["topics"]},
		fmt.Sprintf("nếu đây là một bài viết, chuyển tệp vào một mục, ví dụ content/bai-viet/%s; nếu là trang đứng riêng (giới thiệu, liên hệ), xóa dòng `topics`", name),
		"tệp đặt thẳng trong content/ là trang đứng riêng (/%s/), không hiện trong danh sách bài, trang chủ đề hay RSS nào, dù có %s như một bài viết", p.Slug, keys)
}
