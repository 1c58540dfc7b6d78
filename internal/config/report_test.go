package config

import (
	"reflect"
	"slices"
	"testing"
)

func TestPlanItemsAndTargetsReportEachProblem(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string
	}{
		{
			name: "plan_items not a list",
			yaml: "plan_items: \"1.5\"\n",
			want: []string{"site.yaml:1:13: lỗi: `plan_items` phải là một danh sách, không phải chuỗi \"1.5\" — mỗi mục là một nhóm `- id: \"1.5\"`, `name: \"…\"`, `topics: [\"Một cửa, một cửa liên thông\"]` thụt lề dưới dòng `plan_items:`"},
		},
		{
			name: "item without name",
			yaml: "plan_items:\n  - id: \"1.5\"\n    topics: [mot-cua]\n",
			want: []string{"site.yaml:2:9: lỗi: mục của `plan_items` thiếu `name` — ví dụ: name: \"Cơ chế một cửa, chuyển đổi số, dịch vụ công trực tuyến\""},
		},
		{
			name: "item without id",
			yaml: "plan_items:\n  - name: Một cửa\n",
			want: []string{"site.yaml:2:5: lỗi: mục của `plan_items` thiếu `id` — ví dụ: id: \"1.5\""},
		},
		{
			name: "unknown topic suggests the closest",
			yaml: "plan_items:\n  - id: \"1.5\"\n    name: Một cửa\n    topics: [\"Chuyen doi so hoa\", sipass]\n",
			want: []string{
				"site.yaml:4:14: lỗi: chủ đề \"Chuyen doi so hoa\" trong `plan_items` không có trong danh mục chủ đề — có phải ý bạn là \"Chuyển đổi số\"?",
				"site.yaml:4:35: lỗi: chủ đề \"sipass\" trong `plan_items` không có trong danh mục chủ đề — có phải ý bạn là \"SIPAS\"?",
			},
		},
		{
			name: "topic resolved against topics written later in the file",
			yaml: "plan_items:\n  - id: A\n    name: A\n    topics: [Hỏi đáp]\ntopics:\n  - name: Hỏi đáp\n",
			want: nil,
		},
		{
			name: "duplicate id names the first line",
			yaml: "plan_items:\n  - id: \"1.5\"\n    name: A\n  - id: \"1.5\"\n    name: B\n",
			want: []string{"site.yaml:4:9: lỗi: `id` \"1.5\" của `plan_items` bị lặp lại (đã có ở dòng 2) — mỗi mục của kế hoạch có một `id` riêng; sửa hoặc xóa một trong hai"},
		},
		{
			name: "same topic twice in an item is a warning",
			yaml: "plan_items:\n  - id: \"1.5\"\n    name: A\n    topics: [mot-cua, \"Một cửa\"]\n",
			want: []string{"site.yaml:4:23: cảnh báo: chủ đề \"Một cửa, một cửa liên thông\" đã có trong mục 1.5 (dòng 4) — xóa một trong hai"},
		},
		{
			name: "unknown key in an item",
			yaml: "plan_items:\n  - id: A\n    name: A\n    topic: [mot-cua]\n",
			want: []string{"site.yaml:4:5: lỗi: khóa `topic` không hợp lệ trong `plan_items` — có phải ý bạn là `topics`? Các khóa hợp lệ: id, name, topics"},
		},
		{
			name: "target without a rate",
			yaml: "report:\n  targets:\n    - unit: Công an xã\n",
			want: []string{"site.yaml:3:13: lỗi: chỉ tiêu của đơn vị \"Công an xã\" thiếu số bài (articles_per_month, articles_per_quarter hoặc articles_per_year) — thêm một dòng, ví dụ: articles_per_quarter: 3"},
		},
		{
			name: "target with two rates",
			yaml: "report:\n  targets:\n    - unit: Công an xã\n      articles_per_month: 1\n      articles_per_year: 12\n",
			want: []string{"site.yaml:3:13: lỗi: chỉ tiêu của đơn vị \"Công an xã\" ghi nhiều kỳ (articles_per_month, articles_per_year): mỗi đơn vị chỉ ghi một — giữ lại một khóa"},
		},
		{
			name: "target out of range",
			yaml: "report:\n  targets:\n    - unit: Công an xã\n      articles_per_quarter: 0\n",
			want: []string{"site.yaml:4:29: lỗi: `articles_per_quarter` phải từ 1 đến 1000, không phải 0 — số bài đơn vị cần đăng trong mỗi kỳ, ví dụ 3"},
		},
		{
			name: "target not a number",
			yaml: "report:\n  targets:\n    - unit: Công an xã\n      articles_per_quarter: ba\n",
			want: []string{"site.yaml:4:29: lỗi: `articles_per_quarter` phải là một số nguyên, không phải chuỗi \"ba\" — ví dụ: articles_per_quarter: 3"},
		},
		{
			name: "target without unit",
			yaml: "report:\n  targets:\n    - articles_per_quarter: 3\n",
			want: []string{"site.yaml:3:7: lỗi: chỉ tiêu thiếu `unit` (tên đơn vị) — ví dụ: unit: \"Phòng Văn hóa – Xã hội\""},
		},
		{
			name: "two targets for one unit spelt differently",
			yaml: "report:\n  targets:\n    - unit: \"Phòng Văn hóa – Xã hội\"\n      articles_per_quarter: 3\n    - unit: \"phong van hoa - xa hoi\"\n      articles_per_year: 10\n",
			want: []string{"site.yaml:5:13: lỗi: đơn vị \"phong van hoa - xa hoi\" đã có chỉ tiêu ở dòng 3 — mỗi đơn vị có một chỉ tiêu; gộp hoặc xóa một trong hai"},
		},
		{
			name: "misspelt rate key",
			yaml: "report:\n  targets:\n    - unit: A\n      articles_per_quater: 3\n",
			want: []string{
				"site.yaml:3:13: lỗi: chỉ tiêu của đơn vị \"A\" thiếu số bài (articles_per_month, articles_per_quarter hoặc articles_per_year) — thêm một dòng, ví dụ: articles_per_quarter: 3",
				"site.yaml:4:7: lỗi: khóa `articles_per_quater` không hợp lệ trong `targets` — có phải ý bạn là `articles_per_quarter`? Các khóa hợp lệ: unit, articles_per_month, articles_per_quarter, articles_per_year",
			},
		},
		{
			name: "targets at the top level",
			yaml: "targets: []\n",
			want: []string{"site.yaml:1:1: lỗi: khóa `targets` không hợp lệ — khóa `targets` phải nằm trong nhóm `report:` (thụt lề dưới dòng `report:`)"},
		},
		{
			name: "public not a bool",
			yaml: "report:\n  public: có\n",
			want: []string{"site.yaml:2:11: lỗi: `public` phải là true hoặc false, không phải chuỗi \"có\" — ví dụ: public: true"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ds := Parse("site.yaml", []byte(tt.yaml))
			ds.Sort()
			if got := diagStrings(ds); !slices.Equal(got, tt.want) {
				t.Errorf("Parse(%q) diagnostics:\n%q\nwant:\n%q", tt.yaml, got, tt.want)
			}
		})
	}
}

func TestPlanItemsDefaultsFollowThePlan(t *testing.T) {
	cfg := Default()
	var ids []string
	for _, it := range cfg.PlanItems {
		ids = append(ids, it.ID)
	}
	if want := []string{"1.1", "1.2", "1.3", "1.4", "1.5", "1.6"}; !slices.Equal(ids, want) {
		t.Fatalf("default plan items %v, want %v", ids, want)
	}
	// Every topic of the default vocabulary belongs to an item, so no
	// article of a site using the defaults falls outside the plan.
	for _, tp := range cfg.Topics {
		if len(cfg.PlanItemsOf(tp.Slug)) == 0 {
			t.Errorf("topic %q belongs to no plan item", tp.Slug)
		}
	}
	if got := cfg.PlanItemsOf("mot-cua"); !slices.Equal(got, []int{4}) {
		t.Errorf("PlanItemsOf(mot-cua) = %v, want [4] (item 1.5)", got)
	}
	if got := cfg.PlanItemsOf("cai-cach-the-che"); !slices.Equal(got, []int{1, 5}) {
		t.Errorf("PlanItemsOf(cai-cach-the-che) = %v, want [1 5] (items 1.2 and 1.6)", got)
	}
}

func TestPlanItemsFollowASiteVocabulary(t *testing.T) {
	// A site with its own topics and no plan_items keeps the default items
	// with the topics it still has, found by slug, name or alias.
	cfg, ds := Parse("site.yaml", []byte("topics:\n  - name: Một cửa\n    slug: mot-cua\n  - name: SIPAS\n  - name: Hỏi đáp\n"))
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	got := map[string][]string{}
	for _, it := range cfg.PlanItems {
		got[it.ID] = it.Topics
	}
	want := map[string][]string{"1.1": nil, "1.2": nil, "1.3": nil, "1.4": nil, "1.5": {"mot-cua"}, "1.6": {"sipas"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("plan items %v, want %v", got, want)
	}
}

func TestTargetsAreRead(t *testing.T) {
	cfg, ds := Parse("site.yaml", []byte("report:\n  public: true\n  targets:\n    - unit: \"Công an xã\"\n      articles_per_quarter: 3\n    - {unit: Phòng Kinh tế, articles_per_year: 10}\n"))
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	if !cfg.Report.Public || len(cfg.Report.Targets) != 2 {
		t.Fatalf("report %+v", cfg.Report)
	}
	a, b := cfg.Report.Targets[0], cfg.Report.Targets[1]
	if a.Unit != "Công an xã" || a.Articles != 3 || a.Months != 3 || a.Pos.String() != "site.yaml:4:13" || a.String() != "3 bài/quý" {
		t.Errorf("first target %+v %q", a, a.String())
	}
	if b.Unit != "Phòng Kinh tế" || b.Articles != 10 || b.Months != 12 || b.String() != "10 bài/năm" {
		t.Errorf("second target %+v", b)
	}
}

func TestSuggestName(t *testing.T) {
	units := []string{"Phòng Văn hóa – Xã hội", "Công an xã", "Trung tâm Phục vụ hành chính công xã"}
	tests := []struct{ got, want string }{
		{"Phòng Văn hóa Xả hộii", "Phòng Văn hóa – Xã hội"},
		{"Cong an xa Dien", "Công an xã"},
		{"Công an", "Công an xã"},
		{"Trung tâm Phục vụ HCC xã", "Trung tâm Phục vụ hành chính công xã"},
		{"Hội Nông dân xã", ""},
		{"Đoàn Thanh niên", ""},
		{"Cônng an xã", "Công an xã"},
		{"Phòng Văn hoá - Xã hội", ""}, // the same unit: nothing to suggest
	}
	for _, tt := range tests {
		if got := SuggestName(tt.got, units); got != tt.want {
			t.Errorf("SuggestName(%q) = %q, want %q", tt.got, got, tt.want)
		}
	}
}
