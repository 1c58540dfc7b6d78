package report

import (
	"fmt"
	"testing"
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/viet"
)

// BenchmarkCompute10k is the report's own work, the site already loaded:
// 10,000 articles of 40 units spelt three ways, with 1,000 questions,
// 500 documents, 300 events and 200 procedures, over a year.
func BenchmarkCompute10k(b *testing.B) {
	cfg := config.Default()
	site := &content.Site{Sections: []*content.Section{{Name: "bai-viet", Title: "Tin, bài"}, {Name: "hoi-dap"}, {Name: "su-kien"}, {Name: "thu-tuc"}, {Name: "van-ban"}}}
	start := time.Date(2026, 1, 1, 8, 0, 0, 0, viet.Location())
	spell := []string{"Phòng Văn hóa – Xã hội %d", "phòng văn hoá - xã hội %d", "PHÒNG VĂN HÓA XÃ HỘI %d"}
	for i := range 10000 {
		p := &content.Page{Role: content.RoleArticle, Section: "bai-viet", Source: fmt.Sprintf("content/bai-viet/%05d.md", i),
			Date: start.Add(time.Duration(i) * 52 * time.Minute), Unit: fmt.Sprintf(spell[i%3], i%40),
			Topics: []string{cfg.Topics[i%len(cfg.Topics)].Slug, cfg.Topics[(i/7)%len(cfg.Topics)].Slug}}
		switch {
		case i%10 == 0:
			p.Section, p.QA = "hoi-dap", &content.Question{Asked: p.Date.AddDate(0, 0, -(i%20)-1), Answered: p.Date, Question: "?"}
		case i%20 == 1:
			p.Section, p.Doc = "van-ban", &content.Document{Type: []string{"Kế hoạch", "Quyết định", "Công văn"}[i%3], Level: []string{"Trung ương", "Tỉnh", "Xã"}[i%3]}
		case i%33 == 2:
			p.Section, p.Event = "su-kien", &content.Event{Start: p.Date}
		case i%50 == 3:
			p.Section, p.Date, p.Proc = "thu-tuc", time.Time{}, &content.Procedure{Field: fmt.Sprintf("Lĩnh vực %d", i%12), Level: content.LevelFull}
		}
		site.Pages = append(site.Pages, p)
	}
	now := time.Date(2027, 1, 1, 0, 0, 0, 0, viet.Location())
	b.ResetTimer()
	for b.Loop() {
		r, _ := Compute(cfg, site, Year(2026), now)
		_ = r.Tables(time.Time{})
	}
}
