package content

import (
	"strings"

	"github.com/cchc-vn/cchc/internal/assets"
	"github.com/cchc-vn/cchc/internal/search"
)

// The URLs the generator makes itself, below the base path, besides the
// sections' lists and the pages. Each is spelled here once; the folders
// of the assets (assets.Dir) and of the search page (search.PageURL) are
// spelled in those lower packages.
const (
	TopicsURL    = "chu-de/"     // the index of the topics; TopicURL is each topic's list
	StatsURL     = "thong-ke/"   // the report a site publishes (report.public)
	PagerDir     = "trang/"      // a list's later pages, below the list: PagerURL
	FeedFile     = "rss.xml"     // the site's feed; a section's and a topic's are beside their lists
	SitemapFile  = "sitemap.xml" // the sitemap
	NotFoundFile = "404.html"    // the page a server shows for a missing URL
)

// TopicURL is the list of the topic with that slug: "chu-de/sipas/".
func TopicURL(slug string) string { return TopicsURL + slug + "/" }

// reservedRoots are the first path segments the generator writes itself:
// no page, file or alias may take them.
var reservedRoots = []string{
	strings.TrimSuffix(TopicsURL, "/"), strings.TrimSuffix(search.PageURL, "/"), assets.Dir,
	strings.TrimSuffix(PagerDir, "/"), FeedFile, SitemapFile, NotFoundFile,
}
