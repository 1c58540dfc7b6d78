package reportfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Format is the kind of file -o names.
type Format int

const (
	XLSX Format = iota
	CSV
)

// CheckOutput checks the -o file before any work: its extension gives
// the format, and its folder must exist. The messages say how to fix it.
func CheckOutput(path string) (Format, error) {
	var f Format
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		f = XLSX
	case ".csv":
		f = CSV
	default:
		return 0, fmt.Errorf("tệp %q phải có đuôi .xlsx (bảng tính Excel) hoặc .csv — ví dụ: -o bao-cao.xlsx", path)
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return 0, fmt.Errorf("%s là một thư mục — ghi tên tệp, ví dụ: -o %s", path, filepath.Join(path, "bao-cao"+filepath.Ext(path)))
	}
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return 0, fmt.Errorf("thư mục %s không tồn tại — tạo thư mục trước, hoặc ghi vào thư mục khác", dir)
	}
	return f, nil
}

// Save writes a file through a temporary file beside it, renamed over
// the target once complete: an interrupted run never leaves half a
// workbook. On Windows a workbook open in Excel cannot be replaced; the
// rename fails and the message says to close it.
func Save(path string, write func(io.Writer) error) error {
	return save(path, write, os.Rename)
}

func save(path string, write func(io.Writer) error, rename func(from, to string) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("không tạo được tệp trong thư mục %s: %v — kiểm tra quyền ghi vào thư mục", dir, err)
	}
	err = write(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("không ghi được tệp %s: %v", path, err)
	}
	if err := rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		if _, serr := os.Stat(path); serr == nil || !errors.Is(serr, os.ErrNotExist) {
			// Windows says "used by another process" or "access denied";
			// either way, for a workbook, Excel holds it.
			return fmt.Errorf("tệp %s đang mở trong Excel hoặc chương trình khác — đóng tệp rồi chạy lại", path)
		}
		return fmt.Errorf("không ghi được tệp %s: %v", path, err)
	}
	return nil
}
