package reportfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		path   string
		format Format
		err    string
	}{
		{path: filepath.Join(dir, "bao-cao.xlsx"), format: XLSX},
		{path: filepath.Join(dir, "BAO-CAO.XLSX"), format: XLSX},
		{path: filepath.Join(dir, "bao-cao.csv"), format: CSV},
		{path: filepath.Join(dir, "khong-co", "bao-cao.xlsx"),
			err: "thư mục " + filepath.Join(dir, "khong-co") + " không tồn tại — tạo thư mục trước, hoặc ghi vào thư mục khác"},
		{path: filepath.Join(dir, "bao-cao.xls"),
			err: "tệp \"" + filepath.Join(dir, "bao-cao.xls") + "\" phải có đuôi .xlsx (bảng tính Excel) hoặc .csv — ví dụ: -o bao-cao.xlsx"},
		{path: filepath.Join(dir, "bao-cao"),
			err: "tệp \"" + filepath.Join(dir, "bao-cao") + "\" phải có đuôi .xlsx (bảng tính Excel) hoặc .csv — ví dụ: -o bao-cao.xlsx"},
	}
	for _, tt := range tests {
		f, err := CheckOutput(tt.path)
		switch {
		case tt.err != "" && (err == nil || err.Error() != tt.err):
			t.Errorf("CheckOutput(%q) error %v\nwant %s", tt.path, err, tt.err)
		case tt.err == "" && (err != nil || f != tt.format):
			t.Errorf("CheckOutput(%q) = %v, %v; want %v", tt.path, f, err, tt.format)
		}
	}
	folder := filepath.Join(dir, "thu-muc.xlsx")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	want := folder + " là một thư mục — ghi tên tệp, ví dụ: -o " + filepath.Join(folder, "bao-cao.xlsx")
	if _, err := CheckOutput(folder); err == nil || err.Error() != want {
		t.Errorf("a folder: %v\nwant %s", err, want)
	}
}

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

// entries lists the names in dir.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestSaveReplacesAndLeavesNoTempFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bao-cao.xlsx")
	for _, s := range []string{"một", "hai"} {
		if err := Save(path, writeString(s)); err != nil {
			t.Fatal(err)
		}
	}
	if b, _ := os.ReadFile(path); string(b) != "hai" {
		t.Errorf("file holds %q, want the second write", b)
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("folder holds %q, want only the report", got)
	}
}

// TestSaveOverFileOpenInExcel: on Windows, replacing a workbook Excel has
// open fails; the rename is made to fail the same way here.
func TestSaveOverFileOpenInExcel(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bao-cao.xlsx")
	if err := os.WriteFile(path, []byte("cũ"), 0o644); err != nil {
		t.Fatal(err)
	}
	locked := func(from, to string) error {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: errors.New("The process cannot access the file because it is being used by another process.")}
	}
	err := save(path, writeString("mới"), locked)
	want := "tệp " + path + " đang mở trong Excel hoặc chương trình khác — đóng tệp rồi chạy lại"
	if err == nil || err.Error() != want {
		t.Errorf("error %v\nwant %s", err, want)
	}
	if b, _ := os.ReadFile(path); string(b) != "cũ" {
		t.Errorf("the open file was changed to %q", b)
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("folder holds %q, want the temporary file removed", got)
	}
	// Without a file in the way, the failure is not blamed on Excel.
	other := filepath.Join(dir, "moi.xlsx")
	err = save(other, writeString("x"), locked)
	if err == nil || !strings.HasPrefix(err.Error(), "không ghi được tệp "+other+": rename ") {
		t.Errorf("error %v, want a plain write error", err)
	}
}

func TestSaveWriteFailureKeepsTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bao-cao.csv")
	if err := os.WriteFile(path, []byte("cũ"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Save(path, func(io.Writer) error { return errors.New("hỏng") })
	if err == nil || err.Error() != "không ghi được tệp "+path+": hỏng" {
		t.Errorf("error %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "cũ" {
		t.Errorf("file changed to %q", b)
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("folder holds %q", got)
	}
}
