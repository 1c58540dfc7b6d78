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
	"github.com/cchc-vn/cchc/internal/jsonld"
	"github.com/cchc-vn/cchc/internal/layout"
	"github.com/cchc-vn/cchc/internal/links"
	"github.com/cchc-vn/cchc/internal/markdown"
	"github.com/cchc-vn/cchc/internal/plan"
)

// renderScratch is one worker's reusable buffer.
type renderScratch struct{ buf bytes.Buffer }

func (b *builder) runJob(j *plan.Job, sc *renderScratch) diag.List {
	switch {
	case j.File != nil:
		data, err := fs.ReadFile(b.opts.Site, j.File.FSPath())
		if err != nil {
			return diag.List{errorf(j.File.Source, 0, "kiểm tra quyền đọc của tệp", "không đọc được tệp: %v", err)}
		}
		return b.output(j.Path, data, false)
	case j.Raw != nil && (b.fp == nil || j.RawPages == nil):
		return b.output(j.Path, j.Raw(), j.Minified)
	case j.Raw != nil:
		return b.cachedRaw(j)
	}
	var key cache.Key
	if b.fp != nil {
		key = b.fp.jobKey(j, b.coverBytes(j))
		if v, ok := b.sess.Store.Get(key); ok {
			if ds, out, err := decodeCached(v); err == nil {
				b.pages.Add(1)
				b.addCachedSearchDoc(j.Page)
				return append(ds, b.output(j.Path, out, true)...)
			}
		}
	}
	var ds diag.List
	data := *j.Data // each job owns its copy: Content and Cover are per page
	if j.Page != nil {
		bds, text := b.renderBody(j.Page, &data)
		ds.Add(bds...)
		b.addSearchDoc(j.Page, text) // the index analyses it now and keeps none of it
		if b.opts.ForgetBodies {
			j.Page.Body = nil // this job was its only reader left
		}
	}
	sc.buf.Reset()
	if err := b.layouts.Execute(&sc.buf, j.Layout, &data); err != nil {
		b.templateFailed(j.Path, b.layouts.Diagnostic(err))
		return ds
	}
	b.pages.Add(1)
	out, err := b.minifier.Minify(j.Path, sc.buf.Bytes())
	if err != nil {
		ds.Errorf(diag.Position{File: j.Path}, "báo lỗi này cho người phát triển cchc", "không nén được tệp đầu ra: %v", err)
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
	return append(ds, b.output(j.Path, out, true)...)
}

// renderBody renders the page's Markdown into data, with its links
// resolved, reports problems at their file line, and returns the body's
// plain text for the search index.
func (b *builder) renderBody(p *content.Page, data *layout.Data) (diag.List, string) {
	var ds diag.List
	res, problems := b.md.RenderPage(p.Body, markdown.Page{Resolve: b.links.For(p), Cite: b.cites.Of(p), Data: b.links.ChartFiles(b.opts.Site, p)})
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
	var cover string
	if data.Cover != nil {
		cover = data.Cover.URL
	}
	data.JSONLD = jsonld.Of(b.cfg, p, data.Kind, cover, res.Text) // the build renders with PlainText
	return ds, res.Text
}

func (b *builder) cover(p *content.Page) (*layout.Image, *markdown.Problem) {
	if problem := markdown.LocalPathProblem(p.Image, true); problem != nil {
		return nil, problem
	}
	if links.IsExternal(p.Image) {
		return nil, &markdown.Problem{Message: "chỉ dùng ảnh nằm trong thư mục nội dung, không dùng ảnh từ trang khác",
			Hint: "tải ảnh về, đặt cạnh bài viết và ghi tên tệp"}
	}
	u, problem := b.links.Resolve(p, p.Image, true)
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
