package layout

import (
	"bytes"
	"errors"
	"html/template"
	"io"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	texttemplate "text/template"
	"time"

	"github.com/cchc-vn/cchc/internal/assets"
	"github.com/cchc-vn/cchc/internal/content"

	cchc "github.com/cchc-vn/cchc"
)

func newTestSet(t *testing.T, site fstest.MapFS) *Set {
	t.Helper()
	set, diags := New(cchc.Theme(), site, testEnv())
	if len(diags) != 0 {
		t.Fatalf("New: %v", diags)
	}
	return set
}

func render(t *testing.T, set *Set, name string, d *Data) string {
	t.Helper()
	var b bytes.Buffer
	if err := set.Execute(&b, name, d); err != nil {
		t.Fatalf("Execute(%q): %v", name, err)
	}
	return b.String()
}

// everyPage lists the substrings every page of the base layout carries.
var everyPage = []string{
	`<html lang="vi">`,
	`<meta charset="utf-8">`,
	`<meta name="viewport" content="width=device-width, initial-scale=1">`,
	`<a class="skip-link" href="#noi-dung">Bỏ qua, đến nội dung chính</a>`,
	`<header class="site-header">`,
	`<nav class="site-nav" aria-label="Điều hướng chính">`,
	`<main id="noi-dung"`,
	`<footer class="site-footer">`,
	`<link rel="stylesheet" href="/cchc/assets/css/style.0a1b2c3d4e.css">`,
	`<link rel="icon" href="/cchc/assets/img/favicon.5f6a7b8c9d.svg" type="image/svg+xml">`,
	`<meta property="og:locale" content="vi_VN">`,
	`<meta property="og:site_name" content="Chuyên mục Cải cách hành chính">`,
	`<span class="brand-org">UBND xã Diễn Châu · Nghệ An</span>`,
	`<dd>Xóm 5, xã Diễn Châu, tỉnh Nghệ An</dd>`,
	`<a href="tel:02383862123">0238 3862 123</a>`,
	`<a href="mailto:ubnd.dienchau@nghean.gov.vn">ubnd.dienchau@nghean.gov.vn</a>`,
	`© 2026 UBND xã Diễn Châu.`,
	`<a href="/cchc/chu-de/mot-cua/">Một cửa, một cửa liên thông</a>`,
	`<summary>Chủ đề</summary>`,
}

func TestExecuteEveryLayout(t *testing.T) {
	draft := articleData()
	draft.Draft, draft.Future = true, true
	draft.Cover, draft.Prev, draft.Next, draft.Related, draft.JSONLD = nil, nil, nil, nil, nil

	stand := &Data{Site: testSite(), Kind: "page", Title: "Giới thiệu chuyên mục", URL: "gioi-thieu/",
		Content:    "<p>Chuyên mục do Văn phòng HĐND-UBND xã quản lý.</p>",
		Breadcrumb: []Crumb{{Name: "Trang chủ"}, {Name: "Giới thiệu chuyên mục"}}}
	onePage := listData("topic")
	onePage.Pager, onePage.Title, onePage.URL = nil, "Chuyển đổi số", "chu-de/chuyen-doi-so/"
	topics := &Data{Site: testSite(), Kind: "topics", Title: "Chủ đề", URL: "chu-de/", Topics: testTopics(),
		Breadcrumb: []Crumb{{Name: "Trang chủ"}, {Name: "Chủ đề"}}}
	notFound := &Data{Site: testSite(), Kind: "404", Title: "Không tìm thấy trang", URL: "404.html"}
	alias := &Data{Site: testSite(), Kind: "alias", Title: "Bài mới", URL: "tin-cu/", Target: "bai-viet/moi/"}
	emptyHome := homeData()
	emptyHome.List, emptyHome.Featured = nil, nil

	tests := []struct {
		name, layout string
		data         *Data
		base         bool // uses baseof.html: carries everyPage
		want, absent []string
	}{
		{"article", "article", articleData(), true, []string{
			`<title>Bộ phận Một cửa xã Diễn Châu tiếp nhận hồ sơ đất đai trực tuyến | Chuyên mục Cải cách hành chính</title>`,
			`<link rel="canonical" href="https://dienchau.example/cchc/bai-viet/mot-cua-lien-thong/">`,
			`<meta property="og:type" content="article">`,
			`<meta property="og:url" content="https://dienchau.example/cchc/bai-viet/mot-cua-lien-thong/">`,
			`<meta property="og:image" content="https://dienchau.example/cchc/bai-viet/mot-cua-lien-thong/anh-bia.jpg">`,
			`<meta name="twitter:card" content="summary_large_image">`,
			`<meta name="description" content="Tóm tắt: Bộ phận Một cửa`,
			`<nav class="breadcrumb" aria-label="Đường dẫn">`,
			`<li><a href="/cchc/">Trang chủ</a></li>`,
			`<li><a href="/cchc/bai-viet/">Tin bài</a></li>`,
			`<li><span aria-current="page">Bộ phận Một cửa xã Diễn Châu tiếp nhận hồ sơ đất đai trực tuyến</span></li>`,
			`>Thứ Sáu, ngày 16 tháng 01 năm 2026</time>`,
			`Cập nhật: <time datetime="2026-01-20T10:00:00&#43;07:00">20/01/2026</time>`,
			`<dt>Đơn vị:</dt> <dd>Trung tâm Phục vụ hành chính công</dd>`,
			`<dt>Tác giả:</dt> <dd>Nguyễn Thị Hoa</dd>`,
			`<img src="/cchc/bai-viet/mot-cua-lien-thong/anh-bia.jpg" alt="Cán bộ Bộ phận Một cửa hướng dẫn người dân" width="1200" height="675"`,
			`<h2 id="bai-lien-quan">Bài liên quan</h2>`,
			`<a href="/cchc/bai-viet/chuyen-doi-so-2026/">Kế hoạch chuyển đổi số năm 2026</a>`,
			`<a class="prev" href="/cchc/bai-viet/hop-giao-ban/" rel="prev">`,
			`<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Bộ phận Một cửa xã Diễn Châu tiếp nhận hồ sơ đất đai trực tuyến \u003c/script\u003e\u003cb\u003e"}</script>`,
			`người dân có thể nộp hồ sơ <a href="https://dichvucong.gov.vn/">`,
		}, []string{`rel="next"`, "BẢN NHÁP", "Hẹn đăng", `name="robots"`}},
		{"draft article without cover or neighbours", "article", draft, true, []string{
			`<strong>BẢN NHÁP — chưa xuất bản.</strong>`,
			`<strong>Hẹn đăng ngày 08:30, 16/01/2026.</strong>`,
			`<meta name="robots" content="noindex">`,
			`<meta name="twitter:card" content="summary">`,
		}, []string{`og:image`, `<figure`, `prev-next`, `Bài liên quan`, `application/ld+json`, `rel="canonical"`}},
		{"home", "home", homeData(), true, []string{
			`<title>Chuyên mục Cải cách hành chính</title>`,
			`<link rel="canonical" href="https://dienchau.example/cchc/">`,
			`<meta property="og:type" content="website">`,
			`<link rel="alternate" type="application/rss+xml" title="Chuyên mục Cải cách hành chính (RSS)" href="/cchc/rss.xml">`,
			`<a href="/cchc/" aria-current="page">Trang chủ</a>`,
			`<h2 id="tin-noi-bat">Tin nổi bật</h2>`,
			`<h3 class="card-title"><a href="/cchc/bai-viet/noi-bat/">Xã Diễn Châu đạt 100% hồ sơ đúng hạn</a></h3>`,
			`<time datetime="2026-03-02T09:00:00&#43;07:00">02/03/2026</time>`,
			`<p class="card-summary">Tóm tắt: Bài A.</p>`,
			`<li><a href="/cchc/chu-de/papi/">PAPI</a></li>`,
			`<a href="/cchc/bai-viet/">Xem tất cả: Tin bài<span class="count"> (9 bài)</span></a>`,
			`<a href="/cchc/chu-de/mot-cua/">Một cửa, một cửa liên thông</a> <span class="count">4<span class="visually-hidden"> bài</span></span>`,
		}, []string{`Chưa có bài viết`, `<a href="/cchc/chu-de/papi/">PAPI</a> <span class="count">`}},
		{"home without articles", "home", emptyHome, true, []string{`<p class="empty">Chưa có bài viết nào.</p>`}, []string{`Tin nổi bật`}},
		{"section page 2", "section", listData("section"), true, []string{
			`<title>Tin bài | Chuyên mục Cải cách hành chính</title>`,
			`<link rel="canonical" href="https://dienchau.example/cchc/bai-viet/trang/2/">`,
			`<nav class="pager" aria-label="Phân trang">`,
			`<a href="/cchc/bai-viet/trang/2/" aria-current="page"><span class="visually-hidden">Trang </span>2</a>`,
			`<a href="/cchc/bai-viet/" rel="prev">‹ Trang trước</a>`,
			`<a href="/cchc/bai-viet/trang/3/" rel="next">Trang sau ›</a>`,
			`Trang 2/3`,
			`<h2 class="card-title"><a href="/cchc/bai-viet/a/">Bài A</a></h2>`,
			`<li><span aria-current="page">Trang 2</span></li>`,
			`<a href="/cchc/bai-viet/rss.xml">Theo dõi qua RSS</a>`,
		}, nil},
		{"topic on one page", "topic", onePage, true, []string{
			`<h1>Chuyển đổi số</h1>`,
			`<a href="/cchc/chu-de/chuyen-doi-so/" aria-current="page">Chuyển đổi số</a>`,
		}, []string{`Phân trang`, `Trang 2/3`}},
		{"topics", "topics", topics, true, []string{
			`<h2><a href="/cchc/chu-de/dich-vu-cong/">Dịch vụ công trực tuyến</a></h2>`,
			`<p class="count">2 bài viết</p>`,
			`<p>Hướng dẫn nộp hồ sơ trực tuyến.</p>`,
			`<p class="count">Chưa có bài viết</p>`,
			`<a href="/cchc/chu-de/" aria-current="page">Tất cả chủ đề</a>`,
		}, nil},
		{"page", "page", stand, true, []string{
			`<h1>Giới thiệu chuyên mục</h1>`,
			`<p>Chuyên mục do Văn phòng HĐND-UBND xã quản lý.</p>`,
			`<link rel="canonical" href="https://dienchau.example/cchc/gioi-thieu/">`,
		}, []string{"BẢN NHÁP"}},
		{"404", "404", notFound, true, []string{
			`<h1>Không tìm thấy trang</h1>`,
			`<meta name="robots" content="noindex">`,
			`<a href="/cchc/">Về trang chủ Chuyên mục Cải cách hành chính</a>`,
		}, []string{`rel="canonical"`, `href="bai-viet`, `href="chu-de`}},
		{"alias", "alias", alias, false, []string{
			`<html lang="vi">`,
			`<meta name="robots" content="noindex">`,
			`<link rel="canonical" href="https://dienchau.example/cchc/bai-viet/moi/">`,
			`<meta http-equiv="refresh" content="0; url=/cchc/bai-viet/moi/">`,
			`<a href="/cchc/bai-viet/moi/">Bài mới</a>`,
		}, []string{`<header`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A fresh Set per page: partialCached keeps what one site
			// renders, and these cases are not all the same site.
			out := render(t, newTestSet(t, nil), tt.layout, tt.data)
			want := tt.want
			if tt.base {
				want = append(want[:len(want):len(want)], everyPage...)
			}
			for _, s := range want {
				if !strings.Contains(out, s) {
					t.Errorf("output lacks %s", s)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(out, s) {
					t.Errorf("output has %s", s)
				}
			}
			if t.Failed() {
				t.Logf("output:\n%s", out)
			}
		})
	}
}

func TestAbsWithoutBaseURL(t *testing.T) {
	env := testEnv()
	env.BaseURL = ""
	env.BasePath = "cchc" // normalised to /cchc/
	set, diags := New(cchc.Theme(), nil, env)
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	out := render(t, set, "article", articleData())
	for _, want := range []string{
		`<link rel="canonical" href="/cchc/bai-viet/mot-cua-lien-thong/">`,
		`<meta property="og:image" content="/cchc/bai-viet/mot-cua-lien-thong/anh-bia.jpg">`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s", want)
		}
	}
}

func TestSiteOverridesLayouts(t *testing.T) {
	site := fstest.MapFS{
		"layouts/article.html":         {Data: []byte(`{{define "main"}}<p class="site-article">{{.Title}} — {{shortDate .Page.Date}}</p>{{end}}`)},
		"layouts/partials/footer.html": {Data: []byte(`<footer class="site-own-footer">{{.Site.Organization}}</footer>`)},
		"layouts/van-ban.html":         {Data: []byte(`{{define "main"}}<p>Văn bản: {{.Title}}</p>{{end}}`)},
	}
	set := newTestSet(t, site)
	article := render(t, set, "article", articleData())
	for _, want := range []string{
		`<p class="site-article">Bộ phận Một cửa xã Diễn Châu tiếp nhận hồ sơ đất đai trực tuyến — 16/01/2026</p>`,
		`<footer class="site-own-footer">UBND xã Diễn Châu</footer>`,
		`<header class="site-header">`, // the theme's partial, not overridden
	} {
		if !strings.Contains(article, want) {
			t.Errorf("article lacks %s", want)
		}
	}
	if strings.Contains(article, "Bài liên quan") {
		t.Error("the theme's article layout was used")
	}
	home := render(t, set, "home", homeData())
	if !strings.Contains(home, `<footer class="site-own-footer">`) || !strings.Contains(home, `Tin bài mới`) {
		t.Error("home should keep the theme layout with the site's footer")
	}
	if out := render(t, set, "van-ban", &Data{Site: testSite(), Title: "Kế hoạch 35/KH-UBND"}); !strings.Contains(out, "<p>Văn bản: Kế hoạch 35/KH-UBND</p>") {
		t.Errorf("a layout only the site has did not render:\n%s", out)
	}
}

func TestLayoutErrorsAreDiagnostics(t *testing.T) {
	tests := []struct {
		name string
		site fstest.MapFS
		want []string
	}{
		{"syntax", fstest.MapFS{"layouts/article.html": {Data: []byte("{{define \"main\"}}\n<h1>{{.Title}}</h1>\n<p>{{.Title}</p>\n{{end}}\n")}}, []string{
			`layouts/article.html:3: lỗi: mẫu trang sai cú pháp: bad character U+007D '}' — kiểm tra cặp dấu {{ }} và cú pháp của lệnh ở dòng này`,
		}},
		{"unclosed block in a partial", fstest.MapFS{"layouts/partials/footer.html": {Data: []byte("<footer>\n{{if .Site.Contact.Phone}}\n</footer>\n")}}, []string{
			`layouts/partials/footer.html:4: lỗi: mẫu trang sai cú pháp: unexpected EOF — mỗi {{if}}, {{range}}, {{with}}, {{define}}, {{block}} phải đóng bằng đúng một {{end}}`,
		}},
		{"unknown function", fstest.MapFS{"layouts/home.html": {Data: []byte("{{define \"main\"}}{{ngay .Site.Updated}}{{end}}")}}, []string{
			`layouts/home.html:1: lỗi: mẫu trang sai cú pháp: function "ngay" not defined — hàm này không có; các hàm dùng được: abs, add, asset, clock, dateTime, dict, fileSize, host, isoDate, json, longDate, partialCached, qr, rel, sameDay, shortDate, slug, sub, tel, topic, year`,
		}},
		{"unsafe HTML context", fstest.MapFS{"layouts/page.html": {Data: []byte("{{define \"main\"}}\n<a href=\"{{rel .URL}}\n{{end}}")}}, []string{
			`layouts/page.html: lỗi: mẫu trang không an toàn để sinh HTML: trang kết thúc khi một thẻ hoặc thuộc tính HTML chưa đóng — kiểm tra các thẻ HTML và dấu ngoặc kép của thuộc tính quanh vị trí này`,
		}},
		{"branches end in different contexts", fstest.MapFS{"layouts/topics.html": {Data: []byte("{{define \"main\"}}\n<p>\n<a {{if .Title}}href=\"{{end}}x\">\n{{end}}")}}, []string{
			`layouts/topics.html:3:9: lỗi: mẫu trang không an toàn để sinh HTML: {{if}} branches end in different contexts: {stateURL delimDoubleQuote urlPartNone jsCtxRegexp [] attrURL elementNone <nil>}, {stateTag delimNone urlPartNone jsCtxRegexp [] attrNone elementNone <nil>} — kiểm tra các thẻ HTML và dấu ngoặc kép của thuộc tính quanh vị trí này`,
		}},
		{"missing layout", fstest.MapFS{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			theme := fs.FS(cchc.Theme())
			if tt.want == nil { // a theme without its 404 layout
				theme = withoutFile{theme, "layouts/404.html"}
				tt.want = []string{`layouts/404.html: lỗi: thiếu mẫu trang "404" — thêm tệp này vào thư mục layouts/`}
			}
			set, diags := New(theme, tt.site, testEnv())
			if set != nil {
				t.Error("New returned a set despite errors")
			}
			if len(diags) == 0 {
				t.Fatal("no diagnostics")
			}
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("diagnostics:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// withoutFile hides one file of a file system.
type withoutFile struct {
	fs.FS
	hidden string
}

func (w withoutFile) Open(name string) (fs.File, error) {
	if name == w.hidden {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return w.FS.Open(name)
}

func (w withoutFile) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(w.FS, name)
	return slices.DeleteFunc(entries, func(e fs.DirEntry) bool { return name+"/"+e.Name() == w.hidden }), err
}

func TestExecuteErrors(t *testing.T) {
	site := fstest.MapFS{
		"layouts/article.html": {Data: []byte("{{define \"main\"}}\n<p>\n<img src=\"{{asset \"img/khong-co.png\"}}\" alt=\"\">\n</p>{{end}}")},
	}
	set := newTestSet(t, site)
	err := set.Execute(io.Discard, "article", articleData())
	if err == nil {
		t.Fatal("an unknown asset did not fail the page")
	}
	want := `layouts/article.html:3:13: lỗi: không dựng được trang theo mẫu: executing "main" at <asset "img/khong-co.png">: error calling asset: không có tài nguyên "img/khong-co.png" trong thư mục assets/ — kiểm tra tên trường, tên hàm và giá trị có thể trống (dùng {{with}}) ở vị trí này`
	if got := set.Diagnostic(err).String(); got != want {
		t.Errorf("diagnostic:\n got %s\nwant %s", got, want)
	}

	err = set.Execute(io.Discard, "khong-co", articleData())
	if want := `không có mẫu trang "khong-co" (layouts/khong-co.html)`; err == nil || err.Error() != want {
		t.Errorf("unknown layout: got %v, want %s", err, want)
	}

	var exec texttemplate.ExecError
	err = set.Execute(io.Discard, "home", &Data{Site: testSite(), List: []*content.Page{{Title: "x", Topics: []string{"khong-co"}}}})
	if !errors.As(err, &exec) || !strings.Contains(err.Error(), `không có chủ đề "khong-co" trong danh mục chủ đề`) {
		t.Errorf("unknown topic: got %v", err)
	}
}

func TestFuncs(t *testing.T) {
	fm := funcs(normalize(testEnv()), nil)
	call := func(name string, args ...any) any {
		out := reflect.ValueOf(fm[name]).Call(valuesOf(args))
		if len(out) == 2 && !out[1].IsNil() {
			return out[1].Interface().(error).Error()
		}
		return out[0].Interface()
	}
	noBase := funcs(normalize(Env{BasePath: "/"}), nil)
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"rel", call("rel", "bai-viet/x/"), "/cchc/bai-viet/x/"},
		{"rel home", call("rel", ""), "/cchc/"},
		{"rel leading slash", call("rel", "/404.html"), "/cchc/404.html"},
		{"abs", call("abs", "bai-viet/x/"), "https://dienchau.example/cchc/bai-viet/x/"},
		{"abs without base URL", noBase["abs"].(func(string) string)("rss.xml"), "/rss.xml"},
		{"asset", call("asset", "css/style.css"), "/cchc/assets/css/style.0a1b2c3d4e.css"},
		{"asset unknown", call("asset", "css/x.css"), `không có tài nguyên "css/x.css" trong thư mục assets/`},
		{"topic", call("topic", "papi"), testTopics()[3]},
		{"shortDate", call("shortDate", date("2026-07-05 08:00")), "05/07/2026"},
		{"longDate", call("longDate", date("2026-07-05 08:00")), "Chủ nhật, ngày 05 tháng 7 năm 2026"},
		{"longDate across midnight UTC", call("longDate", time.Date(2026, 1, 15, 20, 0, 0, 0, time.UTC)), "Thứ Sáu, ngày 16 tháng 01 năm 2026"},
		{"isoDate", call("isoDate", date("2026-01-16 08:30")), "2026-01-16T08:30:00+07:00"},
		{"year in Vietnam", call("year", time.Date(2025, 12, 31, 18, 0, 0, 0, time.UTC)), 2026},
		{"json escapes script end", call("json", map[string]string{"a": "</script>&"}), template.JS(`{"a":"\u003c/script\u003e\u0026"}`)},
		{"tel", call("tel", "+84 238 3862-123"), template.URL("tel:+842383862123")},
		{"dict", call("dict", "Page", 1, "Heading", 2), map[string]any{"Page": 1, "Heading": 2}},
		{"dict odd", call("dict", "Page"), "dict cần số tham số chẵn (tên, giá trị…), có 1"},
		{"add", call("add", 2, 3), 5},
		{"sub", call("sub", 2, 3), -1},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s: got %#v, want %#v", tt.name, tt.got, tt.want)
		}
	}
}

func valuesOf(args []any) []reflect.Value {
	vs := make([]reflect.Value, len(args))
	for i, a := range args {
		vs[i] = reflect.ValueOf(a)
	}
	return vs
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"": "/", "/": "/", "cchc": "/cchc/", "/cchc": "/cchc/", "/a/b/": "/a/b/"} {
		if got := normalize(Env{BasePath: in}).BasePath; got != want {
			t.Errorf("normalize(%q) = %q, want %q", in, got, want)
		}
	}
	if got := normalize(Env{BaseURL: "https://x.example/cchc"}).BaseURL; got != "https://x.example/cchc/" {
		t.Errorf("BaseURL = %q", got)
	}
}

// FuzzSiteLayout feeds arbitrary text as a site's article layout: New must
// not panic, and either give a set or diagnostics that name a layout file.
func FuzzSiteLayout(f *testing.F) {
	f.Add(`{{define "main"}}<p>{{.Title}}</p>{{end}}`)
	f.Add("{{define \"main\"}}\n<a href=\"{{rel .URL}}\n{{end}}")
	f.Add(`{{template "partials/khong-co.html" .}}`)
	f.Add(`{{define "baseof.html"}}{{end}}`)
	f.Add(`{{define "main"}}{{template "main" .}}{{end}}`)
	theme := cchc.Theme()
	f.Fuzz(func(t *testing.T, text string) {
		site := fstest.MapFS{"layouts/article.html": {Data: []byte(text)}}
		set, diags := New(theme, site, testEnv())
		if (set == nil) != diags.HasErrors() {
			t.Fatalf("set %v with diagnostics %v", set != nil, diags)
		}
		for _, d := range diags {
			if !strings.HasPrefix(d.Pos.File, "layouts/") {
				t.Errorf("diagnostic without a layout file: %s", d)
			}
		}
	})
}

// TestThemeAssetsResolve renders every page of the default theme with the
// manifest of its real assets: each asset a layout asks for exists.
func TestThemeAssetsResolve(t *testing.T) {
	res, diags := assets.Build(cchc.Theme(), nil)
	if len(diags) != 0 {
		t.Fatalf("theme assets: %v", diags)
	}
	env := testEnv()
	env.Assets = res.Manifest
	set, diags := New(cchc.Theme(), nil, env)
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	for _, page := range requiredPages() {
		d := listData(page)
		if page == "article" {
			d = articleData()
		}
		var b strings.Builder
		if err := set.Execute(&b, page, d); err != nil {
			t.Errorf("%s: %v", page, err)
		}
		if page != "alias" && !strings.Contains(b.String(), `href="/cchc/`+res.Manifest["css/style.css"]+`"`) {
			t.Errorf("%s does not link the fingerprinted stylesheet", page)
		}
	}
}

func TestHugoLayoutsAreIgnoredWithAWarning(t *testing.T) {
	site := fstest.MapFS{
		"hugo.toml":                    {Data: []byte("baseURL = \"/\"\n")},
		"layouts/index.html":           {Data: []byte(`{{ range first 20 site.RegularPages }}{{ end }}`)},
		"layouts/partials/pager.html":  {Data: []byte(`{{ $p := .Paginator }}{{ partial "x" . }}`)},
		"layouts/_default/single.html": {Data: []byte(`{{ .Content }}`)},
	}
	set, ds := New(cchc.Theme(), site, Env{BasePath: "/"})
	if set == nil {
		t.Fatalf("Hugo layouts broke the set: %v", ds)
	}
	want := "layouts/: cảnh báo: bỏ qua thư mục layouts/: đây là mẫu của Hugo (site có tệp hugo.toml), cchc dùng mẫu mặc định — để ghi đè mẫu của cchc, dùng một thư mục site không có cấu hình Hugo"
	if len(ds) != 1 || ds[0].String() != want {
		t.Errorf("diagnostics %q", ds)
	}
}

func TestPartialCachedRendersOncePerKey(t *testing.T) {
	site := fstest.MapFS{
		"layouts/partials/dem.html": {Data: []byte(`<b>{{.}}</b>`)},
		"layouts/page.html":         {Data: []byte(`{{define "main"}}{{partialCached "partials/dem.html" .Title}}{{partialCached "partials/dem.html" .Title .Title}}{{end}}`)},
	}
	set := newTestSet(t, site)
	first := render(t, set, "page", &Data{Site: &SiteData{}, Kind: "page", Title: "một"})
	second := render(t, set, "page", &Data{Site: &SiteData{}, Kind: "page", Title: "hai"})
	// Without a key the first rendering serves every page; with the title
	// as key each title gets its own.
	if !strings.Contains(first, "<b>một</b><b>một</b>") || !strings.Contains(second, "<b>một</b><b>hai</b>") {
		t.Errorf("first:\n%s\nsecond:\n%s", first, second)
	}
}

// Keys of other types than string tell variants apart too: a card as
// heading 2 and as heading 3, and a key of any other type.
func TestPartialCachedKeysOfAnyType(t *testing.T) {
	site := fstest.MapFS{
		"layouts/partials/dem.html": {Data: []byte(`<b>{{.}}</b>`)},
		"layouts/page.html":         {Data: []byte(`{{define "main"}}{{partialCached "partials/dem.html" 2 2}}{{partialCached "partials/dem.html" 3 3}}{{partialCached "partials/dem.html" 4 true}}{{partialCached "partials/dem.html" 5 false}}{{partialCached "partials/dem.html" 6 "2"}}{{end}}`)},
	}
	got := render(t, newTestSet(t, site), "page", &Data{Site: &SiteData{}, Kind: "page"})
	// "2" as a string and 2 as a number name one variant, as fmt prints them.
	if !strings.Contains(got, "<b>2</b><b>3</b><b>4</b><b>5</b><b>2</b>") {
		t.Errorf("got:\n%s", got)
	}
}
