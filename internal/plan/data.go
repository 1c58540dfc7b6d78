package plan

import (
	"cmp"
	"slices"
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/layout"
	"github.com/cchc-vn/cchc/internal/viet"
)

// Topics lists the vocabulary in Vietnamese alphabetical order, with the
// number of published pages of each topic: the site's menu of topics,
// which the templates' functions read too.
func Topics(site *content.Site) []layout.TopicLink {
	out := make([]layout.TopicLink, 0, len(site.Topics))
	for _, tp := range site.Topics {
		out = append(out, layout.TopicLink{
			Name: tp.Topic.Name, Slug: tp.Topic.Slug, Description: tp.Topic.Description,
			URL: content.TopicURL(tp.Topic.Slug), Count: len(tp.Pages),
		})
	}
	viet.SortBy(out, func(t layout.TopicLink) string { return t.Name })
	return out
}

// SiteData is what every page shows of the site, with topics as Topics
// lists them.
func SiteData(cfg *config.Config, site *content.Site, topics []layout.TopicLink) *layout.SiteData {
	sd := &layout.SiteData{
		Title: cfg.Title, Organization: cfg.Organization, Province: cfg.Province,
		Description: cfg.Description, BaseURL: cfg.BaseURL, BasePath: cfg.BasePath(),
		Contact: cfg.Contact, Topics: topics,
	}
	for _, s := range site.Sections {
		sd.Sections = append(sd.Sections, layout.SectionLink{Name: s.Name, Title: s.Title, URL: s.Slug + "/", Count: len(s.Pages)})
	}
	sd.Updated = lastChange(publications(site.Pages))
	if cfg.Report.Public {
		sd.StatsURL = content.StatsURL
	}
	return sd
}

// lastChange is the newest date among pages: what "updated" means for the
// site, and never the clock, so the output is reproducible.
func lastChange(pages []*content.Page) time.Time {
	var t time.Time
	for _, p := range pages {
		t = later(t, modified(p))
	}
	return t
}

func modified(p *content.Page) time.Time { return later(p.Date, p.Updated) }

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func (pl *planner) pageTopics(p *content.Page) []layout.TopicLink {
	var out []layout.TopicLink
	for _, s := range p.Topics {
		for _, t := range pl.siteData.Topics {
			if t.Slug == s {
				out = append(out, t)
			}
		}
	}
	return out
}

// relatedCount is how many related articles an article shows.
const relatedCount = 4

// related picks articles sharing the most topics with p, preferring those
// closest in date. Candidates are p's neighbours in each of its topic
// lists, so the cost stays linear in the size of the site.
func (pl *planner) related(p *content.Page) []*content.Page {
	type cand struct {
		page   *content.Page
		shared int
	}
	// At most (2·relatedCount+3) candidates per topic: a slice searched
	// linearly beats a map here, and this runs for every article.
	var cands []cand
	for _, tp := range pl.site.Topics {
		if !slices.Contains(p.Topics, tp.Topic.Slug) {
			continue
		}
		i, _ := slices.BinarySearchFunc(tp.Pages, p, func(a, t *content.Page) int {
			if c := t.Date.Compare(a.Date); c != 0 {
				return c
			}
			return cmp.Compare(a.Source, t.Source)
		})
		for j := max(0, i-relatedCount-1); j < min(len(tp.Pages), i+relatedCount+2); j++ {
			q := tp.Pages[j]
			if q == p || q.Role != content.RoleArticle || slices.ContainsFunc(cands, func(c cand) bool { return c.page == q }) {
				continue
			}
			c := cand{page: q}
			for _, s := range q.Topics {
				if slices.Contains(p.Topics, s) {
					c.shared++
				}
			}
			cands = append(cands, c)
		}
	}
	slices.SortFunc(cands, func(x, y cand) int {
		if c := cmp.Compare(y.shared, x.shared); c != 0 {
			return c
		}
		dx, dy := absDuration(x.page.Date.Sub(p.Date)), absDuration(y.page.Date.Sub(p.Date))
		if c := cmp.Compare(dx, dy); c != 0 {
			return c
		}
		return cmp.Compare(x.page.Source, y.page.Source)
	})
	out := make([]*content.Page, 0, min(relatedCount, len(cands)))
	for _, c := range cands[:min(relatedCount, len(cands))] {
		out = append(out, c.page)
	}
	return out
}

func absDuration(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
