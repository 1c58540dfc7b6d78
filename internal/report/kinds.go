package report

import (
	"cmp"
	"slices"
	"time"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/viet"
)

// Questions sums up "Dân hỏi – Cơ quan chức năng trả lời" for a period.
type Questions struct {
	Received int // asked (ngay_hoi) in the period
	Answered int // answered (ngay_tra_loi) in the period
	Waiting  int // asked by the end and not answered by then
	// MedianDays and MaxDays measure the days from ngay_hoi to
	// ngay_tra_loi of the questions answered in the period.
	MedianDays float64
	MaxDays    int
	Rows       []QuestionRow // every question received, answered or waiting, by ngay_hoi
}

// QuestionRow is one question of the period.
type QuestionRow struct {
	Page     *content.Page
	Answered bool // by the report's cut-off
	// Days is the wait until the answer, or until AsOf for a question
	// still waiting.
	Days int
}

// days counts the calendar days from a to b in Vietnam, whose days all
// last 24 hours (no daylight saving).
func days(a, b time.Time) int {
	return int(day(b).Sub(day(a)) / (24 * time.Hour))
}

func questions(site *content.Site, w window, asOf time.Time) Questions {
	var q Questions
	var delays []int
	for _, p := range site.Pages {
		qa := p.QA
		if qa == nil {
			continue
		}
		received, answered := w.contains(qa.Asked), w.contains(qa.Answered)
		waiting := !w.later(qa.Asked) && w.later(qa.Answered)
		if !received && !answered && !waiting {
			continue
		}
		row := QuestionRow{Page: p, Answered: !waiting}
		if waiting {
			row.Days = days(qa.Asked, asOf)
			q.Waiting++
		} else {
			row.Days = days(qa.Asked, qa.Answered)
		}
		if received {
			q.Received++
		}
		if answered {
			q.Answered++
			delays = append(delays, row.Days)
		}
		q.Rows = append(q.Rows, row)
	}
	slices.SortStableFunc(q.Rows, func(a, b QuestionRow) int {
		return cmp.Or(a.Page.QA.Asked.Compare(b.Page.QA.Asked), cmp.Compare(a.Page.Source, b.Page.Source))
	})
	if len(delays) > 0 {
		slices.Sort(delays)
		n := len(delays)
		q.MedianDays = float64(delays[n/2])
		if n%2 == 0 {
			q.MedianDays = float64(delays[n/2-1]+delays[n/2]) / 2
		}
		q.MaxDays = delays[n-1]
	}
	return q
}

// datedIn lists the pages for which at gives a time in the window, in
// the order of that time, source path breaking ties.
func datedIn(site *content.Site, w window, at func(*content.Page) (time.Time, bool)) []*content.Page {
	var out []*content.Page
	for _, p := range site.Pages {
		if t, ok := at(p); ok && w.contains(t) {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b *content.Page) int {
		ta, _ := at(a)
		tb, _ := at(b)
		return cmp.Or(ta.Compare(tb), cmp.Compare(a.Source, b.Source))
	})
	return out
}

// documents lists the documents dated in the period, oldest first.
func documents(site *content.Site, w window) []*content.Page {
	return datedIn(site, w, func(p *content.Page) (time.Time, bool) { return p.Date, p.Doc != nil })
}

// events lists the events that started in the period, by start.
func events(site *content.Site, w window) []*content.Page {
	return datedIn(site, w, func(p *content.Page) (time.Time, bool) {
		if p.Event == nil {
			return time.Time{}, false
		}
		return p.Event.Start, true
	})
}

// Levels of documents, in the order a report shows them.
func documentLevels() []string { return []string{"Trung ương", "Tỉnh", "Xã"} }

// DocumentCount is the documents of one type, per level.
type DocumentCount struct {
	Type    string
	ByLevel []int // parallel to documentLevels()
	Total   int
}

// DocumentTypes counts the documents by type (most first) and level.
func (r *Report) DocumentTypes() []DocumentCount {
	idx := map[string]int{}
	var out []DocumentCount
	for _, d := range r.Documents {
		t := d.Doc.Type
		i, ok := idx[t]
		if !ok {
			i = len(out)
			idx[t] = i
			out = append(out, DocumentCount{Type: t, ByLevel: make([]int, len(documentLevels()))})
		}
		out[i].Total++
		if l := slices.Index(documentLevels(), d.Doc.Level); l >= 0 {
			out[i].ByLevel[l]++
		}
	}
	viet.SortBy(out, func(c DocumentCount) string { return c.Type })
	slices.SortStableFunc(out, func(a, b DocumentCount) int { return cmp.Compare(b.Total, a.Total) })
	return out
}

// procedureLevels are the online levels, in the order a report shows them.
func procedureLevels() []string {
	return []string{content.LevelFull, content.LevelPartial, content.LevelInPerson}
}

// Procedures counts the procedures published at the report's cut-off
// (a procedure has no date of its own unless the editor gives one).
type Procedures struct {
	Fields []FieldCount // by field (linh_vuc), alphabetical
	Total  FieldCount   // every field
}

// FieldCount is the procedures of one field, per online level.
type FieldCount struct {
	Field   string
	ByLevel []int // parallel to procedureLevels()
	Total   int
}

// Online is the share of procedures done fully or partly online (0 to 1).
func (f FieldCount) Online() float64 {
	if f.Total == 0 {
		return 0
	}
	return float64(f.ByLevel[0]+f.ByLevel[1]) / float64(f.Total)
}

func procedures(site *content.Site, w window) Procedures {
	levels := procedureLevels()
	pr := Procedures{Total: FieldCount{ByLevel: make([]int, len(levels))}}
	idx := map[string]int{}
	for _, p := range site.Pages {
		if p.Proc == nil || (!p.Date.IsZero() && w.later(p.Date)) {
			continue
		}
		i, ok := idx[p.Proc.Field]
		if !ok {
			i = len(pr.Fields)
			idx[p.Proc.Field] = i
			pr.Fields = append(pr.Fields, FieldCount{Field: p.Proc.Field, ByLevel: make([]int, len(levels))})
		}
		l := slices.Index(levels, p.Proc.Level)
		for _, f := range []*FieldCount{&pr.Fields[i], &pr.Total} {
			f.Total++
			if l >= 0 {
				f.ByLevel[l]++
			}
		}
	}
	viet.SortBy(pr.Fields, func(f FieldCount) string { return f.Field })
	return pr
}
