// Package report computes the commune's propaganda report for a period
// from the published content of a site (`cchc report`), lays it out as
// tables, and writes its plain-text summary; internal/reportfile writes
// the tables as a workbook or a CSV file.
//
// The site is loaded the way the build loads it (config.Load, then
// load.Site without drafts nor pages dated after now), and only what
// is dated inside the period, and not after now, is counted: articles
// per unit, month, section and content item of the plan; questions of
// "Dân hỏi – Cơ quan chức năng trả lời" received, answered and waiting;
// documents by type and level; events held; the procedures published
// and their online share; each unit's target from site.yaml and its
// shortfall.
package report

import (
	"io/fs"
	"slices"
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/load"
)

// Load reads the site's config and its published content, as a build
// without --drafts and --future does at now.
func Load(fsys fs.FS, now time.Time) (*config.Config, *content.Site, diag.List) {
	cfg, ds := config.Load(fsys)
	if ds.HasErrors() {
		return cfg, nil, ds
	}
	site, lds := load.Site(fsys, cfg, load.Options{Now: now})
	ds.Add(lds...)
	return cfg, site, ds
}

// Report holds the figures of one period.
type Report struct {
	Organization string // "UBND xã Diễn Châu"
	Province     string
	Period       Period
	// AsOf is the last day the figures cover: the period's last day, or
	// today while the period runs.
	AsOf    time.Time
	Ongoing bool

	Articles  int // pages dated in the period, every section
	Units     []UnitCount
	Months    []MonthCount
	Sections  []SectionCount
	Plan      []ItemCount
	Unplanned int // articles whose topics belong to no plan item

	Questions  Questions
	Documents  []*content.Page // documents dated in the period, oldest first
	Events     []*content.Page // events that started in the period, by start
	Procedures Procedures
	Targets    []TargetRow
}

// Empty reports a period in which nothing was published nor held.
func (r *Report) Empty() bool {
	return r.Articles == 0 && len(r.Questions.Rows) == 0 && len(r.Events) == 0
}

// UnitCount is the articles of one unit, its spellings merged.
type UnitCount struct {
	Name     string   // the spelling most articles use; "" for articles without `unit`
	Variants []string // the other spellings met, by frequency
	Articles int
}

// MonthCount is the articles of one month, in total and per section.
type MonthCount struct {
	Month     time.Time // first day
	Articles  int
	BySection []int // parallel to Report.Sections
}

// SectionCount is the articles of one section of the site.
type SectionCount struct {
	Name, Title string
	Articles    int
}

// ItemCount is the articles of one content item of the plan.
type ItemCount struct {
	Item     config.PlanItem
	Topics   []string // the topics' names
	Articles int
}

// window decides what a report counts: from the period's first day to
// its end, and nothing after now.
type window struct {
	from, end, now time.Time
}

func (w window) contains(t time.Time) bool {
	return !t.IsZero() && !t.Before(w.from) && t.Before(w.end) && !t.After(w.now)
}

// later reports t as still to come at the report's cut-off.
func (w window) later(t time.Time) bool { return !t.Before(w.end) || t.After(w.now) }

// Compute gathers the report of period from a loaded site. now is the
// moment the report is made. The diagnostics are warnings about
// site.yaml's targets (a unit no article names).
func Compute(cfg *config.Config, site *content.Site, period Period, now time.Time) (*Report, diag.List) {
	site = published(site)
	w := window{from: period.From, end: period.end(), now: now}
	r := &Report{
		Organization: cfg.Organization,
		Province:     cfg.Province,
		Period:       period,
		AsOf:         period.To,
	}
	if now.Before(w.end) {
		r.Ongoing, r.AsOf = true, day(now)
	}
	var articles []*content.Page
	for _, p := range site.Pages {
		if p.Role == content.RoleArticle && w.contains(p.Date) {
			articles = append(articles, p)
		}
	}
	r.Articles = len(articles)
	preferred := preferredUnits(cfg.Report.Targets)
	keys := unitKeys{}
	units := countUnits(articles, preferred, keys)
	r.Units = units.counts()
	r.Sections = countSections(site, articles)
	r.Months = countMonths(period, r.Sections, articles)
	r.Plan, r.Unplanned = countPlan(cfg, articles)
	r.Questions = questions(site, w, r.AsOf)
	r.Documents = documents(site, w)
	r.Events = events(site, w)
	r.Procedures = procedures(site, w)
	var ds diag.List
	r.Targets = targets(cfg.Report.Targets, units, allUnits(site, preferred, keys), period, &ds)
	return r, ds
}

// published leaves out the drafts of a site loaded with them (the
// preview's build): a report counts what readers can see.
func published(site *content.Site) *content.Site {
	if !slices.ContainsFunc(site.Pages, func(p *content.Page) bool { return p.Draft }) {
		return site
	}
	view := *site
	view.Pages = slices.DeleteFunc(slices.Clone(site.Pages), func(p *content.Page) bool { return p.Draft })
	return &view
}

// countSections counts the articles of each section that has any.
func countSections(site *content.Site, articles []*content.Page) []SectionCount {
	n := map[string]int{}
	for _, p := range articles {
		n[p.Section]++
	}
	var out []SectionCount
	for _, s := range site.Sections {
		if n[s.Name] > 0 {
			out = append(out, SectionCount{Name: s.Name, Title: s.Title, Articles: n[s.Name]})
		}
	}
	return out
}

// countMonths counts the articles of every month the period touches.
func countMonths(period Period, sections []SectionCount, articles []*content.Page) []MonthCount {
	col := map[string]int{}
	for i, s := range sections {
		col[s.Name] = i
	}
	starts := period.monthStarts()
	out := make([]MonthCount, len(starts))
	for i, m := range starts {
		out[i] = MonthCount{Month: m, BySection: make([]int, len(sections))}
	}
	for _, p := range articles {
		d := day(p.Date)
		i := (d.Year()-starts[0].Year())*12 + int(d.Month()) - int(starts[0].Month())
		out[i].Articles++
		out[i].BySection[col[p.Section]]++
	}
	return out
}

// countPlan counts the articles of each plan item: an article counts once
// for every item one of its topics belongs to.
func countPlan(cfg *config.Config, articles []*content.Page) ([]ItemCount, int) {
	out := make([]ItemCount, len(cfg.PlanItems))
	for i, it := range cfg.PlanItems {
		out[i].Item = it
		for _, s := range it.Topics {
			if t, ok := cfg.Topic(s); ok {
				out[i].Topics = append(out[i].Topics, t.Name)
			}
		}
	}
	unplanned := 0
	for _, p := range articles {
		seen := map[int]bool{}
		for _, slug := range p.Topics {
			for _, i := range cfg.PlanItemsOf(slug) {
				if !seen[i] {
					seen[i] = true
					out[i].Articles++
				}
			}
		}
		if len(seen) == 0 {
			unplanned++
		}
	}
	return out, unplanned
}
