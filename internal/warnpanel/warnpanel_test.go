package warnpanel

import (
	"strings"
	"testing"

	"github.com/cchc-vn/cchc/internal/diag"
)

func warn(file string, line, col int, msg, hint string) diag.Diagnostic {
	return diag.Diagnostic{Pos: diag.Position{File: file, Line: line, Col: col}, Severity: diag.Warning, Message: msg, Hint: hint}
}

var sample = diag.List{
	warn("content/bai-viet/a.md", 2, 0, "`title` dài <71> ký tự", "rút gọn \"tiêu đề\""),
	warn("content/bai-viet/a.md", 7, 14, "liên kết chỉ ghi \"tại đây\"", ""),
	{Pos: diag.Position{File: "content/bai-viet/a.md", Line: 3}, Severity: diag.Error, Message: "lỗi không vào bảng"},
	{Pos: diag.Position{File: "content/bai-viet/a.md", Line: 4}, Severity: diag.Note, Message: "ghi chú không vào bảng"},
	warn("content/bai-viet/b.md", 1, 0, "bài chưa có `summary`", "thêm dòng"),
	warn("site.yaml", 5, 3, "`contact.phone` còn để trống", "ghi số"),
}

var links = Links{
	List: "/cchc/_cchc/canh-bao/",
	Page: func(src string) string {
		if src == "site.yaml" {
			return ""
		}
		return "/cchc/" + strings.TrimSuffix(strings.TrimPrefix(src, "content/"), ".md") + "/"
	},
	Edit: func(src string) string { return "/cchc/_soan/sua?tep=" + src },
}

func TestPanel(t *testing.T) {
	w := New(sample)
	if n, files := w.Total(); n != 4 || files != 3 {
		t.Fatalf("Total() = %d, %d; want 4 warnings in 3 files", n, files)
	}
	tests := []struct {
		name, source string
		home         bool
		links        Links
		want         []string // in this order
		absent       []string
	}{
		{"a page's own warnings, line and column, hint, escaped; the others counted", "content/bai-viet/a.md", false, links, []string{
			`<aside id="cchc-canh-bao" class="cchc-cb" aria-label="Cảnh báo biên tập"><style>`,
			`<details id="cchc-canh-bao-hop" data-cchc-nho><summary>Trang này có 2 cảnh báo</summary><div class="cchc-cb-than" tabindex="0">`,
			`<p>Trong tệp <code>content/bai-viet/a.md</code>.`,
			`<ol><li><strong>Dòng 2:</strong> ` + "`title`" + ` dài &lt;71&gt; ký tự<br><span class="cchc-cb-sua">Cách sửa: rút gọn &#34;tiêu đề&#34;</span></li>` +
				`<li><strong>Dòng 7, cột 14:</strong> liên kết chỉ ghi &#34;tại đây&#34;</li></ol>`,
			`<p><a href="/cchc/_soan/sua?tep=content/bai-viet/a.md">Sửa bài này trên bàn soạn</a></p>`,
			`<p><a href="/cchc/_cchc/canh-bao/">Các tệp khác: 2 cảnh báo ở 2 tệp — xem danh sách</a></p></div></details></aside>`,
		}, []string{"lỗi không vào bảng", "ghi chú", "bài chưa có", "contact.phone", " open"}},
		{"without the desk, no edit link", "content/bai-viet/b.md", false, Links{List: links.List}, []string{
			`<summary>Trang này có 1 cảnh báo</summary>`,
			`<li><strong>Dòng 1:</strong> bài chưa có ` + "`summary`" + `<br><span class="cchc-cb-sua">Cách sửa: thêm dòng</span></li>`,
			`Các tệp khác: 3 cảnh báo ở 2 tệp`,
		}, []string{"bàn soạn"}},
		{"the home page counts the others", "content/_index.md", true, links, []string{
			`<summary>Chuyên mục có 4 cảnh báo ở 3 tệp</summary>`,
			`<a href="/cchc/_cchc/canh-bao/">Xem danh sách cảnh báo</a>`,
		}, []string{"<ol>", "Dòng"}},
		{"a home page made from no file owns no warning without a file", "", true, links, []string{
			`<summary>Chuyên mục có 4 cảnh báo ở 3 tệp</summary>`,
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := w.Panel(tt.source, tt.home, tt.links)
			rest := got
			for _, want := range tt.want {
				i := strings.Index(rest, want)
				if i < 0 {
					t.Fatalf("lacks, or out of order, %q in:\n%s", want, got)
				}
				rest = rest[i+len(want):]
			}
			for _, a := range tt.absent {
				if strings.Contains(got, a) {
					t.Errorf("holds %q:\n%s", a, got)
				}
			}
		})
	}
	for _, clean := range []struct {
		source string
		home   bool
	}{{"content/gioi-thieu.md", false}, {"", false}} {
		if got := w.Panel(clean.source, clean.home, links); got != "" {
			t.Errorf("Panel(%q, %v): a page with no warning has a panel:\n%s", clean.source, clean.home, got)
		}
	}
	if got := New(sample[2:4]).Panel("", true, links); got != "" {
		t.Errorf("a site with no warning: the home page has a panel:\n%s", got)
	}
}

// A page with very many warnings lists the first ones and sends to the
// list for the rest.
func TestPanelShowsTheFirstWarnings(t *testing.T) {
	var ds diag.List
	for i := range maxShown + 3 {
		ds = append(ds, warn("content/a.md", i+1, 1, "ảnh chưa có mô tả", ""))
	}
	got := New(ds).Panel("content/a.md", false, links)
	if n := strings.Count(got, "<li>"); n != maxShown {
		t.Errorf("%d items, want %d", n, maxShown)
	}
	if !strings.Contains(got, `<p>… và 3 cảnh báo khác, trong <a href="/cchc/_cchc/canh-bao/">danh sách</a>.</p>`) {
		t.Errorf("no word of the 3 left out:\n%s", got)
	}
	if strings.Contains(got, "Các tệp khác") {
		t.Error("counts other files when there are none")
	}
}

func TestList(t *testing.T) {
	got := string(New(sample).List(links))
	rest := got
	for _, want := range []string{
		`<!doctype html><html lang="vi"><head><meta charset="utf-8">`,
		`<title>Cảnh báo của chuyên mục</title>`,
		`<main class="cchc-ds"><h1>Cảnh báo của chuyên mục</h1><p>4 cảnh báo ở 3 tệp.`,
		`<section aria-labelledby="tep-0"><h2 id="tep-0"><code>content/bai-viet/a.md</code></h2>` +
			`<p><a href="/cchc/bai-viet/a/">Xem trang</a> · <a href="/cchc/_soan/sua?tep=content/bai-viet/a.md">Sửa trên bàn soạn</a></p>` +
			`<ol><li><strong>Dòng 2:</strong>`,
		`<h2 id="tep-1"><code>content/bai-viet/b.md</code></h2>`,
		`<h2 id="tep-2"><code>site.yaml</code></h2><p><a href="/cchc/_soan/sua?tep=site.yaml">Sửa trên bàn soạn</a></p><ol><li><strong>Dòng 5, cột 3:</strong> ` + "`contact.phone`",
		`</main></body></html>`,
	} {
		i := strings.Index(rest, want)
		if i < 0 {
			t.Fatalf("lacks, or out of order, %q in:\n%s", want, got)
		}
		rest = rest[i+len(want):]
	}
	empty := string(New(nil).List(Links{List: links.List}))
	if !strings.Contains(empty, "<p>Không có cảnh báo nào. Trang này tự cập nhật mỗi khi lưu tệp.</p></main>") {
		t.Errorf("no warning:\n%s", empty)
	}
}
