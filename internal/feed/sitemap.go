package feed

import (
	"encoding/xml"
	"time"

	"github.com/cchc-vn/cchc/internal/viet"
)

// URL is one page in the sitemap.
type URL struct {
	Loc     string // absolute URL
	LastMod time.Time
}

type urlSet struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// Sitemap returns urls as a sitemaps.org 0.9 urlset, in the order given.
// lastmod is a W3C datetime in Vietnam's time
// (2026-01-16T08:30:00+07:00), left out for a zero LastMod. The protocol
// allows 50,000 URLs and 50 MB per file; a commune's column stays far
// below both, so no sitemap index is written.
func Sitemap(urls []URL) []byte {
	set := urlSet{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", URLs: make([]sitemapURL, 0, len(urls))}
	for _, u := range urls {
		set.URLs = append(set.URLs, sitemapURL{Loc: u.Loc, LastMod: w3cDatetime(u.LastMod)})
	}
	return marshal(set)
}

// w3cDatetime formats t as the sitemap protocol wants it, in Vietnam's
// time. The zero time gives "".
func w3cDatetime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(viet.Location()).Format(time.RFC3339)
}
