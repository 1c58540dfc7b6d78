package pipeline

import (
	"slices"

	"github.com/cchc-vn/cchc/internal/cache"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/markdown"
	"github.com/cchc-vn/cchc/internal/plan"
	"github.com/cchc-vn/cchc/internal/search"
	"github.com/cchc-vn/cchc/internal/viet"
)

// siteSearch collects the documents of the search index while the pages
// render: each page hands over the plain text of its body (rendered, or
// from the cache) and the index analyses it at once, so no text is kept.
type siteSearch struct {
	ids   map[*content.Page]int // the documents: every page with a URL
	docs  []search.Doc          // by id, without Text
	index *search.Builder
}

// newSiteSearch prepares the build's index, whose documents are the
// site's pages (none in a build of one page). The search page is planned
// to run after the others: finishSearch gives it the index's meta file.
func (b *builder) newSiteSearch() *siteSearch {
	s := b.site
	var sections, topics []search.Named
	for _, sec := range s.Sections {
		sections = append(sections, search.Named{Slug: sec.Slug, Name: sec.Title})
	}
	for _, tp := range s.Topics {
		topics = append(topics, search.Named{Slug: tp.Topic.Slug, Name: tp.Topic.Name})
	}
	ss := &siteSearch{ids: map[*content.Page]int{}}
	if b.opts.Page != "" {
		// One page is rendered and no index is made: no page is a
		// document, and the Memo, which serves one build at a time, is
		// left to the builds that make the index.
		ss.index = search.NewBuilder(sections, topics, 0, nil)
	} else {
		ss.docs = make([]search.Doc, len(s.Pages))
		for id, p := range s.Pages {
			ss.ids[p] = id
			ss.docs[id] = searchDoc(p, s.Sections, s.Topics)
		}
		ss.index = search.NewBuilder(sections, topics, len(s.Pages), b.sess.searchMemo())
	}
	ss.index.Workers = b.pool
	return ss
}

// searchDoc is what the index takes of a page besides its body: the
// typed fields of the kinds count with the summary (field 4).
func searchDoc(p *content.Page, sections []*content.Section, topics []*content.TopicPages) search.Doc {
	d := search.Doc{URL: p.URL, Title: p.Title, Summary: p.Summary, Section: -1}
	if !p.Date.IsZero() {
		d.Date = viet.ShortDate(p.Date)
	}
	if p.Role == content.RoleArticle {
		d.Section = slices.IndexFunc(sections, func(s *content.Section) bool { return s.Name == p.Section })
	}
	for i, tp := range topics {
		if slices.Contains(p.Topics, tp.Topic.Slug) {
			d.Topics = append(d.Topics, i)
		}
	}
	switch {
	case p.Doc != nil:
		d.Meta = []string{p.Doc.Number, p.Doc.Type, p.Doc.Issuer, p.Doc.Abstract}
	case p.QA != nil:
		d.Meta = []string{p.QA.Question, p.QA.Field, p.QA.Answerer}
	case p.Proc != nil:
		d.Meta = []string{p.Proc.Code, p.Proc.Field, p.Proc.Place}
	case p.Event != nil:
		d.Meta = []string{p.Event.Place, p.Event.Unit}
	}
	return d
}

// isSearchDoc reports whether p is a document of the index, whose text
// its job must hand over.
func (b *builder) isSearchDoc(p *content.Page) bool {
	if b.search == nil || p == nil {
		return false
	}
	_, ok := b.search.ids[p]
	return ok
}

// addSearchDoc analyses the body text of p for the index; with a cache,
// the text is kept for the builds that will take the page from it.
func (b *builder) addSearchDoc(p *content.Page, text string) {
	if !b.isSearchDoc(p) {
		return
	}
	var key cache.Key
	if b.fp != nil {
		key = b.fp.searchTextKey(p)
		b.sess.Store.Put(key, []byte(text))
	}
	b.indexText(p, text, key)
}

// addCachedSearchDoc hands over the text of a page taken from the cache.
// Should the text be missing, the body is rendered again for it.
func (b *builder) addCachedSearchDoc(p *content.Page) {
	if !b.isSearchDoc(p) {
		return
	}
	key := b.fp.searchTextKey(p)
	if v, ok := b.sess.Store.Get(key); ok {
		// The index reads the text while Add runs and keeps none of it,
		// and a cached value is never written to: no copy is needed
		// (they were a tenth of a preview rebuild).
		b.indexText(p, string(v), key)
		return
	}
	keep := func(l markdown.Link) (string, *markdown.Problem) { return l.Dest, nil }
	res, _ := b.md.Render(p.Body, keep)
	b.addSearchDoc(p, res.Text)
}

// indexText hands a page's text to the index, and writes the bundle of
// records (what results show) that the page completes, if it does.
func (b *builder) indexText(p *content.Page, text string, key cache.Key) {
	id := b.search.ids[p]
	d := b.search.docs[id]
	d.Text, d.TextKey = text, key
	if bundle, ok := b.search.index.Add(id, d); ok {
		b.output(bundle.Path, bundle.Data, true) // minified: nothing to report
	}
}

// finishSearch writes the rest of the index, each file as soon as it is
// made (a 10,000-page site has some 20 MB of them), and gives the jobs
// that show it the path of its meta file.
func (b *builder) finishSearch(last []plan.Job) {
	if b.search == nil {
		return
	}
	meta := b.search.index.Finish(func(f search.File) {
		b.output(f.Path, f.Data, true) // minified: nothing to report
	})
	for _, j := range last {
		j.Data.SearchIndex = meta
	}
}
