// Structured data of the pages (NewsArticle, QAPage, Event JSON-LD),
// which search engines and share cards read.

package pipeline

import (
	"cmp"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/layout"
	"github.com/cchc-vn/cchc/internal/markdown"
	"github.com/cchc-vn/cchc/internal/viet"
)

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
