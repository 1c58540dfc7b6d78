// Package links resolves what an editor's page points at against the
// site's index: its links and images (to their output URL, or a problem at
// their line), the data files of its charts, and the documents it cites by
// number. It fingerprints what it reads, for the keys of the page cache.
package links

import (
	"fmt"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/cchc-vn/cchc/internal/cache"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/fingerprint"
	"github.com/cchc-vn/cchc/internal/markdown"
	"github.com/cchc-vn/cchc/internal/viet"
)

// Resolver resolves the links and images an editor writes against the
// site index. It is read-only after construction, so pages resolve in
// parallel.
type Resolver struct {
	site     *content.Site
	basePath string
	// filesBySource maps a file's path under content/ to its output URL.
	filesBySource map[string]string
	// generated are URLs the build writes besides pages (lists, topics, feeds).
	generated map[string]bool
}

// New returns the Resolver of site, served under basePath; generated are
// the URLs the build writes besides pages and files (lists, topics, feeds).
func New(site *content.Site, basePath string, generated map[string]bool) *Resolver {
	l := &Resolver{site: site, basePath: basePath, filesBySource: map[string]string{}, generated: generated}
	for _, f := range site.Files {
		l.filesBySource[strings.TrimPrefix(f.Source, content.ContentDir+"/")] = f.URL
	}
	return l
}

// IsExternal reports whether dest leaves the site or is not a path at all.
func IsExternal(dest string) bool {
	if strings.HasPrefix(dest, "//") {
		return true
	}
	u, err := url.Parse(dest)
	return err == nil && u.Scheme != ""
}

// For returns the markdown.Resolver of page p's body.
func (l *Resolver) For(p *content.Page) markdown.Resolver {
	return func(link markdown.Link) (string, *markdown.Problem) {
		dest := strings.TrimSpace(link.Dest)
		if dest == "" || strings.HasPrefix(dest, "#") || IsExternal(dest) {
			return dest, nil
		}
		out, problem := l.Resolve(p, dest, link.Image)
		if problem != nil {
			problem.Line, problem.Col = link.Line, link.Col
		}
		return out, problem
	}
}

// Resolve maps a local destination of page p to the base path and its
// output URL; image says it is an image's, which only a file can be.
func (l *Resolver) Resolve(p *content.Page, dest string, image bool) (string, *markdown.Problem) {
	// The query and fragment are kept as written (a search page reads
	// ?q=); only the path is resolved.
	target, fragment, hasFragment := strings.Cut(dest, "#")
	target, query, hasQuery := strings.Cut(target, "?")
	suffix := ""
	if hasQuery {
		suffix += "?" + query
	}
	if hasFragment {
		suffix += "#" + fragment
	}
	if t, err := url.PathUnescape(target); err == nil {
		target = t
	}
	target = viet.NFC(target)
	if u, ok := l.lookup(p, target, image); ok {
		return l.basePath + u + suffix, nil
	}
	if q := l.unpublished(p, target); q != nil {
		why := "là bản nháp (`draft: true`)"
		if !q.Draft {
			why = "có ngày đăng " + viet.ShortDate(q.Date) + ", chưa đến ngày"
		}
		return dest, &markdown.Problem{
			Message: fmt.Sprintf("liên kết tới %q: bài %s %s nên chưa được xuất bản", dest, q.Source, why),
			Hint:    "bỏ liên kết này, hoặc xuất bản bài kia trước",
		}
	}
	if q := l.failed(p, target); q != "" && !image {
		if l.site.Drafts[q] {
			// A draft is unpublished whether it loads or not: the link
			// is broken as a link to any draft is.
			return dest, &markdown.Problem{
				Message: fmt.Sprintf("liên kết tới %q: bài %s là bản nháp (`draft: true`) nên chưa được xuất bản", dest, q),
				Hint:    "bỏ liên kết này, hoặc xuất bản bài kia trước",
			}
		}
		return dest, &markdown.Problem{
			Message:   fmt.Sprintf("liên kết tới %q: bài %s có lỗi nên chưa dựng được (lỗi của bài đó được báo ở trên)", dest, q),
			Hint:      "sửa lỗi của bài kia; liên kết này sẽ tự đúng",
			Dependent: true,
		}
	}
	what, hint := "liên kết", "kiểm tra tên tệp .md hoặc đường dẫn; đường dẫn tương đối tính từ thư mục chứa bài"
	if image {
		what, hint = "ảnh", "đặt tệp ảnh cạnh bài viết (hoặc trong thư mục của bài) và kiểm tra tên tệp, kể cả chữ hoa, chữ thường"
	}
	return dest, &markdown.Problem{Message: fmt.Sprintf("%s tới %q không tồn tại", what, dest), Hint: hint}
}

// targets reads a local destination as a path under content/ (from the
// page's folder, or from content/ when it starts with '/') and as a URL
// below the base path.
func (l *Resolver) targets(p *content.Page, target string) (fromDir, fromURL string) {
	if strings.HasPrefix(target, "/") {
		rooted := strings.TrimPrefix(target, l.basePath)
		if rooted == target {
			rooted = strings.TrimPrefix(target, "/")
		}
		return path.Clean("/" + rooted)[1:], rooted
	}
	fromDir = path.Clean(path.Join("/", p.Dir, target))[1:]
	fromURL = path.Join("/", p.URL, target)[1:]
	if strings.HasSuffix(target, "/") && fromURL != "" {
		fromURL += "/"
	}
	return fromDir, fromURL
}

// failed returns the source of the page that could not be loaded which a
// broken link names, by its file or by the URL its file name gives, or "".
func (l *Resolver) failed(p *content.Page, target string) string {
	fromDir, fromURL := l.targets(p, target)
	if _, ok := l.site.Failed[fromDir]; ok {
		return content.ContentDir + "/" + fromDir
	}
	if !strings.HasSuffix(fromURL, "/") {
		fromURL += "/"
	}
	for _, rel := range slices.Sorted(maps.Keys(l.site.Failed)) {
		if u := l.site.Failed[rel]; u != "" && u == fromURL {
			return content.ContentDir + "/" + rel
		}
	}
	return ""
}

// lookup tries dest as a source path (from the page's folder, or from
// content/ when it starts with '/'), then as a page URL.
func (l *Resolver) lookup(p *content.Page, target string, image bool) (string, bool) {
	fromDir, fromURL := l.targets(p, target)
	if q, ok := l.site.ByPath[fromDir]; ok {
		return q.URL, true
	}
	if content.IsPageFile(fromDir) {
		return "", false
	}
	if u, ok := l.filesBySource[fromDir]; ok {
		return u, true
	}
	if image {
		return "", false
	}
	if fromURL == "" || strings.HasSuffix(fromURL, "/") {
		if _, ok := l.site.ByURL[fromURL]; ok || l.generated[fromURL] {
			return fromURL, true
		}
		return "", false
	}
	if _, ok := l.site.FileByURL[fromURL]; ok || l.generated[fromURL] {
		return fromURL, true
	}
	// A page URL written without its trailing slash.
	if _, ok := l.site.ByURL[fromURL+"/"]; ok {
		return fromURL + "/", true
	}
	return "", false
}

// unpublished finds the left-out page a broken link meant, if any.
func (l *Resolver) unpublished(p *content.Page, target string) *content.Page {
	rel := path.Clean(path.Join("/", p.Dir, target))[1:]
	if q, ok := l.site.Unpublished[rel]; ok {
		return q
	}
	slug := path.Base(strings.TrimSuffix(target, "/"))
	for _, q := range l.site.Unpublished {
		if q.Slug == slug && strings.HasSuffix(target, "/") {
			return q
		}
	}
	return nil
}

// linkIndex is what the Resolver reads of the site, and so what a page's
// rendered body depends on besides its own source: the key of the index
// in every page's cache key. It stays next to the code that reads it.
type linkIndex struct {
	Base        string
	Pages       map[string]string        // ByPath: source under content/ → URL
	URLs        map[string]bool          // ByURL
	Unpublished map[string]unpublishedAt // left-out pages, as link messages name them
	Failed      map[string]string
	Drafts      map[string]bool
	Files       map[string]string // by source
	FileURLs    map[string]bool   // FileByURL
	Generated   map[string]bool
}

type unpublishedAt struct {
	Source, Slug string
	Draft        bool
	Date         time.Time
}

// Key is the fingerprint of what the Resolver reads.
func (l *Resolver) Key() cache.Key {
	ix := linkIndex{
		Base: l.basePath, Pages: map[string]string{}, URLs: map[string]bool{},
		Unpublished: map[string]unpublishedAt{}, Failed: l.site.Failed, Drafts: l.site.Drafts,
		Files: l.filesBySource, FileURLs: map[string]bool{}, Generated: l.generated,
	}
	for k, p := range l.site.ByPath {
		ix.Pages[k] = p.URL
	}
	for u := range l.site.ByURL {
		ix.URLs[u] = true
	}
	for k, p := range l.site.Unpublished {
		ix.Unpublished[k] = unpublishedAt{Source: p.Source, Slug: p.Slug, Draft: p.Draft, Date: p.Date}
	}
	for u := range l.site.FileByURL {
		ix.FileURLs[u] = true
	}
	return fingerprint.Of(ix)
}
