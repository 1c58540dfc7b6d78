package pipeline

import (
	"fmt"
	"os"
	"reflect"
	"regexp"
	"testing"
	"time"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/publish"
	"github.com/cchc-vn/cchc/internal/search"
	"github.com/cchc-vn/cchc/internal/searchquery"
	"github.com/cchc-vn/cchc/internal/viet"
)

// TestSearchIndexOfSampleSite builds the sample site and queries its index
// with the Go reference: every page with a URL is a document, in the
// site's order, and the kinds' typed fields are found.
func TestSearchIndexOfSampleSite(t *testing.T) {
	var out publish.Collector
	res, ds := Build(Options{Site: os.DirFS(sampleDir), Theme: cchc.Theme(), Now: testNow}, &out)
	if ds.HasErrors() {
		t.Fatalf("sample site: %v", ds)
	}
	files := out.Files()
	m := regexp.MustCompile(`data-index="?/cchc/(tim-kiem/i/meta\.[0-9a-f]{10}\.json)`).FindSubmatch(files["tim-kiem/index.html"])
	if m == nil {
		t.Fatalf("tim-kiem/index.html names no index:\n%s", files["tim-kiem/index.html"])
	}
	fetch := func(p string) ([]byte, error) {
		data, ok := files[p]
		if !ok {
			return nil, fmt.Errorf("%s: not in the output", p)
		}
		return data, nil
	}
	ix, err := searchquery.Open(fetch, string(m[1]))
	if err != nil {
		t.Fatal(err)
	}
	pages := res.Site.Pages
	if ix.Len() != len(pages) {
		t.Fatalf("%d documents, want the %d pages", ix.Len(), len(pages))
	}
	for id, p := range pages {
		if fr, err := ix.Fragment(id); err != nil || fr.URL != p.URL || fr.Title != p.Title {
			t.Errorf("document %d: %+v, %v; want %s", id, fr, err, p.URL)
		}
	}
	for _, tt := range []struct{ q, url string }{
		{"06/QĐ-TTg", "van-ban/de-an-06-du-lieu-dan-cu/"},            // số ký hiệu
		{"trich luc ket hon", "hoi-dap/ban-sao-trich-luc-khi-o-xa/"}, // câu hỏi
		{"giới thiệu", "gioi-thieu/"},
	} {
		ids, err := searchquery.Query(fetch, string(m[1]), tt.q, searchquery.Filters{})
		if err != nil || len(ids) == 0 {
			t.Errorf("%q: %v, %v", tt.q, ids, err)
			continue
		}
		if fr, _ := ix.Fragment(ids[0]); fr.URL != tt.url {
			t.Errorf("%q: first %s, want %s", tt.q, fr.URL, tt.url)
		}
	}
}

// TestSearchDocTypedFields checks which typed fields of the kinds count
// with the summary (field 4).
func TestSearchDocTypedFields(t *testing.T) {
	secs := []*content.Section{{Name: "bai-viet"}, {Name: "van-ban"}}
	tps := []*content.TopicPages{{Topic: config.Topic{Slug: "mot-cua"}}, {Topic: config.Topic{Slug: "sipas"}}}
	date := time.Date(2026, 1, 16, 9, 0, 0, 0, viet.Location())
	tests := []struct {
		page content.Page
		want search.Doc
	}{
		{content.Page{Role: content.RoleArticle, Section: "van-ban", URL: "van-ban/x/", Title: "T", Summary: "S", Date: date, Topics: []string{"sipas"},
			Doc: &content.Document{Number: "35/KH-UBND", Type: "Kế hoạch", Issuer: "UBND xã", Abstract: "Trích yếu", Level: "Xã"}},
			search.Doc{URL: "van-ban/x/", Title: "T", Summary: "S", Date: "16/01/2026", Section: 1, Topics: []int{1},
				Meta: []string{"35/KH-UBND", "Kế hoạch", "UBND xã", "Trích yếu"}}},
		{content.Page{Role: content.RoleArticle, Section: "hoi-dap", QA: &content.Question{Question: "Hỏi?", Field: "Hộ tịch", Answerer: "UBND", Asker: "Ông A"}},
			search.Doc{Section: -1, Meta: []string{"Hỏi?", "Hộ tịch", "UBND"}}},
		{content.Page{Role: content.RoleArticle, Section: "thu-tuc", Proc: &content.Procedure{Code: "1.001757", Field: "Hộ tịch", Place: "Một cửa", Fee: "Không"}},
			search.Doc{Section: -1, Meta: []string{"1.001757", "Hộ tịch", "Một cửa"}}},
		{content.Page{Role: content.RoleArticle, Section: "su-kien", Event: &content.Event{Place: "Hội trường", Unit: "Văn phòng"}},
			search.Doc{Section: -1, Meta: []string{"Hội trường", "Văn phòng"}}},
		{content.Page{Role: content.RolePage, URL: "gioi-thieu/", Title: "Giới thiệu", Topics: []string{"mot-cua"}},
			search.Doc{URL: "gioi-thieu/", Title: "Giới thiệu", Section: -1, Topics: []int{0}}},
	}
	for _, tt := range tests {
		if got := searchDoc(&tt.page, secs, tps); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("searchDoc(%s) = %+v, want %+v", tt.page.Section, got, tt.want)
		}
	}
}
