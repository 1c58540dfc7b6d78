package rules

import (
	"sync"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/fingerprint"
	"github.com/cchc-vn/cchc/internal/workers"
)

// Memo runs Check again and again over a site being edited, reusing each
// page's warnings from the run before when the page is the same. A
// page's key is the fingerprint of the whole loaded page (package
// fingerprint walks every field), so a field a rule starts reading one
// day is in the key already. For the preview server, which runs the
// rules after every rebuild: on a site of a thousand articles, scanning
// every body again would cost more than hashing the pages. The zero
// value is ready; safe for concurrent use.
type Memo struct {
	mu   sync.Mutex
	last map[fingerprint.Key]diag.List // the warnings of each page of the last run
}

// Check returns what the package's Check returns, hashing the pages on
// pool (nil: GOMAXPROCS workers). known holds pages' fingerprints already
// computed (the build's page cache has them: pipeline.Result.PageKeys),
// so that they are not hashed twice; it may be nil or miss pages.
func (m *Memo) Check(pool *workers.Pool, cfg *config.Config, site *content.Site, known map[*content.Page]fingerprint.Key) diag.List {
	if site == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	pages := pagesOf(site)
	keys := make([]fingerprint.Key, len(pages))
	found := make([]diag.List, len(pages))
	// Hashing walks every page: spread over the cores, as the build does
	// for its own keys. m.last is only read meanwhile.
	pool.Run(len(pages), func(i int) {
		k, ok := known[pages[i]]
		if !ok {
			k = pages[i].Fingerprint()
		}
		keys[i] = k
		ws, ok := m.last[keys[i]]
		if !ok {
			ws = Page(pages[i])
		}
		found[i] = ws
	})
	next := make(map[fingerprint.Key]diag.List, len(pages))
	var ds diag.List
	for i, k := range keys {
		next[k] = found[i]
		ds.Add(found[i]...)
	}
	m.last = next // pages gone or changed are forgotten
	ds.Add(BlankContact(cfg, site)...)
	ds.Sort()
	return ds
}
