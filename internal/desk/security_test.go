package desk_test

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/cchc-vn/cchc/internal/serve"
)

// save is a Save of an existing page whose form changed its title.
func saveBody(file, sum, title string) map[string]any {
	return map[string]any{"tep": file, "goc": sum, "fields": map[string]any{"title": title}}
}

// TestChangesNeedTokenAndOrigin: every request that changes something is
// refused without the desk's token, with a foreign Origin, with none, or
// addressed by a name that could be DNS rebinding; nothing is written.
func TestChangesNeedTokenAndOrigin(t *testing.T) {
	root := writeSite(t, smallSite())
	r := start(t, root, "", serve.Options{})
	before := readFile(t, root, "content/bai-viet/ket-qua-sipas.md")
	body := saveBody("content/bai-viet/ket-qua-sipas.md", "", "Bị sửa")
	for _, tc := range []struct {
		name   string
		header map[string]string
		status int
		msg    string
	}{
		{"no token", map[string]string{"X-Cchc-Token": ""}, http.StatusForbidden, "Yêu cầu không có mã của bàn soạn bài"},
		{"wrong token", map[string]string{"X-Cchc-Token": strings.Repeat("0", 64)}, http.StatusForbidden, "Yêu cầu không có mã của bàn soạn bài"},
		{"foreign origin", map[string]string{"Origin": "http://evil.example"}, http.StatusForbidden, "Yêu cầu đến từ một trang khác (http://evil.example)"},
		{"origin of another port", map[string]string{"Origin": "http://127.0.0.1:1"}, http.StatusForbidden, "Yêu cầu đến từ một trang khác"},
		{"https origin", map[string]string{"Origin": strings.Replace(r.origin, "http:", "https:", 1)}, http.StatusForbidden, "Yêu cầu đến từ một trang khác"},
		{"no origin", map[string]string{"Origin": ""}, http.StatusForbidden, "thiếu tiêu đề Origin"},
		{"rebound host", map[string]string{"Host": "evil.example:" + strings.TrimPrefix(r.origin, "http://127.0.0.1:"), "Origin": "http://evil.example"}, http.StatusForbidden, "Địa chỉ không được phép"},
	} {
		for _, path := range []string{"luu", "xem-truoc", "tai-len?tep=content/bai-viet/ket-qua-sipas.md&ten=a.png", "nhap-word?tep=content/bai-viet/ket-qua-sipas.md&ten=a.docx"} {
			a := r.post(t, path, body, tc.header)
			if a.status != tc.status || !strings.Contains(a.body, tc.msg) {
				t.Errorf("%s, %s: %d %s; want %d with %q", tc.name, path, a.status, a.body, tc.status, tc.msg)
			}
		}
	}
	if got := readFile(t, root, "content/bai-viet/ket-qua-sipas.md"); got != before {
		t.Errorf("the page changed:\n%s", got)
	}
	if entries, _ := os.ReadDir(filepath.Join(root, "content/bai-viet")); len(entries) != 4 {
		t.Errorf("content/bai-viet holds %d entries, want the 4 it had", len(entries))
	}
	// Only GET, HEAD and POST.
	if a := r.do(t, http.MethodPut, r.desk+"luu", nil, map[string]string{"X-Cchc-Token": r.token, "Origin": r.origin}); a.status != http.StatusMethodNotAllowed {
		t.Errorf("PUT: %d", a.status)
	}
}

// TestPathsStayInContent: a page path leaving content/ is refused however
// it is written, in the JSON of a save and in the query of an upload;
// nothing outside content/ is written.
func TestPathsStayInContent(t *testing.T) {
	files := smallSite()
	files["outside.md"] = "---\ntitle: \"Ngoài\"\n---\n"
	root := writeSite(t, files)
	if err := os.Symlink(root, filepath.Join(root, "content", "lien-ket")); err != nil {
		t.Fatal(err)
	}
	r := start(t, root, "", serve.Options{})
	siteYAML := readFile(t, root, "site.yaml")
	bad := []string{
		"../outside.md",
		"content/../outside.md",
		"content/bai-viet/../../outside.md",
		"/content/bai-viet/x.md",
		filepath.Join(root, "outside.md"),
		"content\\..\\outside.md",
		"content/%2e%2e/outside.md",
		"content/%252e%252e/outside.md",
		"content/..%2foutside.md",
		"C:/outside.md",
		"C:content/outside.md",
		"content/bai-viet/x.md\x00.md",
		"content/" + norm.NFD.String("..") + "/outside.md",
		"content/lien-ket/outside.md",
		"content/lien-ket/content/bai-viet/ket-qua-sipas.md",
		"site.yaml",
		"content/bai-viet/.an.md",
		"content/bai-viet/x.md.",
	}
	for _, p := range bad {
		a := r.post(t, "luu", map[string]any{"tep": p, "goc": "", "goc_van_ban": "---\ntitle: x\n---\n", "fields": map[string]any{}}, nil)
		if a.status != http.StatusBadRequest || !strings.Contains(a.body, "bị từ chối") {
			t.Errorf("save to %q: %d %s", p, a.status, a.body)
		}
		a = r.post(t, "xem-truoc", map[string]any{"tep": p, "goc": "", "goc_van_ban": "---\ntitle: x\n---\n"}, nil)
		if a.status != http.StatusBadRequest {
			t.Errorf("preview of %q: %d %s", p, a.status, a.body)
		}
		a = r.post(t, "tai-len?tep="+url.QueryEscape(p)+"&ten=a.png", png1x1, nil)
		if a.status != http.StatusBadRequest {
			t.Errorf("upload beside %q: %d %s", p, a.status, a.body)
		}
		if g := r.get(t, "sua?tep="+url.QueryEscape(p), nil); g.status != http.StatusBadRequest || strings.Contains(g.body, "Ngoài") {
			t.Errorf("form of %q: %d", p, g.status)
		}
	}
	// Raw escapes in the query itself, decoded once by the server.
	for _, q := range []string{"content%2F..%2Foutside.md", "content%252F..%252Foutside.md", "content/%2E%2E/outside.md"} {
		a := r.post(t, "tai-len?tep="+q+"&ten=a.png", png1x1, nil)
		if a.status != http.StatusBadRequest {
			t.Errorf("upload with tep=%s: %d %s", q, a.status, a.body)
		}
	}
	if got := readFile(t, root, "outside.md"); got != "---\ntitle: \"Ngoài\"\n---\n" {
		t.Errorf("outside.md changed: %q", got)
	}
	if got := readFile(t, root, "site.yaml"); got != siteYAML {
		t.Errorf("site.yaml changed")
	}
	if _, err := os.Stat(filepath.Join(root, "a.png")); err == nil {
		t.Error("a.png written at the site root")
	}
}

// TestUploadsCheckedBySizeAndType: SVG, programs, misnamed and oversized
// files are refused with a message; accepted ones never replace a file.
func TestUploadsCheckedBySizeAndType(t *testing.T) {
	root := writeSite(t, smallSite())
	r := start(t, root, "", serve.Options{})
	page := "content/gioi-thieu.md"
	for _, tc := range []struct {
		name   string
		data   []byte
		status int
		msg    string
	}{
		{"so-do.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), http.StatusUnsupportedMediaType, "không nhận ảnh SVG"},
		{"cai-dat.exe", []byte("MZ\x90\x00"), http.StatusUnsupportedMediaType, `không nhận tệp "cai-dat.exe"`},
		{"anh.png", []byte("<html>not a picture</html>"), http.StatusUnsupportedMediaType, "nội dung không phải ảnh PNG"},
		{"rat-lon.png", append(append([]byte{}, png1x1...), make([]byte, 21<<20)...), http.StatusRequestEntityTooLarge, "Tệp quá lớn"},
		{"lon.jpg", append([]byte("\xff\xd8\xff\xe0"), make([]byte, 11<<20)...), http.StatusUnsupportedMediaType, "quá lớn"},
	} {
		a := r.post(t, "tai-len?tep="+page+"&ten="+url.QueryEscape(tc.name), tc.data, nil)
		if msg, _ := a.json(t)["loi"].(string); a.status != tc.status || !strings.Contains(msg, tc.msg) {
			t.Errorf("%s: %d %s; want %d with %q", tc.name, a.status, a.body, tc.status, tc.msg)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "content/gioi-thieu")); err == nil {
		t.Error("a refused upload still made the page a bundle")
	}
}

// png1x1 is a whole PNG picture of one pixel.
var png1x1 = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")

// TestDeskOnlyOnLoopbackUnlessAsked: listening beyond this machine, the
// desk is off (and no page links to it) unless --desk, and then it asks
// for the password; the published view has no desk at all.
func TestDeskOnlyOnLoopbackUnlessAsked(t *testing.T) {
	root := writeSite(t, smallSite())

	off := start(t, root, "0.0.0.0", serve.Options{})
	if a := off.get(t, "", nil); a.status != http.StatusForbidden || !strings.Contains(a.body, "Chạy lại với --desk") {
		t.Errorf("desk beyond loopback without --desk: %d %s", a.status, a.body)
	}
	if page := off.do(t, http.MethodGet, off.origin+"/cchc/bai-viet/ket-qua-sipas/", nil, nil); strings.Contains(page.body, "_soan") {
		t.Error("a page links to a desk that is off")
	}
	if !strings.Contains(off.out.String(), "Bàn soạn bài đang tắt vì máy chủ xem thử mở cho các máy khác trong mạng") {
		t.Errorf("no word at start of the desk being off:\n%s", off.out.String())
	}

	on := start(t, root, "0.0.0.0", serve.Options{Desk: true, DeskPassword: "mat-khau-thu"})
	if a := on.get(t, "", nil); a.status != http.StatusUnauthorized || a.header.Get("WWW-Authenticate") == "" {
		t.Errorf("no password: %d %v", a.status, a.header)
	}
	req := func(pass string) int {
		rq, _ := http.NewRequest(http.MethodGet, on.desk, nil)
		rq.SetBasicAuth("ai-cung-duoc", pass)
		resp, err := http.DefaultClient.Do(rq)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := req("sai"); got != http.StatusUnauthorized {
		t.Errorf("wrong password: %d", got)
	}
	if got := req("mat-khau-thu"); got != http.StatusOK {
		t.Errorf("right password: %d", got)
	}
	if !strings.Contains(on.out.String(), "mật khẩu: mat-khau-thu") {
		t.Errorf("the password is not printed at start:\n%s", on.out.String())
	}

	made := start(t, root, "0.0.0.0", serve.Options{Desk: true})
	if !strings.Contains(made.out.String(), "mở cho các máy trong mạng, mật khẩu: ") {
		t.Errorf("no password made and printed:\n%s", made.out.String())
	}

	pub := start(t, root, "", serve.Options{Published: true})
	if a := pub.do(t, http.MethodGet, pub.desk, nil, nil); a.status != http.StatusNotFound {
		t.Errorf("published view: desk answers %d", a.status)
	}
	if page := pub.do(t, http.MethodGet, pub.origin+"/cchc/bai-viet/ket-qua-sipas/", nil, nil); strings.Contains(page.body, "_soan") {
		t.Error("the published view links to the desk")
	}
}
