package pipeline

import (
	"io/fs"
	"reflect"

	"github.com/cchc-vn/cchc/internal/cache"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/fingerprint"
	"github.com/cchc-vn/cchc/internal/layout"
	"github.com/cchc-vn/cchc/internal/links"
	"github.com/cchc-vn/cchc/internal/plan"
	"github.com/cchc-vn/cchc/internal/workers"
)

// The keys of the page cache (Session.Store). A page's output is what its
// template makes of its data, with its body rendered from its source
// against the index of the site: its key is the fingerprint of that data,
// walked by reflection (internal/fingerprint), of its source page, of the
// index, and of the files outside the data that the page reads (the
// theme, the config, the charts' data, a cover's pixels). No field of the
// data is named here: a new one is in the keys the day it is added.

// fingerprints holds what one build's keys are made of.
type fingerprints struct {
	global cache.Key  // code, theme and site layouts and assets, config files, chart data, options
	index  cache.Key  // what links resolve to (links.Resolver.Key)
	site   cache.Key  // the SiteData every page shows
	cites  *cache.Key // the document numbers a body links, or nil
	pages  map[*content.Page]cache.Key
}

// pageKeys hashes every page on the pool: it reads all the Markdown once.
func pageKeys(pool *workers.Pool, site *content.Site) map[*content.Page]cache.Key {
	pages := make([]*content.Page, 0, len(site.ByPath))
	for _, p := range site.ByPath {
		pages = append(pages, p)
	}
	keys := make([]cache.Key, len(pages))
	pool.Run(len(pages), func(i int) { keys[i] = pages[i].Fingerprint() })
	out := make(map[*content.Page]cache.Key, len(pages))
	for i, p := range pages {
		out[p] = keys[i]
	}
	return out
}

// siteKey is the fingerprint of the SiteData every page shows.
func siteKey(sd *layout.SiteData) cache.Key { return fingerprint.Of(*sd) }

var (
	pageType = reflect.TypeFor[*content.Page]()
	siteType = reflect.TypeFor[*layout.SiteData]()
)

// hasher returns a Hasher that stands each page and the SiteData by the
// key computed once for the build.
func (f *fingerprints) hasher() *fingerprint.Hasher {
	h := fingerprint.New()
	h.Memo = func(v reflect.Value) (fingerprint.Key, bool) {
		switch v.Type() {
		case pageType:
			k, ok := f.pages[v.Interface().(*content.Page)]
			return k, ok
		case siteType:
			return f.site, true
		}
		return fingerprint.Key{}, false
	}
	return h
}

// jobKey is the key of a template job: everything its template reads, and
// for a page the source it renders and the index its links resolve
// against. Feeds, the sitemap, assets and copied files are cheap and
// never cached.
func (f *fingerprints) jobKey(j *plan.Job, coverFile []byte) cache.Key {
	h := f.hasher()
	h.Key(f.global)
	h.String(j.Path)
	h.String(j.Layout)
	h.Value(reflect.ValueOf(*j.Data))
	if j.Page == nil {
		h.Int(-1)
	} else {
		h.Value(reflect.ValueOf(j.Page))
		h.Key(f.index) // the body's links resolve against the index
		h.Bytes(coverFile)
		if f.cites != nil {
			h.Key(*f.cites) // the document numbers a body links
		}
	}
	return h.Sum()
}

// treeKey feeds the files under dir of fsys (layouts/ or assets/).
func treeKey(h *fingerprint.Hasher, fsys fs.FS, dir string) {
	_ = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil
		}
		h.String(p)
		h.Bytes(data)
		return nil
	})
}

// chartDataKey hashes what charts may read: the data/ folder and the data
// files under content/. A chart reads them while it renders, after its
// page's key is made, so they go into the key of every page.
func chartDataKey(h *fingerprint.Hasher, fsys fs.FS, site *content.Site) {
	treeKey(h, fsys, links.DataDir)
	for _, f := range site.Files {
		if links.IsChartData(f.Source) {
			data, _ := fs.ReadFile(fsys, f.FSPath())
			h.String(f.Source)
			h.Bytes(data)
		}
	}
}

// pagesKey hashes a list of pages by their keys, for the jobs that list
// pages without a template (feeds, the sitemap).
func (f *fingerprints) pagesKey(what string, pages []*content.Page) cache.Key {
	h := f.hasher()
	h.Key(f.global)
	h.Key(f.site)
	h.String(what)
	h.Value(reflect.ValueOf(pages))
	return h.Sum()
}
