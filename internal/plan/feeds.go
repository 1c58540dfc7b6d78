package plan

import (
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/feed"
	"github.com/cchc-vn/cchc/internal/layout"
	"github.com/cchc-vn/cchc/internal/search"
)

// feedItems is how many entries a feed carries.
const feedItems = 50

func (pl *planner) feedJob(out, link, title string, pages []*content.Page) Job {
	// All pages, not the first feedItems: lastBuildDate is the newest change
	// among them, and an old article may have a recent `updated`.
	return Job{Path: out, RawPages: pages, Raw: func() []byte {
		ch := feed.Channel{
			Title:       title,
			Link:        pl.cfg.AbsURL(link),
			Description: pl.cfg.Description,
			Language:    "vi",
			SelfURL:     pl.cfg.AbsURL(out),
			Updated:     lastChange(pages),
		}
		if ch.Title != pl.cfg.Title {
			ch.Title += " | " + pl.cfg.Title
		}
		if ch.Description == "" {
			ch.Description = title
		}
		for _, p := range pages[:min(feedItems, len(pages))] {
			item := feed.Item{Title: p.Title, Link: pl.cfg.AbsURL(p.URL), GUID: pl.cfg.AbsURL(p.URL),
				Description: p.Summary, Date: p.Date, Author: p.Author}
			for _, t := range pl.pageTopics(p) {
				item.Categories = append(item.Categories, t.Name)
			}
			ch.Items = append(ch.Items, item)
		}
		return feed.RSS(ch)
	}}
}

// sitemap lists the pages, lists and topics for search engines, each
// with the newest change among the pages it shows.
func (pl *planner) sitemap() []byte {
	s := pl.site
	updated := lastChange(publications(s.Pages))
	urls := []feed.URL{{Loc: pl.cfg.AbsURL(""), LastMod: updated}}
	for _, sec := range s.Sections {
		urls = append(urls, feed.URL{Loc: pl.cfg.AbsURL(sec.Slug + "/"), LastMod: lastChange(sec.Pages)})
	}
	urls = append(urls, feed.URL{Loc: pl.cfg.AbsURL(content.TopicsURL), LastMod: updated})
	for _, tp := range s.Topics {
		if len(tp.Pages) == 0 {
			continue // an empty topic page is not worth a search engine's visit
		}
		urls = append(urls, feed.URL{Loc: pl.cfg.AbsURL(content.TopicURL(tp.Topic.Slug)), LastMod: lastChange(tp.Pages)})
	}
	for _, p := range s.Pages {
		urls = append(urls, feed.URL{Loc: pl.cfg.AbsURL(p.URL), LastMod: modified(p)})
	}
	return feed.Sitemap(urls)
}

// searchJob is the search page: an ordinary template job, run once every
// page has handed its text to the index and the index is written, because
// its data names the index's meta file (Data.SearchIndex, which the
// pipeline fills in).
func (pl *planner) searchJob() Job {
	d := pl.newData("search", search.PageURL, "Tìm kiếm", "Tìm kiếm trong "+pl.cfg.Title)
	d.Breadcrumb = pl.crumbs(layout.Crumb{Name: "Tìm kiếm"})
	return Job{Path: search.PageURL + "index.html", Layout: "search", Data: d, AfterIndex: true}
}
