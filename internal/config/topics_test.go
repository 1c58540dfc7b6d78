package config

import (
	"slices"
	"testing"
)

func TestTopicMatchesNameSlugAndAliases(t *testing.T) {
	cfg := Default()
	tests := []struct {
		written, want string
	}{
		{"MỘT CỬA", "Một cửa, một cửa liên thông"},
		{"mot cua", "Một cửa, một cửa liên thông"},
		{"một  cửa", "Một cửa, một cửa liên thông"},
		{"  Một cửa  ", "Một cửa, một cửa liên thông"},
		{"Bộ phận một cửa", "Một cửa, một cửa liên thông"},
		{"Một cửa một cửa liên thông", "Một cửa, một cửa liên thông"},
		{"Mo\u0302\u0323t cửa", "Một cửa, một cửa liên thông"}, // NFD
		{"chuyen-doi-so", "Chuyển đổi số"},
		{"Chính quyền số", "Chuyển đổi số"},
		{"CHUYỂN ĐỔI SỐ", "Chuyển đổi số"},
		{"dvctt", "Dịch vụ công trực tuyến"},
		{"Kỷ luật, kỷ cương hành chính", "Kỷ luật, kỷ cương hành chính"},
		{"par index", "PAR INDEX"},
		{"Chỉ số CCHC", "PAR INDEX"},
		{"sipas", "SIPAS"},
		{"Ðiển hình tiên tiến", "Mô hình hay, sáng kiến"}, // look-alike Ð still matches
	}
	for _, tt := range tests {
		got, ok := cfg.Topic(tt.written)
		if !ok || got.Name != tt.want {
			t.Errorf("Topic(%q) = %q, %v; want %q", tt.written, got.Name, ok, tt.want)
		}
	}
	for _, written := range []string{"", "   ", "---", "một", "cửa", "chuyển đổi", "xyz"} {
		if got, ok := cfg.Topic(written); ok {
			t.Errorf("Topic(%q) = %q, want no match", written, got.Name)
		}
	}
}

func TestTopicAfterTopicsChange(t *testing.T) {
	cfg := Default()
	if err := cfg.SetBaseURL("https://x.example/"); err != nil {
		t.Fatal(err)
	}
	if _, ok := cfg.Topic("PAPI"); !ok {
		t.Error("Topic stops matching after SetBaseURL")
	}
	copied := *cfg
	if _, ok := copied.Topic("PAPI"); !ok {
		t.Error("a copied Config does not match")
	}
	// A caller that replaces the list must not be answered from the old map.
	cfg.Topics = []Topic{{Name: "Tin tức", Slug: "tin-tuc", Aliases: []string{"thời sự"}}}
	if _, ok := cfg.Topic("PAPI"); ok {
		t.Error("Topic answers from the index of the replaced list")
	}
	if got, ok := cfg.Topic("thoi su"); !ok || got.Slug != "tin-tuc" {
		t.Errorf(`Topic("thoi su") = %+v, %v after replacing the list`, got, ok)
	}
	literal := &Config{Topics: []Topic{{Name: "PCI", Slug: "pci"}}}
	if _, ok := literal.Topic("pci"); !ok {
		t.Error("a Config built as a literal does not match")
	}
}

func TestSuggestTopic(t *testing.T) {
	cfg := Default()
	tests := []struct {
		written, want string
	}{
		{"chuyen doi so hoa", "Chuyển đổi số"},
		{"Chuyển đổi số quốc gia", "Chuyển đổi số"},
		{"sipass", "SIPAS"},
		{"PAPY", "PAPI"},
		{"pic", "PCI"},
		{"liên thông", "Một cửa, một cửa liên thông"},
		{"Dịch vụ công trực tuyên toàn trình", "Dịch vụ công trực tuyến"},
		{"cai cach the chế hành chính", "Cải cách thể chế"},
		{"Cải cách thủ tục hành chánh", "Cải cách thủ tục hành chính"},
		{"MỘT CỬA", "Một cửa, một cửa liên thông"}, // a match is its own suggestion
		{"cải cách", ""}, // in many topics: no guess
		{"bóng đá", ""},
		{"xyz", ""},
		{"qwertyuiop asdfgh", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := cfg.SuggestTopic(tt.written); got != tt.want {
			t.Errorf("SuggestTopic(%q) = %q, want %q", tt.written, got, tt.want)
		}
	}
}

func TestValidSlug(t *testing.T) {
	for s, want := range map[string]bool{
		"mot-cua": true, "pci": true, "2026": true, "a-1-b": true,
		"": false, "-a": false, "a-": false, "a--b": false, "Mot-cua": false, "một-cửa": false, "a_b": false, "a b": false,
	} {
		if got := validSlug(s); got != want {
			t.Errorf("validSlug(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestDerivedSlugClash(t *testing.T) {
	in := "topics:\n  - name: Một cửa\n  - name: Bộ phận tiếp nhận\n    slug: mot-cua\n"
	_, ds := Parse("site.yaml", []byte(in))
	want := []string{"site.yaml:4:11: lỗi: hai chủ đề có cùng `slug` \"mot-cua\" (dòng 2 và dòng 4) — đổi `slug` của một trong hai chủ đề"}
	if got := diagStrings(ds); !slices.Equal(got, want) {
		t.Errorf("diagnostics = %q\nwant %q", got, want)
	}
}

func BenchmarkTopic(b *testing.B) {
	cfg := Default()
	names := []string{"Chuyển đổi số", "mot cua", "SIPAS", "Bộ phận một cửa", "không có"}
	for i := 0; b.Loop(); i++ {
		cfg.Topic(names[i%len(names)])
	}
}

func TestSuggestTopics(t *testing.T) {
	cfg := Default()
	for _, tt := range []struct {
		written string
		want    []string
	}{
		{"Chuyen doi so hoa", []string{"Chuyển đổi số"}},
		{"sipass", []string{"SIPAS"}},
		{"cải cách", []string{"Cải cách thể chế", "Cải cách thủ tục hành chính", "Cải cách tổ chức bộ máy"}},
		{"kỷ cương hành chính", []string{"Kỷ luật, kỷ cương hành chính"}},
		{"Xây dựng nông thôn mới", nil},
		{"", nil},
	} {
		if got := cfg.SuggestTopics(tt.written, 3); !slices.Equal(got, tt.want) {
			t.Errorf("SuggestTopics(%q) = %q, want %q", tt.written, got, tt.want)
		}
	}
}

func TestTopicsAtSaysWhereTheListLives(t *testing.T) {
	if at := Default().TopicsAt; at.File != "" {
		t.Errorf("default vocabulary at %v, want nowhere", at)
	}
	cfg, ds := Parse("site.yaml", []byte("title: \"X\"\ntopics:\n  - name: \"Tin tức\"\n"))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	if cfg.TopicsAt.String() != "site.yaml:2:1" {
		t.Errorf("TopicsAt = %v, want site.yaml:2:1", cfg.TopicsAt)
	}
}
