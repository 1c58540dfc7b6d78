// Package feed turns pages into the bytes of the RSS feeds and the
// sitemap. It is pure: the same data gives the same bytes, with no clock
// and no file system, so a build is reproducible. Text is escaped by
// encoding/xml; dates are written in Vietnam's time (viet.Location).
package feed

import (
	"bytes"
	"encoding/xml"
	"time"

	"github.com/cchc-vn/cchc/internal/viet"
)

// Channel is one RSS feed: the whole column, or one topic.
type Channel struct {
	Title       string
	Link        string // absolute URL of the page the feed belongs to
	Description string
	Language    string // "vi" when empty
	SelfURL     string // absolute URL of the feed itself
	Updated     time.Time
	Items       []Item // in the order given; newest first is the caller's job
}

// Item is one article in a feed.
type Item struct {
	Title       string
	Link        string // absolute URL of the article
	GUID        string // Link when empty
	Description string // plain text or HTML, escaped either way
	Date        time.Time
	Categories  []string
	Author      string // a name, not an e-mail address: written as dc:creator
}

// The XML shapes. Field order is element order.
type rssDoc struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	DC      string     `xml:"xmlns:dc,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language"`
	LastBuildDate string    `xml:"lastBuildDate,omitempty"`
	Self          *atomLink `xml:"atom:link,omitempty"`
	Items         []rssItem `xml:"item"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        *rssGUID `xml:"guid,omitempty"`
	Description string   `xml:"description,omitempty"`
	PubDate     string   `xml:"pubDate,omitempty"`
	Categories  []string `xml:"category"`
	Creator     string   `xml:"dc:creator,omitempty"`
}

type rssGUID struct {
	IsPermaLink bool   `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

// RSS returns ch as an RSS 2.0 document. The channel carries an
// <atom:link rel="self"> (feed validators ask for it) and its lastBuildDate
// is ch.Updated, never the clock. An item's author is written as
// <dc:creator>: RSS's own <author> must be an e-mail address, and ours
// are names of people and units.
func RSS(ch Channel) []byte {
	doc := rssDoc{
		Version: "2.0",
		Atom:    "http://www.w3.org/2005/Atom",
		DC:      "http://purl.org/dc/elements/1.1/",
		Channel: rssChannel{
			Title:         ch.Title,
			Link:          ch.Link,
			Description:   ch.Description,
			Language:      ch.Language,
			LastBuildDate: rfc1123(ch.Updated),
			Items:         make([]rssItem, 0, len(ch.Items)),
		},
	}
	if doc.Channel.Language == "" {
		doc.Channel.Language = "vi"
	}
	if ch.SelfURL != "" {
		doc.Channel.Self = &atomLink{Href: ch.SelfURL, Rel: "self", Type: "application/rss+xml"}
	}
	for _, it := range ch.Items {
		doc.Channel.Items = append(doc.Channel.Items, rssItem{
			Title:       it.Title,
			Link:        it.Link,
			GUID:        itemGUID(it),
			Description: it.Description,
			PubDate:     rfc1123(it.Date),
			Categories:  it.Categories,
			Creator:     it.Author,
		})
	}
	return marshal(doc)
}

// itemGUID is the item's GUID, its link when it has none, or nil when it
// has neither (an empty <guid> is invalid). isPermaLink tells readers
// whether the GUID can be opened as the article's address.
func itemGUID(it Item) *rssGUID {
	switch {
	case it.GUID != "":
		return &rssGUID{Value: it.GUID, IsPermaLink: it.GUID == it.Link}
	case it.Link != "":
		return &rssGUID{Value: it.Link, IsPermaLink: true}
	}
	return nil
}

// rfc1123 formats t as RSS wants it, with a numeric zone, in Vietnam's
// time: "Fri, 16 Jan 2026 08:30:00 +0700". The zero time gives "".
func rfc1123(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(viet.Location()).Format(time.RFC1123Z)
}

// marshal writes v as an indented UTF-8 XML document. The publish step
// minifies it; indentation keeps the unminified output (and test goldens)
// readable.
func marshal(v any) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		// Only unsupported types make Encode fail, and ours are fixed
		// structs of strings: a failure is a bug in this package.
		panic("feed: " + err.Error())
	}
	b.WriteByte('\n')
	return b.Bytes()
}
