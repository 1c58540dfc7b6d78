package pipeline

import (
	"sync"

	"github.com/cchc-vn/cchc/internal/cache"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/load"
	"github.com/cchc-vn/cchc/internal/search"
	"github.com/cchc-vn/cchc/internal/workers"
)

// Session is what one process keeps between builds of one site: the
// Markdown files as parsed, the search index's work on each page, and
// the pages, summaries and texts of earlier builds. The preview server
// and the writing desk hold one for as long as they run; `build --cache`
// fills one from a folder and saves it after a good build; a one-off
// build uses a Session of its own (Build).
//
// Every cache is keyed by what its work reads, never by a list of fields
// kept by hand: a parsed file by its bytes; a page's output by its
// template's data, walked by reflection (fingerprint.go), with the page's own
// source, the index its links resolve against and the files it reads.
// So a new field in the model or the template data is in the keys the
// day it is added.
type Session struct {
	// Store keeps the pages, summaries and search texts of earlier builds
	// (cache.NewMemory for a process, cache.Open for a folder), or nil.
	Store *cache.Store
	// Salt names the code that renders (the command passes a hash of its
	// executable), so that a new cchc never reuses what an old one made.
	Salt string

	// once marks a Session that builds one time (OneBuild): it keeps no
	// parsed file and no search work, which only a second build reuses.
	once   bool
	parsed load.ParseCache
	search search.Memo
	// building makes the builds of one Session take turns: they share
	// the search memo, which is for one build at a time.
	building sync.Mutex
}

// NewSession returns a Session that keeps pages in store (nil: no page
// cache, parsed files and search work only).
func NewSession(store *cache.Store, salt string) *Session {
	return &Session{Store: store, Salt: salt}
}

// OneBuild returns a Session for a process that builds once, such as
// `cchc build`: pages may still come from and go to store, but the parsed
// files and the search index's work on each page are not kept in memory,
// where a single build would only hold them until it exits (the search
// work alone was 7.7 of 28 MB of live heap at the peak of a
// 1,000-article build).
func OneBuild(store *cache.Store, salt string) *Session {
	return &Session{Store: store, Salt: salt, once: true}
}

// parseCache is the loader's cache of parsed files, nil when nothing is kept.
func (s *Session) parseCache() *load.ParseCache {
	if s.once {
		return nil
	}
	return &s.parsed
}

// searchMemo is the search index's memo, nil when nothing is kept.
func (s *Session) searchMemo() *search.Memo {
	if s.once {
		return nil
	}
	return &s.search
}

// Build runs the whole pipeline. Diagnostics are sorted; when they hold an
// error the output handed to w is incomplete and must be discarded.
func (s *Session) Build(opts Options, w Writer) (*Result, diag.List) {
	s.building.Lock()
	defer s.building.Unlock()
	return run(s, opts, workers.New(opts.Workers), w)
}

// Build is a build with nothing kept: a Session of its own.
func Build(opts Options, w Writer) (*Result, diag.List) {
	return OneBuild(nil, "").Build(opts, w)
}
