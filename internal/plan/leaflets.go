package plan

import (
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/layout"
)

// The printable pages of the procedures (the plan's IV.2.4 and IV.2.6:
// procedures made public at the office, leaflets):
//
//   - thu-tuc/<slug>/in/ is a procedure's leaflet, one A4 page with its
//     QR codes (layouts/thu-tuc-in.html);
//   - thu-tuc/in/ is the booklet of all of them for the reception desk,
//     one procedure per page (layouts/thu-tuc-so-tay.html).
//
// They are pages of the site but not of its content: no feed, no sitemap,
// no search entry (the jobs carry no page), and noindex. Their templates
// read Data.Page, List, Groups, Breadcrumb and the site's data, all in the
// page cache's key already (it hashes the whole Data).

// Layouts, and Data.Kind, of the printable pages.
const (
	leafletLayout = "thu-tuc-in"
	bookletLayout = "thu-tuc-so-tay"
)

// leafletPath is the folder below a procedure's URL, and below the
// section's, of its printable page; content.Index keeps it free.
const leafletPath = content.LeafletPath

// leafletJobs lists the leaflet of every procedure of sec, and the
// booklet when there is any.
func (pl *planner) leafletJobs(sec *content.Section) []Job {
	var jobs []Job
	var procs []*content.Page
	for _, p := range sec.Pages {
		if p.Proc == nil {
			continue
		}
		procs = append(procs, p)
		url := p.URL + leafletPath
		d := pl.newData(leafletLayout, url, "Tờ rơi: "+p.Title, "Tờ rơi in khổ A4 của thủ tục "+p.Title+".")
		d.Page = p
		d.Draft = pl.opts.Preview && p.Draft // the preview server says so on screen
		d.Future = pl.opts.Preview && p.Future(pl.opts.Now)
		d.Breadcrumb = pl.crumbs(layout.Crumb{Name: sec.Title, URL: sec.Slug + "/"}, layout.Crumb{Name: p.Title, URL: p.URL},
			layout.Crumb{Name: "Tờ rơi"})
		jobs = append(jobs, Job{Path: url + "index.html", Layout: leafletLayout, Data: d})
	}
	if len(procs) == 0 {
		return nil
	}
	url := sec.Slug + "/" + leafletPath
	d := pl.newData(bookletLayout, url, "Sổ tay thủ tục hành chính", "Sổ tay in khổ A4 của các thủ tục hành chính, mỗi thủ tục một trang.")
	d.List = procs
	d.Groups = procedureGroups(procs)
	d.Breadcrumb = pl.crumbs(layout.Crumb{Name: sec.Title, URL: sec.Slug + "/"}, layout.Crumb{Name: "Sổ tay thủ tục"})
	return append(jobs, Job{Path: url + "index.html", Layout: bookletLayout, Data: d})
}
