// Citations between the kinds' pages, their part of the cache key, and
// their structured data (QAPage, Event JSON-LD).

package build

import (
	"cmp"
	"maps"
	"slices"

	"github.com/cchc-vn/cchc/internal/cache"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/layout"
	"github.com/cchc-vn/cchc/internal/markdown"
	"github.com/cchc-vn/cchc/internal/viet"
)

// citations are the documents a body may cite by number, for every page
// of one build: number → link, and a hash of them for the cache.
type citations struct {
	urls map[string]string
	key  cache.Key
}

// newCitations maps each document's number to its page. A number that two
// documents share (numbers start again every year) links to neither:
// "35/KH-UBND" alone cannot say which one is meant.
func (b *builder) newCitations() *citations {
	urls := map[string]string{}
	shared := map[string]bool{}
	for _, p := range b.site.Pages {
		if p.Doc == nil || p.Doc.Number == "" {
			continue
		}
		if _, ok := urls[p.Doc.Number]; ok {
			shared[p.Doc.Number] = true
		}
		urls[p.Doc.Number] = b.cfg.BasePath() + p.URL
	}
	for n := range shared {
		delete(urls, n)
	}
	h := newHasher()
	for _, n := range slices.Sorted(maps.Keys(urls)) {
		h.str(n)
		h.str(urls[n])
	}
	return &citations{urls: urls, key: h.key()}
}

// of is what page p's body links: every document but p itself.
func (c *citations) of(p *content.Page) markdown.Citations {
	if c == nil {
		return markdown.Citations{}
	}
	mc := markdown.Citations{URLs: c.urls}
	if p.Doc != nil {
		mc.Skip = p.Doc.Number
	}
	return mc
}

// kindsKey adds to a job's cache key what the kinds add to its data.
func (f *fingerprints) kindsKey(h *hasher, j *job) {
	if j.cites != nil {
		h.h.Write(j.cites.key[:])
	}
	d := j.data
	// /thong-ke/: its tables and charts are counted from every page.
	h.int(int64(len(d.Stats)))
	for _, st := range d.Stats {
		h.strs(append([]string{st.ID, st.Title, string(st.Chart)}, st.Headers...))
		h.strs(st.Notes)
		h.int(int64(len(st.Rows)))
		for _, r := range st.Rows {
			h.strs(r.Cells)
			h.bool(r.Total)
		}
	}
	pages := func(ps []*content.Page) {
		h.int(int64(len(ps)))
		for _, p := range ps {
			k := f.pages[p]
			h.h.Write(k[:])
		}
	}
	groups := func(gs []layout.Group) {
		h.int(int64(len(gs)))
		for _, g := range gs {
			h.strs([]string{g.Title, g.ID, g.Status})
			h.int(int64(g.Online))
			pages(g.Pages)
		}
	}
	groups(d.Groups)
	h.int(int64(len(d.Filters)))
	for _, fl := range d.Filters {
		h.str(fl.Name)
		h.int(int64(len(fl.Options)))
		for _, o := range fl.Options {
			h.strs([]string{o.Label, o.URL})
			h.int(int64(o.Count))
			h.bool(o.Current)
		}
	}
	h.int(int64(len(d.Blocks)))
	for _, blk := range d.Blocks {
		h.strs([]string{blk.Section, blk.Title, blk.URL})
		h.int(int64(blk.Count))
		h.int(int64(blk.Online))
		groups(blk.Groups)
	}
	h.int(int64(d.Online))
	h.str(d.Status)
}

// structuredData is the JSON-LD of a page with a body: NewsArticle for an
// article, QAPage for a question and its answer, Event for an event.
func (b *builder) structuredData(p *content.Page, data *layout.Data, res *markdown.Result) any {
	switch data.Kind {
	case "article":
		return b.newsArticle(p, data.Cover)
	case content.SectionQA:
		return b.qaPage(p, res.Text) // the build renders with PlainText
	case content.SectionEvents:
		return b.eventLD(p)
	}
	return nil
}

func (b *builder) organization() string { return cmp.Or(b.cfg.Organization, b.cfg.Title) }

// qaPage is schema.org's QAPage: one question and the answer accepted.
func (b *builder) qaPage(p *content.Page, answer string) map[string]any {
	q := p.QA
	question := map[string]any{
		"@type":       "Question",
		"name":        p.Title,
		"text":        cmp.Or(q.Question, p.Title),
		"answerCount": 1,
	}
	if !q.Asked.IsZero() {
		question["dateCreated"] = viet.ISODate(q.Asked)
	}
	if q.Asker != "" {
		question["author"] = map[string]any{"@type": "Person", "name": q.Asker}
	}
	ans := map[string]any{
		"@type":  "Answer",
		"text":   answer,
		"url":    b.cfg.AbsURL(p.URL) + "#tra-loi",
		"author": map[string]any{"@type": "GovernmentOrganization", "name": cmp.Or(q.Answerer, b.organization())},
	}
	if !q.Answered.IsZero() {
		ans["dateCreated"] = viet.ISODate(q.Answered)
	}
	question["acceptedAnswer"] = ans
	return map[string]any{
		"@context":   "https://schema.org",
		"@type":      "QAPage",
		"inLanguage": "vi",
		"mainEntity": question,
	}
}

// eventLD is schema.org's Event for a conference or seminar held on site.
func (b *builder) eventLD(p *content.Page) map[string]any {
	e := p.Event
	ld := map[string]any{
		"@context":            "https://schema.org",
		"@type":               "Event",
		"name":                p.Title,
		"description":         p.Summary,
		"startDate":           viet.ISODate(e.Start),
		"eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
		"eventStatus":         "https://schema.org/EventScheduled",
		"inLanguage":          "vi",
		"url":                 b.cfg.AbsURL(p.URL),
		"organizer":           map[string]any{"@type": "GovernmentOrganization", "name": cmp.Or(e.Unit, b.organization())},
	}
	if !e.End.IsZero() {
		ld["endDate"] = viet.ISODate(e.End)
	}
	if e.Place != "" {
		ld["location"] = map[string]any{"@type": "Place", "name": e.Place, "address": e.Place}
	}
	return ld
}
