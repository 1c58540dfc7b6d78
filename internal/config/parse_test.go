package config

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cchc-vn/cchc/internal/diag"
)

// validKeys is the list every unknown-key hint at the top level ends with.
const validKeys = "title, organization, province, description, base_url, page_size, contact, topics, markdown, plan_items, report"

func diagStrings(ds diag.List) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.String()
	}
	return out
}

func TestParseReportsEachProblem(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string
	}{
		{
			name: "unknown key suggests the closest",
			yaml: "tittle: \"Chuyên mục\"\n",
			want: []string{"site.yaml:1:1: lỗi: khóa `tittle` không hợp lệ — có phải ý bạn là `title`? Các khóa hợp lệ: " + validKeys},
		},
		{
			name: "unknown key without a close one lists the valid keys",
			yaml: "xyz: 1\n",
			want: []string{"site.yaml:1:1: lỗi: khóa `xyz` không hợp lệ — các khóa hợp lệ: " + validKeys},
		},
		{
			name: "unknown key contained in a valid one",
			yaml: "url: https://x.example/\n",
			want: []string{"site.yaml:1:1: lỗi: khóa `url` không hợp lệ — có phải ý bạn là `base_url`? Các khóa hợp lệ: " + validKeys},
		},
		{
			name: "contact key at the top level",
			yaml: "title: x\nphone: \"0238 3862 123\"\n",
			want: []string{"site.yaml:2:1: lỗi: khóa `phone` không hợp lệ — khóa `phone` phải nằm trong nhóm `contact:` (thụt lề dưới dòng `contact:`)"},
		},
		{
			name: "hours as a list",
			yaml: "contact:\n  hours: [sáng, chiều]\n",
			want: []string{"site.yaml:2:10: lỗi: `hours` phải là một chuỗi văn bản, không phải một danh sách — ví dụ: hours: \"Sáng 7 giờ 30 – 11 giờ 30, chiều 13 giờ 30 – 17 giờ, từ thứ Hai đến thứ Sáu\""},
		},
		{
			name: "unknown key inside contact",
			yaml: "contact:\n  phon: \"0238\"\n",
			want: []string{"site.yaml:2:3: lỗi: khóa `phon` không hợp lệ trong `contact` — có phải ý bạn là `phone`? Các khóa hợp lệ: address, phone, email, website, feedback, hours"},
		},
		{
			name: "page_size not a number",
			yaml: "page_size: \"mười\"\n",
			want: []string{"site.yaml:1:12: lỗi: `page_size` phải là một số nguyên, không phải chuỗi \"mười\" — ví dụ: page_size: 12"},
		},
		{
			name: "page_size a fraction",
			yaml: "page_size: 12.5\n",
			want: []string{"site.yaml:1:12: lỗi: `page_size` phải là một số nguyên, không phải giá trị 12.5 — ví dụ: page_size: 12"},
		},
		{
			name: "page_size out of range",
			yaml: "page_size: 0\n",
			want: []string{"site.yaml:1:12: lỗi: `page_size` phải từ 1 đến 1000, không phải 0 — số bài trên một trang danh sách, thường từ 10 đến 20"},
		},
		{
			name: "mapping where a string is expected",
			yaml: "title:\n  vi: Chuyên mục\n",
			want: []string{"site.yaml:2:3: lỗi: `title` phải là một chuỗi văn bản, không phải một nhóm khóa con — ví dụ: title: \"Chuyên mục Cải cách hành chính\""},
		},
		{
			name: "list where a string is expected",
			yaml: "organization: [UBND, xã]\n",
			want: []string{"site.yaml:1:15: lỗi: `organization` phải là một chuỗi văn bản, không phải một danh sách — ví dụ: organization: \"UBND xã Diễn Châu\""},
		},
		{
			name: "empty title",
			yaml: "title: \"\"\n",
			want: []string{"site.yaml:1:8: lỗi: `title` (tên chuyên mục) để trống — ví dụ: title: \"Chuyên mục Cải cách hành chính\""},
		},
		{
			name: "contact not a group",
			yaml: "contact: \"0238 3862 123\"\n",
			want: []string{"site.yaml:1:10: lỗi: `contact` phải là một nhóm khóa con, không phải chuỗi \"0238 3862 123\" — viết các khóa address, phone, email, website, feedback, hours thụt lề dưới dòng `contact:`"},
		},
		{
			name: "markdown unsafe not a bool",
			yaml: "markdown:\n  unsafe: có\n",
			want: []string{"site.yaml:2:11: lỗi: `unsafe` phải là true hoặc false, không phải chuỗi \"có\" — ví dụ: unsafe: false"},
		},
		{
			name: "duplicate key names the first line",
			yaml: "title: A\norganization: B\ntitle: C\n",
			want: []string{"site.yaml:3:1: lỗi: khóa `title` bị lặp lại (đã có ở dòng 1) — giữ lại một dòng `title` và xóa dòng còn lại"},
		},
		{
			name: "tab indentation, every line",
			yaml: "contact:\n\taddress: Xóm 1\n\tphone: \"0238\"\n",
			want: []string{
				"site.yaml:2:1: lỗi: dòng thụt lề bằng ký tự Tab — dùng dấu cách, không dùng phím Tab",
				"site.yaml:3:1: lỗi: dòng thụt lề bằng ký tự Tab — dùng dấu cách, không dùng phím Tab",
			},
		},
		{
			name: "tab after spaces",
			yaml: "contact:\n  address: x\n  \tphone: y\n",
			want: []string{"site.yaml:3:3: lỗi: dòng thụt lề bằng ký tự Tab — dùng dấu cách, không dùng phím Tab"},
		},
		{
			name: "unclosed double quote is found where it opens",
			yaml: "title: \"Chuyên mục\npage_size: 12\n",
			want: []string{"site.yaml:1:8: lỗi: dấu ngoặc kép \" mở ở đây nhưng không được đóng — thêm dấu \" ở cuối giá trị, ví dụ: title: \"Chuyên mục Cải cách hành chính\""},
		},
		{
			name: "unclosed single quote after an apostrophe-free line",
			yaml: "title: \"A\"\norganization: 'UBND xã\n",
			want: []string{"site.yaml:2:15: lỗi: dấu nháy đơn ' mở ở đây nhưng không được đóng — thêm dấu ' ở cuối giá trị, ví dụ: title: \"Chuyên mục Cải cách hành chính\""},
		},
		{
			name: "colon inside an unquoted value",
			yaml: "title: Kế hoạch: năm 2026\n",
			want: []string{"site.yaml:1:1: lỗi: dấu hai chấm : đặt sai chỗ — giá trị có dấu hai chấm phải đặt trong ngoặc kép, ví dụ: title: \"Kế hoạch: năm 2026\"; khóa con phải thụt lề đều nhau"},
		},
		{
			name: "missing colon",
			yaml: "title: A\norganization B\nprovince: C\n",
			want: []string{"site.yaml:2:1: lỗi: thiếu dấu hai chấm : sau tên khóa — mỗi dòng viết theo dạng `khóa: giá trị` (ở dòng này hoặc các dòng ngay trên, dưới)"},
		},
		{
			name: "unclosed flow list",
			yaml: "topics:\n  - name: A\n    aliases: [\"a\", \"b\"\n",
			want: []string{"site.yaml:3:5: lỗi: danh sách trong ngoặc vuông [ ] thiếu dấu phẩy hoặc chưa đóng — các mục cách nhau bằng dấu phẩy và kết thúc bằng ], ví dụ: aliases: [\"một cửa\", \"bộ phận một cửa\"]"},
		},
		{
			name: "value starting with @",
			yaml: "title: A\ncontact:\n  email: @ubnd\n",
			want: []string{"site.yaml:3:10: lỗi: giá trị không được bắt đầu bằng ký tự @ hoặc ` — đặt giá trị trong ngoặc kép, ví dụ: email: \"@ubnd\""},
		},
		{
			name: "unknown alias",
			yaml: "title: A\norganization: *ubnd\n",
			want: []string{"site.yaml:2:15: lỗi: tham chiếu `*ubnd` không trỏ tới neo `&ubnd` nào — nếu dấu * là một phần của văn bản, đặt giá trị trong ngoặc kép"},
		},
		{
			name: "second document",
			yaml: "title: A\n---\ntitle: B\n",
			want: []string{"site.yaml:2:1: lỗi: tệp có nhiều phần YAML tách bởi dòng `---`; phần từ đây trở đi bị bỏ qua — xóa dòng `---` và gộp các khóa vào một phần duy nhất"},
		},
		{
			name: "not a mapping",
			yaml: "- title: A\n",
			want: []string{"site.yaml:1:1: lỗi: nội dung tệp phải là các dòng `khóa: giá trị`, không phải một danh sách — ví dụ: title: \"Chuyên mục Cải cách hành chính\""},
		},
		{
			name: "topics not a list",
			yaml: "topics: Chuyển đổi số\n",
			want: []string{"site.yaml:1:9: lỗi: `topics` phải là một danh sách, không phải chuỗi \"Chuyển đổi số\" — mỗi chủ đề là một mục `- name: \"Tên chủ đề\"` thụt lề dưới dòng `topics:`"},
		},
		{
			name: "topics empty",
			yaml: "topics: []\n",
			want: []string{"site.yaml:1:9: lỗi: danh sách `topics` (chủ đề) trống — thêm ít nhất một chủ đề, hoặc xóa dòng `topics:` để dùng danh sách chủ đề mặc định"},
		},
		{
			name: "topic written as a plain string",
			yaml: "topics:\n  - Chuyển đổi số\n",
			want: []string{"site.yaml:2:5: lỗi: mỗi mục của `topics` phải là một nhóm khóa (name, slug, aliases, description), không phải chuỗi \"Chuyển đổi số\" — viết mỗi chủ đề dạng - name: \"Chuyển đổi số\""},
		},
		{
			name: "topic without name",
			yaml: "topics:\n  - name: A\n  - slug: b\n    description: x\n",
			want: []string{"site.yaml:3:5: lỗi: chủ đề thiếu `name` (tên chủ đề) — thêm dòng name: \"Tên chủ đề\" vào chủ đề này"},
		},
		{
			name: "topic with an unknown key",
			yaml: "topics:\n  - name: A\n    alias: [a]\n",
			want: []string{"site.yaml:3:5: lỗi: khóa `alias` không hợp lệ trong `topics` — có phải ý bạn là `aliases`? Các khóa hợp lệ: name, slug, aliases, description"},
		},
		{
			name: "aliases not a list",
			yaml: "topics:\n  - name: A\n    aliases: một cửa\n",
			want: []string{"site.yaml:3:14: lỗi: `aliases` phải là một danh sách, không phải chuỗi \"một cửa\" — ví dụ: aliases: [\"chính quyền số\", \"chính quyền điện tử\"]"},
		},
		{
			name: "alias not a string, column in characters",
			yaml: "topics:\n  - name: A\n    aliases: [\"một cửa\", {a: 1}]\n",
			want: []string{"site.yaml:3:26: lỗi: mỗi mục của `aliases` phải là một chuỗi văn bản, không phải một nhóm khóa con — ví dụ: aliases: [\"chính quyền số\", \"chính quyền điện tử\"]"},
		},
		{
			name: "invalid slug suggests one",
			yaml: "topics:\n  - name: Một cửa\n    slug: Mot Cua\n",
			want: []string{"site.yaml:3:11: lỗi: `slug` \"Mot Cua\" không hợp lệ — chỉ dùng chữ thường không dấu, chữ số và dấu gạch nối, ví dụ: slug: mot-cua"},
		},
		{
			name: "no slug can be made from the name",
			yaml: "topics:\n  - name: \"???\"\n",
			want: []string{"site.yaml:2:11: lỗi: không tạo được `slug` (đường dẫn) từ tên \"???\" — thêm dòng slug: bằng chữ thường không dấu, ví dụ: slug: chu-de-moi"},
		},
		{
			name: "duplicate slugs name both lines",
			yaml: "topics:\n  - name: Một cửa\n    slug: mot-cua\n  - name: Bộ phận tiếp nhận\n    slug: mot-cua\n",
			want: []string{"site.yaml:5:11: lỗi: hai chủ đề có cùng `slug` \"mot-cua\" (dòng 3 và dòng 5) — đổi `slug` của một trong hai chủ đề"},
		},
		{
			name: "alias of one topic folds to another's name",
			yaml: "topics:\n  - name: Chuyển đổi số\n  - name: Chính quyền số\n    aliases: [\"CHUYEN DOI SO\"]\n",
			want: []string{"site.yaml:4:15: lỗi: \"CHUYEN DOI SO\" ở dòng 4 trùng với \"Chuyển đổi số\" ở dòng 2 của chủ đề \"Chuyển đổi số\" — mỗi tên, slug và bí danh (aliases) chỉ được thuộc một chủ đề; đổi hoặc bỏ một trong hai"},
		},
		{
			name: "two topics with the same name",
			yaml: "topics:\n  - name: PCI\n  - name: pci\n",
			want: []string{"site.yaml:3:11: lỗi: \"pci\" ở dòng 3 trùng với \"PCI\" ở dòng 2 của chủ đề \"PCI\" — mỗi tên, slug và bí danh (aliases) chỉ được thuộc một chủ đề; đổi hoặc bỏ một trong hai"},
		},
		{
			name: "base_url without scheme",
			yaml: "base_url: dienchau.example/cchc/\n",
			want: []string{"site.yaml:1:11: lỗi: `base_url` phải là địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://, không phải \"dienchau.example/cchc/\" — ví dụ: https://dienchau.example/cchc/"},
		},
		{
			name: "base_url with a query",
			yaml: "base_url: \"https://dienchau.example/cchc/?a=1\"\n",
			want: []string{"site.yaml:1:11: lỗi: `base_url` không được có phần ?… hoặc #…: \"https://dienchau.example/cchc/?a=1\" — chỉ ghi địa chỉ thư mục của chuyên mục; ví dụ: https://dienchau.example/cchc/"},
		},
		{
			name: "base_url with another scheme",
			yaml: "base_url: ftp://dienchau.example/cchc/\n",
			want: []string{"site.yaml:1:11: lỗi: `base_url` phải là địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://, không phải \"ftp://dienchau.example/cchc/\" — ví dụ: https://dienchau.example/cchc/"},
		},
		{
			name: "every problem in one pass",
			yaml: "tittle: A\npage_size: mười\ntitle: B\ntitle: C\ncontact: []\ntopics:\n  - slug: x\n",
			want: []string{
				"site.yaml:1:1: lỗi: khóa `tittle` không hợp lệ — có phải ý bạn là `title`? Các khóa hợp lệ: " + validKeys,
				"site.yaml:2:12: lỗi: `page_size` phải là một số nguyên, không phải chuỗi \"mười\" — ví dụ: page_size: 12",
				"site.yaml:4:1: lỗi: khóa `title` bị lặp lại (đã có ở dòng 3) — giữ lại một dòng `title` và xóa dòng còn lại",
				"site.yaml:5:10: lỗi: `contact` phải là một nhóm khóa con, không phải một danh sách — viết các khóa address, phone, email, website, feedback, hours thụt lề dưới dòng `contact:`",
				"site.yaml:7:5: lỗi: chủ đề thiếu `name` (tên chủ đề) — thêm dòng name: \"Tên chủ đề\" vào chủ đề này",
			},
		},
		{
			name: "Ð that only looks like Đ is a warning",
			yaml: "organization: \"UBND xã Ðông Hải\"\n",
			want: []string{"site.yaml:1:15: cảnh báo: ký tự 'Ð' (U+00D0) trông giống 'Đ' (U+0110) nhưng là chữ khác — gõ lại bằng chữ 'Đ'"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ds := Parse("site.yaml", []byte(tt.yaml))
			ds.Sort()
			if got := diagStrings(ds); !slices.Equal(got, tt.want) {
				t.Errorf("Parse(%q) diagnostics:\n%s\nwant:\n%s", tt.yaml, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestParseEmptyGivesDefaults(t *testing.T) {
	for _, in := range []string{"", "# chỉ có chú thích\n\n# thêm một dòng\n", "---\n", "\uFEFF", "title:\ncontact:\n"} {
		cfg, ds := Parse("site.yaml", []byte(in))
		if len(ds) != 0 {
			t.Errorf("Parse(%q): unexpected diagnostics:\n%s", in, ds.Error())
		}
		if cfg.Title != "Chuyên mục Cải cách hành chính" || cfg.PageSize != 12 || len(cfg.Topics) != 15 {
			t.Errorf("Parse(%q) = %+v, want the defaults", in, cfg)
		}
	}
}

func TestDefaults(t *testing.T) {
	cfg, ds := parse("defaults.yaml", defaultsYAML, &Config{})
	if len(ds) != 0 {
		t.Fatalf("defaults.yaml has diagnostics:\n%s", ds.Error())
	}
	if cfg.Title != "Chuyên mục Cải cách hành chính" || cfg.PageSize != 12 || cfg.BaseURL != "" || cfg.Markdown.Unsafe {
		t.Errorf("defaults = %+v", cfg)
	}
	wantSlugs := []string{
		"mot-cua", "chuyen-doi-so", "dich-vu-cong-truc-tuyen", "cai-cach-the-che",
		"cai-cach-thu-tuc-hanh-chinh", "cai-cach-to-chuc-bo-may", "cai-cach-che-do-cong-vu",
		"cai-cach-tai-chinh-cong", "ky-luat-ky-cuong", "par-index", "papi", "pci", "sipas",
		"nguoi-dan-giam-sat", "mo-hinh-hay",
	}
	var slugs []string
	for _, tp := range cfg.Topics {
		slugs = append(slugs, tp.Slug)
		if tp.Description == "" || len(tp.Aliases) == 0 {
			t.Errorf("default topic %q lacks a description or aliases", tp.Name)
		}
	}
	if !slices.Equal(slugs, wantSlugs) {
		t.Errorf("default slugs = %v, want %v", slugs, wantSlugs)
	}
	if a, b := Default(), Default(); &a.Topics[0] == &b.Topics[0] {
		t.Error("Default shares its topics between calls; a caller's change would leak")
	}
}

func TestParseOverridesDefaults(t *testing.T) {
	in := `# Cấu hình của xã
title: "Chuyên mục CCHC xã Diễn Châu"
organization: "UBND xã Diễn Châu"
province: "Nghệ An"
description: |
  Thông tin cải cách hành chính.
base_url: "https://dienchau.example/cchc"
page_size: "20"
contact:
  address: "Xóm 1, xã Diễn Châu"
  phone: 0238386123
  email: vanphong@dienchau.example
  website: https://dienchau.example/
  hours: "Sáng 7 giờ 30 – 11 giờ 30, thứ Hai đến thứ Sáu"
topics:
  - name: "Mo\u0302\u0323t cửa"
    aliases: ["bộ phận một cửa"]
    description: "Tiếp nhận và trả kết quả."
  - name: Chuyển đổi số
    slug: cds
markdown:
  unsafe: yes
`
	cfg, ds := Parse("site.yaml", []byte(in))
	want := []string{"site.yaml:16:11: cảnh báo: văn bản ở dạng Unicode tổ hợp (NFD), lần đầu ở đây — văn bản đã được chuyển sang dạng dựng sẵn (NFC); nên lưu tệp bằng bộ gõ Unicode dựng sẵn"}
	if got := diagStrings(ds); !slices.Equal(got, want) {
		t.Fatalf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	wantCfg := Config{
		Title:        "Chuyên mục CCHC xã Diễn Châu",
		Organization: "UBND xã Diễn Châu",
		Province:     "Nghệ An",
		Description:  "Thông tin cải cách hành chính.",
		BaseURL:      "https://dienchau.example/cchc/",
		PageSize:     20,
		Contact: Contact{
			Address:  "Xóm 1, xã Diễn Châu",
			Phone:    "0238386123",
			Email:    "vanphong@dienchau.example",
			Website:  "https://dienchau.example/",
			Feedback: DefaultFeedback, // from the defaults: site.yaml's contact adds to them
			Hours:    "Sáng 7 giờ 30 – 11 giờ 30, thứ Hai đến thứ Sáu",
		},
		Topics: []Topic{
			{Name: "Một cửa", Slug: "mot-cua", Aliases: []string{"bộ phận một cửa"}, Description: "Tiếp nhận và trả kết quả."},
			{Name: "Chuyển đổi số", Slug: "cds"},
		},
		Markdown: Markdown{Unsafe: true},
	}
	if cfg.Title != wantCfg.Title || cfg.Organization != wantCfg.Organization || cfg.Province != wantCfg.Province ||
		cfg.Description != wantCfg.Description || cfg.BaseURL != wantCfg.BaseURL || cfg.PageSize != wantCfg.PageSize ||
		cfg.Contact != wantCfg.Contact || cfg.Markdown != wantCfg.Markdown {
		t.Errorf("Parse =\n%+v\nwant\n%+v", *cfg, wantCfg)
	}
	if len(cfg.Topics) != len(wantCfg.Topics) {
		t.Fatalf("topics = %+v, want the site's list replacing the defaults: %+v", cfg.Topics, wantCfg.Topics)
	}
	for i, tp := range cfg.Topics {
		w := wantCfg.Topics[i]
		if tp.Name != w.Name || tp.Slug != w.Slug || tp.Description != w.Description || !slices.Equal(tp.Aliases, w.Aliases) {
			t.Errorf("topic %d = %+v, want %+v", i, tp, w)
		}
	}
	if _, ok := cfg.Topic("SIPAS"); ok {
		t.Error("a default topic still matches after site.yaml replaced the list")
	}
	if tp, ok := cfg.Topic("cds"); !ok || tp.Name != "Chuyển đổi số" {
		t.Errorf(`Topic("cds") = %+v, %v`, tp, ok)
	}
}

func TestParseAnchorsAndAliases(t *testing.T) {
	in := "organization: &org \"UBND xã A\"\ndescription: *org\n"
	cfg, ds := Parse("site.yaml", []byte(in))
	if len(ds) != 0 || cfg.Description != "UBND xã A" {
		t.Errorf("Parse(%q) = %q, %v", in, cfg.Description, ds)
	}
}

func TestLoad(t *testing.T) {
	t.Run("missing file gives defaults silently", func(t *testing.T) {
		cfg, ds := Load(fstest.MapFS{"content/a.md": {Data: []byte("x")}})
		if len(ds) != 0 || cfg.PageSize != 12 || len(cfg.Topics) != 15 {
			t.Errorf("Load = %+v, %v", cfg, ds)
		}
	})
	t.Run("reads site.yaml", func(t *testing.T) {
		cfg, ds := Load(fstest.MapFS{"site.yaml": {Data: []byte("page_size: 5\ntittle: x\n")}})
		want := []string{"site.yaml:2:1: lỗi: khóa `tittle` không hợp lệ — có phải ý bạn là `title`? Các khóa hợp lệ: " + validKeys}
		if got := diagStrings(ds); cfg.PageSize != 5 || !slices.Equal(got, want) {
			t.Errorf("Load = %d, %q", cfg.PageSize, got)
		}
	})
	t.Run("site.yml is not read but named", func(t *testing.T) {
		_, ds := Load(fstest.MapFS{"site.yml": {Data: []byte("page_size: 5\n")}})
		want := []string{"site.yml: cảnh báo: tệp site.yml không được đọc: tệp cấu hình phải tên là site.yaml — đổi tên tệp thành site.yaml"}
		if got := diagStrings(ds); !slices.Equal(got, want) {
			t.Errorf("Load diagnostics = %q, want %q", got, want)
		}
	})
	t.Run("unreadable site.yaml", func(t *testing.T) {
		_, ds := Load(fstest.MapFS{"site.yaml/x": {Data: []byte("")}})
		if !ds.HasErrors() || ds[0].Pos.File != "site.yaml" {
			t.Errorf("Load of a directory named site.yaml = %v, want an error", ds)
		}
	})
}

func TestParseFeedback(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		diags          []string
	}{
		{name: "default without site.yaml's key", in: "contact:\n  phone: \"0238\"\n", want: DefaultFeedback},
		{name: "the commune's own page", in: "contact:\n  feedback: \"https://dichvucong.nghean.gov.vn/pakn\"\n", want: "https://dichvucong.nghean.gov.vn/pakn"},
		{name: "empty turns the channel off", in: "contact:\n  feedback: \"\"\n", want: ""},
		{name: "null keeps the default", in: "contact:\n  feedback:\n", want: DefaultFeedback},
		{name: "not an address", in: "contact:\n  feedback: dichvucong.gov.vn\n", want: DefaultFeedback, diags: []string{
			"site.yaml:2:13: lỗi: `feedback` (trang gửi phản ánh, kiến nghị trực tuyến) phải là địa chỉ đầy đủ bắt đầu bằng https://, không phải \"dichvucong.gov.vn\" — ví dụ: feedback: \"https://dichvucong.gov.vn/\"",
		}},
		{name: "another scheme", in: "contact:\n  feedback: \"javascript:alert(1)\"\n", want: DefaultFeedback, diags: []string{
			"site.yaml:2:13: lỗi: `feedback` (trang gửi phản ánh, kiến nghị trực tuyến) phải là địa chỉ đầy đủ bắt đầu bằng https://, không phải \"javascript:alert(1)\" — ví dụ: feedback: \"https://dichvucong.gov.vn/\"",
		}},
		{name: "a list", in: "contact:\n  feedback: [a]\n", want: DefaultFeedback, diags: []string{
			"site.yaml:2:13: lỗi: `feedback` phải là một chuỗi văn bản, không phải một danh sách — ví dụ: feedback: \"https://dichvucong.gov.vn/\"",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, ds := Parse("site.yaml", []byte(tc.in))
			if got := diagStrings(ds); !slices.Equal(got, tc.diags) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.diags, "\n"))
			}
			if cfg.Contact.Feedback != tc.want {
				t.Errorf("Feedback = %q, want %q", cfg.Contact.Feedback, tc.want)
			}
		})
	}
}
