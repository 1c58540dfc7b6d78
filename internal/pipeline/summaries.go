package pipeline

import (
	"github.com/cchc-vn/cchc/internal/cache"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/viet"
)

// summaryLength is where a summary taken from the first paragraph is cut:
// about two lines of a card, and under what share cards show.
const summaryLength = 220

// fillSummaries gives pages without a `summary` the start of their first
// paragraph. Links are not resolved here: the main render reports them.
func (b *builder) fillSummaries() {
	b.fillKindSummaries()
	defer b.fillKindFallbacks()
	var todo []*content.Page
	for _, p := range b.site.Pages {
		if p.Summary == "" {
			todo = append(todo, p)
		}
	}
	b.pool.Run(len(todo), func(i int) {
		p := todo[i]
		var key cache.Key
		if b.sess.Store != nil {
			key = b.summaryKey(p)
			if v, ok := b.sess.Store.Get(key); ok {
				p.Summary, p.SummaryFromBody = string(v), true
				return
			}
		}
		p.Summary, p.SummaryFromBody = viet.Cut(b.md.FirstParagraph(p.Body), summaryLength), true
		if b.sess.Store != nil {
			b.sess.Store.Put(key, []byte(p.Summary))
		}
	})
}

// fillKindSummaries gives questions without a `summary` the question
// itself: an answer's first paragraph does not say what was asked. It
// runs before the summaries taken from bodies. (A document's summary is
// its abstract, set by the loader.)
func (b *builder) fillKindSummaries() {
	for _, p := range b.site.Pages {
		if p.Summary == "" && p.QA != nil {
			p.Summary = viet.Cut(p.QA.Question, summaryLength)
		}
	}
}

// fillKindFallbacks describes procedures and events whose body gave no
// summary either, from their fields.
func (b *builder) fillKindFallbacks() {
	for _, p := range b.site.Pages {
		if p.Summary != "" {
			continue
		}
		switch {
		case p.Proc != nil:
			p.Summary = procedureSummary(p.Proc)
		case p.Event != nil:
			p.Summary = eventSummary(p.Event)
		}
	}
}

func procedureSummary(pr *content.Procedure) string {
	s := "Thủ tục hành chính"
	if pr.Field != "" {
		s += " lĩnh vực " + pr.Field
	}
	if pr.Level != "" {
		s += ", mức độ " + pr.Level
	}
	if pr.Duration != "" {
		s += ", thời hạn giải quyết " + pr.Duration
	}
	return viet.Cut(s+".", summaryLength)
}

func eventSummary(e *content.Event) string {
	s := viet.LongDate(e.Start)
	if e.Place != "" {
		s += ", tại " + e.Place
	}
	if e.Unit != "" {
		s += ". Đơn vị tổ chức: " + e.Unit
	}
	return viet.Cut(s+".", summaryLength)
}
