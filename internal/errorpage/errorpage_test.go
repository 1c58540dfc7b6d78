package errorpage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cchc-vn/cchc/internal/diag"
)

func TestExcerpt(t *testing.T) {
	root := writeFiles(t, map[string]string{
		"content/a.md":   "một\r\nhai\nba\nbốn\nnăm\nsáu\nbảy\ntám\nchín\nmười\n",
		"content/dai.md": strings.Repeat("ờ", 250) + "\n",
	})
	tests := []struct {
		pos  diag.Position
		want []string
	}{
		{diag.Position{File: "content/a.md", Line: 1}, []string{"> 1 | một", "  2 | hai", "  3 | ba"}},
		{diag.Position{File: "content/a.md", Line: 5, Col: 3}, []string{"  3 | ba", "  4 | bốn", "> 5 | năm", "  6 | sáu", "  7 | bảy"}},
		{diag.Position{File: "content/a.md", Line: 9}, []string{"   7 | bảy", "   8 | tám", ">  9 | chín", "  10 | mười"}},
		{diag.Position{File: "content/a.md", Line: 11}, []string{"   9 | chín", "  10 | mười"}},
		{diag.Position{File: "content/dai.md", Line: 1}, []string{"> 1 | " + strings.Repeat("ờ", 200) + "…"}},
		{diag.Position{File: "content/a.md"}, nil},
		{diag.Position{File: "content/khong-co.md", Line: 1}, nil},
		{diag.Position{File: "../a.md", Line: 1}, nil},
		{diag.Position{File: "/etc/passwd", Line: 1}, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, l := range excerpt(root, tt.pos) {
			got = append(got, l.text)
			if l.marked != strings.HasPrefix(l.text, ">") {
				t.Errorf("%v: line %q marked %v", tt.pos, l.text, l.marked)
			}
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("excerpt(%v) =\n%s\nwant\n%s", tt.pos, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

func TestOverlayListsOnlyErrorsAndCapsThem(t *testing.T) {
	var ds diag.List
	ds.Warnf(diag.Position{File: "content/a.md", Line: 2}, "", "chỉ là cảnh báo")
	for i := range maxShown + 3 {
		ds.Errorf(diag.Position{File: "content/a.md", Line: i + 1}, "sửa đi", "lỗi số %d <x>", i)
	}
	got := Overlay(t.TempDir(), ds)
	if strings.Contains(got, "chỉ là cảnh báo") {
		t.Error("the overlay shows a warning")
	}
	if !strings.Contains(got, "lỗi số 0 &lt;x&gt; — sửa đi") || strings.Contains(got, "lỗi số 20 ") {
		t.Error("the overlay does not show the first errors only, escaped")
	}
	if !strings.Contains(got, "… và 3 lỗi khác (xem trong cửa sổ dòng lệnh).") {
		t.Error("the overlay does not count the errors left out")
	}
}

// writeFiles writes files (slash paths) under a new folder and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}
