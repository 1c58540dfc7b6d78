package pipeline

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"io/fs"

	"github.com/cchc-vn/cchc/internal/cache"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/fingerprint"
	"github.com/cchc-vn/cchc/internal/plan"
)

// prepareCache computes the fingerprints every job key is made of. It
// runs after plan, when the index and the site data are final.
//
// A build of one page (Options.Page) renders it whatever its key: it is
// the text being typed, new at every call, and keeping each version
// would only fill the cache. The cache still gives the summaries of the
// other pages, which the lists and links around the page show.
func (b *builder) prepareCache(generated map[string]bool) {
	if b.sess.Store == nil || b.opts.Page != "" {
		return
	}
	h := fingerprint.New()
	h.String(b.sess.Salt)
	for _, fsys := range []fs.FS{b.opts.Theme, b.opts.Site} {
		treeKey(h, fsys, "layouts")
		treeKey(h, fsys, "assets")
	}
	for _, name := range []string{"site.yaml", "hugo.toml", "hugo.yaml", "hugo.json", "config.toml"} {
		data, err := fs.ReadFile(b.opts.Site, name)
		h.Bool(err == nil)
		h.Bytes(data)
	}
	chartDataKey(h, b.opts.Site, b.site)
	h.String(b.opts.BaseURL)
	h.Bool(b.opts.Preview)
	fp := &fingerprints{global: h.Sum(), index: b.links.Key(), site: siteKey(b.siteData)}
	if b.cites != nil {
		fp.cites = new(b.cites.Key())
	}
	fp.pages = pageKeys(b.pool, b.site)
	b.fp = fp
}

// coverBytes returns the cover file of the job's page, which the page's
// key must include (its pixel size is written into the page).
func (b *builder) coverBytes(j *plan.Job) []byte {
	if j.Page == nil || j.Page.Image == "" {
		return nil
	}
	u, problem := b.links.Resolve(j.Page, j.Page.Image, true)
	if problem != nil {
		return nil
	}
	f, ok := b.site.FileByURL[u[len(b.cfg.BasePath()):]]
	if !ok {
		return nil
	}
	data, _ := fs.ReadFile(b.opts.Site, f.FSPath())
	return data
}

// A cached value is the job's diagnostics (warnings: a job with errors is
// never cached) and its minified output.
func encodeCached(ds diag.List, out []byte) ([]byte, error) {
	js, err := json.Marshal(ds)
	if err != nil {
		return nil, err
	}
	v := binary.LittleEndian.AppendUint32(make([]byte, 0, 4+len(js)+len(out)), uint32(len(js)))
	v = append(v, js...)
	return append(v, out...), nil
}

func decodeCached(v []byte) (diag.List, []byte, error) {
	if len(v) < 4 {
		return nil, nil, errors.New("short cache value")
	}
	n := int(binary.LittleEndian.Uint32(v))
	if len(v) < 4+n {
		return nil, nil, errors.New("short cache value")
	}
	var ds diag.List
	if err := json.Unmarshal(v[4:4+n], &ds); err != nil {
		return nil, nil, err
	}
	return ds, v[4+n:], nil
}

// searchTextKey names the plain text of a page's body, which the search
// index needs when the page itself comes from the cache.
func (f *fingerprints) searchTextKey(p *content.Page) cache.Key {
	h := fingerprint.New()
	h.String("search text")
	h.Key(f.global)
	h.Key(f.pages[p])
	return h.Sum()
}

// summaryKey names the summary taken from a page's first paragraph.
func (b *builder) summaryKey(p *content.Page) cache.Key {
	h := fingerprint.New()
	h.String("summary")
	h.Bytes(p.Body)
	h.String(b.sess.Salt)
	return h.Sum()
}

// cachedRaw runs a raw job (a feed, the sitemap) through the cache: its
// bytes depend on the site data, its path and the pages it lists.
func (b *builder) cachedRaw(j *plan.Job) diag.List {
	key := b.fp.pagesKey(j.Path, j.RawPages)
	if out, ok := b.sess.Store.Get(key); ok {
		return b.output(j.Path, out, true)
	}
	out, err := b.minifier.Minify(j.Path, j.Raw())
	if err != nil {
		return diag.List{errorf(j.Path, 0, "báo lỗi này cho người phát triển cchc", "không nén được tệp đầu ra: %v", err)}
	}
	b.sess.Store.Put(key, out)
	return b.output(j.Path, out, true)
}
