// Package content is the site model and its index: the pages of
// content/ with their typed front matter, and the index that publishes
// them, sorts, groups, paginates and gives each page and file its URL.
// It is pure, and knows nothing of reading files (internal/load does),
// Markdown rendering or templates.
package content

import (
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/fingerprint"
)

// ContentDir is the folder of the site root that holds the articles.
const ContentDir = "content"

// DefaultMaxFileSize caps one Markdown file unless the loader is told
// otherwise. It is far above any real article (a long one is 50 KB) and
// low enough that a pasted data dump fails fast with a clear message.
const DefaultMaxFileSize = 2 << 20

// MaxSlugLen caps a page's slug, written or taken from its file name.
const MaxSlugLen = 100

// Role is what a Markdown file is in the site: an article, a stand-alone
// page, a section's or the home page's intro. (A page's "kind" is one of
// the plan's content kinds, van-ban, hoi-dap, thu-tuc, su-kien: kinds.go.)
type Role int

const (
	RoleArticle Role = iota // content/<section>/<name>.md or <name>/index.md
	RolePage                // content/<name>.md: a stand-alone page such as "giới thiệu"
	RoleSection             // content/<section>/_index.md: a section's title and intro
	RoleHome                // content/_index.md: the home page's title and intro
)

// Page is one Markdown file of the site, with its front matter decoded.
// Pages refer to each other by source path (Site.ByPath), never by pointer
// stored in another Page, so the index can be rebuilt without stale links.
type Page struct {
	// Source is the file's path relative to the site root, slash-separated
	// and NFC ("content/bai-viet/mot-cua.md"); diagnostics name it.
	Source string
	// Dir is the folder, relative to content/, that the page's relative
	// links and images resolve against ("bai-viet" or, for a bundle,
	// "bai-viet/mot-cua").
	Dir    string
	Bundle bool
	Role   Role
	// Section is the first folder under content/ ("bai-viet"); empty for
	// RolePage and RoleHome.
	Section string
	Slug    string
	// URL is the page's path below the site's base path, with a trailing
	// slash ("bai-viet/mot-cua/"); empty for the home page.
	URL string

	Title   string
	Summary string // from front matter; the build fills it from the body when empty
	// SummaryFromBody says the build took Summary from the first paragraph
	// because the editor wrote none.
	SummaryFromBody bool
	Description     string // sections and home: the short description
	Date            time.Time
	Updated         time.Time // zero when not given
	Topics          []string  // topic slugs, in the order the editor wrote them
	Draft           bool
	Featured        bool
	Aliases         []string // URL paths below the base path, with trailing slash
	Author          string
	Unit            string
	Image           string // as written; resolved against Dir by the build
	ImageAlt        string
	// Doc, QA, Proc and Event hold the typed fields of the content kinds'
	// sections (kinds.go); at most one is set, and only for RoleArticle
	// pages of that section.
	Doc   *Document
	QA    *Question
	Proc  *Procedure
	Event *Event
	// Params holds front matter keys no field knows, keyed as written
	// (each got a warning).
	Params map[string]any
	// Lines gives the file line of each front matter key, for diagnostics
	// raised after loading.
	Lines map[string]int

	Body     []byte // Markdown after the front matter, NFC
	BodyLine int    // file line of Body's first line
	// BodySum is the SHA-256 of Body when the loader keeps parsed files
	// (load.Options.Parsed), so a rebuild need not hash every body again; zero
	// otherwise.
	BodySum [32]byte
}

// Fingerprint is the hash of everything the page holds (package
// fingerprint walks every field, so a field added one day is in it
// already); the body stands for itself, or BodySum when the loader
// computed it. The build's page cache and the preview's rules memo key
// their work by it.
func (p *Page) Fingerprint() fingerprint.Key {
	q := *p
	if q.BodySum != ([32]byte{}) {
		q.Body = nil // the loader hashed it once
	}
	return fingerprint.Of(q)
}

// Future reports whether the page is dated after now, and so left out of
// a build without --future. An event's page without its own `date` is
// never in the future: its Date is the event's start, and an event is
// announced before it happens.
func (p *Page) Future(now time.Time) bool {
	if _, dated := p.Lines["date"]; p.Event != nil && !dated {
		return false
	}
	return p.Date.After(now)
}

// Section is one folder of content/ that holds articles.
type Section struct {
	Name  string // folder name under content/
	Slug  string // URL slug of the folder: the list is at <Slug>/
	Title string // from _index.md, else derived from the name
	Intro *Page  // the section's _index.md, or nil
	Pages []*Page
}

// TopicPages is one topic of the vocabulary and the pages that carry it.
type TopicPages struct {
	Topic config.Topic
	Pages []*Page
}

// File is a file under content/ that is copied as-is (images, attachments).
type File struct {
	Source string // relative to the site root, "content/bai-viet/x/anh.png"
	URL    string // output path below the base path, "bai-viet/x/anh.png"
	Size   int64
	raw    string // path in the site's fs.FS, as the file system spells it
}

// Open path of the file in the site's fs.FS (which may spell it in NFD).
func (f File) FSPath() string { return f.raw }

// Site is the loaded and indexed content.
type Site struct {
	Home      *Page      // content/_index.md, or nil
	Pages     []*Page    // articles and stand-alone pages: newest first, source path breaking ties
	Sections  []*Section // by name
	Topics    []*TopicPages
	Files     []File           // by URL
	ByPath    map[string]*Page // key: path relative to content/ ("bai-viet/x.md")
	ByURL     map[string]*Page // key: Page.URL, for pages with a URL
	FileByURL map[string]File
	// Unpublished holds pages left out (drafts, future dates), keyed like
	// ByPath, so a link to one can say why it is broken.
	Unpublished map[string]*Page
	// Drafts holds the source path ("content/bai-viet/x.md") of every
	// draft, those that could not be loaded included: their problems
	// are theirs alone (MarkDrafts).
	Drafts map[string]bool
	// Failed holds, keyed like ByPath, the pages that could not be
	// loaded at all, with the URL their file name gives them (or ""), so
	// that a link to one points at that cause.
	Failed map[string]string
}
