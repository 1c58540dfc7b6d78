package plan

import (
	"html/template"

	"github.com/cchc-vn/cchc/internal/chart"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/layout"
	"github.com/cchc-vn/cchc/internal/report"
	"github.com/cchc-vn/cchc/internal/viet"
)

// statsJobs lists /thong-ke/ when site.yaml asks for it: the report of
// the current year up to the build's time, from published content only
// (report.Compute leaves drafts out of a preview). The units' targets
// stay out of it; `cchc report` warns about them.
func (pl *planner) statsJobs() []Job {
	if !pl.cfg.Report.Public {
		return nil
	}
	now := pl.opts.Now
	r, _ := report.Compute(pl.cfg, pl.site, report.CurrentYear(now), now)
	title := "Thống kê kết quả tuyên truyền cải cách hành chính"
	desc := r.Period.Label + ": tin, bài, câu hỏi của người dân, văn bản và thủ tục trên chuyên mục, số liệu tính đến ngày " + viet.ShortDate(r.AsOf) + "."
	d := pl.newData("thong-ke", content.StatsURL, title, desc)
	d.Breadcrumb = pl.crumbs(layout.Crumb{Name: "Thống kê"})
	charts := statCharts(r)
	for _, t := range r.PublicTables() {
		st := layout.StatTable{ID: viet.Slug(t.Sheet), Title: t.Title, Headers: t.Headers, Notes: t.Notes}
		if c, ok := charts[t.Sheet]; ok {
			if html, _ := c.HTML(len(d.Stats) + 1); len(html) > 0 {
				st.Chart = template.HTML(html)
			}
		}
		for _, row := range t.Rows {
			cells := make([]string, len(row.Cells))
			for i, c := range row.Cells {
				cells[i] = c.String()
			}
			st.Rows = append(st.Rows, layout.StatRow{Cells: cells, Total: row.Total})
		}
		d.Stats = append(d.Stats, st)
	}
	return []Job{{Path: content.StatsURL + "index.html", Layout: "thong-ke", Data: d}}
}

// statCharts draws the report's counts that read best as a picture, by
// the sheet whose table they illustrate: articles per month (columns),
// per unit and per item of the plan (bars). A view with nothing in it
// gets no chart.
func statCharts(r *report.Report) map[string]*chart.Chart {
	out := map[string]*chart.Chart{}
	counts := func(kind chart.Kind, sheet, title, header string, labels []string, values []int) {
		if len(labels) == 0 || len(labels) > chart.MaxLabels {
			return
		}
		s := chart.Series{Name: "Số tin, bài"}
		for _, v := range values {
			s.Values = append(s.Values, chart.Value{N: float64(v)})
		}
		out[sheet] = &chart.Chart{Kind: kind, Title: title, Unit: "tin, bài", Source: r.Organization,
			LabelHeader: header, Labels: labels, Series: []chart.Series{s}}
	}
	var labels []string
	var values []int
	for _, m := range r.Months {
		labels = append(labels, "T"+m.Month.In(viet.Location()).Format("1"))
		values = append(values, m.Articles)
	}
	counts(chart.Column, "Theo tháng", "Tin, bài theo tháng", "Tháng", labels, values)
	labels, values = nil, nil
	for _, u := range r.Units {
		if u.Name != "" {
			labels = append(labels, u.Name)
			values = append(values, u.Articles)
		}
	}
	counts(chart.Bar, "Theo đơn vị", "Tin, bài theo đơn vị", "Đơn vị", labels, values)
	labels, values = nil, nil
	for _, it := range r.Plan {
		labels = append(labels, it.Item.ID+" "+it.Item.Name)
		values = append(values, it.Articles)
	}
	counts(chart.Bar, "Theo nội dung KH", "Tin, bài theo nội dung của kế hoạch", "Nội dung", labels, values)
	return out
}
