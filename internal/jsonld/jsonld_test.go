package jsonld

import (
	"reflect"
	"testing"
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/viet"
)

func TestOf(t *testing.T) {
	cfg := &config.Config{Title: "Chuyên mục CCHC", BaseURL: "https://xa.example/cchc/"}
	named := &config.Config{Title: "Chuyên mục CCHC", Organization: "UBND xã Diễn Châu"}
	day := func(d int) time.Time { return time.Date(2026, 1, d, 9, 0, 0, 0, viet.Location()) }
	gov := func(name string) map[string]any {
		return map[string]any{"@type": "GovernmentOrganization", "name": name}
	}
	article := &content.Page{URL: "bai-viet/a/", Title: "Tiêu đề", Summary: "Tóm tắt", Date: day(16), Unit: "Văn phòng"}
	tests := []struct {
		name        string
		cfg         *config.Config
		page        *content.Page
		kind, cover string
		want        any
	}{
		{"article by a unit, with cover", cfg, article, "article", "bai-viet/a/anh.jpg", map[string]any{
			"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Tiêu đề", "description": "Tóm tắt",
			"datePublished": "2026-01-16T09:00:00+07:00", "dateModified": "2026-01-16T09:00:00+07:00", "inLanguage": "vi",
			"mainEntityOfPage": "https://xa.example/cchc/bai-viet/a/", "publisher": gov("Chuyên mục CCHC"),
			"author": gov("Văn phòng"), "image": "https://xa.example/cchc/bai-viet/a/anh.jpg",
		}},
		{"article by a person, updated", named, &content.Page{URL: "bai-viet/b/", Title: "B", Date: day(16), Updated: day(20), Author: "Nguyễn Văn A"}, "article", "", map[string]any{
			"@context": "https://schema.org", "@type": "NewsArticle", "headline": "B", "description": "",
			"datePublished": "2026-01-16T09:00:00+07:00", "dateModified": "2026-01-20T09:00:00+07:00", "inLanguage": "vi",
			"mainEntityOfPage": "/bai-viet/b/", "publisher": gov("UBND xã Diễn Châu"),
			"author": map[string]any{"@type": "Person", "name": "Nguyễn Văn A"},
		}},
		{"question answered by the organization", named, &content.Page{URL: "hoi-dap/q/", Title: "Hỏi", QA: &content.Question{Question: "Hỏi gì?", Asker: "Ông B", Asked: day(1)}}, content.SectionQA, "", map[string]any{
			"@context": "https://schema.org", "@type": "QAPage", "inLanguage": "vi",
			"mainEntity": map[string]any{
				"@type": "Question", "name": "Hỏi", "text": "Hỏi gì?", "answerCount": 1, "dateCreated": "2026-01-01T09:00:00+07:00",
				"author":         map[string]any{"@type": "Person", "name": "Ông B"},
				"acceptedAnswer": map[string]any{"@type": "Answer", "text": "Trả lời.", "url": "/hoi-dap/q/#tra-loi", "author": gov("UBND xã Diễn Châu")},
			},
		}},
		{"question without its text, answered by a unit", cfg, &content.Page{URL: "hoi-dap/r/", Title: "Hỏi R", QA: &content.Question{Answerer: "Công an xã", Answered: day(2)}}, content.SectionQA, "", map[string]any{
			"@context": "https://schema.org", "@type": "QAPage", "inLanguage": "vi",
			"mainEntity": map[string]any{
				"@type": "Question", "name": "Hỏi R", "text": "Hỏi R", "answerCount": 1,
				"acceptedAnswer": map[string]any{"@type": "Answer", "text": "Trả lời.", "url": "https://xa.example/cchc/hoi-dap/r/#tra-loi",
					"author": gov("Công an xã"), "dateCreated": "2026-01-02T09:00:00+07:00"},
			},
		}},
		{"event with an end and a place", cfg, &content.Page{URL: "su-kien/h/", Title: "Hội nghị", Summary: "S", Event: &content.Event{Start: day(5), End: day(6), Place: "Hội trường"}}, content.SectionEvents, "", map[string]any{
			"@context": "https://schema.org", "@type": "Event", "name": "Hội nghị", "description": "S",
			"startDate": "2026-01-05T09:00:00+07:00", "endDate": "2026-01-06T09:00:00+07:00",
			"eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode", "eventStatus": "https://schema.org/EventScheduled",
			"inLanguage": "vi", "url": "https://xa.example/cchc/su-kien/h/", "organizer": gov("Chuyên mục CCHC"),
			"location": map[string]any{"@type": "Place", "name": "Hội trường", "address": "Hội trường"},
		}},
		{"event of a unit", named, &content.Page{URL: "su-kien/k/", Title: "K", Event: &content.Event{Start: day(5), Unit: "Đoàn xã"}}, content.SectionEvents, "", map[string]any{
			"@context": "https://schema.org", "@type": "Event", "name": "K", "description": "",
			"startDate":           "2026-01-05T09:00:00+07:00",
			"eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode", "eventStatus": "https://schema.org/EventScheduled",
			"inLanguage": "vi", "url": "/su-kien/k/", "organizer": gov("Đoàn xã"),
		}},
		{"a page: none", cfg, &content.Page{URL: "gioi-thieu/", Title: "Giới thiệu"}, "page", "", nil},
		{"a document: none", cfg, &content.Page{URL: "van-ban/x/", Doc: &content.Document{}}, content.SectionDocuments, "", nil},
	}
	for _, tt := range tests {
		if got := Of(tt.cfg, tt.page, tt.kind, tt.cover, "Trả lời."); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %#v\nwant %#v", tt.name, got, tt.want)
		}
	}
}
