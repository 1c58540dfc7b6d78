package serve

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
)

// longTitle is 71 characters: one too many for a share card.
var longTitle = strings.Repeat("Một cửa ", 9)

// warningsSite has an article with two editorial warnings (a title too
// long, no summary) and an unknown key the build warns about, another
// with no summary, and clean pages.
func warningsSite() map[string]string {
	return map[string]string{
		"site.yaml": "base_url: \"https://dienchau.example/cchc/\"\n",
		"content/bai-viet/a.md": "---\ntitle: \"" + longTitle + "\"\ndate: 2026-01-16\ntopics: [SIPAS]\ntac_gia_phu: \"X\"\n---\n" +
			"Nội dung ban đầu của bài A.\n",
		"content/bai-viet/b.md": "---\ntitle: \"Bài B\"\ndate: 2026-01-17\ntopics: [PAPI]\nsummary: \"Tóm tắt B.\"\n---\nBài B sạch.\n",
		"content/bai-viet/c.md": "---\ntitle: \"Bài C\"\ndate: 2026-01-18\ntopics: [PAPI]\n---\nBài C thiếu tóm tắt.\n",
		"content/gioi-thieu.md": "---\ntitle: \"Giới thiệu\"\n---\nTrang giới thiệu.\n",
	}
}

// containsInOrder reports the first of wants not found in s after the
// ones before it, or "".
func containsInOrder(s string, wants ...string) string {
	for _, w := range wants {
		i := strings.Index(s, w)
		if i < 0 {
			return w
		}
		s = s[i+len(w):]
	}
	return ""
}

// The preview shows each file's warnings, the build's and the editorial
// rules', in a panel on that file's page only; the home page counts them;
// a list page has them all. Saving the fix takes the panel away.
func TestWarningsPanelOnTheirPageUntilFixed(t *testing.T) {
	root := writeSite(t, warningsSite())
	w := newFakeWatcher()
	r := start(t, root, Options{Watcher: w})

	a := get(t, r.base+"/cchc/bai-viet/a/").body
	if miss := containsInOrder(a,
		`<aside id="cchc-canh-bao" class="cchc-cb" aria-label="Cảnh báo biên tập">`,
		`<summary>Trang này có 3 cảnh báo</summary>`,
		`<p>Trong tệp <code>content/bai-viet/a.md</code>.`,
		"<li><strong>Dòng 1:</strong> bài chưa có `summary` (tóm tắt): đoạn đầu tiên của bài sẽ được dùng làm tóm tắt<br>"+
			"<span class=\"cchc-cb-sua\">Cách sửa: thêm dòng `summary: &#34;…&#34;` nêu ý chính của bài trong một, hai câu (hiện ở danh sách bài, kết quả tìm kiếm và khi chia sẻ)</span></li>",
		"<li><strong>Dòng 2:</strong> `title` (tiêu đề) dài 71 ký tự, quá 70 ký tự nên bị cắt khi chia sẻ lên mạng xã hội<br>"+
			"<span class=\"cchc-cb-sua\">Cách sửa: rút gọn tiêu đề còn tối đa 70 ký tự; ý phụ đưa vào `summary` (tóm tắt)</span></li>",
		"<li><strong>Dòng 5, cột 1:</strong> khóa `tac_gia_phu` không được hỗ trợ, sẽ bị bỏ qua<br><span class=\"cchc-cb-sua\">Cách sửa: xóa dòng này nếu không dùng</span></li></ol>",
		`<a href="/cchc/_soan/sua?tep=content%2Fbai-viet%2Fa.md">Sửa bài này trên bàn soạn</a>`,
		`<a href="/cchc/_cchc/canh-bao/">Các tệp khác: 1 cảnh báo ở 1 tệp — xem danh sách</a>`,
		`</aside>`, `<a class="cchc-sua"`, `<script src="/cchc/_cchc/livereload.js"`,
	); miss != "" {
		t.Fatalf("the page of a.md lacks, or out of order, %q:\n%s", miss, a[strings.Index(a, "<aside"):])
	}
	for _, clean := range []string{"/cchc/bai-viet/b/", "/cchc/gioi-thieu/", "/cchc/khong-co/"} {
		if body := get(t, r.base+clean).body; strings.Contains(body, "cchc-canh-bao") {
			t.Errorf("%s has a warnings panel", clean)
		}
	}
	if c := get(t, r.base+"/cchc/bai-viet/c/").body; !strings.Contains(c, `<summary>Trang này có 1 cảnh báo</summary>`) ||
		strings.Contains(c, "tac_gia_phu") || !strings.Contains(c, "Các tệp khác: 3 cảnh báo ở 1 tệp") {
		t.Error("the page of c.md does not show its own warning alone, with a count of the others")
	}
	if home := get(t, r.base+"/cchc/").body; !strings.Contains(home, `<summary>Chuyên mục có 4 cảnh báo ở 2 tệp</summary>`) || strings.Contains(home, "<li><strong>Dòng") {
		t.Error("the home page does not count the site's warnings, or lists them")
	}
	list := get(t, r.base+"/cchc/_cchc/canh-bao/")
	if list.status != http.StatusOK || list.header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("the list: %d %q", list.status, list.header.Get("Content-Type"))
	}
	if miss := containsInOrder(list.body, `<p>4 cảnh báo ở 2 tệp.`,
		`<code>content/bai-viet/a.md</code></h2><p><a href="/cchc/bai-viet/a/">Xem trang</a> · <a href="/cchc/_soan/sua?tep=content%2Fbai-viet%2Fa.md">Sửa trên bàn soạn</a></p>`,
		`<code>content/bai-viet/c.md</code>`, `<script src="/cchc/_cchc/livereload.js"`); miss != "" {
		t.Errorf("the list lacks %q:\n%s", miss, list.body)
	}
	// The desk's list counts them with the build's.
	if desk := get(t, r.base+"/cchc/_soan/").body; !strings.Contains(desk, `<span class="n-warn">3 cảnh báo</span>`) || !strings.Contains(desk, `<span class="n-warn">1 cảnh báo</span>`) {
		t.Error("the desk's list does not count the editorial warnings")
	}
	if out := r.out.String(); !strings.Contains(out, "\nLời khuyên biên tập: 3 cảnh báo ở 2 tệp — xem khung cảnh báo ở góc dưới bên trái trang của từng tệp, danh sách đủ ở "+r.base+"/cchc/_cchc/canh-bao/, hoặc chạy cchc check.\nXem thử tại ") {
		t.Errorf("stdout does not count the editorial warnings:\n%s", out)
	}

	// The fix, saved: the panel goes, from the page, the home page and
	// the list; the terminal had the warnings of the file as it was saved.
	ev := subscribe(t, r)
	writeFile(t, root, "content/bai-viet/a.md", "---\ntitle: \"Bài A\"\ndate: 2026-01-16\ntopics: [SIPAS]\nsummary: \"Tóm tắt A.\"\n---\nNội dung đã sửa.\n")
	w.change(root, "content/bai-viet/a.md")
	if e := ev.next(t); e.name != "reload" {
		t.Fatalf("got %+v, want reload", e)
	}
	if body := get(t, r.base+"/cchc/bai-viet/a/").body; strings.Contains(body, "cchc-canh-bao") || !strings.Contains(body, "Nội dung đã sửa.") {
		t.Error("the fixed page still has its panel")
	}
	if home := get(t, r.base+"/cchc/").body; !strings.Contains(home, `<summary>Chuyên mục có 1 cảnh báo ở 1 tệp</summary>`) {
		t.Error("the home page does not count the one warning left")
	}
	writeFile(t, root, "content/bai-viet/c.md", strings.Replace(warningsSite()["content/bai-viet/c.md"], "---\nBài C", "summary: \"C.\"\n---\nBài C", 1))
	w.change(root, "content/bai-viet/c.md")
	if e := ev.next(t); e.name != "reload" {
		t.Fatalf("got %+v, want reload", e)
	}
	if home := get(t, r.base+"/cchc/").body; strings.Contains(home, "cchc-canh-bao") {
		t.Error("a site with no warning left: the home page still has a panel")
	}
	if list := get(t, r.base+"/cchc/_cchc/canh-bao/").body; !strings.Contains(list, "Không có cảnh báo nào.") {
		t.Errorf("the list after the fixes:\n%s", list)
	}
}

// Warnings are the preview's: the published view and the build have none
// of them, and no list page.
func TestWarningsNotPublished(t *testing.T) {
	root := writeSite(t, warningsSite())
	pub := start(t, root, Options{Watcher: newFakeWatcher(), Published: true})
	if body := get(t, pub.base+"/cchc/bai-viet/a/").body; strings.Contains(body, "cchc-canh-bao") || strings.Contains(body, "Trang này có") {
		t.Error("the published view shows the warnings panel")
	}
	if res := get(t, pub.base+"/cchc/_cchc/canh-bao/"); res.status != http.StatusNotFound {
		t.Errorf("the published view's list of warnings: %d, want 404", res.status)
	}
	if strings.Contains(pub.out.String(), "Lời khuyên biên tập") {
		t.Error("the published view counts editorial warnings")
	}
	for name, data := range freshBuild(t, root) {
		if bytes.Contains(data, []byte("cchc-canh-bao")) || bytes.Contains(data, []byte("cchc-cb")) {
			t.Errorf("the build's %s carries the warnings panel", name)
		}
	}
}
