package layout

import (
	"html/template"
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
)

// Data is what every page template receives. The build fills it; the
// templates only read it. URLs are paths below the site's base path,
// turned into links by the rel and abs functions.
type Data struct {
	Site        *SiteData
	Kind        string          // "home","article","page","section","topic","topics","404","alias"
	Title       string          // <h1> and <title> part
	Description string          // meta description / og:description
	URL         string          // path below the base path ("bai-viet/x/"; "" for home; "404.html")
	Page        *content.Page   // article or stand-alone page; nil for lists
	Content     template.HTML   // rendered body (article/page) or intro text (home/section/topic)
	Cover       *Image          // cover image of an article, resolved, or nil
	List        []*content.Page // pages listed on this page (section/topic page N, home latest)
	Featured    []*content.Page // home: pages marked featured
	Pager       *Pager          // nil when the list fits one page
	Related     []*content.Page // article: others sharing a topic
	Prev, Next  *content.Page   // article: older and newer in the same section
	Topics      []TopicLink     // article: its topics; home and topics index: all topics with counts
	Breadcrumb  []Crumb         // from home to the current page (last = current, no URL)
	Feed        string          // path below base of this page's RSS, or ""
	Target      string          // alias: the path below base to redirect to
	Draft       bool            // article shown by the preview server although a draft
	Future      bool            // article shown by the preview server although dated later
	JSONLD      any             // structured data to embed (NewsArticle etc.), or nil
	SearchIndex string          // search page: path below base of the index's entry file (meta)
}

// SiteData is what every page knows of the whole site.
type SiteData struct {
	Title, Organization, Province, Description string
	BaseURL, BasePath                          string
	Contact                                    config.Contact
	Topics                                     []TopicLink // vocabulary in Vietnamese alphabetical order, with counts
	Sections                                   []SectionLink
	Updated                                    time.Time // newest page date: never time.Now, output must be reproducible
}

// TopicLink is one topic of the vocabulary as pages link to it.
type TopicLink struct {
	Name, Slug, URL, Description string
	Count                        int
}

// SectionLink is one section as pages link to it.
type SectionLink struct {
	Name, Title, URL string
	Count            int
}

// Image is a resolved image; URL is below the base path, a size of 0 is
// unknown.
type Image struct {
	URL, Alt      string
	Width, Height int
}

// Pager links the pages of a paginated list; URLs are below the base path.
type Pager struct {
	Number, Total           int
	Prev, Next, First, Last string
	Pages                   []PageLink
}

// PageLink is one numbered link of a Pager.
type PageLink struct {
	Number  int
	URL     string
	Current bool
}

// Crumb is one step of a breadcrumb; the current page has no URL.
type Crumb struct{ Name, URL string }
