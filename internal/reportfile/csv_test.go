package reportfile

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cchc-vn/cchc/internal/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenFile compares got with testdata/name, or rewrites it with -update.
func goldenFile(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it; review the diff):\n%s", name, got)
	}
}

func TestCSVGolden(t *testing.T) {
	r := compute(t, report.Quarter(2026, 1))
	var b bytes.Buffer
	if err := WriteCSV(&b, r, CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	got := b.Bytes()
	if !bytes.HasPrefix(got, []byte("\xef\xbb\xbf")) {
		t.Error("the CSV file does not start with the UTF-8 byte order mark")
	}
	goldenFile(t, "quy-1-2026.csv", got)
}

func TestCSVWithCommas(t *testing.T) {
	r := compute(t, report.Quarter(2026, 1))
	var b bytes.Buffer
	if err := WriteCSV(&b, r, CSVOptions{Comma: true, Made: time.Date(2026, 6, 15, 10, 30, 0, 0, now.Location())}); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	for _, want := range []string{
		"\r\n\"Tỷ lệ thủ tục trực tuyến (toàn trình, một phần)\",75%\r\n",
		"\r\nSố ngày trả lời (trung vị),9\r\n",
		"\r\nLập lúc,15/06/2026 10:30\r\n",
		"\r\nPhòng Văn hóa – Xã hội,4,26.67%,Phòng Văn hoá - Xã hội; phòng văn hóa – xã hội\r\n",
		"\r\n28/12/2025,\"Câu hỏi 4, hỏi năm trước?\",\"Bà D, thôn 4\",",
		"\r\n25/03/2026,\"'=Câu hỏi 3, hỏi cuối quý?\",\"Ông C, thôn 3\"",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("CSV with commas lacks %q", want)
		}
	}
}
