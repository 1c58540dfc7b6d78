package layout

import (
	"html/template"
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/viet"
)

// Realistic data for the templates: the sample commune of Diễn Châu.

var testManifest = map[string]string{
	"css/style.css":      "assets/css/style.0a1b2c3d4e.css",
	"img/favicon.svg":    "assets/img/favicon.5f6a7b8c9d.svg",
	"img/trong-dong.svg": "assets/img/trong-dong.1234567890.svg",
	"css/leaflet.css":    "assets/css/leaflet.abcdef0123.css",
	"js/print.js":        "assets/js/print.0123abcdef.js",
}

func testTopics() []TopicLink {
	return []TopicLink{
		{Name: "Chuyển đổi số", Slug: "chuyen-doi-so", URL: "chu-de/chuyen-doi-so/", Description: "Chính quyền số, kinh tế số, xã hội số.", Count: 3},
		{Name: "Dịch vụ công trực tuyến", Slug: "dich-vu-cong", URL: "chu-de/dich-vu-cong/", Description: "Hướng dẫn nộp hồ sơ trực tuyến.", Count: 2},
		{Name: "Một cửa, một cửa liên thông", Slug: "mot-cua", URL: "chu-de/mot-cua/", Description: "Bộ phận Một cửa của xã.", Count: 4},
		{Name: "PAPI", Slug: "papi", URL: "chu-de/papi/", Count: 0},
	}
}

func testEnv() Env {
	return Env{
		BasePath: "/cchc/",
		BaseURL:  "https://dienchau.example/cchc/",
		Assets:   testManifest,
		Topics:   testTopics(),
	}
}

func date(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, viet.Location())
	if err != nil {
		panic(err)
	}
	return t
}

func testSite() *SiteData {
	return &SiteData{
		Title:        "Chuyên mục Cải cách hành chính",
		Organization: "UBND xã Diễn Châu",
		Province:     "Nghệ An",
		Description:  "Thông tin về cải cách hành chính của xã Diễn Châu.",
		BaseURL:      "https://dienchau.example/cchc/",
		BasePath:     "/cchc/",
		Contact: config.Contact{
			Address: "Xóm 5, xã Diễn Châu, tỉnh Nghệ An",
			Phone:   "0238 3862 123",
			Email:   "ubnd.dienchau@nghean.gov.vn",
		},
		Topics:   testTopics(),
		Sections: []SectionLink{{Name: "bai-viet", Title: "Tin bài", URL: "bai-viet/", Count: 9}},
		Updated:  date("2026-03-02 09:00"),
	}
}

func testPage(slug, title string, day string, topics ...string) *content.Page {
	return &content.Page{
		Source:  "content/bai-viet/" + slug + ".md",
		Role:    content.RoleArticle,
		Section: "bai-viet",
		Slug:    slug,
		URL:     "bai-viet/" + slug + "/",
		Title:   title,
		Summary: "Tóm tắt: " + title + ".",
		Date:    date(day),
		Topics:  topics,
		Unit:    "Trung tâm Phục vụ hành chính công",
	}
}

func articleData() *Data {
	p := testPage("mot-cua-lien-thong", "Bộ phận Một cửa xã Diễn Châu tiếp nhận hồ sơ đất đai trực tuyến", "2026-01-16 08:30", "mot-cua", "dich-vu-cong")
	p.Author = "Nguyễn Thị Hoa"
	p.Updated = date("2026-01-20 10:00")
	site := testSite()
	return &Data{
		Site:        site,
		Kind:        "article",
		Title:       p.Title,
		Description: p.Summary,
		URL:         p.URL,
		Page:        p,
		Content:     template.HTML("<p>Từ ngày 15/01/2026, người dân có thể nộp hồ sơ <a href=\"https://dichvucong.gov.vn/\">trên Cổng Dịch vụ công quốc gia</a>.</p>"),
		Cover:       &Image{URL: "bai-viet/mot-cua-lien-thong/anh-bia.jpg", Alt: "Cán bộ Bộ phận Một cửa hướng dẫn người dân", Width: 1200, Height: 675},
		Related:     []*content.Page{testPage("chuyen-doi-so-2026", "Kế hoạch chuyển đổi số năm 2026", "2026-01-10 07:00", "chuyen-doi-so")},
		Prev:        testPage("hop-giao-ban", "Họp giao ban công tác CCHC quý I", "2026-01-12 14:00", "mot-cua"),
		Next:        nil,
		Topics:      []TopicLink{testTopics()[2], testTopics()[1]},
		Breadcrumb:  []Crumb{{Name: "Trang chủ", URL: ""}, {Name: "Tin bài", URL: "bai-viet/"}, {Name: p.Title}},
		JSONLD:      map[string]any{"@context": "https://schema.org", "@type": "NewsArticle", "headline": p.Title + " </script><b>"},
	}
}

func listData(kind string) *Data {
	site := testSite()
	return &Data{
		Site:       site,
		Kind:       kind,
		Title:      "Tin bài",
		URL:        "bai-viet/trang/2/",
		Content:    template.HTML("<p>Tin tức cải cách hành chính của xã.</p>"),
		List:       []*content.Page{testPage("a", "Bài A", "2026-02-01 08:00", "papi"), testPage("b", "Bài B", "2026-01-05 08:00", "chuyen-doi-so")},
		Feed:       "bai-viet/rss.xml",
		Breadcrumb: []Crumb{{Name: "Trang chủ"}, {Name: "Tin bài", URL: "bai-viet/"}, {Name: "Trang 2"}},
		Pager: &Pager{
			Number: 2, Total: 3, Prev: "bai-viet/", Next: "bai-viet/trang/3/", First: "bai-viet/", Last: "bai-viet/trang/3/",
			Pages: []PageLink{{1, "bai-viet/", false}, {2, "bai-viet/trang/2/", true}, {3, "bai-viet/trang/3/", false}},
		},
	}
}

func homeData() *Data {
	site := testSite()
	featured := testPage("noi-bat", "Xã Diễn Châu đạt 100% hồ sơ đúng hạn", "2026-03-02 09:00", "mot-cua")
	featured.Featured = true
	return &Data{
		Site:     site,
		Kind:     "home",
		Title:    site.Title,
		Content:  template.HTML("<p>Chuyên mục tuyên truyền cải cách hành chính năm 2026.</p>"),
		List:     []*content.Page{featured, testPage("a", "Bài A", "2026-02-01 08:00", "papi")},
		Featured: []*content.Page{featured},
		Topics:   testTopics(),
		Feed:     "rss.xml",
	}
}
