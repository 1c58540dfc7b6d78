// Package jsonld writes the structured data of a page (schema.org JSON-LD:
// NewsArticle, QAPage, Event) that search engines and share cards read.
// It reads the page and the site's config, nothing rendered but the
// answer's text.
package jsonld

import (
	"cmp"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/viet"
)

// Of is the JSON-LD of a page with a body, shown as kind: NewsArticle for
// an "article", QAPage for a question (content.SectionQA) and its answer,
// the plain text of its body; Event for an event (content.SectionEvents);
// nil for the others. cover is the path of the page's cover below the base
// path, or "".
func Of(cfg *config.Config, p *content.Page, kind, cover, text string) any {
	switch kind {
	case "article":
		return newsArticle(cfg, p, cover)
	case content.SectionQA:
		return qaPage(cfg, p, text)
	case content.SectionEvents:
		return event(cfg, p)
	}
	return nil
}

func organization(cfg *config.Config) string { return cmp.Or(cfg.Organization, cfg.Title) }

// newsArticle is schema.org's NewsArticle.
func newsArticle(cfg *config.Config, p *content.Page, cover string) map[string]any {
	org := organization(cfg)
	modified := p.Date
	if p.Updated.After(modified) {
		modified = p.Updated
	}
	ld := map[string]any{
		"@context":         "https://schema.org",
		"@type":            "NewsArticle",
		"headline":         p.Title,
		"description":      p.Summary,
		"datePublished":    viet.ISODate(p.Date),
		"dateModified":     viet.ISODate(modified),
		"inLanguage":       "vi",
		"mainEntityOfPage": cfg.AbsURL(p.URL),
		"publisher":        map[string]any{"@type": "GovernmentOrganization", "name": org},
	}
	if p.Author != "" {
		ld["author"] = map[string]any{"@type": "Person", "name": p.Author}
	} else {
		ld["author"] = map[string]any{"@type": "GovernmentOrganization", "name": cmp.Or(p.Unit, org)}
	}
	if cover != "" {
		ld["image"] = cfg.AbsURL(cover)
	}
	return ld
}

// qaPage is schema.org's QAPage: one question and the answer accepted.
func qaPage(cfg *config.Config, p *content.Page, answer string) map[string]any {
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
		"url":    cfg.AbsURL(p.URL) + "#tra-loi",
		"author": map[string]any{"@type": "GovernmentOrganization", "name": cmp.Or(q.Answerer, organization(cfg))},
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

// event is schema.org's Event for a conference or seminar held on site.
func event(cfg *config.Config, p *content.Page) map[string]any {
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
		"url":                 cfg.AbsURL(p.URL),
		"organizer":           map[string]any{"@type": "GovernmentOrganization", "name": cmp.Or(e.Unit, organization(cfg))},
	}
	if !e.End.IsZero() {
		ld["endDate"] = viet.ISODate(e.End)
	}
	if e.Place != "" {
		ld["location"] = map[string]any{"@type": "Place", "name": e.Place, "address": e.Place}
	}
	return ld
}
