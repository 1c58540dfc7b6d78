package desk_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/serve"
)

// testNow is the clock of the test servers.
var testNow = time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)

// sampleDir is the frozen copy of the sample site.
const sampleDir = "../../testdata/sample"

// smallSite is a site with a page in each section, an unpublished draft,
// a page dated later, and one with an error.
func smallSite() map[string]string {
	return map[string]string{
		"site.yaml": "title: \"Chuyên mục Cải cách hành chính\"\norganization: \"UBND xã Diễn Châu\"\nbase_url: \"https://dienchau.example/cchc/\"\n" +
			"contact:\n  address: \"Xã Diễn Châu\"\n  phone: \"0238 3862 115\"\n  email: \"cchc@example.vn\"\n  website: \"https://dienchau.example/\"\n",
		"content/bai-viet/_index.md":        "---\ntitle: \"Tin bài\"\n---\n",
		"content/bai-viet/ket-qua-sipas.md": "---\ntitle: \"Kết quả SIPAS năm 2025\" # tiêu đề\ndate: 16/01/2026\ntopics: [SIPAS]\nsummary: \"Người dân hài lòng.\"\n---\n\nChỉ số hài lòng đạt 88,1%.\n",
		"content/bai-viet/ban-nhap.md":      "---\ntitle: \"Bản nháp\"\ndate: 01/02/2026\ntopics: [PAPI]\nsummary: \"Nháp.\"\ndraft: true\n---\n\nNháp.\n",
		"content/bai-viet/sap-dang.md":      "---\ntitle: \"Sắp đăng\"\ndate: 01/01/2027\ntopics: [PCI]\nsummary: \"Sau.\"\n---\n\nSau.\n",
		"content/hoi-dap/_index.md":         "---\ntitle: \"Dân hỏi\"\n---\n",
		"content/thu-tuc/_index.md":         "---\ntitle: \"Thủ tục\"\n---\n",
		"content/su-kien/_index.md":         "---\ntitle: \"Sự kiện\"\n---\n",
		"content/van-ban/_index.md":         "---\ntitle: \"Văn bản\"\n---\n",
		"content/gioi-thieu.md":             "---\ntitle: \"Giới thiệu\"\n---\n\nTrang giới thiệu.\n",
	}
}

func writeSite(t testing.TB, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		writeFile(t, root, name, body)
	}
	return root
}

func writeFile(t testing.TB, root, name, body string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t testing.TB, root, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// running is a preview server with its desk, for a test.
type running struct {
	root   string
	origin string // "http://127.0.0.1:PORT"
	desk   string // origin + "/cchc/_soan/"
	token  string
	out    *syncBuffer
	srv    *serve.Server
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// start runs `cchc serve` on root until the test ends. bind is the
// address to listen on ("127.0.0.1" unless a test says otherwise).
func start(t testing.TB, root, bind string, opts serve.Options) *running {
	t.Helper()
	if bind == "" {
		bind = "127.0.0.1"
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(bind, "0"))
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	r := &running{root: root, origin: "http://127.0.0.1:" + strconv.Itoa(port), out: &syncBuffer{}}
	opts.Root, opts.Theme, opts.Listener = root, cchc.Theme(), ln
	opts.Now = func() time.Time { return testNow }
	opts.Out, opts.Err = r.out, r.out
	r.srv, err = serve.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.srv.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("the server did not stop")
		}
	})
	base := "/cchc/"
	r.desk = r.origin + base + "_soan/"
	waitFor(t, "the server to answer", func() bool {
		resp, err := http.Get(r.origin + base)
		if err != nil {
			return false
		}
		resp.Body.Close()
		return true // a site whose first build failed answers too
	})
	if opts.Published {
		return r
	}
	if page := r.get(t, "", nil); page.status == http.StatusOK {
		m := regexp.MustCompile(`<meta name="cchc-token" content="([0-9a-f]+)">`).FindStringSubmatch(page.body)
		if m == nil {
			t.Fatal("no token in the desk's page")
		}
		r.token = m[1]
	}
	return r
}

func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

type answer struct {
	status int
	header http.Header
	body   string
}

// json decodes the answer's body.
func (a answer) json(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(a.body), &m); err != nil {
		t.Fatalf("answer %d is not JSON: %v\n%s", a.status, err, a.body)
	}
	return m
}

// get asks the desk for path (below _soan/), with extra headers.
func (r *running) get(t testing.TB, path string, header map[string]string) answer {
	t.Helper()
	return r.do(t, http.MethodGet, r.desk+path, nil, header)
}

// post sends a change the way the desk's pages do: token and Origin, a
// JSON body (or bytes as they are); header entries override or, empty,
// remove those.
func (r *running) post(t testing.TB, path string, body any, header map[string]string) answer {
	t.Helper()
	h := map[string]string{"X-Cchc-Token": r.token, "Origin": r.origin}
	for k, v := range header {
		h[k] = v
	}
	var data []byte
	switch b := body.(type) {
	case []byte:
		data = b
	default:
		var err error
		if data, err = json.Marshal(b); err != nil {
			t.Fatal(err)
		}
	}
	return r.do(t, http.MethodPost, r.desk+path, data, h)
}

func (r *running) do(t testing.TB, method, url string, body []byte, header map[string]string) answer {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		switch {
		case k == "Host":
			req.Host = v
		case v == "":
			req.Header.Del(k)
		default:
			req.Header.Set(k, v)
		}
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return answer{resp.StatusCode, resp.Header, string(data)}
}
