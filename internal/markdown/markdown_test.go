package markdown

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// render renders src with a Renderer of the given options and no resolver.
func render(t *testing.T, opts Options, src string) (Result, []Problem) {
	t.Helper()
	return New(opts).Render([]byte(src), nil)
}

func TestRenderHTML(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		// Raw HTML is shown as text, so the editor sees it on the page.
		{"inline raw HTML escaped", "a <b>x</b> c", "<p>a &lt;b&gt;x&lt;/b&gt; c</p>\n"},
		{"HTML block escaped", "<div class=\"x\">\nhi\n</div>", "<p>&lt;div class=&quot;x&quot;&gt;\nhi\n&lt;/div&gt;</p>\n"},
		{"script escaped", "<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"},
		{"comment block dropped", "<!-- ghi chú cho người duyệt -->\n\nchữ", "<p>chữ</p>\n"},
		{"inline comment dropped", "a <!-- x --> b", "<p>a  b</p>\n"},

		// Every spelling of a dangerous link leaves only its text.
		{"javascript", "[x](javascript:alert(1))", "<p>x</p>\n"},
		{"decimal entity", "[x](&#106;avascript:alert(1))", "<p>x</p>\n"},
		{"hex entity", "[x](&#x6A;avascript:alert(1))", "<p>x</p>\n"},
		{"named entity colon", "[x](javascript&colon;alert(1))", "<p>x</p>\n"},
		{"mixed case", "[x](JaVaScRiPt:alert(1))", "<p>x</p>\n"},
		{"tab inside", "[x](<java\tscript:alert(1)>)", "<p>x</p>\n"},
		{"tab entity inside", "[x](java&#9;script:alert(1))", "<p>x</p>\n"},
		{"named tab entity first", "[x](&Tab;javascript:alert(1))", "<p>x</p>\n"},
		{"leading spaces", "[x](<  javascript:alert(1)>)", "<p>x</p>\n"},
		{"vbscript", "[x](vbscript:msgbox(1))", "<p>x</p>\n"},
		{"file", "[x](file:///C:/Windows/win.ini)", "<p>x</p>\n"},
		{"data link", "[x](data:text/html;base64,PHNjcmlwdD4=)", "<p>x</p>\n"},
		{"data png as link", "[x](data:image/png;base64,iVBO)", "<p>x</p>\n"},
		{"reference definition", "[x]\n\n[x]: javascript:alert(1)", "<p>x</p>\n"},
		{"link with emphasis", "[**đậm** nhạt](javascript:void(0))", "<p><strong>đậm</strong> nhạt</p>\n"},
		{"autolink", "<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n"},
		{"dangerous image dropped", "![a](javascript:alert(1))", "<p></p>\n"},
		{"svg data image dropped", "a ![b](data:image/svg+xml;base64,PHN2Zz4=)", "<p>a </p>\n"},
		{"png data image kept", "![a](data:image/png;base64,iVBO)",
			`<p><img src="data:image/png;base64,iVBO" alt="a" loading="lazy" decoding="async"></p>` + "\n"},

		// Ordinary links.
		{"relative link", "[Bài khác](../bai-khac.md)", `<p><a href="../bai-khac.md">Bài khác</a></p>` + "\n"},
		{"title and spaces", `[a](<tệp có dấu.pdf> "Tải về")`,
			`<p><a href="t%E1%BB%87p%20c%C3%B3%20d%E1%BA%A5u.pdf" title="Tải về">a</a></p>` + "\n"},
		{"entity decoded once", "[a](?x=1&amp;y=2)", `<p><a href="?x=1&amp;y=2">a</a></p>` + "\n"},
		{"autolink url", "<https://dichvucong.gov.vn>", `<p><a href="https://dichvucong.gov.vn">https://dichvucong.gov.vn</a></p>` + "\n"},
		{"linkify www", "xem www.dienchau.gov.vn nhé", `<p>xem <a href="http://www.dienchau.gov.vn">www.dienchau.gov.vn</a> nhé</p>` + "\n"},
		{"linkify email", "gửi vp@dienchau.gov.vn", `<p>gửi <a href="mailto:vp@dienchau.gov.vn">vp@dienchau.gov.vn</a></p>` + "\n"},
		{"tel", "[Gọi](tel:+842383862000)", `<p><a href="tel:+842383862000">Gọi</a></p>` + "\n"},

		// Images are lazy.
		{"image attributes", `![Ảnh hội nghị](hoi-nghi.jpg "Hội nghị")`,
			`<p><img src="hoi-nghi.jpg" alt="Ảnh hội nghị" title="Hội nghị" loading="lazy" decoding="async"></p>` + "\n"},
		{"image alt is plain text", "![a *b* `c`d&amp;](x.png)", `<p><img src="x.png" alt="a b cd&amp;" loading="lazy" decoding="async"></p>` + "\n"},

		// Headings get ASCII ids, unique in the page.
		{"vietnamese heading", "## Mục tiêu năm 2026", `<h2 id="muc-tieu-nam-2026">Mục tiêu năm 2026</h2>` + "\n"},
		{"duplicate headings", "## Mục tiêu\n\n## Mục tiêu\n\n### Mục tiêu 1",
			`<h2 id="muc-tieu">Mục tiêu</h2>` + "\n" + `<h2 id="muc-tieu-1">Mục tiêu</h2>` + "\n" + `<h3 id="muc-tieu-1-1">Mục tiêu 1</h3>` + "\n"},
		{"heading without letters", "## ***\n\n## ???", `<h2 id="muc">***</h2>` + "\n" + `<h2 id="muc-1">???</h2>` + "\n"},
		{"heading id from text not markup", "## Về [Nghị định 30/2020](https://x.vn) **mới**",
			`<h2 id="ve-nghi-dinh-30-2020-moi">Về <a href="https://x.vn">Nghị định 30/2020</a> <strong>mới</strong></h2>` + "\n"},
		{"setext heading", "Đường dây nóng\n---", `<h2 id="duong-day-nong">Đường dây nóng</h2>` + "\n"},

		// GFM and footnotes.
		{"table wrapper", "| a | b |\n|:--|--:|\n| 1 | 2 |",
			`<div class="bang-cuon" role="region" tabindex="0" aria-label="Bảng 1">` + "\n<table>\n<thead>\n<tr>\n" +
				`<th style="text-align:left">a</th>` + "\n" + `<th style="text-align:right">b</th>` + "\n</tr>\n</thead>\n<tbody>\n<tr>\n" +
				`<td style="text-align:left">1</td>` + "\n" + `<td style="text-align:right">2</td>` + "\n</tr>\n</tbody>\n</table>\n</div>\n"},
		{"footnote", "Theo Nghị định[^1].\n\n[^1]: Nghị định 30/2020/NĐ-CP.",
			`<p>Theo Nghị định<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>.</p>` + "\n" +
				`<div class="footnotes" role="doc-endnotes">` + "\n<hr>\n<ol>\n" + `<li id="fn:1">` + "\n" +
				`<p>Nghị định 30/2020/NĐ-CP.&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p>` + "\n</li>\n</ol>\n</div>\n"},
		{"task list", "- [ ] Tiếp nhận\n- [x] Trả kết quả",
			"<ul>\n" + `<li><input disabled="" type="checkbox" aria-label="Chưa xong"> Tiếp nhận</li>` + "\n" +
				`<li><input checked="" disabled="" type="checkbox" aria-label="Đã xong"> Trả kết quả</li>` + "\n</ul>\n"},
		{"tables numbered in document order, also inside a list",
			"| a |\n|---|\n| 1 |\n\n- mục\n\n  | b |\n  |---|\n  | 2 |\n\n| c |\n|---|\n| 3 |",
			`<div class="bang-cuon" role="region" tabindex="0" aria-label="Bảng 1">` + "\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n</div>\n" +
				"<ul>\n<li>mục\n" + `<div class="bang-cuon" role="region" tabindex="0" aria-label="Bảng 2">` + "\n<table>\n<thead>\n<tr>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n</div>\n</li>\n</ul>\n" +
				`<div class="bang-cuon" role="region" tabindex="0" aria-label="Bảng 3">` + "\n<table>\n<thead>\n<tr>\n<th>c</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>3</td>\n</tr>\n</tbody>\n</table>\n</div>\n"},
		{"strikethrough", "~~cũ~~ mới", "<p><del>cũ</del> mới</p>\n"},
		{"no typographer", `"trích dẫn" -- a...`, "<p>&quot;trích dẫn&quot; -- a...</p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _ := render(t, Options{}, tt.src)
			if got := string(res.HTML); got != tt.want {
				t.Errorf("Render(%q)\n got %q\nwant %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestHeadingIDFromDecomposedText(t *testing.T) {
	res, _ := render(t, Options{}, "## "+norm.NFD.String("Chuyển đổi số"))
	if len(res.Headings) != 1 || res.Headings[0].ID != "chuyen-doi-so" {
		t.Errorf("Headings = %+v, want one with id chuyen-doi-so", res.Headings)
	}
}

func TestRenderUnsafe(t *testing.T) {
	tests := []struct {
		name, src, want string
		problems        int
	}{
		{"HTML block passes", "<div class=\"x\">\nhi\n</div>", "<div class=\"x\">\nhi\n</div>\n", 0},
		{"inline HTML passes", "a <b>x</b>", "<p>a <b>x</b></p>\n", 0},
		{"comment passes", "<!-- x -->", "<!-- x -->\n", 0},
		{"markdown link still refused", "[x](javascript:alert(1))", "<p>x</p>\n", 1},
		{"script URL in raw HTML escaped", `a <a href="javascript:alert(1)">x</a>`,
			"<p>a &lt;a href=&quot;javascript:alert(1)&quot;&gt;x</a></p>\n", 1},
		{"script URL in HTML block escaped", "<div>\n<img src=x onerror=y href=' JavaScript:alert(1)'>\n</div>",
			"<p>&lt;div&gt;\n&lt;img src=x onerror=y href=' JavaScript:alert(1)'&gt;\n&lt;/div&gt;</p>\n", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, problems := render(t, Options{Unsafe: true}, tt.src)
			if got := string(res.HTML); got != tt.want {
				t.Errorf("Render(%q)\n got %q\nwant %q", tt.src, got, tt.want)
			}
			if len(problems) != tt.problems {
				t.Errorf("problems = %+v, want %d", problems, tt.problems)
			}
		})
	}
}

func TestRawHTMLWarning(t *testing.T) {
	_, problems := render(t, Options{}, "Đoạn một.\n\nChữ <b>đậm</b> và <i>nghiêng</i>.\n\n<!-- ghi chú -->")
	want := []Problem{{
		Line:    3,
		Col:     5,
		Warning: true,
		Message: "bài viết có mã HTML, mã này được hiển thị nguyên văn như chữ",
		Hint:    "dùng cú pháp Markdown thay cho thẻ HTML (ví dụ **chữ đậm**, [liên kết](địa-chỉ)); nếu trang cần HTML, người quản trị bật markdown.unsafe trong site.yaml",
	}}
	assertProblems(t, problems, want)
}

func TestDangerousLinkProblems(t *testing.T) {
	_, problems := render(t, Options{}, "Dòng một.\n\nXem [đây](JavaScript:alert(1)) và ![ảnh](data:text/html,x).")
	want := []Problem{
		{
			Line:    3,
			Col:     5,
			Message: "liên kết dùng địa chỉ “javascript:” không được phép, trang chỉ giữ lại chữ của liên kết",
			Hint:    "chỉ dùng liên kết http://, https://, mailto:, tel: hoặc liên kết tới bài viết khác, ví dụ: [Cổng Dịch vụ công](https://dichvucong.gov.vn)",
		},
		{
			Line:    3,
			Col:     35,
			Message: "ảnh dùng địa chỉ “data:” không được phép, ảnh đã bị bỏ khỏi trang",
			Hint:    "lưu ảnh thành tệp (JPG, PNG, WEBP) đặt cạnh bài viết rồi ghi tên tệp, ví dụ: ![Mô tả ảnh](anh-hoi-nghi.jpg)",
		},
	}
	assertProblems(t, problems, want)
}

func TestFirstParaAndText(t *testing.T) {
	tests := []struct {
		name, src, firstPara, text string
	}{
		{
			"skips heading and image paragraph",
			"# Tiêu đề\n\n![Ảnh](a.jpg)\n\nNgày 16/01, UBND xã\n**tổ chức** hội nghị &amp; [tập huấn](x.md).\n\nĐoạn hai.",
			"Ngày 16/01, UBND xã tổ chức hội nghị & tập huấn.",
			"Tiêu đề Ngày 16/01, UBND xã tổ chức hội nghị & tập huấn. Đoạn hai.",
		},
		{
			"paragraph inside a list is not first",
			"- mục một\n- mục hai\n\nĐoạn   chính.",
			"Đoạn chính.",
			"mục một mục hai Đoạn chính.",
		},
		{
			"code, tables and footnotes in text",
			"Mã `TTHC-01`.\n\n```\nfmt.Println()\n```\n\n| Thủ tục | Phí |\n|---|---|\n| Khai sinh | 0 đ |\n\nChú thích[^a].\n\n[^a]: Theo luật.",
			"Mã TTHC-01.",
			"Mã TTHC-01. fmt.Println() Thủ tục Phí Khai sinh 0 đ Chú thích. Theo luật.",
		},
		{
			"escaped raw HTML is not text",
			"<div>\nx\n</div>\n\nChữ <b>b</b>.",
			"Chữ b.",
			"Chữ b.",
		},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _ := render(t, Options{PlainText: true}, tt.src)
			if res.FirstPara != tt.firstPara {
				t.Errorf("FirstPara = %q, want %q", res.FirstPara, tt.firstPara)
			}
			if res.Text != tt.text {
				t.Errorf("Text = %q, want %q", res.Text, tt.text)
			}
		})
	}
}

func TestHeadings(t *testing.T) {
	res, _ := render(t, Options{}, "# Kế hoạch\n\n## Mục tiêu\n\n> ## Mục tiêu\n\n### Tổ chức *thực hiện*")
	want := []Heading{
		{Level: 1, ID: "ke-hoach", Text: "Kế hoạch"},
		{Level: 2, ID: "muc-tieu", Text: "Mục tiêu"},
		{Level: 2, ID: "muc-tieu-1", Text: "Mục tiêu"},
		{Level: 3, ID: "to-chuc-thuc-hien", Text: "Tổ chức thực hiện"},
	}
	if len(res.Headings) != len(want) {
		t.Fatalf("Headings = %+v, want %+v", res.Headings, want)
	}
	for i := range want {
		if res.Headings[i] != want[i] {
			t.Errorf("Headings[%d] = %+v, want %+v", i, res.Headings[i], want[i])
		}
	}
}

func TestRenderDoesNotPanicOnBadBytes(t *testing.T) {
	for _, src := range []string{"a\x00b [x](\x00javascript:1)", "\xff\xfe## \xc3", "[\xff](\xff)", "<\x00div>"} {
		res, _ := render(t, Options{}, src)
		if strings.Contains(string(res.HTML), "javascript:") {
			t.Errorf("Render(%q) = %q, has javascript:", src, res.HTML)
		}
	}
}

func assertProblems(t *testing.T, got, want []Problem) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("problems = %+v\nwant %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("problem %d\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

// TestLineIndexPositions: the position of an offset is the same whatever
// was asked before (the index counts on from its last answer on a line).
func TestLineIndexPositions(t *testing.T) {
	src := []byte("một hai\nba\n\nđường dẫn www.a.vn và www.b.vn\n")
	want := func(off int) (int, int) {
		line, col := 1, 1
		for _, r := range string(src[:off]) {
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
		}
		return line, col
	}
	x := newLineIndex(src)
	for _, off := range []int{0, 4, 9, 12, 30, 20, 45, 13, 12, 44, 8, 0, len(src), -3, len(src) + 9} {
		wl, wc := want(min(max(off, 0), len(src)))
		if l, c := x.position(off); l != wl || c != wc {
			t.Errorf("position(%d) = %d:%d, want %d:%d", off, l, c, wl, wc)
		}
	}
}
