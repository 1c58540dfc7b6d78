package content

import (
	"cmp"
	"maps"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/viet"
)

// sectionTitles name the sections the column's plan calls for, when their
// _index.md does not.
var sectionTitles = map[string]string{
	SectionArticles:   "Tin bài",
	SectionDocuments:  "Văn bản chỉ đạo, điều hành",
	SectionQA:         "Dân hỏi – Cơ quan chức năng trả lời",
	SectionProcedures: "Thủ tục hành chính",
	SectionEvents:     "Sự kiện",
}

// IndexOptions say which of the loaded pages Index publishes.
type IndexOptions struct {
	Drafts bool      // publish pages marked draft
	Future bool      // publish pages dated after Now
	Now    time.Time // "future" is judged against it
}

// FoundFile is a file under content/ that is not a page, as the loader
// found it; Index gives it its URL.
type FoundFile struct {
	FSPath string // path in the site's fs.FS, as the file system spells it
	Rel    string // NFC path relative to content/
	Size   int64
	// Bundle is the page bundle folder (relative to content/) that holds
	// the file, or "": the file is published beside the bundle's page.
	Bundle string
}

// Index makes the site of the loaded pages and the other files of
// content/: it leaves out drafts and future pages unless opts says
// otherwise, assigns URLs, sorts, groups pages by section and topic,
// resolves documents' attachments and reports collisions. It is pure: the
// same pages give the same Site. It fills every field of Site but Drafts
// and Failed, which are the loader's.
func Index(cfg *config.Config, pages []*Page, files []FoundFile, opts IndexOptions, ds *diag.List) *Site {
	site := &Site{
		ByPath:      map[string]*Page{},
		ByURL:       map[string]*Page{},
		FileByURL:   map[string]File{},
		Unpublished: map[string]*Page{},
	}
	owners := map[string]string{} // URL → source that claimed it
	claim := func(url, src string, line int) bool {
		if prev, ok := owners[url]; ok {
			if prev == src {
				twinNames(diag.Position{File: src, Line: line}, ds)
				return false
			}
			ds.Errorf(diag.Position{File: src, Line: line}, "đổi tên tệp hoặc thêm `slug:` khác cho một trong hai bài",
				"trùng đường dẫn /%s với %s", url, prev)
			return false
		}
		owners[url] = src
		return true
	}
	for _, r := range reservedRoots {
		owners[r+"/"] = "(đường dẫn dành riêng của chuyên mục)"
		owners[r] = owners[r+"/"]
	}
	owners[SectionProcedures+"/"+LeafletPath] = "(sổ tay in các thủ tục, đường dẫn dành riêng của chuyên mục)"
	if cfg.Report.Public {
		owners[StatsURL] = "(trang thống kê mà site.yaml cho đăng, đường dẫn dành riêng của chuyên mục)"
	}

	sections := map[string]*Section{}
	var intros, scheduled []*Page
	for _, p := range slices.SortedFunc(slices.Values(pages), bySource) {
		rel := strings.TrimPrefix(p.Source, ContentDir+"/")
		switch p.Role {
		case RoleHome:
			site.Home = p
			site.ByPath[rel] = p
			continue
		case RoleSection:
			intros = append(intros, p)
			continue
		}
		if p.Draft && !opts.Drafts {
			site.Unpublished[rel] = p
			continue
		}
		if p.Future(opts.Now) && !opts.Future {
			site.Unpublished[rel] = p
			scheduled = append(scheduled, p)
			continue
		}
		if p.Slug == "" {
			continue // reported by the loader
		}
		if p.Role == RoleArticle {
			sec := sections[p.Section]
			if sec == nil {
				sec = &Section{Name: p.Section, Slug: viet.Slug(p.Section)}
				sections[p.Section] = sec
			}
			p.URL = sec.Slug + "/" + p.Slug + "/"
		} else {
			p.URL = p.Slug + "/"
		}
		if !claim(p.URL, p.Source, max(1, p.Lines["slug"])) {
			continue
		}
		site.ByPath[rel] = p
		site.ByURL[p.URL] = p
		site.Pages = append(site.Pages, p)
		if p.Role == RoleArticle {
			sections[p.Section].Pages = append(sections[p.Section].Pages, p)
		}
	}
	for _, p := range intros {
		sec := sections[p.Section]
		if sec == nil { // a section with an intro but no published article yet
			sec = &Section{Name: p.Section, Slug: viet.Slug(p.Section)}
			sections[p.Section] = sec
		}
		sec.Intro = p
		p.URL = sec.Slug + "/"
		site.ByPath[strings.TrimPrefix(p.Source, ContentDir+"/")] = p
	}
	for _, name := range slices.Sorted(maps.Keys(sections)) {
		sec := sections[name]
		if sec.Slug == "" {
			ds.Errorf(diag.Position{File: ContentDir + "/" + name}, "đặt tên thư mục bằng chữ không dấu, ví dụ `bai-viet`",
				"không tạo được đường dẫn từ tên thư mục %q", name)
			continue
		}
		sec.Title = sectionTitle(sec)
		claim(sec.Slug+"/", ContentDir+"/"+name+"/", 0)
		sortSection(sec, opts.Now)
		site.Sections = append(site.Sections, sec)
	}
	sortPages(site.Pages)
	for _, p := range site.Pages {
		claimAliases(p, owners, ds)
	}
	noteScheduled(scheduled, ds)
	site.Topics = groupTopics(cfg, site.Pages)
	site.Files = staticFiles(files, site, owners, ds)
	resolveAttachments(site, files, ds)
	checkDuplicateNumbers(site, ds)
	return site
}

// claimAliases gives p the old URLs its `aliases` name, and drops the
// ones another page, file or list already has, with one error each: no
// redirect may overwrite what it would hide.
func claimAliases(p *Page, owners map[string]string, ds *diag.List) {
	var kept []string // a new slice: p may share its Aliases with the parse cache
	at := diag.Position{File: p.Source, Line: p.Lines["aliases"]}
	for _, a := range p.Aliases {
		prev, taken := owners[a]
		if !taken && strings.HasSuffix(a, "/") {
			prev, taken = owners[a+"index.html"]
		}
		root, _, _ := strings.Cut(a, "/")
		switch {
		case slices.Contains(reservedRoots, root):
			ds.Errorf(at, "xóa đường dẫn này khỏi `aliases`",
				"`aliases` (đường dẫn cũ): /%s nằm trong /%s/, phần chuyên mục tự tạo (chủ đề, tìm kiếm, ảnh giao diện, RSS)", a, root)
			continue
		case taken:
			if strings.HasSuffix(prev, "/") {
				prev = "danh sách bài của mục " + prev
			}
			ds.Errorf(at, "xóa đường dẫn này khỏi `aliases`: ở đó đã có trang, người đọc vẫn tới được",
				"`aliases` (đường dẫn cũ): /%s trùng đường dẫn của %s", a, prev)
			continue
		}
		owners[a] = p.Source
		if strings.HasSuffix(a, "/") {
			owners[a+"index.html"] = p.Source
		}
		kept = append(kept, a)
	}
	p.Aliases = kept
}

// twinNames reports a second file whose path, once normalised, is the
// first one's: the two names differ only in how their accented letters
// are encoded (NFC, as Windows and Vietnamese keyboards write them, and
// NFD, as files copied from a Mac often are). They look the same in every
// folder listing, so the message says what differs.
func twinNames(at diag.Position, ds *diag.List) {
	ds.Errorf(at, "giữ một tệp: so sánh nội dung hai tệp trông cùng tên trong thư mục rồi xóa tệp thừa (tên dạng tổ hợp thường do chép từ máy Mac), hoặc đổi tên một tệp",
		"có hai tệp cùng tên %s, chỉ khác cách mã hóa chữ có dấu: một tên ở dạng dựng sẵn (NFC), một tên ở dạng tổ hợp (NFD)", at.File)
}

func bySource(a, b *Page) int { return cmp.Compare(a.Source, b.Source) }

// sortPages orders newest first, the source path breaking ties, so the
// order never depends on the file system.
func sortPages(ps []*Page) {
	slices.SortStableFunc(ps, func(a, b *Page) int {
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		return cmp.Compare(a.Source, b.Source)
	})
}

func sectionTitle(sec *Section) string {
	if sec.Intro != nil && sec.Intro.Title != "" {
		return sec.Intro.Title
	}
	if t, ok := sectionTitles[sec.Slug]; ok {
		return t
	}
	t := strings.ReplaceAll(sec.Name, "-", " ")
	r := []rune(t)
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}

func groupTopics(cfg *config.Config, pages []*Page) []*TopicPages {
	bySlug := map[string]*TopicPages{}
	var out []*TopicPages
	for _, t := range cfg.Topics {
		tp := &TopicPages{Topic: t}
		bySlug[t.Slug] = tp
		out = append(out, tp)
	}
	for _, p := range pages {
		if p.Role != RoleArticle {
			continue // a stand-alone page is not news of its topic
		}
		for _, s := range p.Topics {
			if tp := bySlug[s]; tp != nil {
				tp.Pages = append(tp.Pages, p)
			}
		}
	}
	return out
}

// staticFiles gives each non-Markdown file its output URL: files of a
// bundle go beside the bundle's page, others keep their path.
func staticFiles(files []FoundFile, site *Site, owners map[string]string, ds *diag.List) []File {
	bundleURL := map[string]string{}
	for rel, p := range site.ByPath {
		if p.Bundle {
			bundleURL[path.Dir(rel)] = p.URL
		}
	}
	var out []File
	for _, s := range files {
		url := s.Rel
		if b := s.Bundle; b != "" {
			u, ok := bundleURL[b]
			if !ok {
				continue // the bundle's page is unpublished: so are its files
			}
			url = u + strings.TrimPrefix(s.Rel, b+"/")
		}
		f := File{Source: ContentDir + "/" + s.Rel, URL: url, Size: s.Size, raw: s.FSPath}
		if prev, ok := owners[url]; ok {
			if prev == f.Source {
				twinNames(diag.Position{File: f.Source}, ds)
			} else {
				ds.Errorf(diag.Position{File: f.Source}, "đổi tên tệp", "tệp trùng đường dẫn /%s với %s", url, prev)
			}
			continue
		}
		owners[url] = f.Source
		site.FileByURL[url] = f
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b File) int { return cmp.Compare(a.URL, b.URL) })
	return out
}
