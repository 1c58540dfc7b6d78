package wordimport

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/*.md and *.notes from the importer")

// now is the time of the imports: 09:00 in Việt Nam on 1 February 2026.
var now = time.Date(2026, 2, 1, 2, 0, 0, 0, time.UTC)

func importBytes(t testing.TB, data []byte, opts Options) *Result {
	t.Helper()
	if opts.Now.IsZero() {
		opts.Now = now
	}
	res, err := Import(bytes.NewReader(data), int64(len(data)), opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// notesText writes the notes as the command prints them, for a page at
// index.md.
func notesText(res *Result) string {
	var b strings.Builder
	for _, n := range res.Notes {
		n.Pos.File = "index.md"
		b.WriteString(n.String() + "\n")
	}
	return b.String()
}

// TestGolden imports real-shaped administrative documents and compares
// the page and the notes with testdata exactly; -update rewrites them.
func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		opts Options
	}{
		{"ke-hoach-van-ban", planDocx(t), Options{Section: "van-ban", Attachment: "ke-hoach-tuyen-truyen.docx", Organization: "UBND xã Diễn Châu"}},
		{"ke-hoach-bai-viet", planDocx(t), Options{Section: "bai-viet", Topics: []string{"Cải cách thủ tục hành chính"}}},
		{"quyet-dinh", decisionDocx(), Options{Section: "van-ban", Attachment: "qd-05.docx"}},
		{"hoi-dap", qaDocx(), Options{Section: "hoi-dap", Organization: "UBND xã Diễn Châu"}},
		{"thong-bao-tcvn3", legacyDocx(), Options{Section: "bai-viet", FileName: "TB12.docx"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := importBytes(t, tt.data, tt.opts)
			var images []string
			for _, f := range res.Files {
				images = append(images, f.Name)
			}
			got := map[string]string{
				tt.name + ".md":    string(res.Markdown),
				tt.name + ".notes": notesText(res) + "ảnh: " + strings.Join(images, ", ") + "\n",
			}
			for name, text := range got {
				path := filepath.Join("testdata", name)
				if *update {
					if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if text != string(want) {
					t.Errorf("%s differs from the import:\n%s", path, text)
				}
			}
		})
	}
}
