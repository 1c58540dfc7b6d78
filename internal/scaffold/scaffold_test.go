package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/load"
)

// now is 23:45 UTC on 15 January: already the 16th in Việt Nam.
var now = time.Date(2026, 1, 15, 23, 45, 0, 0, time.UTC)

func TestArticleExact(t *testing.T) {
	got := string(Article(`Hỏi: "một cửa" là gì?`, []string{"Một cửa, một cửa liên thông", "SIPAS"}, now))
	want := `---
title: "Hỏi: \"một cửa\" là gì?"
date: 16/01/2026 06:45
topics: ["Một cửa, một cửa liên thông", "SIPAS"]
summary: "" # một, hai câu nêu ý chính của bài; hiện ở danh sách bài và khi chia sẻ
author: "" # người viết
unit: "" # đơn vị, ví dụ: Văn phòng HĐND-UBND xã
draft: true # bản nháp: xóa dòng này khi bài đã sẵn sàng đăng
---

Đoạn mở đầu: nêu ngắn gọn sự việc (ai, làm gì, khi nào, ở đâu) trong một, hai câu.

## Nội dung chính

Viết nội dung ở đây. Mỗi đoạn cách nhau một dòng trống; mỗi phần mở đầu bằng một dòng ` + "`## Tên phần`" + `.
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// newSite makes a site folder with content/bai-viet and the given files.
func newSite(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "content", "bai-viet"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestCreate(t *testing.T) {
	long := strings.Repeat("Cải cách hành chính ", 6) // slug of 113 bytes
	tests := []struct {
		name   string
		files  map[string]string
		opts   Options
		path   string   // created, relative to the site
		title  string   // as loaded back
		topics []string // slugs as loaded back
		err    string   // exact error, when the creation must fail
		usage  bool     // the error is an ArgumentError
		prefix bool     // err is only the start of the error
	}{
		{name: "diacritics", opts: Options{Title: "Kết quả SIPAS năm 2026", Topics: []string{"SIPAS"}},
			path: "content/bai-viet/ket-qua-sipas-nam-2026.md", title: "Kết quả SIPAS năm 2026", topics: []string{"sipas"}},
		{name: "quotes, colon and backslash", opts: Options{Title: ` Hỏi: "một cửa" là gì? C:\hồ sơ `, Topics: []string{"sipas"}},
			path: "content/bai-viet/hoi-mot-cua-la-gi-c-ho-so.md", title: `Hỏi: "một cửa" là gì? C:\hồ sơ`, topics: []string{"sipas"}},
		{name: "aliases resolve to names, repeats dropped", opts: Options{Title: "Một cửa", Topics: []string{"bộ phận một cửa", "DVCTT", "mot cua"}},
			path: "content/bai-viet/mot-cua.md", title: "Một cửa", topics: []string{"mot-cua", "dich-vu-cong-truc-tuyen"}},
		{name: "NFD title", opts: Options{Title: "Ho\u0300a gia\u0309i", Topics: []string{"PAPI"}},
			path: "content/bai-viet/hoa-giai.md", title: "Hòa giải", topics: []string{"papi"}},
		{name: "long title cut on a dash", opts: Options{Title: long, Topics: []string{"PCI"}},
			path:  "content/bai-viet/cai-cach-hanh-chinh-cai-cach-hanh-chinh-cai-cach-hanh-chinh-cai-cach-hanh-chinh.md",
			title: strings.TrimSpace(long), topics: []string{"pci"}},
		{name: "slug chosen", opts: Options{Title: "Kết quả", Slug: "ket-qua-2", Topics: []string{"PCI"}},
			path: "content/bai-viet/ket-qua-2.md", title: "Kết quả", topics: []string{"pci"}},
		{name: "other section", files: map[string]string{"content/tin-tuc/.keep": ""},
			opts: Options{Title: "Hỏi", Section: "tin-tuc", Topics: []string{"PCI"}},
			path: "content/tin-tuc/hoi.md", title: "Hỏi", topics: []string{"pci"}},
		{name: "topic from site.yaml", files: map[string]string{"site.yaml": "topics:\n  - name: \"Hỏi đáp thủ tục\"\n"},
			opts: Options{Title: "Hỏi", Topics: []string{"hoi dap thu tuc"}},
			path: "content/bai-viet/hoi.md", title: "Hỏi", topics: []string{"hoi-dap-thu-tuc"}},

		{name: "unknown topic", opts: Options{Title: "A", Topics: []string{"SIPAS", "sipass", "Chuyen doi so hoa"}},
			err: "chủ đề \"sipass\" không có trong danh mục chủ đề — có phải ý bạn là \"SIPAS\"?\n" +
				"chủ đề \"Chuyen doi so hoa\" không có trong danh mục chủ đề — có phải ý bạn là \"Chuyển đổi số\"?"},
		{name: "no topic", opts: Options{Title: "A"}, usage: true,
			err: "cần ít nhất một chủ đề, ví dụ --topic \"Một cửa, một cửa liên thông\"; các chủ đề trong danh mục: \"Một cửa, một cửa liên thông\", \"Chuyển đổi số\", \"Dịch vụ công trực tuyến\", \"Cải cách thể chế\", \"Cải cách thủ tục hành chính\", \"Cải cách tổ chức bộ máy\", \"Cải cách chế độ công vụ\", \"Cải cách tài chính công\", \"Kỷ luật, kỷ cương hành chính\", \"PAR INDEX\", \"PAPI\", \"PCI\", \"SIPAS\", \"Người dân tham gia giám sát\", \"Mô hình hay, sáng kiến\""},
		{name: "file exists", files: map[string]string{"content/bai-viet/a.md": "cũ"}, opts: Options{Title: "A", Topics: []string{"PCI"}},
			err: "content/bai-viet/a.md đã có, không ghi đè — đặt tiêu đề khác, hoặc chọn tên tệp khác bằng --slug ten-khac"},
		{name: "file with the same slug", files: map[string]string{"content/bai-viet/Kết quả SIPAS.md": "cũ"},
			opts: Options{Title: "Kết quả SIPAS", Topics: []string{"PCI"}},
			err:  "content/bai-viet/Kết quả SIPAS.md đã có, không ghi đè — đặt tiêu đề khác, hoặc chọn tên tệp khác bằng --slug ten-khac"},
		{name: "bundle with the same slug", files: map[string]string{"content/bai-viet/a/index.md": "cũ"}, opts: Options{Title: "A", Topics: []string{"PCI"}},
			err: "content/bai-viet/a/ đã có, không ghi đè — đặt tiêu đề khác, hoặc chọn tên tệp khác bằng --slug ten-khac"},
		{name: "missing title", opts: Options{Title: "  ", Topics: []string{"PCI"}}, usage: true,
			err: "thiếu tiêu đề bài viết — viết tiêu đề trong ngoặc kép, ví dụ: cchc new \"Kết quả SIPAS năm 2026\""},
		{name: "title on two lines", opts: Options{Title: "A\nB", Topics: []string{"PCI"}}, usage: true,
			err: "tiêu đề phải nằm trên một dòng, không có ký tự điều khiển"},
		{name: "title without letters", opts: Options{Title: "???", Topics: []string{"PCI"}}, usage: true,
			err: "không tạo được tên tệp từ tiêu đề \"???\" — thêm --slug ten-bai-viet"},
		{name: "bad section", opts: Options{Title: "A", Section: "Bài viết", Topics: []string{"PCI"}}, usage: true,
			err: "mục \"Bài viết\" không hợp lệ: --section là tên một thư mục ngay dưới content/ — có phải ý bạn là --section bai-viet?"},
		{name: "section with a path", opts: Options{Title: "A", Section: "../x", Topics: []string{"PCI"}}, usage: true,
			err: "mục \"../x\" không hợp lệ: --section là tên một thư mục ngay dưới content/ — có phải ý bạn là --section x?"},
		{name: "section that does not exist", opts: Options{Title: "A", Section: "bai-vet", Topics: []string{"PCI"}},
			err: "chưa có mục content/bai-vet/ — chọn một mục có sẵn (--section bai-viet), hoặc tạo thư mục content/bai-vet/ trước nếu muốn mở mục mới"},
		{name: "bad slug", opts: Options{Title: "A", Slug: "Kết quả", Topics: []string{"PCI"}}, usage: true,
			err: "--slug \"Kết quả\" không hợp lệ — ví dụ --slug ket-qua"},
		{name: "broken site.yaml", files: map[string]string{"site.yaml": "page_sise: 3\n"}, opts: Options{Title: "A", Topics: []string{"PCI"}},
			err: "sửa site.yaml trước khi tạo bài:\nsite.yaml:1:1: lỗi: khóa `page_sise` không hợp lệ — có phải ý bạn là `page_size`?", prefix: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := newSite(t, tt.files)
			before := listFiles(t, root)
			tt.opts.Now = now
			got, err := Create(root, tt.opts)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err && !(tt.prefix && strings.HasPrefix(err.Error(), tt.err)) {
					t.Fatalf("error:\n%v\nwant:\n%s", err, tt.err)
				}
				var ae *ArgumentError
				if errors.As(err, &ae) != tt.usage {
					t.Errorf("ArgumentError: %v, want %v", !tt.usage, tt.usage)
				}
				if after := listFiles(t, root); after != before {
					t.Errorf("files changed after an error:\n%s\nwas:\n%s", after, before)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.path {
				t.Errorf("path %q, want %q", got, tt.path)
			}
			p := loadBack(t, root, got)
			if p.Title != tt.title || strings.Join(p.Topics, ",") != strings.Join(tt.topics, ",") || !p.Draft ||
				!p.Date.Equal(time.Date(2026, 1, 15, 23, 45, 0, 0, time.UTC)) {
				t.Errorf("loaded back: title %q topics %v draft %v date %v", p.Title, p.Topics, p.Draft, p.Date)
			}
		})
	}
}

// loadBack loads the site with drafts and requires no diagnostic at all.
func loadBack(t *testing.T, root, rel string) *content.Page {
	t.Helper()
	fsys := os.DirFS(root)
	cfg, ds := config.Load(fsys)
	site, lds := load.Site(fsys, cfg, load.Options{Drafts: true, Now: now})
	ds.Add(lds...)
	if len(ds) > 0 {
		t.Fatalf("the new article has diagnostics:\n%s", ds.Error())
	}
	p := site.ByPath[strings.TrimPrefix(rel, "content/")]
	if p == nil {
		t.Fatalf("%s not loaded", rel)
	}
	return p
}

func listFiles(t *testing.T, root string) string {
	t.Helper()
	var out []string
	err := filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err == nil {
			rel, _ := filepath.Rel(root, p)
			out = append(out, rel)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(out, "\n")
}

func TestCreateNeverOverwrites(t *testing.T) {
	root := newSite(t, nil)
	opts := Options{Title: "Một cửa", Topics: []string{"Một cửa"}, Now: now}
	if _, err := Create(root, opts); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(root, "content", "bai-viet", "mot-cua.md")
	if err := os.WriteFile(file, []byte("đã sửa"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Create(root, opts); err == nil {
		t.Fatal("second Create succeeded")
	}
	if b, _ := os.ReadFile(file); string(b) != "đã sửa" {
		t.Errorf("file overwritten: %q", b)
	}
}

func TestCreateFirstSection(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := Create(root, Options{Title: "A", Topics: []string{"PCI"}, Now: now})
	if err != nil || got != "content/bai-viet/a.md" {
		t.Fatalf("%q, %v", got, err)
	}
	loadBack(t, root, got)
	if _, err := Create(t.TempDir(), Options{Title: "A", Topics: []string{"PCI"}, Now: now}); err == nil {
		t.Error("a folder without content/ accepted")
	}
}

// Whatever the title, the article loads back with exactly that title and
// no error: the YAML quoting holds.
func FuzzArticleTitle(f *testing.F) {
	for _, s := range []string{`Hỏi: "một cửa" là gì?`, `C:\x`, `# không phải chú thích`, `'a'`, `[1, 2]`, `&a *b`, "a\u2028b", `{x: y}`, `\"`, "---"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		clean, _, _, err := names(Options{Title: title})
		if err != nil {
			return
		}
		fsys := fstest.MapFS{"content/bai-viet/a.md": {Data: Article(clean, []string{"SIPAS"}, now)}}
		site, ds := load.Site(fsys, config.Default(), load.Options{Drafts: true, Now: now})
		if ds.HasErrors() {
			t.Fatalf("title %q: %s", clean, ds.Error())
		}
		if p := site.ByPath["bai-viet/a.md"]; p == nil || p.Title != clean {
			t.Fatalf("title %q loaded back as %+v", clean, p)
		}
	})
}
