// Citations between the kinds' pages: a body that names a document by
// its number links to the document's page.

package links

import (
	"github.com/cchc-vn/cchc/internal/cache"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/fingerprint"
	"github.com/cchc-vn/cchc/internal/markdown"
)

// Citations are the documents a body may cite by number, for every page
// of one build: number → link, and a hash of them for the cache.
type Citations struct {
	urls map[string]string
	key  cache.Key
}

// NewCitations maps each document's number to its page, served under
// basePath, or returns nil when no document has a number of its own. A
// number that two documents share (numbers start again every year) links
// to neither: "35/KH-UBND" alone cannot say which one is meant.
func NewCitations(site *content.Site, basePath string) *Citations {
	urls := map[string]string{}
	shared := map[string]bool{}
	for _, p := range site.Pages {
		if p.Doc == nil || p.Doc.Number == "" {
			continue
		}
		if _, ok := urls[p.Doc.Number]; ok {
			shared[p.Doc.Number] = true
		}
		urls[p.Doc.Number] = basePath + p.URL
	}
	for n := range shared {
		delete(urls, n)
	}
	if len(urls) == 0 {
		return nil
	}
	return &Citations{urls: urls, key: fingerprint.Of(urls)}
}

// Of is what page p's body links: every document but p itself.
func (c *Citations) Of(p *content.Page) markdown.Citations {
	if c == nil {
		return markdown.Citations{}
	}
	mc := markdown.Citations{URLs: c.urls}
	if p.Doc != nil {
		mc.Skip = p.Doc.Number
	}
	return mc
}

// Key is the fingerprint of the numbers and their links, which every
// page's body may show: the page cache keys them.
func (c *Citations) Key() cache.Key { return c.key }
