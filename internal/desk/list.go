package desk

import (
	"cmp"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/deskform"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/frontedit"
	"github.com/cchc-vn/cchc/internal/viet"
)

// Statuses of a page in the list.
const (
	statusError     = "loi"
	statusDraft     = "nhap"
	statusScheduled = "hen"
	statusPublished = "dang"
)

var statusLabels = map[string]string{
	statusError: "có lỗi", statusDraft: "nháp", statusScheduled: "hẹn đăng", statusPublished: "đã đăng",
}

// row is one page of the list.
type row struct {
	Rel, Title    string
	Section       string // folder under content/, "" for pages of content/ itself
	SectionTitle  string
	Date          string // dd/mm/yyyy, or ""
	Status, Label string
	Errors, Warns int
	Topics        []string // slugs
	TopicNames    string
	Fold          string // what the search box matches, folded
	date          time.Time
}

// section is a folder of content/ that a new page can go into.
type section struct {
	Name, Title, Ask string
}

// listing is what the list page shows.
type listing struct {
	Rows     []row
	Sections []section
	Topics   []topicOption
	Statuses []statusOption
	Failed   bool // the last build failed
	Filter   filter
	Total    int // rows before the filter
}

type statusOption struct{ Value, Label string }

// walkPages lists the Markdown files of content/ as the loader sees them:
// ignored and hidden names and symbolic links are left out. Paths are
// relative to the site root, NFC.
func walkPages(root string) ([]string, []string) {
	var pages, sections []string
	base := filepath.Join(root, content.ContentDir)
	filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if p != base && content.Ignored(d.Name()) || d.Type()&fs.ModeSymlink != 0 {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = viet.NFC(filepath.ToSlash(rel))
		switch {
		case d.IsDir() && path.Dir(rel) == content.ContentDir:
			sections = append(sections, path.Base(rel))
		case d.Type().IsRegular() && strings.EqualFold(path.Ext(rel), ".md"):
			pages = append(pages, rel)
		}
		return nil
	})
	return pages, sections
}

// list gathers the rows of the list from the files and the last build.
func (d *Desk) list() listing {
	b := d.opts.Host.Last()
	files, folders := walkPages(d.opts.Root)
	byFile := map[string]diag.List{}
	for _, dg := range b.Diags {
		byFile[dg.Pos.File] = append(byFile[dg.Pos.File], dg)
	}
	var out listing
	out.Failed = b.Diags.HasErrors()
	for _, name := range folders {
		out.Sections = append(out.Sections, section{Name: name, Title: sectionTitle(b.Site, name), Ask: deskform.NewTitle(name)})
	}
	slices.SortFunc(out.Sections, func(a, c section) int { return cmp.Compare(a.Name, c.Name) })
	now := d.opts.Now()
	for _, rel := range files {
		r := row{Rel: rel}
		r.Errors, r.Warns = byFile[rel].Count()
		d.fill(&r, b, now)
		out.Rows = append(out.Rows, r)
	}
	slices.SortStableFunc(out.Rows, func(a, c row) int {
		return cmp.Or(c.date.Compare(a.date), cmp.Compare(a.Rel, c.Rel))
	})
	out.Topics = topicOptions(b.Config, nil)
	for _, s := range []string{statusError, statusDraft, statusScheduled, statusPublished} {
		out.Statuses = append(out.Statuses, statusOption{s, statusLabels[s]})
	}
	return out
}

// fill takes what the row shows from the loaded page, or, for a file the
// build could not load, from the file itself.
func (d *Desk) fill(r *row, b Build, now time.Time) {
	rel := strings.TrimPrefix(r.Rel, content.ContentDir+"/")
	var p *content.Page
	if b.Site != nil {
		if p = b.Site.ByPath[rel]; p == nil {
			p = b.Site.Unpublished[rel]
		}
	}
	if first, _, nested := strings.Cut(rel, "/"); nested {
		r.Section = first
		r.SectionTitle = sectionTitle(b.Site, first)
	} else {
		r.SectionTitle = "Trang riêng"
	}
	switch kind := deskform.KindOf(r.Rel); kind {
	case deskform.Home:
		r.SectionTitle = "Trang chủ"
	case deskform.Section:
		r.SectionTitle += " (giới thiệu mục)"
	}
	if p != nil {
		r.Title, r.date, r.Topics = p.Title, p.Date, p.Topics
		r.TopicNames = topicNames(b.Config, p.Topics)
	} else {
		r.Title = titleOf(filepath.Join(d.opts.Root, filepath.FromSlash(r.Rel)))
	}
	if r.Title == "" {
		r.Title = path.Base(r.Rel)
	}
	if !r.date.IsZero() {
		r.Date = viet.ShortDate(r.date)
	}
	switch {
	case r.Errors > 0 || p == nil:
		r.Status = statusError
	case p.Draft:
		r.Status = statusDraft
	case p.Future(now):
		r.Status = statusScheduled
	default:
		r.Status = statusPublished
	}
	r.Label = statusLabels[r.Status]
	r.Fold = viet.Fold(r.Title + " " + r.Rel + " " + r.TopicNames + " " + r.SectionTitle)
}

// titleOf reads the title of a file the build did not load.
func titleOf(name string) string {
	data, err := os.ReadFile(name)
	if err != nil {
		return ""
	}
	doc, err := frontedit.Parse(data)
	if err != nil {
		return ""
	}
	for _, k := range []string{"title", "cau_hoi", "trich_yeu"} {
		if v, ok := doc.Get(k); ok {
			if s, ok := v.(string); ok && s != "" {
				return viet.NFC(s)
			}
		}
	}
	return ""
}

func sectionTitle(site *content.Site, name string) string {
	if site != nil {
		for _, s := range site.Sections {
			if s.Name == name {
				return s.Title
			}
		}
	}
	return name
}

// filter is what the list is narrowed to (the form above it, also
// applied as the writer types when scripts run).
type filter struct {
	Query, Section, Status, Topic string
}

func (f filter) keeps(r row) bool {
	topic := f.Topic == "" || slices.Contains(r.Topics, f.Topic)
	return topic && (f.Section == "" || r.Section == f.Section) && (f.Status == "" || r.Status == f.Status) &&
		strings.Contains(r.Fold, viet.Fold(f.Query))
}

func (d *Desk) serveList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := filter{Query: q.Get("q"), Section: q.Get("muc"), Status: q.Get("trang_thai"), Topic: q.Get("chu_de")}
	l := d.list()
	l.Total = len(l.Rows)
	l.Rows = slices.DeleteFunc(l.Rows, func(r row) bool { return !f.keeps(r) })
	l.Filter = f
	d.render(w, r, "list", "Bàn soạn bài", l)
}
