package desk_test

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/deskform"
	"github.com/cchc-vn/cchc/internal/serve"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/roundtrip")

func sum(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// formValues is what the form sends for src when the writer changes
// nothing: every field it edits, as the browser reads them (a topic by
// its name in the vocabulary, as its checkbox holds it).
func formValues(src []byte, rel string) map[string]any {
	cfg := config.Default()
	out := map[string]any{}
	for _, v := range deskform.Load(src, deskform.KindOf(rel)).Values {
		if v.Fixed != "" {
			out[v.Key] = "sent, and ignored: the form shows it read only"
			continue
		}
		switch v.Control {
		case deskform.Check:
			out[v.Key] = v.On
		case deskform.Topics:
			names := []any{}
			for _, t := range v.List {
				if tp, ok := cfg.Topic(t); ok {
					t = tp.Name
				}
				names = append(names, t)
			}
			out[v.Key] = names
		case deskform.List, deskform.Files:
			rows := []any{}
			for _, s := range v.List {
				rows = append(rows, s)
			}
			out[v.Key] = rows
		default:
			out[v.Key] = v.Text
		}
	}
	return out
}

// TestSaveKeepsTheFileLayout saves a page of every kind through the HTTP
// API, first unchanged (the same bytes), then with a few fields and the
// body changed: comments, key order, quoting, unknown keys and the other
// values stay as they were (golden files in testdata/roundtrip).
func TestSaveKeepsTheFileLayout(t *testing.T) {
	root := writeSite(t, smallSite())
	r := start(t, root, "", serve.Options{})
	for _, tc := range []struct {
		fixture, path string
		change        map[string]any
		body          func(string) string
	}{
		{"bai-viet.md", "content/bai-viet/bai.md",
			map[string]any{"title": "Kết quả SIPAS 2025 của xã", "summary": "Người dân hài lòng hơn.", "draft": false},
			func(b string) string { return b + "\nThêm một đoạn.\n" }},
		{"van-ban.md", "content/van-ban/ke-hoach/index.md",
			map[string]any{"so_ky_hieu": "36/KH-UBND", "cap": "Xã"}, nil},
		{"hoi-dap.md", "content/hoi-dap/can-cuoc.md",
			map[string]any{"linh_vuc": "Cư trú, căn cước"},
			func(b string) string { return strings.Replace(b, "Công an xã.", "Công an xã Diễn Châu.", 1) }},
		{"thu-tuc.md", "content/thu-tuc/khai-sinh.md",
			map[string]any{"muc_do": "Một phần", "ho_so": []any{"Tờ khai đăng ký khai sinh theo mẫu", "Giấy chứng sinh", "Căn cước của cha, mẹ"}}, nil},
		{"su-kien.md", "content/su-kien/tong-ket.md",
			map[string]any{"dia_diem": "Hội trường UBND xã Diễn Châu", "ket_thuc": "11:00", "topics": []any{"PAR INDEX", "SIPAS"}}, nil},
		{"trang.md", "content/gioi-thieu.md",
			map[string]any{"summary": "Về chuyên mục."}, nil},
		{"muc.md", "content/bai-viet/_index.md",
			map[string]any{"description": "Tin tức, sự kiện cải cách hành chính"}, nil},
	} {
		src, err := os.ReadFile(filepath.Join("testdata/roundtrip", tc.fixture))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, root, tc.path, string(src))
		fields := formValues(src, tc.path)
		body := deskform.Load(src, deskform.KindOf(tc.path)).Body

		a := r.post(t, "luu", map[string]any{"tep": tc.path, "goc": sum(string(src)), "fields": fields, "body": body}, nil)
		if a.status != http.StatusOK || a.json(t)["da_ghi"] != false {
			t.Errorf("%s unchanged: %d %s", tc.fixture, a.status, a.body)
		}
		if got := readFile(t, root, tc.path); got != string(src) {
			t.Errorf("%s saved unchanged is not the same bytes:\n%s", tc.fixture, got)
		}

		for k, v := range tc.change {
			fields[k] = v
		}
		if tc.body != nil {
			body = tc.body(body)
		}
		a = r.post(t, "luu", map[string]any{"tep": tc.path, "goc": sum(string(src)), "fields": fields, "body": body}, nil)
		if a.status != http.StatusOK {
			t.Errorf("%s: %d %s", tc.fixture, a.status, a.body)
			continue
		}
		got := readFile(t, root, tc.path)
		if a.json(t)["goc"] != sum(got) {
			t.Errorf("%s: the answer's sum is not the file's", tc.fixture)
		}
		golden := filepath.Join("testdata/roundtrip", strings.TrimSuffix(tc.fixture, ".md")+".want")
		if *update {
			os.WriteFile(golden, []byte(got), 0o644)
			continue
		}
		want, _ := os.ReadFile(golden)
		if got != string(want) {
			t.Errorf("%s after the save:\n%s\nwant (%s):\n%s", tc.fixture, got, golden, want)
		}
	}
}

// TestSaveRefusesAFileChangedOnDisk: a Save made from an older version
// of the file is answered 409 with both texts, writes nothing, and the
// writer's choice to keep theirs then writes it.
func TestSaveRefusesAFileChangedOnDisk(t *testing.T) {
	root := writeSite(t, smallSite())
	r := start(t, root, "", serve.Options{})
	file := "content/bai-viet/ket-qua-sipas.md"
	opened := readFile(t, root, file)
	behind := strings.Replace(opened, "88,1%", "88,2%", 1) // another editor's change
	writeFile(t, root, file, behind)

	a := r.post(t, "luu", saveBody(file, sum(opened), "Tiêu đề của tôi"), nil)
	if a.status != http.StatusConflict {
		t.Fatalf("stale save: %d %s", a.status, a.body)
	}
	c := a.json(t)
	if c["dia"] != behind || c["goc_dia"] != sum(behind) || !strings.Contains(c["cua_ban"].(string), "Tiêu đề của tôi") ||
		!strings.Contains(c["loi"].(string), "đã được sửa ở nơi khác") {
		t.Errorf("conflict answer: %v", c)
	}
	if got := readFile(t, root, file); got != behind {
		t.Errorf("a refused save wrote:\n%s", got)
	}
	a = r.post(t, "luu", saveBody(file, c["goc_dia"].(string), "Tiêu đề của tôi"), nil)
	got := readFile(t, root, file)
	if a.status != http.StatusOK || !strings.Contains(got, "Tiêu đề của tôi") || !strings.Contains(got, "88,2%") {
		t.Errorf("keeping mine: %d %s\n%s", a.status, a.body, got)
	}

	// A new page whose name was taken meanwhile is not replaced.
	newPage := "content/bai-viet/moi.md"
	writeFile(t, root, newPage, "---\ntitle: \"Của người khác\"\n---\n")
	a = r.post(t, "luu", map[string]any{"tep": newPage, "goc": "", "goc_van_ban": "---\ntitle: \"Của tôi\"\n---\n", "fields": map[string]any{}}, nil)
	if a.status != http.StatusConflict || !strings.Contains(a.json(t)["loi"].(string), "vừa được tạo ở nơi khác") {
		t.Errorf("new page over an existing file: %d %s", a.status, a.body)
	}
	// A file deleted meanwhile: the conflict says so; keeping mine writes it anew.
	os.Remove(filepath.Join(root, filepath.FromSlash(file)))
	a = r.post(t, "luu", saveBody(file, sum(got), "Lại của tôi"), nil)
	c = a.json(t)
	if a.status != http.StatusConflict || c["goc_dia"] != "" || !strings.Contains(c["loi"].(string), "đã bị xóa") {
		t.Errorf("deleted file: %d %s", a.status, a.body)
	}
	a = r.post(t, "luu", map[string]any{"tep": file, "goc": "", "goc_van_ban": c["cua_ban"], "fields": map[string]any{"title": "Lại của tôi"}}, nil)
	if a.status != http.StatusOK || !strings.Contains(readFile(t, root, file), "Lại của tôi") {
		t.Errorf("writing a deleted file anew: %d %s", a.status, a.body)
	}
}

// TestBrokenFrontMatterIsEditedAsText: a file whose front matter cannot
// be read opens as its whole text, with the reason; saving it writes the
// text as sent, and once fixed the page opens as a form again.
func TestBrokenFrontMatterIsEditedAsText(t *testing.T) {
	root := writeSite(t, smallSite())
	file := "content/bai-viet/hong.md"
	broken := "---\r\ntitle: \"Hỏng\r\ndate: 16/01/2026\r\n---\r\nBài.\r\n"
	writeFile(t, root, file, broken)
	r := start(t, root, "", serve.Options{})
	form := r.get(t, "sua?tep="+file, nil)
	if !strings.Contains(form.body, `<textarea id="than-bai" class="raw" data-raw="1"`) || !strings.Contains(form.body, "Phần khai báo đầu bài có lỗi ở dòng") ||
		strings.Contains(form.body, `data-key="title"`) {
		t.Fatalf("the form of a broken file:\n%s", form.body)
	}
	fixed := "---\ntitle: \"Hỏng\"\ndate: 16/01/2026\ntopics: [SIPAS]\n---\nBài.\n"
	a := r.post(t, "luu", map[string]any{"tep": file, "goc": sum(broken), "raw": fixed}, nil)
	if a.status != http.StatusOK {
		t.Fatalf("saving the text: %d %s", a.status, a.body)
	}
	// Written with the file's own line ends.
	if got := readFile(t, root, file); got != strings.ReplaceAll(fixed, "\n", "\r\n") {
		t.Errorf("saved %q", got)
	}
	if form := r.get(t, "sua?tep="+file, nil); !strings.Contains(form.body, `data-key="title"`) {
		t.Error("the fixed file does not open as a form")
	}
}
