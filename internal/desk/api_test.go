package desk_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/desk"
	"github.com/cchc-vn/cchc/internal/pipeline"
	"github.com/cchc-vn/cchc/internal/publish"
	"github.com/cchc-vn/cchc/internal/serve"
)

// diags reads the preview's diagnostics as "key|line|severity: message".
func diags(t *testing.T, a answer) []string {
	t.Helper()
	var out []string
	for _, d := range a.json(t)["chan_doan"].([]any) {
		m := d.(map[string]any)
		key, _ := m["khoa"].(string)
		line := ""
		if n, ok := m["dong"].(float64); ok {
			line = strconv.Itoa(int(n))
		}
		out = append(out, key+"|"+line+"|"+m["muc"].(string)+": "+m["loi"].(string))
	}
	return out
}

// officeFile is a minimal .docx: a ZIP archive with its main part.
func officeFile(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte("<w:document/>"))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestPreviewRendersTheTextAndPlacesDiagnostics: the preview is the page
// built with the form's text (the disk is untouched), and each problem of
// build and check comes back by its field or its body line.
func TestPreviewRendersTheTextAndPlacesDiagnostics(t *testing.T) {
	root := writeSite(t, smallSite())
	r := start(t, root, "", serve.Options{})
	file := "content/bai-viet/ket-qua-sipas.md"
	before := readFile(t, root, file)
	long := strings.Repeat("Tiêu đề rất dài ", 6)
	a := r.post(t, "xem-truoc", map[string]any{
		"tep": file, "goc": sum(before),
		"fields": map[string]any{"title": long, "date": "30/02/2026", "topics": []any{"SIPAS", "Khong co"}},
		"body":   "Đoạn một.\n\nXem [bài mất](mat.md).\n",
	}, nil)
	if a.status != http.StatusOK {
		t.Fatalf("preview: %d %s", a.status, a.body)
	}
	html := a.json(t)["html"].(string)
	if !strings.Contains(html, "Tiêu đề rất dài") || !strings.Contains(html, "Đoạn một.") {
		t.Errorf("the preview does not show the form's text:\n%.500s", html)
	}
	want := []string{
		"title||cảnh báo: `title` (tiêu đề) dài 95 ký tự, quá 70 ký tự nên bị cắt khi chia sẻ lên mạng xã hội",
		"date||lỗi: `date` (ngày đăng): ngày \"30/02/2026\" không có thật: tháng 2 năm 2026 chỉ có 28 ngày",
		"topics||lỗi: chủ đề \"Khong co\" không có trong danh mục chủ đề",
	}
	got := diags(t, a)
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, w)
		}
		if !found {
			t.Errorf("missing %q in\n%s", w, strings.Join(got, "\n"))
		}
	}
	// The broken link is on line 3 of the body.
	var link map[string]any
	for _, d := range a.json(t)["chan_doan"].([]any) {
		if m := d.(map[string]any); strings.Contains(m["loi"].(string), "mat.md") {
			link = m
		}
	}
	if link == nil || link["dong"] != 3.0 || link["khoa"] != nil {
		t.Errorf("broken link placed at %v", link)
	}
	if got := readFile(t, root, file); got != before {
		t.Error("a preview wrote the file")
	}

	// A new page of a section of bundles, not on the disk yet.
	base := "---\nso_ky_hieu: \"\"\nco_quan: \"UBND xã Diễn Châu\"\nngay_ban_hanh: 16/01/2026\ntrich_yeu: \"Tuyên truyền\"\ndraft: true\n---\n\nGiới thiệu.\n"
	a = r.post(t, "xem-truoc", map[string]any{"tep": "content/van-ban/moi/index.md", "goc": "", "goc_van_ban": base,
		"fields": map[string]any{"so_ky_hieu": "35/KH-UBND"}, "body": "Giới thiệu.\n"}, nil)
	if a.status != http.StatusOK || !strings.Contains(a.json(t)["html"].(string), "35/KH-UBND") {
		t.Errorf("preview of a new document: %d %.300s", a.status, a.body)
	}
	if _, err := os.Stat(filepath.Join(root, "content/van-ban/moi")); !errors.Is(err, os.ErrNotExist) {
		t.Error("the preview of a new page made its folder")
	}
}

// TestUploadMakesTheFirstImageABundle: the first file of a single-file
// page moves the page into a folder of its name (same URL), the next ones
// go beside it under names that never replace a file. A page that other
// pages link to by its file name, or whose own links and images are
// relative to its folder, stays where it is and gets its files beside it.
func TestUploadMakesTheFirstImageABundle(t *testing.T) {
	files := smallSite()
	files["content/bai-viet/lien-ket.md"] = "---\ntitle: \"Liên kết\"\ndate: 16/01/2026\ntopics: [SIPAS]\nsummary: \"x\"\n---\n\nXem [kết quả](ket-qua-sipas.md).\n"
	files["content/bai-viet/co-anh.md"] = "---\ntitle: \"Có ảnh\"\ndate: 16/01/2026\ntopics: [SIPAS]\nsummary: \"x\"\n---\n\n![Biểu đồ](bieu-do.png)\n"
	files["content/bai-viet/bieu-do.png"] = string(png1x1)
	root := writeSite(t, files)
	r := start(t, root, "", serve.Options{})

	file := "content/gioi-thieu.md"
	text := readFile(t, root, file)
	a := r.post(t, "tai-len?tep="+file+"&ten="+url.QueryEscape("Ảnh Hội nghị.PNG"), png1x1, nil)
	m := a.json(t)
	if a.status != http.StatusOK || m["ten"] != "anh-hoi-nghi.png" || m["tep"] != "content/gioi-thieu/index.md" || m["da_chuyen"] != true || m["loai"] != "anh" {
		t.Fatalf("first image: %d %s", a.status, a.body)
	}
	if notes := strings.Join(toStrings(m["ghi_chu"]), " "); !strings.Contains(notes, "địa chỉ của bài không đổi") {
		t.Errorf("notes: %s", notes)
	}
	if got := readFile(t, root, "content/gioi-thieu/index.md"); got != text {
		t.Errorf("the moved page changed:\n%s", got)
	}
	if got := readFile(t, root, "content/gioi-thieu/anh-hoi-nghi.png"); got != string(png1x1) {
		t.Error("the image is not saved as sent")
	}
	a = r.post(t, "tai-len?tep=content/gioi-thieu/index.md&ten=anh-hoi-nghi.png", png1x1, nil)
	if m := a.json(t); m["ten"] != "anh-hoi-nghi-2.png" || m["da_chuyen"] != false {
		t.Errorf("second image: %s", a.body)
	}
	a = r.post(t, "tai-len?tep=content/gioi-thieu/index.md&ten="+url.QueryEscape("Kế hoạch.pdf"), []byte("%PDF-1.7\n"), nil)
	if m := a.json(t); m["ten"] != "ke-hoach.pdf" || m["loai"] != "tep" {
		t.Errorf("a document: %s", a.body)
	}
	// The page's URL is the same: the rebuilt site serves it there.
	waitFor(t, "the rebuilt page", func() bool {
		page := r.do(t, http.MethodGet, r.origin+"/cchc/gioi-thieu/anh-hoi-nghi.png", nil, nil)
		return page.status == http.StatusOK
	})

	for page, why := range map[string]string{
		"content/bai-viet/ket-qua-sipas.md": "có bài khác liên kết tới tên tệp ket-qua-sipas.md (content/bai-viet/lien-ket.md)",
		"content/bai-viet/co-anh.md":        "bài có liên kết hoặc ảnh tính từ thư mục đó (bieu-do.png)",
	} {
		a = r.post(t, "tai-len?tep="+page+"&ten=a.png", png1x1, nil)
		m := a.json(t)
		if a.status != http.StatusOK || m["da_chuyen"] != false || m["tep"] != page || !strings.Contains(strings.Join(toStrings(m["ghi_chu"]), " "), why) {
			t.Errorf("%s: %s", page, a.body)
		}
		if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(page))); err != nil {
			t.Errorf("%s moved: %v", page, err)
		}
	}
	if readFile(t, root, "content/bai-viet/a.png") != string(png1x1) || readFile(t, root, "content/bai-viet/a-2.png") != string(png1x1) {
		t.Error("the images of pages kept as single files are not beside them")
	}

	// A page not written yet: its folder is made, the page is written later.
	a = r.post(t, "tai-len?tep=content/bai-viet/moi.md&ten=a.png", png1x1, nil)
	if m := a.json(t); m["tep"] != "content/bai-viet/moi/index.md" || m["ten"] != "a.png" {
		t.Errorf("image of a new page: %s", a.body)
	}
}

func toStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

// TestWordDropGoesThroughTheImporter: with an importer, a dropped .docx
// comes back as the body's Markdown (its front matter left out), its
// images saved beside the page and the Markdown pointed at their names;
// without one, the desk says to use `cchc import`.
func TestWordDropGoesThroughTheImporter(t *testing.T) {
	docx := officeFile(t)
	var gotSection, gotOrg string
	importer := func(data []byte, section, org string) ([]byte, map[string][]byte, []string, error) {
		gotSection, gotOrg = section, org
		return []byte("---\ntitle: \"Kế hoạch\"\n---\n\n## Mục đích\n\n![Sơ đồ](so-do.png)\n"), map[string][]byte{"so-do.png": png1x1},
			[]string{"Bỏ qua chú thích cuối trang."}, nil
	}
	root := writeSite(t, smallSite())
	writeFile(t, root, "content/bai-viet/so-do.png", "khác") // a file of that name already beside
	r := start(t, root, "", serve.Options{Importer: importer})
	a := r.post(t, "nhap-word?tep=content/bai-viet/ket-qua-sipas.md&ten=Ke+hoach.docx", docx, nil)
	m := a.json(t)
	if a.status != http.StatusOK || gotSection != "bai-viet" || gotOrg != "UBND xã Diễn Châu" {
		t.Fatalf("import: %d %s (section %q, organisation %q)", a.status, a.body, gotSection, gotOrg)
	}
	if m["noi_dung"] != "## Mục đích\n\n![Sơ đồ](so-do.png)\n" || m["tep"] != "content/bai-viet/ket-qua-sipas/index.md" {
		t.Errorf("import answer: %s", a.body)
	}
	if !strings.Contains(strings.Join(toStrings(m["ghi_chu"]), " "), "Bỏ qua chú thích cuối trang.") {
		t.Errorf("the importer's notes are lost: %s", a.body)
	}
	if got := readFile(t, root, "content/bai-viet/ket-qua-sipas/so-do.png"); got != string(png1x1) {
		t.Error("the imported image is not saved")
	}
	if a := r.post(t, "nhap-word?tep=content/gioi-thieu.md&ten=a.doc", []byte("\xd0\xcf\x11\xe0"), nil); a.status != http.StatusUnsupportedMediaType ||
		!strings.Contains(a.json(t)["loi"].(string), "lưu lại dạng .docx") {
		t.Errorf("a .doc: %d %s", a.status, a.body)
	}

	bare := start(t, writeSite(t, smallSite()), "", serve.Options{})
	a = bare.post(t, "nhap-word?tep=content/gioi-thieu.md&ten=a.docx", docx, nil)
	if a.status != http.StatusNotImplemented || !strings.Contains(a.json(t)["loi"].(string), "cchc import TỆP.docx") {
		t.Errorf("no importer: %d %s", a.status, a.body)
	}
}

// TestListShowsStatusesAndFilters: the list gives each page its status
// and filters by section, status, topic and text without diacritics.
func TestListShowsStatusesAndFilters(t *testing.T) {
	files := smallSite()
	files["content/bai-viet/loi.md"] = "---\ntitle: \"Bài có lỗi\"\ndate: 30/02/2026\ntopics: [SIPAS]\n---\nx\n"
	files["content/bai-viet/hong.md"] = "---\ntitle: \"Hỏng\n---\nx\n"
	root := writeSite(t, files)
	r := start(t, root, "", serve.Options{})
	list := r.get(t, "", nil)
	for _, w := range []string{
		`<a href="sua?tep=content%2fbai-viet%2fket-qua-sipas.md">Kết quả SIPAS năm 2025</a>`,
		`<td>16/01/2026</td>`,
		`data-tt="dang"`, `data-tt="nhap"`, `data-tt="hen"`, `data-tt="loi"`,
		`<span class="status status-loi">có lỗi</span> <span class="n-err">1 lỗi</span>`,
		`<a href="sua?tep=content%2fbai-viet%2fhong.md">hong.md</a>`,
		`<a class="button" href="moi?muc=thu-tuc">Viết bài mới: Thủ tục</a>`,
	} {
		if !strings.Contains(list.body, w) {
			t.Errorf("the list lacks %s", w)
		}
	}
	for query, want := range map[string][]string{
		"q=ket+qua":                    {"ket-qua-sipas.md"},
		"q=KẾT QUẢ":                    {"ket-qua-sipas.md"},
		"trang_thai=nhap":              {"ban-nhap.md"},
		"trang_thai=hen":               {"sap-dang.md"},
		"muc=bai-viet&trang_thai=loi":  {"hong.md", "loi.md"},
		"chu_de=pci":                   {"sap-dang.md"},
		"muc=hoi-dap&q=khong-co-gi-ca": {},
	} {
		body := r.get(t, "?"+strings.ReplaceAll(query, " ", "+"), nil).body
		rows := strings.Count(body, "<tr data-muc=")
		if rows != len(want) {
			t.Errorf("%s: %d rows, want %v", query, rows, want)
		}
		for _, f := range want {
			if !strings.Contains(body, "sua?tep=content%2fbai-viet%2f"+f) {
				t.Errorf("%s: %s not listed", query, f)
			}
		}
	}
}

// TestEditLinkOnEveryPageOfThePreview: every page made from a Markdown
// file links to its form; a built site has no trace of the desk.
func TestEditLinkOnEveryPageOfThePreview(t *testing.T) {
	root := writeSite(t, smallSite())
	r := start(t, root, "", serve.Options{})
	for path, source := range map[string]string{
		"/cchc/bai-viet/ket-qua-sipas/": "content%2Fbai-viet%2Fket-qua-sipas.md",
		"/cchc/gioi-thieu/":             "content%2Fgioi-thieu.md",
		"/cchc/bai-viet/":               "content%2Fbai-viet%2F_index.md",
	} {
		page := r.do(t, http.MethodGet, r.origin+path, nil, nil)
		if !strings.Contains(page.body, `<a class="cchc-sua" href="/cchc/_soan/sua?tep=`+source+`">Sửa bài này</a>`) {
			t.Errorf("%s has no edit link", path)
		}
	}
	if page := r.do(t, http.MethodGet, r.origin+"/cchc/chu-de/", nil, nil); strings.Contains(page.body, "cchc-sua") {
		t.Error("a page made from no file has an edit link")
	}

	var out publish.Collector
	if _, ds := pipeline.Build(pipeline.Options{Site: os.DirFS(sampleDir), Theme: cchc.Theme(), Now: testNow}, &out); ds.HasErrors() {
		t.Fatal(ds)
	}
	for path, data := range out.Files() {
		if strings.Contains(path, strings.TrimSuffix(desk.Prefix, "/")) || strings.Contains(string(data), "_soan") || strings.Contains(string(data), "Sửa bài này") {
			t.Errorf("the build's %s holds the desk", path)
		}
	}
}

func TestGitStatusAfterSave(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	root := writeSite(t, smallSite())
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"}} {
		cmd := exec.Command("git", append([]string{"-C", root}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	r := start(t, root, "", serve.Options{})
	file := "content/bai-viet/ket-qua-sipas.md"
	a := r.post(t, "luu", saveBody(file, sum(readFile(t, root, file)), "Tiêu đề mới"), nil)
	if got := a.json(t)["git"]; got != "Git: tệp đã sửa, chưa commit — cần commit rồi push." {
		t.Errorf("git status of an edited file: %v", got)
	}
	a = r.post(t, "luu", map[string]any{"tep": "content/bai-viet/moi.md", "goc": "", "goc_van_ban": "---\ntitle: \"Mới\"\ndraft: true\n---\n", "fields": map[string]any{}}, nil)
	m := a.json(t)
	if m["git"] != "Git: tệp mới, chưa được đưa vào kho — cần commit rồi push." || !strings.Contains(m["buoc_tiep"].(string), "bản nháp") {
		t.Errorf("a new draft: %s", a.body)
	}
}
