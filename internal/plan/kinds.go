package plan

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/layout"
	"github.com/cchc-vn/cchc/internal/viet"
)

// The content kinds of the commune's plan (content/kinds.go) get their own
// layouts. The choice is made here, by what the page is, not by a template
// lookup:
//
//   - a page carrying a kind's fields (Page.Doc, QA, Proc or Event) is
//     rendered with the layout named after the kind's section folder:
//     layouts/van-ban.html, hoi-dap.html, thu-tuc.html, su-kien.html, and
//     Data.Kind is that name too (the body's class, the JSON-LD);
//   - the list of one of those sections is rendered with
//     layouts/<section>-list.html (van-ban-list.html…), Data.Kind staying
//     "section" like every other section list;
//   - everything else keeps article.html and section.html.
//
// The theme carries all eight layouts, so a site may override any of them
// file by file, like the others.

// kindOf names the content kind of p, which is also its layout, or "".
func kindOf(p *content.Page) string {
	switch {
	case p.Doc != nil:
		return content.SectionDocuments
	case p.QA != nil:
		return content.SectionQA
	case p.Proc != nil:
		return content.SectionProcedures
	case p.Event != nil:
		return content.SectionEvents
	}
	return ""
}

// listLayout is the layout of section sec's list.
func listLayout(sec *content.Section) string {
	if content.IsKindSection(sec.Name) {
		return sec.Name + "-list"
	}
	return "section"
}

// newsOf lists the articles that are news: no content kind's page.
func newsOf(pages []*content.Page) []*content.Page {
	var out []*content.Page
	for _, p := range pages {
		if p.Role == content.RoleArticle && kindOf(p) == "" {
			out = append(out, p)
		}
	}
	return out
}

// publications leaves out the pages that are not news to follow:
// procedures are reference pages without a date, and an event is dated
// by when it happens, often weeks ahead. Both have their section's feed;
// in the site's feed and its "last updated" they would sit in the future
// or nowhere.
func publications(pages []*content.Page) []*content.Page {
	out := make([]*content.Page, 0, len(pages))
	for _, p := range pages {
		if p.Proc == nil && p.Event == nil {
			out = append(out, p)
		}
	}
	return out
}

// kindPage fills a kind's page data: its layout, status and feed.
func (pl *planner) kindPage(j *Job, sec *content.Section) {
	p, d := j.Page, j.Data
	kind := kindOf(p)
	if kind == "" {
		return
	}
	j.Layout, d.Kind = kind, kind
	d.Feed = sec.Slug + "/" + content.FeedFile
	if p.Event != nil {
		d.Status = eventStatus(p.Event, pl.opts.Now)
	}
	if kind == content.SectionProcedures || kind == content.SectionEvents {
		// Neighbours by field or by date are no reading order.
		d.Prev, d.Next = nil, nil
	}
}

// eventStatus tells whether e is upcoming, happening or past at now. An
// event without an end lasts until the end of its day.
func eventStatus(e *content.Event, now time.Time) string {
	end := e.End
	if end.IsZero() {
		y, m, d := e.Start.In(viet.Location()).Date()
		end = time.Date(y, m, d+1, 0, 0, 0, 0, viet.Location())
	}
	switch {
	case now.Before(e.Start):
		return layout.EventUpcoming
	case now.Before(end):
		return layout.EventHappening
	}
	return layout.EventPast
}

// kindListJobs lists the pages of a kind's section: paginated documents
// (with their filters) and questions, procedures by field, events by
// status. feedJob adds the section's feed as for any section.
func (pl *planner) kindListJobs(sec *content.Section) []Job {
	title, desc := sec.Title, ""
	if sec.Intro != nil {
		desc = sec.Intro.Description
	}
	base, feed := sec.Slug+"/", sec.Slug+"/"+content.FeedFile
	crumbs := []layout.Crumb{{Name: title}}
	var jobs []Job
	switch sec.Name {
	case content.SectionDocuments:
		filters := documentFilters(sec)
		jobs = pl.listJobs("section", base, title, desc, sec.Pages, sec.Intro, crumbs, feed)
		for i := range jobs {
			jobs[i].Data.Filters = filterViews(filters, base, base)
		}
		for _, f := range filters {
			for _, o := range f.options {
				url := base + f.path + "/" + o.slug + "/"
				fj := pl.listJobs("section", url, title+" – "+o.title, desc, o.pages, nil,
					[]layout.Crumb{{Name: title, URL: base}, {Name: o.title}}, feed)
				for i := range fj {
					fj[i].Data.Filters = filterViews(filters, base, url)
				}
				jobs = append(jobs, fj...)
			}
		}
	case content.SectionQA:
		jobs = pl.listJobs("section", base, title, desc, sec.Pages, sec.Intro, crumbs, feed)
	default:
		d := pl.newData("section", base, title, desc)
		d.Feed = feed
		d.Breadcrumb = pl.crumbs(crumbs...)
		if sec.Name == content.SectionProcedures {
			d.Groups = procedureGroups(sec.Pages)
			d.Online = onlineCount(sec.Pages)
		} else {
			d.Groups = eventGroups(sec.Pages, pl.opts.Now)
		}
		d.List = sec.Pages
		jobs = []Job{{Path: base + "index.html", Data: d, Page: sec.Intro}}
	}
	for i := range jobs {
		jobs[i].Layout = listLayout(sec)
	}
	return jobs
}

// docFilter is one way to narrow the documents, with its pre-built lists.
type docFilter struct {
	name    string // "Cấp ban hành"
	path    string // URL segment below the section: "cap"
	options []docFilterOption
}

type docFilterOption struct {
	label, title, slug string // "Xã", "Cấp Xã", "xa"
	pages              []*content.Page
}

// levelOrder puts the levels from the centre down; others follow.
var levelOrder = []string{"trung-uong", "tinh", "xa"}

// documentFilters groups the documents by level, type and year of issue.
// The lists keep the section's order (newest issued first).
func documentFilters(sec *content.Section) []docFilter {
	level := docFilter{name: "Cấp ban hành", path: "cap"}
	kind := docFilter{name: "Loại văn bản", path: "loai"}
	year := docFilter{name: "Năm ban hành", path: "nam"}
	add := func(f *docFilter, label, title string, p *content.Page) {
		slug := viet.Slug(label)
		if slug == "" {
			return
		}
		for i := range f.options {
			if f.options[i].slug == slug {
				f.options[i].pages = append(f.options[i].pages, p)
				return
			}
		}
		f.options = append(f.options, docFilterOption{label: label, title: title, slug: slug, pages: []*content.Page{p}})
	}
	for _, p := range sec.Pages {
		if p.Doc == nil {
			continue
		}
		add(&level, p.Doc.Level, "Cấp "+p.Doc.Level, p)
		add(&kind, p.Doc.Type, p.Doc.Type, p)
		if !p.Doc.Issued.IsZero() {
			y := strconv.Itoa(p.Doc.Issued.In(viet.Location()).Year())
			add(&year, y, "Năm "+y, p)
		}
	}
	slices.SortStableFunc(level.options, func(a, b docFilterOption) int {
		ia, ib := slices.Index(levelOrder, a.slug), slices.Index(levelOrder, b.slug)
		if ia < 0 {
			ia = len(levelOrder)
		}
		if ib < 0 {
			ib = len(levelOrder)
		}
		return cmp.Compare(ia, ib)
	})
	viet.SortBy(kind.options, func(o docFilterOption) string { return o.label })
	slices.SortFunc(year.options, func(a, b docFilterOption) int { return cmp.Compare(b.label, a.label) })
	var out []docFilter
	for _, f := range []docFilter{level, kind, year} {
		if len(f.options) > 0 {
			out = append(out, f)
		}
	}
	return out
}

// filterViews is what the list page at url, of the section at base,
// shows of the filters.
func filterViews(filters []docFilter, base, url string) []layout.Filter {
	var out []layout.Filter
	for _, f := range filters {
		v := layout.Filter{Name: f.name}
		for _, o := range f.options {
			u := base + f.path + "/" + o.slug + "/"
			v.Options = append(v.Options, layout.FilterOption{Label: o.label, URL: u, Count: len(o.pages), Current: u == url})
		}
		out = append(out, v)
	}
	return out
}

// procedureGroups groups procedures by field, in the section's order
// (field, then title): one group per field, with its count online.
func procedureGroups(pages []*content.Page) []layout.Group {
	var out []layout.Group
	ids := map[string]bool{}
	for _, p := range pages {
		field := "Lĩnh vực khác"
		if p.Proc != nil && p.Proc.Field != "" {
			field = p.Proc.Field
		}
		if n := len(out); n == 0 || out[n-1].Title != field {
			id := "linh-vuc-" + cmp.Or(viet.Slug(field), "khac")
			for k := 2; ids[id]; k++ {
				id = "linh-vuc-" + cmp.Or(viet.Slug(field), "khac") + "-" + strconv.Itoa(k)
			}
			ids[id] = true
			out = append(out, layout.Group{Title: field, ID: id})
		}
		g := &out[len(out)-1]
		g.Pages = append(g.Pages, p)
		if p.Proc != nil && p.Proc.Level == content.LevelFull {
			g.Online++
		}
	}
	return out
}

func onlineCount(pages []*content.Page) int {
	n := 0
	for _, p := range pages {
		if p.Proc != nil && p.Proc.Level == content.LevelFull {
			n++
		}
	}
	return n
}

// eventGroups splits the events, in the section's order, into those
// happening now, upcoming and past; empty groups are left out.
func eventGroups(pages []*content.Page, now time.Time) []layout.Group {
	groups := []layout.Group{
		{Title: "Đang diễn ra", ID: layout.EventHappening, Status: layout.EventHappening},
		{Title: "Sắp diễn ra", ID: layout.EventUpcoming, Status: layout.EventUpcoming},
		{Title: "Đã diễn ra", ID: layout.EventPast, Status: layout.EventPast},
	}
	for _, p := range pages {
		if p.Event == nil {
			continue
		}
		st := eventStatus(p.Event, now)
		for i := range groups {
			if groups[i].Status == st {
				groups[i].Pages = append(groups[i].Pages, p)
			}
		}
	}
	return slices.DeleteFunc(groups, func(g layout.Group) bool { return len(g.Pages) == 0 })
}

// homeKindLatest is how many pages of each kind the home page lists.
const homeKindLatest = 4

// kindBlocks are the home page's blocks: the latest pages of each kind
// that has any, each linking to its list.
func (pl *planner) kindBlocks() []layout.KindBlock {
	var out []layout.KindBlock
	for _, name := range content.KindSections() {
		sec := pl.findSection(name)
		if sec == nil || len(sec.Pages) == 0 {
			continue
		}
		blk := layout.KindBlock{Section: name, Title: sec.Title, URL: sec.Slug + "/", Count: len(sec.Pages)}
		switch name {
		case content.SectionProcedures:
			blk.Online = onlineCount(sec.Pages)
			// The section is ordered by field: the newest are the latest added.
			latest := slices.Clone(sec.Pages)
			slices.SortStableFunc(latest, func(x, y *content.Page) int { return y.Date.Compare(x.Date) })
			blk.Groups = []layout.Group{{Pages: latest[:min(homeKindLatest, len(latest))]}}
		case content.SectionEvents:
			blk.Groups = eventGroups(sec.Pages[:min(homeKindLatest, len(sec.Pages))], pl.opts.Now)
		default:
			blk.Groups = []layout.Group{{Pages: sec.Pages[:min(homeKindLatest, len(sec.Pages))]}}
		}
		out = append(out, blk)
	}
	return out
}

// findSection returns the section named name, or nil.
func (pl *planner) findSection(name string) *content.Section {
	for _, s := range pl.site.Sections {
		if s.Name == name {
			return s
		}
	}
	return nil
}
