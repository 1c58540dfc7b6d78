package layout

import (
	"strings"
	"testing"
	"time"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/qrtest"
)

func TestQRFunc(t *testing.T) {
	const url = "https://dienchau.example/cchc/thu-tuc/a/"
	tests := []struct {
		name    string
		args    []string
		title   string // the accessible name, escaped
		wantErr string
	}{
		{"default name", []string{url}, "<title>Mã QR: " + url + "</title>", ""},
		{"given name", []string{url, "Mã QR mở trang này & in"}, "<title>Mã QR mở trang này &amp; in</title>", ""},
		{"empty name is the default", []string{url, ""}, "<title>Mã QR: " + url + "</title>", ""},
		{"too many", []string{url, "a", "b"}, "", "qr cần một địa chỉ và có thể thêm một tên, có 3 tham số"},
		{"nothing to encode", []string{""}, "", `không vẽ được mã QR cho "": địa chỉ trống, không có gì để mã hóa`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := qr(tt.args[0], tt.args[1:]...)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || !strings.Contains(string(got), tt.title) {
				t.Fatalf("qr = %s, %v; want the title %s", got, err, tt.title)
			}
			if text, err := qrtest.Read(string(got)); err != nil || text != url {
				t.Errorf("the code reads %q, %v", text, err)
			}
		})
	}
}

func procedurePage() *content.Page {
	return &content.Page{
		Title: "Đăng ký khai sinh", URL: "thu-tuc/dang-ky-khai-sinh/", Slug: "dang-ky-khai-sinh",
		Proc: &content.Procedure{
			Code: "1.001193", Field: "Hộ tịch", Level: content.LevelFull,
			Duration: "Ngay trong ngày làm việc", Fee: "Miễn lệ phí",
			Papers:    []string{"Tờ khai đăng ký khai sinh", "Giấy chứng sinh"},
			Place:     "Trung tâm Phục vụ hành chính công xã",
			OnlineURL: "https://dichvucong.gov.vn/p/1.001193",
		},
	}
}

// TestLeafletLayout renders a procedure's leaflet: its fields, the codes
// that apply, and no site navigation.
func TestLeafletLayout(t *testing.T) {
	set := newTestSet(t, nil)
	const online = `<title>Mã QR mở trang nộp hồ sơ trực tuyến: https://dichvucong.gov.vn/p/1.001193</title>`
	const page = `<title>Mã QR mở trang thủ tục trên Chuyên mục Cải cách hành chính: https://dienchau.example/cchc/thu-tuc/dang-ky-khai-sinh/</title>`
	tests := []struct {
		name        string
		edit        func(d *Data)
		want, avoid []string
	}{
		{"everything", func(d *Data) { d.Site.Contact.Hours = "Sáng 7 giờ 30 – 11 giờ 30" }, []string{
			`<meta name="robots" content="noindex">`,
			`<link rel="stylesheet" href="/cchc/assets/css/leaflet.abcdef0123.css">`,
			`<script src="/cchc/assets/js/print.0123abcdef.js" defer></script>`,
			`<a class="skip-link" href="#noi-dung">Bỏ qua, đến tờ rơi</a>`,
			`<button class="print-button" type="button" data-print hidden>In tờ rơi</button>`,
			`<a href="/cchc/thu-tuc/dang-ky-khai-sinh/">Đăng ký khai sinh</a>`,
			`<span class="sheet-org">UBND xã Diễn Châu · Nghệ An</span>`,
			`Thủ tục hành chính · Lĩnh vực Hộ tịch · Mã 1.001193</p>`,
			`<h1 class="sheet-title">Đăng ký khai sinh</h1>`,
			`<p class="sheet-level"><strong>Mức độ: Toàn trình</strong> — nộp hồ sơ, nộp phí và nhận kết quả trực tuyến</p>`,
			`<h2 class="sheet-heading">Hồ sơ cần mang theo</h2>`,
			"<li>Tờ khai đăng ký khai sinh</li>\n<li>Giấy chứng sinh</li>",
			`<div><dt>Thời hạn giải quyết</dt> <dd>Ngay trong ngày làm việc</dd></div>`,
			`<div><dt>Phí, lệ phí</dt> <dd>Miễn lệ phí</dd></div>`,
			`<div><dt>Nơi nộp hồ sơ</dt> <dd>Trung tâm Phục vụ hành chính công xã</dd></div>`,
			`<div><dt>Giờ tiếp nhận</dt> <dd>Sáng 7 giờ 30 – 11 giờ 30</dd></div>`,
			online, page,
			`<strong>Nộp hồ sơ trực tuyến</strong> trên dichvucong.gov.vn <span class="sheet-url">https://dichvucong.gov.vn/p/1.001193</span>`,
			`<span class="sheet-url">https://dienchau.example/cchc/thu-tuc/dang-ky-khai-sinh/</span>`,
			`Điện thoại: 0238 3862 123`,
		}, []string{`class="site-nav"`, `class="site-footer"`, `rel="canonical"`, `sheet-dense`}},
		{"no hours, no base URL", func(d *Data) { d.Site.BaseURL = "" }, []string{online}, []string{"Giờ tiếp nhận", page, "https://dienchau.example"}},
		{"no online service", func(d *Data) { d.Page.Proc.OnlineURL = "" }, []string{page}, []string{online, "Nộp hồ sơ trực tuyến"}},
		{"neither code", func(d *Data) { d.Page.Proc.OnlineURL, d.Site.BaseURL = "", "" }, nil, []string{"<svg", "Quét mã QR"}},
		{"many papers", func(d *Data) { d.Page.Proc.Papers = []string{strings.Repeat("Giấy tờ rất dài ", 50)} }, []string{`<article class="sheet sheet-dense">`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := procedurePage()
			d := &Data{Site: testSite(), Kind: "thu-tuc-in", Title: "Tờ rơi: " + p.Title, URL: p.URL + "in/", Page: p,
				Breadcrumb: []Crumb{{Name: "Trang chủ"}, {Name: "Thủ tục hành chính", URL: "thu-tuc/"}, {Name: p.Title, URL: p.URL}, {Name: "Tờ rơi"}}}
			tt.edit(d)
			checkOutput(t, render(t, set, "thu-tuc-in", d), tt.want, tt.avoid)
		})
	}
}

// TestBookletLayout: a cover listing the procedures by field, numbered
// throughout, then one sheet per procedure under its number.
func TestBookletLayout(t *testing.T) {
	set := newTestSet(t, nil)
	a, b, c := procedurePage(), procedurePage(), procedurePage()
	b.Title, b.Proc = "Đăng ký thường trú", &content.Procedure{Field: "Cư trú", Level: content.LevelPartial}
	c.Title = "Đăng ký kết hôn"
	d := &Data{Site: testSite(), Kind: "thu-tuc-so-tay", Title: "Sổ tay thủ tục hành chính", URL: "thu-tuc/in/",
		List:   []*content.Page{b, c, a},
		Groups: []Group{{Title: "Cư trú", Pages: []*content.Page{b}}, {Title: "Hộ tịch", Pages: []*content.Page{c, a}}}}
	out := render(t, set, "thu-tuc-so-tay", d)
	checkOutput(t, out, []string{
		`<h1 id="so-tay" class="sheet-title">Sổ tay thủ tục hành chính</h1>`,
		`<p class="booklet-lead">3 thủ tục hành chính, mỗi thủ tục một trang`,
		"<h3 class=\"booklet-field\">Cư trú</h3>\n<ol class=\"booklet-contents\" start=\"1\">\n<li><a href=\"#thu-tuc-1\">Đăng ký thường trú</a> <span class=\"booklet-level\">(Một phần)</span></li>\n</ol>",
		"<h3 class=\"booklet-field\">Hộ tịch</h3>\n<ol class=\"booklet-contents\" start=\"2\">\n<li><a href=\"#thu-tuc-2\">Đăng ký kết hôn</a>",
		`<li><a href="#thu-tuc-3">Đăng ký khai sinh</a>`,
		`<article class="sheet" id="thu-tuc-1">`,
		`<span class="sheet-number">Số 1</span> Thủ tục hành chính · Lĩnh vực Cư trú</p>`,
		`<h2 class="sheet-title">Đăng ký thường trú</h2>`,
		`<h3 class="sheet-heading">Hồ sơ cần mang theo</h3>`,
		`<span class="sheet-number">Số 3</span>`,
	}, []string{`<h1 class="sheet-title">Đăng ký`, `id="thu-tuc-4"`})
	if n := strings.Count(out, `<article class="sheet`); n != 3 {
		t.Errorf("%d sheets, want 3", n)
	}
}

// TestPrintHeader: an article and an answer carry, for paper, the
// commune, the date and the address as text and as a code.
func TestPrintHeader(t *testing.T) {
	set := newTestSet(t, nil)
	const url = "https://dienchau.example/cchc/bai-viet/mot-cua-lien-thong/"
	for _, tt := range []struct {
		name        string
		layout      string
		edit        func(d *Data)
		want, avoid []string
	}{
		{"article", "article", func(*Data) {}, []string{
			`<div class="print-header">`,
			`<strong>UBND xã Diễn Châu · Nghệ An</strong><br>Chuyên mục Cải cách hành chính</p>`,
			`<p>Ngày đăng: 16/01/2026 · Cập nhật: 20/01/2026</p>`,
			`<p class="print-header-url">` + url + `</p>`,
			`<title>Mã QR mở trang này: ` + url + `</title>`,
		}, nil},
		{"answer", "hoi-dap", func(d *Data) {
			d.Kind = "hoi-dap"
			d.Page.QA = &content.Question{Question: "Hỏi?"}
			d.Page.Updated = time.Time{}
		}, []string{`<div class="print-header">`, `<p>Ngày đăng: 16/01/2026</p>`, `<title>Mã QR mở trang này: ` + url + `</title>`}, nil},
		{"no base URL", "article", func(d *Data) { d.Site.BaseURL = "" }, []string{`<p>Ngày đăng: 16/01/2026`},
			[]string{"print-header-url", `class="qr"`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := articleData()
			tt.edit(d)
			out := render(t, set, tt.layout, d)
			checkOutput(t, out, tt.want, tt.avoid)
			start := strings.Index(out, `<div class="print-header">`)
			if svg := out[start:]; strings.Contains(svg, "<svg") {
				svg = svg[strings.Index(svg, "<svg"):]
				if text, err := qrtest.Read(svg[:strings.Index(svg, "</svg>")+6]); err != nil || text != url {
					t.Errorf("the page's code reads %q, %v", text, err)
				}
			}
		})
	}
}

func checkOutput(t *testing.T, out string, want, avoid []string) {
	t.Helper()
	for _, s := range want {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %s", s)
		}
	}
	for _, s := range avoid {
		if strings.Contains(out, s) {
			t.Errorf("output has %s", s)
		}
	}
	if t.Failed() {
		t.Logf("output:\n%s", out)
	}
}
