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
				if matchKey(s) == "" {
					continue // "???" names nothing an editor could type
				}
				if got, ok := cfg.Topic(s); !ok || got.Slug != tp.Slug {
					t.Errorf("Topic(%q) = %q, %v; want topic %q", s, got.Slug, ok, tp.Slug)
				}
			}
		}
	})
}
