package config

import (
	"strings"
	"testing"

	"github.com/cchc-vn/cchc/internal/viet"
)

// FuzzParse checks that Parse never panics, and that a file it accepts
// without errors gives a Config the rest of the generator can rely on.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"",
		"title: \"Chuyên mục\"\npage_size: 10\n",
		string(defaultsYAML),
		"topics:\n  - name: A\n    aliases: [a, b]\n  - name: B\n",
		"contact:\n\tphone: 1\n",
		"title: \"abc\n",
		"a: &x [*x]\ntopics: *x\n",
		"base_url: https://x.example/a\nmarkdown: {unsafe: yes}\n",
		"title: x\n---\n- y\n",
		"topics: [{name: \"\u00d0\"}, {name: đ}]\n",
		"plan_items:\n  - {id: \"1.5\", name: A, topics: [mot-cua, sipas]}\ntopics: [{name: Một cửa, slug: mot-cua}]\n",
		"report: {public: true, targets: [{unit: Công an xã, articles_per_quarter: 3}, {unit: x, articles_per_year: 0}]}\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, ds := Parse("site.yaml", data)
		if cfg == nil {
			t.Fatal("Parse returned a nil Config")
		}
		for _, d := range ds {
			if d.Pos.File != "site.yaml" || d.Pos.Line < 1 || d.Message == "" {
				t.Errorf("diagnostic without a place or a message: %+v", d)
			}
		}
		if ds.HasErrors() {
			return
		}
		if cfg.PageSize < 1 || cfg.PageSize > maxPageSize {
			t.Errorf("PageSize = %d", cfg.PageSize)
		}
		if cfg.BaseURL != "" && !strings.HasSuffix(cfg.BaseURL, "/") {
			t.Errorf("BaseURL = %q lacks the trailing slash", cfg.BaseURL)
		}
		if p := cfg.BasePath(); !strings.HasPrefix(p, "/") || !strings.HasSuffix(p, "/") {
			t.Errorf("BasePath() = %q", p)
		}
		if cfg.Title == "" || !viet.IsNFC(cfg.Title) {
			t.Errorf("Title = %q", cfg.Title)
		}
		slugs := map[string]bool{}
		for _, tp := range cfg.Topics {
			if !validSlug(tp.Slug) || slugs[tp.Slug] {
				t.Errorf("topic %q has an invalid or repeated slug %q", tp.Name, tp.Slug)
			}
			slugs[tp.Slug] = true
			for _, s := range spellings(tp) {
				if MatchKey(s) == "" {
					continue // "???" names nothing an editor could type
				}
				if got, ok := cfg.Topic(s); !ok || got.Slug != tp.Slug {
					t.Errorf("Topic(%q) = %q, %v; want topic %q", s, got.Slug, ok, tp.Slug)
				}
			}
		}
		for _, it := range cfg.PlanItems {
			for _, s := range it.Topics {
				if !slugs[s] {
					t.Errorf("plan item %q names topic %q, which is not in the vocabulary", it.ID, s)
				}
			}
		}
		for _, tg := range cfg.Report.Targets {
			if tg.Unit == "" || tg.Articles < 1 || tg.Articles > maxTarget || (tg.Months != 1 && tg.Months != 3 && tg.Months != 12) {
				t.Errorf("target %+v", tg)
			}
		}
	})
}
