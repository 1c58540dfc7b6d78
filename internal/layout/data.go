package layout

import (
	"html/template"
	"time"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
)

// Data is what every page template receives. The build fills it; the
// templates only read it. URLs are paths below the site's base path,
// turned into links by the rel and abs functions.
type Data struct {
	Site        *SiteData
	Kind        string          // "home","article","page","section","topic","topics","404","alias","thong-ke", or a kind's page: "van-ban","hoi-dap","thu-tuc","su-kien"
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

	// The content kinds (van-ban, hoi-dap, thu-tuc, su-kien).
	Groups  []Group     // thu-tuc list: procedures by field; su-kien list: happening, upcoming, past
	Filters []Filter    // van-ban lists: the pre-built lists by level, type and year
	Blocks  []KindBlock // home: the latest pages of each kind that has any
	Online  int         // home and thu-tuc list: procedures fully online (toàn trình)
	Status  string      // su-kien page: EventHappening, EventUpcoming or EventPast at the build's time

	// Stats are the tables of /thong-ke/, the report the site publishes.
	Stats []StatTable
}

// StatTable is one table of /thong-ke/, its cells written out already
// (numbers in the Vietnamese way: 1.234, 26,67%).
type StatTable struct {
	ID      string // ASCII anchor of its heading
	Title   string
	Headers []string
	Rows    []StatRow
	Notes   []string
	// Chart is the table drawn (internal/chart's figure), or "".
	Chart template.HTML
}

// StatRow is one row of a StatTable; the first cell names the row.
type StatRow struct {
	Cells []string
	Total bool // a sum of the rows above
}

// Event statuses at the time of a build (Data.Status, Group.Status).
const (
	EventUpcoming  = "sap-dien-ra"  // not started yet
	EventHappening = "dang-dien-ra" // started and not ended
	EventPast      = "da-dien-ra"   // ended
)

// Group is a titled part of a list page.
type Group struct {
	Title  string
	ID     string // ASCII anchor of its heading
	Pages  []*content.Page
	Online int    // procedures fully online among Pages
	Status string // su-kien: the status its events share
}

// Filter is one way to narrow the list of documents: by level, type or year.
type Filter struct {
	Name    string // "Cấp ban hành"
	Options []FilterOption
}

// FilterOption is one pre-built list of a Filter.
type FilterOption struct {
	Label   string // "Xã", "Kế hoạch", "2026"
	URL     string // path below the base path: "van-ban/cap/xa/"
	Count   int
	Current bool // the page shows this list
}

// KindBlock is one content kind's block on the home page.
type KindBlock struct {
	Section string // section folder, which picks the block's markup: "van-ban"…
	Title   string
	URL     string // the section's list
	Count   int    // pages of the section
	Online  int    // thu-tuc: procedures fully online
	Groups  []Group
}

// SiteData is what every page knows of the whole site.
type SiteData struct {
	Title, Organization, Province, Description string
	BaseURL, BasePath                          string
	Contact                                    config.Contact
	Topics                                     []TopicLink // vocabulary in Vietnamese alphabetical order, with counts
	Sections                                   []SectionLink
	Updated                                    time.Time // newest page date: never time.Now, output must be reproducible
	// StatsURL is the page of the report the site publishes
	// (report.public), below the base path, or "".
	StatsURL string
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

// maxMenuRunes is the longest section title the menu shows as it is.
const maxMenuRunes = 16

// Short is the section's name in the menu: its title when short, else
// the plan's short name of a known section. It reads only Name and
// Title, which the page cache already hashes.
func (s SectionLink) Short() string {
	if utf8.RuneCountInString(s.Title) <= maxMenuRunes {
		return s.Title
	}
	// The plan's sections, whose full titles ("Dân hỏi – Cơ quan chức
	// năng trả lời") would take three rows of the menu.
	switch s.Name {
	case "bai-viet":
		return "Tin bài"
	case "van-ban":
		return "Văn bản"
	case "hoi-dap":
		return "Dân hỏi"
	case "thu-tuc":
		return "Thủ tục"
	case "su-kien":
		return "Sự kiện"
	}
	return s.Title
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
