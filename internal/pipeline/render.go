package pipeline

import (
	"bytes"
	"html/template"
	"image"
	_ "image/gif" // cover sizes: DecodeConfig needs the formats registered
	_ "image/jpeg"
	_ "image/png"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/cchc-vn/cchc/internal/cache"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/feed"
	"github.com/cchc-vn/cchc/internal/layout"
	"github.com/cchc-vn/cchc/internal/markdown"
)

// renderScratch is one worker's reusable buffer.
type renderScratch struct{ buf bytes.Buffer }

func (b *builder) runJob(j *job, sc *renderScratch) diag.List {
	switch {
	case j.file != nil:
		data, err := fs.ReadFile(b.opts.Site, j.file.FSPath())
		if err != nil {
			return diag.List{errorf(j.file.Source, 0, "kiểm tra quyền đọc của tệp", "không đọc được tệp: %v", err)}
		}
		return b.output(j.path, data, false)
	case j.raw != nil && (b.fp == nil || j.rawPages == nil):
		return b.output(j.path, j.raw(), j.minified)
	case j.raw != nil:
		return b.cachedRaw(j)
	}
	var key cache.Key
	if b.fp != nil {
		key = b.fp.jobKey(j, b.coverBytes(j))
		if v, ok := b.sess.Store.Get(key); ok {
			if ds, out, err := decodeCached(v); err == nil {
				b.pages.Add(1)
				b.addCachedSearchDoc(j.page)
				return append(ds, b.output(j.path, out, true)...)
			}
		}
	}
	var ds diag.List
	data := *j.data // each job owns its copy: Content and Cover are per page
	if j.page != nil {
		bds, text := b.renderBody(j.page, &data, j.cites)
		ds.Add(bds...)
		b.addSearchDoc(j.page, text) // the index analyses it now and keeps none of it
		if b.opts.ForgetBodies {
			j.page.Body = nil // this job was its only reader left
		}
	}
	sc.buf.Reset()
	if err := b.layouts.Execute(&sc.buf, j.layout, &data); err != nil {
		b.templateFailed(j.path, b.layouts.Diagnostic(err))
		return ds
	}
	b.pages.Add(1)
	out, err := b.minifier.Minify(j.path, sc.buf.Bytes())
	if err != nil {
		ds.Errorf(diag.Position{File: j.path}, "báo lỗi này cho người phát triển cchc", "không nén được tệp đầu ra: %v", err)
		return ds
	}
	if len(out) > 0 && &out[0] == &sc.buf.Bytes()[0] {
		out = bytes.Clone(out) // not minified (an unknown extension): the write is queued
	}
	if b.fp != nil && !ds.HasErrors() {
		if v, err := encodeCached(ds, out); err == nil {
			b.sess.Store.Put(key, v)
		}
	}
	return append(ds, b.output(j.path, out, true)...)
}

// renderBody renders the page's Markdown into data, with its links
// resolved, reports problems at their file line, and returns the body's
// plain text for the search index.
func (b *builder) renderBody(p *content.Page, data *layout.Data, cites *citations) (diag.List, string) {
	var ds diag.List
	res, problems := b.md.RenderPage(p.Body, markdown.Page{Resolve: b.links.resolver(p), Cite: cites.of(p), Data: b.chartFiles(p)})
	for _, pr := range problems {
		d := diag.Diagnostic{
			Pos:     diag.Position{File: p.Source, Line: p.BodyLine + pr.Line - 1, Col: pr.Col},
			Message: pr.Message, Hint: pr.Hint, Dependent: pr.Dependent,
		}
		if pr.Warning {
			d.Severity = diag.Warning
		}
		ds.Add(d)
	}
	data.Content = template.HTML(res.HTML)
	if p.Image != "" && (p.Role == content.RoleArticle || p.Role == content.RolePage) {
		cover, problem := b.cover(p)
		if problem != nil {
			ds.Add(errorf(p.Source, p.Lines["image"], problem.Hint, "`image` (ảnh đại diện): %s", problem.Message))
		} else {
			data.Cover = cover
		}
	}
	data.JSONLD = b.structuredData(p, data, &res)
	return ds, res.Text
}

func (b *builder) cover(p *content.Page) (*layout.Image, *markdown.Problem) {
	if problem := markdown.LocalPathProblem(p.Image, true); problem != nil {
		return nil, problem
	}
	if isExternal(p.Image) {
		return nil, &markdown.Problem{Message: "chỉ dùng ảnh nằm trong thư mục nội dung, không dùng ảnh từ trang khác",
			Hint: "tải ảnh về, đặt cạnh bài viết và ghi tên tệp"}
	}
	u, problem := b.links.resolve(p, p.Image, true)
	if problem != nil {
		return nil, problem
	}
	u = strings.TrimPrefix(u, b.cfg.BasePath())
	img := &layout.Image{URL: u, Alt: p.ImageAlt}
	if f, ok := b.site.FileByURL[u]; ok {
		img.Width, img.Height = imageSize(b.opts.Site, f.FSPath())
	}
	return img, nil
}

var svgSizeRE = regexp.MustCompile(`viewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)`)

// imageSize reads an image's pixel size so the page reserves its space
// (no layout shift on slow networks); 0, 0 when unknown.
func imageSize(fsys fs.FS, name string) (int, int) {
	f, err := fsys.Open(name)
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	if strings.EqualFold(path.Ext(name), ".svg") {
		head := make([]byte, 4096)
		n, _ := f.Read(head)
		if m := svgSizeRE.FindSubmatch(head[:n]); m != nil {
			w, _ := strconv.ParseFloat(string(m[1]), 64)
			h, _ := strconv.ParseFloat(string(m[2]), 64)
			return int(w), int(h)
		}
		return 0, 0
	}
	cfg, _, err := image.DecodeConfig(f)
	if err != nil {
		return 0, 0
	}
	return cfg.Width, cfg.Height
}

// feedItems is how many entries a feed carries.
const feedItems = 50

func (b *builder) feedJob(out, link, title string, pages []*content.Page) job {
	// All pages, not the first feedItems: lastBuildDate is the newest change
	// among them, and an old article may have a recent `updated`.
	return job{path: out, rawPages: pages, raw: func() []byte {
		ch := feed.Channel{
			Title:       title,
			Link:        b.cfg.AbsURL(link),
			Description: b.cfg.Description,
			Language:    "vi",
			SelfURL:     b.cfg.AbsURL(out),
			Updated:     lastChange(pages),
		}
		if ch.Title != b.cfg.Title {
			ch.Title += " | " + b.cfg.Title
		}
		if ch.Description == "" {
			ch.Description = title
		}
		for _, p := range pages[:min(feedItems, len(pages))] {
			item := feed.Item{Title: p.Title, Link: b.cfg.AbsURL(p.URL), GUID: b.cfg.AbsURL(p.URL),
				Description: p.Summary, Date: p.Date, Author: p.Author}
			for _, t := range b.pageTopics(p) {
				item.Categories = append(item.Categories, t.Name)
			}
			ch.Items = append(ch.Items, item)
		}
		return feed.RSS(ch)
	}}
}

func (b *builder) sitemap() []byte {
	s := b.site
	updated := lastChange(publications(s.Pages))
	urls := []feed.URL{{Loc: b.cfg.AbsURL(""), LastMod: updated}}
	for _, sec := range s.Sections {
		urls = append(urls, feed.URL{Loc: b.cfg.AbsURL(sec.Slug + "/"), LastMod: lastChange(sec.Pages)})
	}
	urls = append(urls, feed.URL{Loc: b.cfg.AbsURL(content.TopicsURL), LastMod: updated})
	for _, tp := range s.Topics {
		if len(tp.Pages) == 0 {
			continue // an empty topic page is not worth a search engine's visit
		}
		urls = append(urls, feed.URL{Loc: b.cfg.AbsURL(content.TopicURL(tp.Topic.Slug)), LastMod: lastChange(tp.Pages)})
	}
	for _, p := range s.Pages {
		urls = append(urls, feed.URL{Loc: b.cfg.AbsURL(p.URL), LastMod: modified(p)})
	}
	return feed.Sitemap(urls)
}
