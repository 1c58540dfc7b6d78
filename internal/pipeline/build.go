// Package pipeline is the build: load the config and content, index, fill
// the summaries, plan the output files (internal/plan), render Markdown
// with its links resolved (internal/links), execute templates, build the
// search index, minify, and hand every output file to a Writer, keeping
// what it may reuse in the Session's caches. It knows nothing of where the
// files go: the command writes them to a folder atomically, the preview
// server keeps them in memory, and `check` throws them away.
package pipeline

import (
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cchc-vn/cchc/internal/assets"
	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/fingerprint"
	"github.com/cchc-vn/cchc/internal/layout"
	"github.com/cchc-vn/cchc/internal/links"
	"github.com/cchc-vn/cchc/internal/load"
	"github.com/cchc-vn/cchc/internal/markdown"
	"github.com/cchc-vn/cchc/internal/plan"
	"github.com/cchc-vn/cchc/internal/publish"
	"github.com/cchc-vn/cchc/internal/workers"
)

// Options are the inputs of one build besides the files.
type Options struct {
	Site    fs.FS  // the site root: content/, optional layouts/, assets/, site.yaml
	Theme   fs.FS  // the default theme (layouts/, assets/), embedded in the binary
	BaseURL string // overrides site.yaml's base_url when set
	Drafts  bool
	Future  bool
	Now     time.Time // judges "future"; the caller passes time.Now()
	// Preview marks drafts and future pages with a banner (serve).
	Preview bool
	// Workers bounds the goroutines of every parallel stage (loading,
	// summaries, cache keys, rendering, the search index, writing); 0
	// means GOMAXPROCS. With 1, the build runs its work on one goroutine
	// at a time, and the writer on one more.
	Workers int
	// Page, when set, names one Markdown file ("content/bai-viet/x.md"):
	// only the page made from it is rendered and written, after the cheap
	// stages that decide what it shows (load, index, plan); the other
	// pages, the lists, feeds, assets and the search index are skipped.
	// It is the writing desk's preview: one page, at the cost of one page.
	Page string
	// Config, when set, is site.yaml as LoadConfig read it for this
	// build, which uses it and reports its diagnostics instead of reading
	// the file again. nil: the build reads it.
	Config *SiteConfig
	// ForgetBodies lets the build drop each page's Markdown body once the
	// page is written, so that a large site is not held in memory whole
	// (`cchc build`: the bodies were the largest part of its peak heap).
	// The pages of Result.Site then have no Body: a caller that reads
	// them after the build (check's rules) leaves it false.
	ForgetBodies bool
}

// SiteConfig is site.yaml as one build reads it: over the defaults, with
// Options.BaseURL applied, and the diagnostics of both.
type SiteConfig struct {
	Config *config.Config
	Diags  diag.List
}

// LoadConfig reads site.yaml the way a build does. A caller that needs
// the config before the build starts (an archive is named after the base
// path before its first file) loads it once here and hands it to the
// build in Options.Config, which then reports its diagnostics once.
func LoadConfig(opts Options) *SiteConfig {
	cfg, ds := config.Load(opts.Site)
	if opts.BaseURL != "" {
		if err := cfg.SetBaseURL(opts.BaseURL); err != nil {
			ds.Errorf(diag.Position{}, "viết địa chỉ đầy đủ, ví dụ --base-url https://dienchau.example/cchc/", "%v", err)
		}
	}
	return &SiteConfig{Config: cfg, Diags: ds}
}

// Writer receives the output files. Paths are slash-separated, relative to
// the output root. Write is called from several goroutines at once.
type Writer interface {
	Write(path string, data []byte) error
}

// Result tells what a build made. A build that could read site.yaml
// returns its Config even when it failed later; Site is nil when the
// content could not be loaded.
type Result struct {
	Config *config.Config
	Site   *content.Site
	Files  int // output files written
	Pages  int // HTML pages among them
	// PageKeys are the pages' fingerprints (content.Page.Fingerprint) that
	// a build with a page cache computes for its keys, for the preview's
	// rules memo to reuse; nil without a cache.
	PageKeys map[*content.Page]fingerprint.Key
}

// run is one build of the Session s (Session.Build); every parallel
// stage runs on pool.
func run(s *Session, opts Options, pool *workers.Pool, w Writer) (*Result, diag.List) {
	var ds diag.List
	if opts.Now.IsZero() {
		// Every page would be "in the future" of year 1 and left out: a
		// site built empty, without a word. A caller's mistake.
		ds.Errorf(diag.Position{}, "báo lỗi này cho người phát triển cchc", "lỗi nội bộ: thiếu thời điểm dựng trang (pipeline.Options.Now)")
		return nil, ds
	}
	sc := opts.Config
	if sc == nil {
		sc = LoadConfig(opts)
	}
	cfg := sc.Config
	ds.Add(sc.Diags...)
	if ds.HasErrors() {
		ds.Sort()
		return nil, ds
	}
	site, lds := load.Site(opts.Site, cfg, load.Options{Drafts: opts.Drafts, Future: opts.Future, Now: opts.Now, Parsed: s.parseCache(), Workers: pool})
	ds.Add(lds...)
	if site == nil {
		ds.Sort()
		return &Result{Config: cfg}, ds
	}
	ds.Add(leftPlaceholders(site)...)
	res := &Result{Config: cfg, Site: site}
	b := &builder{sess: s, opts: opts, pool: pool, cfg: cfg, site: site, w: w, minifier: publish.NewMinifier()}
	b.run(&ds)
	res.Files, res.Pages = int(b.files.Load()), int(b.pages.Load())
	if b.fp != nil {
		res.PageKeys = b.fp.pages
	}
	// The loader marked its own; a draft's body (built with --drafts)
	// has problems of its own too.
	ds = content.MarkDrafts(ds, site.Drafts, !opts.Drafts)
	ds.Sort()
	return res, ds
}

// DraftsOnly reports whether every error of a build's diagnostics is a
// draft's: with --drafts the rest of the site is complete, and a preview
// serves it (internal/serve).
func DraftsOnly(res *Result, ds diag.List) bool {
	return res != nil && res.Site != nil && !content.BlocksPublication(ds, res.Site.Drafts)
}

// builder carries one build's shared, read-only state to the workers.
type builder struct {
	sess     *Session
	opts     Options
	pool     *workers.Pool
	cfg      *config.Config
	site     *content.Site
	w        Writer
	minifier *publish.Minifier
	md       *markdown.Renderer
	layouts  *layout.Set
	links    *links.Resolver
	cites    *links.Citations // nil when no document has a number of its own
	siteData *layout.SiteData
	fp       *fingerprints // nil without a cache
	search   *siteSearch

	writes       chan writeReq
	files, pages atomic.Int64

	// tmplErrs gathers the template errors of the jobs by place: a broken
	// partial fails every page that uses it, and is one mistake.
	tmplMu   sync.Mutex
	tmplErrs map[diag.Diagnostic]*templateError
}

// templateError is one template mistake and the pages it failed.
type templateError struct {
	pages int
	first string // the first output path, in path order
}

func (b *builder) run(ds *diag.List) {
	ares, ads := assets.Build(b.opts.Theme, b.opts.Site)
	ds.Add(ads...)
	if ares == nil {
		return
	}
	topics := plan.Topics(b.site)
	set, lds := layout.New(b.opts.Theme, b.opts.Site, layout.Env{
		BasePath: b.cfg.BasePath(), BaseURL: b.cfg.BaseURL, Assets: ares.Manifest, Topics: topics,
	})
	ds.Add(lds...)
	if set == nil {
		return
	}
	b.layouts = set
	b.md = markdown.New(markdown.Options{Unsafe: b.cfg.Markdown.Unsafe, PlainText: true}) // Text: for search
	b.siteData = plan.SiteData(b.cfg, b.site, topics)
	b.fillSummaries()

	jobs, pds := plan.Site(b.cfg, b.site, b.siteData, plan.Options{Preview: b.opts.Preview, Now: b.opts.Now})
	ds.Add(pds...)
	b.search = b.newSiteSearch()
	generated := plan.URLs(jobs)
	b.links = links.New(b.site, b.cfg.BasePath(), generated)
	b.cites = links.NewCitations(b.site, b.cfg.BasePath())
	b.prepareCache(generated)
	if b.opts.Page != "" {
		ds.Add(b.execute(pageJobs(jobs, b.opts.Page))...)
		return
	}
	for p, data := range ares.Files {
		jobs = append(jobs, plan.Job{Path: p, Raw: func() []byte { return data }, Minified: true})
	}
	pages, last := splitAfterIndex(jobs)
	ds.Add(b.execute(pages)...)
	// The index needs every page's text; a draft's errors leave its text.
	if content.BlocksPublication(*ds, b.site.Drafts) {
		return
	}
	ds.Add(b.writing(func() { b.finishSearch(last) })...)
	ds.Add(b.execute(last)...)
}

// splitAfterIndex separates the jobs that show the search index (the
// search page names its meta file) from the others, which run first and
// hand the index their texts.
func splitAfterIndex(jobs []plan.Job) (first, last []plan.Job) {
	for _, j := range jobs {
		if j.AfterIndex {
			last = append(last, j)
		} else {
			first = append(first, j)
		}
	}
	return first, last
}

// pageJobs keeps the jobs that render the page from source: its own page,
// or the list whose intro it is (a section's _index.md, the home page's).
func pageJobs(jobs []plan.Job, source string) []plan.Job {
	var out []plan.Job
	for _, j := range jobs {
		if j.Page != nil && j.Page.Source == source {
			out = append(out, j)
		}
	}
	return out
}

// writers is how many goroutines hand files to the Writer. Writing is
// mostly waiting on the kernel (creating folders dominates), so more
// writers than cores keep the renderers busy meanwhile; Options.Workers
// bounds them too.
const writers = 4

// writerCount is how many writers this build starts.
func (b *builder) writerCount() int {
	if b.opts.Workers > 0 {
		return min(writers, b.opts.Workers)
	}
	return writers
}

// execute runs the jobs on the pool. Diagnostics come back in job order,
// so they do not depend on scheduling.
func (b *builder) execute(jobs []plan.Job) diag.List {
	b.tmplErrs = map[diag.Diagnostic]*templateError{}
	lists := make([]diag.List, len(jobs))
	writeErrs := b.writing(func() {
		workers.Each(b.pool, len(jobs), func(scratch *renderScratch, i int) {
			lists[i] = b.runJob(&jobs[i], scratch)
		})
	})
	var ds diag.List
	for _, l := range lists {
		ds.Add(l...)
	}
	ds.Add(b.templateErrors()...)
	return append(ds, writeErrs...)
}

// writing runs f with the writers started: what f hands to output is
// written meanwhile, and all of it is written when writing returns.
func (b *builder) writing(f func()) diag.List {
	b.writes = make(chan writeReq, 4*writers)
	var writeErrs diag.List
	var mu sync.Mutex
	var ww sync.WaitGroup
	for range b.writerCount() {
		ww.Go(func() {
			for req := range b.writes {
				if err := b.w.Write(req.path, req.data); err != nil {
					mu.Lock()
					writeErrs.Errorf(diag.Position{File: req.path}, "kiểm tra chỗ trống trên đĩa và quyền ghi thư mục đích", "không ghi được tệp đầu ra: %v", err)
					mu.Unlock()
					continue
				}
				b.files.Add(1)
			}
		})
	}
	f()
	close(b.writes)
	ww.Wait()
	b.writes = nil
	return writeErrs
}

// templateFailed records that the template failed on the page at path.
func (b *builder) templateFailed(path string, d diag.Diagnostic) {
	b.tmplMu.Lock()
	defer b.tmplMu.Unlock()
	te := b.tmplErrs[d]
	if te == nil {
		te = &templateError{first: path}
		b.tmplErrs[d] = te
	}
	te.pages++
	te.first = min(te.first, path)
}

// templateErrors reports each template mistake once, at the layout file
// and line where it is, with how many pages it failed.
func (b *builder) templateErrors() diag.List {
	var ds diag.List
	for d, te := range b.tmplErrs {
		d.Message += fmt.Sprintf(" (trang %s", strings.TrimSuffix(te.first, "index.html"))
		if te.pages > 1 {
			d.Message += fmt.Sprintf(" và %d trang khác", te.pages-1)
		}
		d.Message += ")"
		ds.Add(d)
	}
	ds.Sort()
	return ds
}

type writeReq struct {
	path string
	data []byte
}

// output minifies data by its extension unless already done, and queues
// it for writing. data must not be reused by the caller.
func (b *builder) output(path string, data []byte, minified bool) diag.List {
	var ds diag.List
	if !minified {
		m, err := b.minifier.Minify(path, data)
		if err != nil {
			ds.Errorf(diag.Position{File: path}, "báo lỗi này cho người phát triển cchc", "không nén được tệp đầu ra: %v", err)
			return ds
		}
		data = m
	}
	b.writes <- writeReq{path, data}
	return ds
}

func errorf(file string, line int, hint, format string, args ...any) diag.Diagnostic {
	return diag.Diagnostic{Pos: diag.Position{File: file, Line: line}, Severity: diag.Error, Message: fmt.Sprintf(format, args...), Hint: hint}
}
