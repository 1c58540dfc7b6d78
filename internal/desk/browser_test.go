package desk_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/browsertest"
	"github.com/cchc-vn/cchc/internal/check"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/pipeline"
	"github.com/cchc-vn/cchc/internal/serve"
)

// browser starts Chromium for the test, and fails the test on any
// uncaught error of the desk's scripts.
func browser(t *testing.T) context.Context {
	t.Helper()
	ctx := browsertest.Start(t)
	var mu sync.Mutex
	var errs []string
	chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*cdpruntime.EventExceptionThrown); ok {
			msg := e.ExceptionDetails.Text
			if e.ExceptionDetails.Exception != nil {
				msg += " " + e.ExceptionDetails.Exception.Description
			}
			mu.Lock()
			errs = append(errs, e.ExceptionDetails.URL+": "+msg)
			mu.Unlock()
		}
	})
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		for _, e := range errs {
			t.Errorf("script error: %s", e)
		}
	})
	return ctx
}

// eval evaluates a JavaScript expression in the page, within 10 s.
func eval[T any](ctx context.Context, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

func run(t testing.TB, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// waitTrue evaluates expr until it is true, for at most 15 s.
func waitTrue(t testing.TB, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	var lastErr error
	for time.Now().Before(deadline) {
		ok, err := eval[bool](ctx, expr)
		if err == nil && ok {
			return
		}
		lastErr = err
		time.Sleep(40 * time.Millisecond)
	}
	text, _ := eval[string](ctx, `document.body ? document.body.innerText.slice(0, 1500) : ""`)
	t.Fatalf("%s: not seen within 15 s (last error: %v); the page shows:\n%s", what, lastErr, text)
}

// js quotes a Go value for JavaScript.
func js(v any) string {
	data, _ := json.Marshal(v)
	return string(data)
}

// clear empties an input, as selecting its text and deleting it would.
func clear(sel string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, _ *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const el = document.querySelector(`+js(sel)+`); el.value = ''; `+
			`el.dispatchEvent(new Event('input', {bubbles: true})); return true })()`))
		return chromedp.Void{}, err
	}
}

// setField sets a field of the form as a writer would, by its key.
func setField(key string, v any) string {
	return fmt.Sprintf(`(() => {
		const f = document.querySelector('[data-key=%[1]s]'), v = %[2]s;
		const fire = el => el.dispatchEvent(new Event('input', {bubbles: true}));
		switch (f.dataset.control) {
		case 'check': { const b = f.querySelector('input'); if (b.checked !== v) b.click(); return true; }
		case 'topics': for (const b of f.querySelectorAll('input[type=checkbox]')) { if (b.checked !== v.includes(b.value)) b.click(); } return true;
		case 'list': case 'files': {
			const list = f.querySelector('.row-list');
			while (list.children.length < v.length) f.querySelector('.row-add').click();
			[...list.querySelectorAll('input')].forEach((i, n) => { i.value = v[n] || ''; fire(i); });
			return true; }
		default: { const el = document.getElementById('f-%[1]s'); el.value = v; fire(el); el.dispatchEvent(new Event('change', {bubbles: true})); return true; }
		}})()`, key, js(v))
}

const previewed = `document.getElementById('xem-truoc-trang-thai').textContent.includes('cập nhật lúc')`

// openForm opens a page's form and waits for its first preview.
func openForm(t testing.TB, ctx context.Context, r *running, file string) {
	t.Helper()
	run(t, ctx, "opening the form", chromedp.Navigate(r.desk+"sua?tep="+file))
	waitTrue(t, ctx, "the first preview", previewed)
}

// save clicks Lưu and waits for the answer.
func save(t testing.TB, ctx context.Context, want string) {
	t.Helper()
	run(t, ctx, "saving", chromedp.Click(chromedp.CSS("#nut-luu")))
	waitTrue(t, ctx, "the save: "+want, `document.getElementById('trang-thai-luu').textContent.includes(`+js(want)+`)`)
}

// TestBrowserCreatesAPageInEverySection writes a new page of each section
// through "Viết bài mới" and the form, as a writer would, saves it, and
// checks the site: no error.
func TestBrowserCreatesAPageInEverySection(t *testing.T) {
	ctx := browser(t)
	root := writeSite(t, smallSite())
	r := start(t, root, "", serve.Options{})
	for _, tc := range []struct {
		section, title, file string
		fields               map[string]any
		body                 string
	}{
		{"bai-viet", "Trung tâm nhận hồ sơ sáng thứ Bảy", "content/bai-viet/trung-tam-nhan-ho-so-sang-thu-bay.md", map[string]any{
			"topics": []string{"Một cửa, một cửa liên thông"}, "summary": "Từ tháng 12, Trung tâm nhận hồ sơ cả sáng thứ Bảy.",
			"author": "Nguyễn Thị Hương", "unit": "Trung tâm Phục vụ hành chính công xã",
		}, "Từ ngày 05/12/2026, Trung tâm tiếp nhận hồ sơ vào sáng thứ Bảy.\n\n## Giờ làm việc\n\nTừ 7 giờ 30 đến 11 giờ 30.\n"},
		{"van-ban", "Tuyên truyền cải cách hành chính năm 2027", "content/van-ban/tuyen-truyen-cai-cach-hanh-chinh-nam-2027/index.md", map[string]any{
			"so_ky_hieu": "40/KH-UBND", "lien_ket": "https://vanban.chinhphu.vn/ke-hoach-40",
		}, "Kế hoạch nêu các nhiệm vụ tuyên truyền năm 2027.\n"},
		{"hoi-dap", "Làm căn cước cho con dưới 14 tuổi ở đâu?", "content/hoi-dap/lam-can-cuoc-cho-con-duoi-14-tuoi-o-dau.md", map[string]any{
			"nguoi_hoi": "Chị Nguyễn Thị H., xóm 3", "linh_vuc": "Cư trú",
		}, "Chị đưa cháu tới Công an xã, mang theo giấy khai sinh của cháu.\n"},
		{"thu-tuc", "Đăng ký khai tử", "content/thu-tuc/dang-ky-khai-tu.md", map[string]any{
			"linh_vuc": "Hộ tịch", "muc_do": "Toàn trình", "thoi_han": "Ngay trong ngày làm việc", "le_phi": "Miễn lệ phí",
			"ho_so": []string{"Tờ khai đăng ký khai tử", "Giấy báo tử"}, "noi_tiep_nhan": "Trung tâm Phục vụ hành chính công xã",
			"link_dvc": "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.000656", "ma_thu_tuc": "1.000656",
		}, "Người đi đăng ký mang theo giấy tờ tùy thân.\n"},
		{"su-kien", "Hội nghị tổng kết năm 2026", "content/su-kien/hoi-nghi-tong-ket-nam-2026.md", map[string]any{
			"ket_thuc": "11:30", "dia_diem": "Hội trường UBND xã",
		}, "Thành phần: lãnh đạo các ban, ngành của xã.\n"},
	} {
		run(t, ctx, "the list", chromedp.Navigate(r.desk))
		run(t, ctx, "Viết bài mới "+tc.section,
			chromedp.Click(chromedp.CSS(`a[href="moi?muc=`+tc.section+`"]`)),
			chromedp.WaitVisible(chromedp.CSS("#tieu-de")),
			chromedp.SendKeys(chromedp.CSS("#tieu-de"), tc.title),
			chromedp.Submit(chromedp.CSS("#tieu-de")),
		)
		waitTrue(t, ctx, tc.section+": the form", `!!document.getElementById('bieu-mau')`)
		waitTrue(t, ctx, tc.section+": its first preview", previewed)
		if got, _ := eval[string](ctx, `document.getElementById('ten-tep').textContent`); got != tc.file {
			t.Errorf("%s: the new page is %s, want %s", tc.section, got, tc.file)
		}
		for k, v := range tc.fields {
			if ok, err := eval[bool](ctx, setField(k, v)); err != nil || !ok {
				t.Fatalf("%s: setting %s: %v", tc.section, k, err)
			}
		}
		if _, err := eval[bool](ctx, setField("draft", false)); err != nil {
			t.Fatal(err)
		}
		run(t, ctx, "the body", clear("#than-bai"), chromedp.SendKeys(chromedp.CSS("#than-bai"), tc.body))
		save(t, ctx, "Đã lưu lúc")
		if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(tc.file))); err != nil {
			t.Errorf("%s: %v", tc.section, err)
		}
		if u, _ := eval[string](ctx, `location.search`); !strings.Contains(u, "tep=") {
			t.Errorf("%s: after the first save the address is still %s", tc.section, u)
		}
	}
	ds := check.Run(pipeline.Options{Site: os.DirFS(root), Theme: cchc.Theme(), Now: testNow})
	if ds.HasErrors() {
		t.Errorf("check after writing a page of every section:\n%v", ds)
	}
	for _, d := range ds {
		if d.Severity == diag.Warning && strings.HasPrefix(d.Pos.File, "content/") {
			t.Logf("warning: %s", d)
		}
	}
}

// TestBrowserPreviewFollowsTyping: a field changed in the form shows in
// the preview's page, with its message beside the field.
func TestBrowserPreviewFollowsTyping(t *testing.T) {
	ctx := browser(t)
	root := writeSite(t, smallSite())
	r := start(t, root, "", serve.Options{})
	openForm(t, ctx, r, "content/bai-viet/ket-qua-sipas.md")
	h1 := `document.getElementById('xem-truoc').contentDocument.querySelector('h1').textContent`
	if got, _ := eval[string](ctx, h1); got != "Kết quả SIPAS năm 2025" {
		t.Errorf("the preview shows %q", got)
	}
	run(t, ctx, "typing a title", clear("#f-title"), chromedp.SendKeys(chromedp.CSS("#f-title"), "Chỉ số hài lòng tăng"))
	waitTrue(t, ctx, "the new title in the preview", h1+` === 'Chỉ số hài lòng tăng'`)
	run(t, ctx, "a bad date", clear("#f-date"), chromedp.SendKeys(chromedp.CSS("#f-date"), "31/04/2026"))
	waitTrue(t, ctx, "the date's message beside it", `document.getElementById('f-date-msg').textContent.includes('ngày "31/04/2026" không có thật')`)
	waitTrue(t, ctx, "the summary linked to the field", `!!document.querySelector('#tom-tat-loi a[href="#f-date"]')`)
	if inv, _ := eval[string](ctx, `document.getElementById('f-date').getAttribute('aria-invalid')`); inv != "true" {
		t.Errorf("the date is not marked invalid: %q", inv)
	}
	if got := readFile(t, root, "content/bai-viet/ket-qua-sipas.md"); strings.Contains(got, "Chỉ số hài lòng tăng") {
		t.Error("typing wrote the file")
	}
}

// wordHTML is what Word puts on the clipboard, cut down: a heading, bold
// and italic, a numbered list as Word writes lists, a table without a
// header row, an image inside as data:, and one Word keeps in a file.
func wordHTML() string {
	return `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><style>p.MsoNormal{margin:0}</style></head><body>
<!--StartFragment--><h1>Kết quả khảo sát</h1>
<p class=MsoNormal><b>Chỉ số hài lòng</b> đạt <i>88,1%</i>.<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><!--[endif]-->Tiếp cận dịch vụ<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><!--[endif]-->Thủ tục hành chính<o:p></o:p></p>
<table class=MsoTableGrid border=1 cellspacing=0>
 <tr>
  <td><p class=MsoNormal><b>Yếu tố</b><o:p></o:p></p></td>
  <td><p class=MsoNormal><b>Tỷ lệ | %</b><o:p></o:p></p></td>
 </tr>
 <tr>
  <td><p class=MsoNormal>Tiếp cận<o:p></o:p></p><p class=MsoNormal>dịch vụ</p></td>
  <td><p class=MsoNormal>88,6<o:p></o:p></p></td>
 </tr>
</table>
<p class=MsoNormal><img width=1 height=1 src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==" alt="Biểu đồ SIPAS"></p>
<p class=MsoNormal><img width=100 height=100 src="file:///C:/Users/ThuHuong/AppData/Local/Temp/msohtmlclip1/01/clip_image002.png"></p>
<!--EndFragment--></body></html>`
}

// TestBrowserPasteFromWord pastes Word's HTML into the body: it becomes
// the Markdown a writer would type, and the image inside is saved beside
// the page (which becomes a bundle).
func TestBrowserPasteFromWord(t *testing.T) {
	ctx := browser(t)
	root := writeSite(t, smallSite())
	r := start(t, root, "", serve.Options{})
	openForm(t, ctx, r, "content/bai-viet/ket-qua-sipas.md")
	paste := fmt.Sprintf(`(() => {
		const area = document.getElementById('than-bai');
		area.value = ''; area.focus();
		const dt = new DataTransfer();
		dt.setData('text/html', %s);
		dt.setData('text/plain', 'Kết quả khảo sát');
		area.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
		return true;
	})()`, js(wordHTML()))
	if _, err := eval[bool](ctx, paste); err != nil {
		t.Fatal(err)
	}
	waitTrue(t, ctx, "the pasted Markdown", `document.getElementById('than-bai').value.includes('![Biểu đồ SIPAS](')`)
	got, _ := eval[string](ctx, `document.getElementById('than-bai').value`)
	want := "## Kết quả khảo sát\n\n**Chỉ số hài lòng** đạt *88,1%*.\n\n1. Tiếp cận dịch vụ\n2. Thủ tục hành chính\n\n" +
		"| **Yếu tố** | **Tỷ lệ \\| %** |\n| --- | --- |\n| Tiếp cận dịch vụ | 88,6 |\n\n![Biểu đồ SIPAS](anh-dan-1.png)"
	if got != want {
		t.Errorf("pasted Markdown:\n%s\nwant:\n%s", got, want)
	}
	if data := readFile(t, root, "content/bai-viet/ket-qua-sipas/anh-dan-1.png"); !strings.HasPrefix(data, "\x89PNG") {
		t.Error("the pasted image is not saved beside the page")
	}
	waitTrue(t, ctx, "the notice about the image Word kept", `document.getElementById('thong-bao').textContent.includes('1 ảnh không lấy được')`)
	if f, _ := eval[string](ctx, `document.getElementById('ten-tep').textContent`); f != "content/bai-viet/ket-qua-sipas/index.md" {
		t.Errorf("the form now edits %s", f)
	}
	// Saved, the page builds with its image.
	save(t, ctx, "Đã lưu lúc")
	waitTrue(t, ctx, "the preview with the image", `!!document.getElementById('xem-truoc').contentDocument.querySelector('img[alt="Biểu đồ SIPAS"]')`)
}

// TestBrowserConflict: the file changes on the disk while the form is
// open; Save writes nothing and shows both versions; keeping mine writes
// mine (the form's fields and body) over the disk's.
func TestBrowserConflict(t *testing.T) {
	ctx := browser(t)
	root := writeSite(t, smallSite())
	r := start(t, root, "", serve.Options{})
	file := "content/bai-viet/ket-qua-sipas.md"
	openForm(t, ctx, r, file)
	run(t, ctx, "typing", clear("#f-title"), chromedp.SendKeys(chromedp.CSS("#f-title"), "Tiêu đề của tôi"))
	writeFile(t, root, file, strings.Replace(readFile(t, root, file), "88,1%", "88,2%", 1))
	run(t, ctx, "saving", chromedp.Click(chromedp.CSS("#nut-luu")))
	waitTrue(t, ctx, "the conflict dialog", `document.getElementById('hop-xung-dot').open`)
	disk, _ := eval[string](ctx, `document.getElementById('xd-dia').value`)
	mine, _ := eval[string](ctx, `document.getElementById('xd-cua-ban').value`)
	if !strings.Contains(disk, "88,2%") || !strings.Contains(mine, "Tiêu đề của tôi") || !strings.Contains(mine, "88,1%") {
		t.Errorf("the dialog shows\ndisk:\n%s\nmine:\n%s", disk, mine)
	}
	if got := readFile(t, root, file); !strings.Contains(got, "88,2%") || strings.Contains(got, "Tiêu đề của tôi") {
		t.Errorf("the refused save wrote:\n%s", got)
	}
	run(t, ctx, "keeping mine", chromedp.Click(chromedp.CSS("#xd-giu")))
	waitTrue(t, ctx, "the save", `document.getElementById('trang-thai-luu').textContent.includes('Đã lưu lúc')`)
	if got := readFile(t, root, file); got != mine {
		t.Errorf("after keeping mine:\n%s\nwant mine:\n%s", got, mine)
	}
}

// TestBrowserKeepsUnsavedText: text typed and not saved survives a closed
// tab, and comes back with a notice.
func TestBrowserKeepsUnsavedText(t *testing.T) {
	ctx := browser(t)
	root := writeSite(t, smallSite())
	r := start(t, root, "", serve.Options{})
	openForm(t, ctx, r, "content/gioi-thieu.md")
	run(t, ctx, "typing", chromedp.SendKeys(chromedp.CSS("#than-bai"), "Đoạn chưa lưu."))
	waitTrue(t, ctx, "the text kept", `!!localStorage.getItem('cchc-soan:content/gioi-thieu.md')`)
	// Leaving asks first; the writer leaves all the same.
	dialogs := make(chan page.DialogType, 4)
	chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			dialogs <- e.Type
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	})
	run(t, ctx, "leaving", chromedp.Navigate("about:blank"))
	select {
	case d := <-dialogs:
		if d != page.DialogTypeBeforeunload {
			t.Errorf("leaving asked with a %s dialog", d)
		}
	default:
		t.Error("leaving with unsaved text did not ask")
	}
	openForm(t, ctx, r, "content/gioi-thieu.md")
	waitTrue(t, ctx, "the text back", `document.getElementById('than-bai').value.includes('Đoạn chưa lưu.')`)
	waitTrue(t, ctx, "the notice", `document.getElementById('thong-bao').textContent.includes('Đã khôi phục phần chưa lưu')`)
	save(t, ctx, "Đã lưu lúc")
	if ok, _ := eval[bool](ctx, `localStorage.getItem('cchc-soan:content/gioi-thieu.md') === null`); !ok {
		t.Error("the kept text outlives its save")
	}
}
