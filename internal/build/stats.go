package build

import (
	"github.com/cchc-vn/cchc/internal/layout"
	"github.com/cchc-vn/cchc/internal/report"
	"github.com/cchc-vn/cchc/internal/viet"
)

// statsURL is the page of the report a site publishes (report.public).
const statsURL = "thong-ke/"

// statsJobs lists /thong-ke/ when site.yaml asks for it: the report of
// the current year up to the build's time, from published content only
// (report.Compute leaves drafts out of a preview). The units' targets
// stay out of it; `cchc report` warns about them.
func (b *builder) statsJobs() []job {
	if !b.cfg.Report.Public {
		return nil
	}
	now := b.opts.Now
	r, _ := report.Compute(b.cfg, b.site, report.CurrentYear(now), now)
	title := "Thống kê kết quả tuyên truyền cải cách hành chính"
	desc := r.Period.Label + ": tin, bài, câu hỏi của người dân, văn bản và thủ tục trên chuyên mục, số liệu tính đến ngày " + viet.ShortDate(r.AsOf) + "."
	d := b.newData("thong-ke", statsURL, title, desc)
	d.Breadcrumb = b.crumbs(layout.Crumb{Name: "Thống kê"})
	for _, t := range r.PublicTables() {
		st := layout.StatTable{ID: viet.Slug(t.Sheet), Title: t.Title, Headers: t.Headers, Notes: t.Notes}
		for _, row := range t.Rows {
			cells := make([]string, len(row.Cells))
			for i, c := range row.Cells {
				cells[i] = c.String()
			}
			st.Rows = append(st.Rows, layout.StatRow{Cells: cells, Total: row.Total})
		}
		d.Stats = append(d.Stats, st)
	}
	return []job{{path: statsURL + "index.html", layout: "thong-ke", data: d}}
}
