// Citations between the kinds' pages: a body that names a document by
// its number links to the document's page.

package pipeline

import (
	"github.com/cchc-vn/cchc/internal/cache"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/fingerprint"
	"github.com/cchc-vn/cchc/internal/markdown"
)

// citations are the documents a body may cite by number, for every page
// of one build: number → link, and a hash of them for the cache.
type citations struct {
	urls map[string]string
	key  cache.Key
}

// newCitations maps each document's number to its page. A number that two
// documents share (numbers start again every year) links to neither:
// "35/KH-UBND" alone cannot say which one is meant.
func (b *builder) newCitations() *citations {
	urls := map[string]string{}
	shared := map[string]bool{}
	for _, p := range b.site.Pages {
		if p.Doc == nil || p.Doc.Number == "" {
			continue
		}
		if _, ok := urls[p.Doc.Number]; ok {
			shared[p.Doc.Number] = true
		}
		urls[p.Doc.Number] = b.cfg.BasePath() + p.URL
	}
	for n := range shared {
		delete(urls, n)
	}
	return &citations{urls: urls, key: fingerprint.Of(urls)}
}

// of is what page p's body links: every document but p itself.
func (c *citations) of(p *content.Page) markdown.Citations {
	if c == nil {
		return markdown.Citations{}
	}
	mc := markdown.Citations{URLs: c.urls}
	if p.Doc != nil {
		mc.Skip = p.Doc.Number
	}
	return mc
}
