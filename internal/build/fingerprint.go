package build

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"io/fs"
	"maps"
	"slices"
	"time"
	"unsafe"

	"github.com/cchc-vn/cchc/internal/cache"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/layout"
)

// hasher feeds values into a SHA-256, each with its length or a fixed
// width, so that two different sequences of values never hash alike.
type hasher struct {
	h   hash.Hash
	buf [8]byte
}

func newHasher() *hasher { return &hasher{h: sha256.New()} }

func (h *hasher) int(i int64) {
	binary.LittleEndian.PutUint64(h.buf[:], uint64(i))
	h.h.Write(h.buf[:])
}

func (h *hasher) bool(b bool) {
	if b {
		h.int(1)
	} else {
		h.int(0)
	}
}

func (h *hasher) bytes(b []byte) {
	h.int(int64(len(b)))
	h.h.Write(b)
}

func (h *hasher) str(s string) {
	h.int(int64(len(s)))
	// The hash only reads the bytes: no copy of the string is needed, and
	// copying every title and summary was a tenth of a rebuild.
	h.h.Write(unsafe.Slice(unsafe.StringData(s), len(s)))
}

func (h *hasher) strs(ss []string) {
	h.int(int64(len(ss)))
	for _, s := range ss {
		h.str(s)
	}
}

func (h *hasher) time(t time.Time) {
	h.bool(t.IsZero())
	h.int(t.UnixNano())
}

func (h *hasher) key() cache.Key {
	var k cache.Key
	h.h.Sum(k[:0])
	return k
}

// pageKey hashes every field of p that a template or the renderer can
// read; Body stands for itself, or BodySum when the loader computed it.
// TestPageKeyCoversEveryField fails when a field is added to content.Page
// and not here.
func pageKey(p *content.Page) cache.Key {
	h := newHasher()
	h.str(p.Source)
	h.str(p.Dir)
	h.bool(p.Bundle)
	h.int(int64(p.Kind))
	h.str(p.Section)
	h.str(p.Slug)
	h.str(p.URL)
	h.str(p.Title)
	h.str(p.Summary)
	h.bool(p.SummaryFromBody)
	h.str(p.Description)
	h.time(p.Date)
	h.time(p.Updated)
	h.strs(p.Topics)
	h.bool(p.Draft)
	h.bool(p.Featured)
	h.strs(p.Aliases)
	h.str(p.Author)
	h.str(p.Unit)
	h.str(p.Image)
	h.str(p.ImageAlt)
	// %#v spells every field of the kinds' structs (&content.Document{…}),
	// or (*content.Document)(nil).
	h.str(fmt.Sprintf("%#v|%#v|%#v|%#v", p.Doc, p.QA, p.Proc, p.Event))
	for _, k := range slices.Sorted(maps.Keys(p.Params)) {
		h.str(k)
		h.str(fmt.Sprintf("%#v", p.Params[k]))
	}
	for _, k := range slices.Sorted(maps.Keys(p.Lines)) {
		h.str(k)
		h.int(int64(p.Lines[k]))
	}
	if p.BodySum == ([32]byte{}) {
		h.bytes(p.Body)
	} else {
		h.h.Write(p.BodySum[:]) // the loader hashed the body once
	}
	h.int(int64(p.BodyLine))
	return h.key()
}

// fingerprints holds the hashes one cached build computes once and every
// job's key is made of.
type fingerprints struct {
	global cache.Key // code, theme, site layouts and assets, config, options
	index  cache.Key // every page's URL and every file: what links resolve to
	site   cache.Key // SiteData
	pages  map[*content.Page]cache.Key
}

// jobKey hashes everything a template job reads. Feeds, the sitemap,
// assets and copied files are cheap and never cached.
func (f *fingerprints) jobKey(j *job, coverFile []byte) cache.Key {
	h := newHasher()
	h.h.Write(f.global[:])
	h.h.Write(f.site[:])
	h.str(j.path)
	h.str(j.layout)
	d := j.data
	h.str(d.Kind)
	h.str(d.Title)
	h.str(d.Description)
	h.str(d.URL)
	h.str(d.Feed)
	h.str(d.Target)
	h.bool(d.Draft)
	h.bool(d.Future)
	page := func(p *content.Page) {
		if p == nil {
			h.int(-1)
			return
		}
		k := f.pages[p]
		h.h.Write(k[:])
	}
	pages := func(ps []*content.Page) {
		h.int(int64(len(ps)))
		for _, p := range ps {
			page(p)
		}
	}
	page(d.Page)
	page(j.page)
	if j.page != nil {
		h.h.Write(f.index[:]) // the body's links resolve against the index
		h.bytes(coverFile)
	}
	pages(d.List)
	pages(d.Featured)
	pages(d.Related)
	page(d.Prev)
	page(d.Next)
	topicLinks(h, d.Topics)
	h.int(int64(len(d.Breadcrumb)))
	for _, c := range d.Breadcrumb {
		h.str(c.Name)
		h.str(c.URL)
	}
	if p := d.Pager; p != nil {
		h.int(int64(p.Number))
		h.int(int64(p.Total))
		h.strs([]string{p.Prev, p.Next, p.First, p.Last})
		for _, l := range p.Pages {
			h.int(int64(l.Number))
			h.str(l.URL)
			h.bool(l.Current)
		}
	} else {
		h.int(-1)
	}
	f.kindsKey(h, j)
	return h.key()
}

func topicLinks(h *hasher, ts []layout.TopicLink) {
	h.int(int64(len(ts)))
	for _, t := range ts {
		h.strs([]string{t.Name, t.Slug, t.URL, t.Description})
		h.int(int64(t.Count))
	}
}

// siteKey hashes the SiteData every page shows.
func siteKey(sd *layout.SiteData) cache.Key {
	h := newHasher()
	h.strs([]string{sd.Title, sd.Organization, sd.Province, sd.Description, sd.BaseURL, sd.BasePath,
		sd.Contact.Address, sd.Contact.Phone, sd.Contact.Email, sd.Contact.Website, sd.Contact.Feedback, sd.Contact.Hours})
	topicLinks(h, sd.Topics)
	h.int(int64(len(sd.Sections)))
	for _, s := range sd.Sections {
		h.strs([]string{s.Name, s.Title, s.URL})
		h.int(int64(s.Count))
	}
	h.time(sd.Updated)
	h.str(sd.StatsURL)
	return h.key()
}

// indexKey hashes what links resolve to: every page's source and URL, the
// pages left out, and every copied file.
func indexKey(site *content.Site, generated map[string]bool) cache.Key {
	h := newHasher()
	for _, k := range slices.Sorted(maps.Keys(site.ByPath)) {
		h.str(k)
		h.str(site.ByPath[k].URL)
	}
	for _, k := range slices.Sorted(maps.Keys(site.Unpublished)) {
		h.str(k)
		h.bool(site.Unpublished[k].Draft)
		h.time(site.Unpublished[k].Date)
	}
	for _, f := range site.Files {
		h.strs([]string{f.Source, f.URL})
		h.int(f.Size)
	}
	h.strs(slices.Sorted(maps.Keys(generated)))
	return h.key()
}

// treeKey hashes the files under dir of fsys (layouts/ or assets/).
func treeKey(h *hasher, fsys fs.FS, dir string) {
	_ = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil
		}
		h.str(p)
		h.bytes(data)
		return nil
	})
}

// pagesKey hashes a list of pages by their keys, for the jobs that list
// pages without a template (feeds, the sitemap).
func (f *fingerprints) pagesKey(what string, pages []*content.Page) cache.Key {
	h := newHasher()
	h.h.Write(f.global[:])
	h.h.Write(f.site[:])
	h.str(what)
	h.int(int64(len(pages)))
	for _, p := range pages {
		k := f.pages[p]
		h.h.Write(k[:])
	}
	return h.key()
}
