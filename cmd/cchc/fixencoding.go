package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/legacy"
)

// textExts are the files fix-encoding converts: what an editor writes in
// Notepad. A Word file is for `cchc import`, anything else is left alone.
var textExts = []string{".md", ".markdown", ".txt", ".yaml", ".yml", ".toml", ".csv"}

func runFixEncoding(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("fix-encoding", "cchc fix-encoding [--encoding tcvn3|vni|viscii|cp1258] [--dry-run] TỆP...", stdout, stderr)
	fl.about = "Chuyển tệp gõ bằng bảng mã cũ (TCVN3, VNI, VISCII, CP1258), chữ \"lỗi font\" hoặc tệp UTF-16 sang Unicode UTF-8; bản gốc giữ lại ở TỆP.bak."
	encName := fl.String("encoding", "", "`BẢNG_MÃ` chữ cũ: tcvn3, vni, viscii hoặc cp1258 (mặc định: tự nhận ra)")
	dryRun := fl.Bool("dry-run", false, "chỉ báo sẽ sửa gì, không ghi tệp")
	files, code := fl.parseInterleaved(args)
	if code >= 0 {
		return code
	}
	if len(files) == 0 {
		fl.usageError("thiếu tên tệp — ví dụ: cchc fix-encoding content/bai-viet/bai-cu.md")
		return exitUsage
	}
	forced := legacy.Unicode
	if *encName != "" {
		enc, ok := legacy.ParseEncoding(*encName)
		if !ok {
			fmt.Fprintf(stderr, "cchc fix-encoding: không biết bảng mã %q — chọn một trong tcvn3, vni, viscii, cp1258\n", *encName)
			return exitUsage
		}
		forced = enc
	}
	for _, f := range files {
		if st, err := os.Stat(f); err != nil || !st.Mode().IsRegular() {
			fmt.Fprintf(stderr, "cchc fix-encoding: không tìm thấy tệp %q\n", f)
			return exitUsage
		}
	}
	status := exitOK
	for _, f := range files {
		msg, err := fixEncodingFile(f, forced, *dryRun)
		if err != nil {
			fmt.Fprintf(stderr, "%s: lỗi: %v\n", f, err)
			status = exitError
			continue
		}
		fmt.Fprintf(stdout, "%s: %s\n", f, msg)
	}
	return status
}

// conversion is what fix-encoding found in a file.
type conversion struct {
	text    string // the new content; "" when there is nothing to fix
	summary string // what was done, in Vietnamese
	runs    []legacy.Run
	src     string // the UTF-8 text the runs point into
}

// fixEncodingFile converts one file and says what it did.
func fixEncodingFile(path string, forced legacy.Encoding, dryRun bool) (string, error) {
	if !isTextFile(path) {
		return "", errors.New("chỉ sửa tệp văn bản (" + strings.Join(textExts, ", ") + "); tệp Word (.docx) hãy dùng cchc import")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("không đọc được tệp: %v", err)
	}
	c, err := convert(data, forced)
	if err != nil {
		return "", err
	}
	if c.text == "" {
		return "không có gì cần sửa", nil
	}
	if dryRun {
		return "sẽ " + c.summary + " (chưa ghi gì: --dry-run)" + describeRuns(c), nil
	}
	backup, err := writeConverted(path, data, c.text)
	if err != nil {
		return "", err
	}
	return "đã " + c.summary + "; bản gốc lưu ở " + backup, nil
}

func isTextFile(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range textExts {
		if ext == e {
			return true
		}
	}
	return false
}

// convert decides what the bytes are: UTF-16, a whole legacy file, or
// UTF-8 with "lỗi font" runs, and makes the UTF-8 NFC text.
func convert(data []byte, forced legacy.Encoding) (conversion, error) {
	if u := legacy.DetectUTF16(data); u != legacy.NotUTF16 && forced == legacy.Unicode {
		return conversion{text: legacy.DecodeUTF16(u, data), summary: fmt.Sprintf("chuyển tệp %s sang UTF-8", u)}, nil
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return conversion{}, errors.New("tệp có ký tự NUL: đây không phải tệp văn bản")
	}
	if !utf8.Valid(data) {
		enc := forced
		if enc == legacy.Unicode {
			var ok bool
			if enc, ok = legacy.DetectBytes(data); !ok {
				return conversion{}, errors.New("không nhận ra bảng mã của tệp — chỉ rõ bằng --encoding tcvn3, vni, viscii hoặc cp1258")
			}
		}
		return conversion{text: legacy.DecodeBytes(enc, data), summary: fmt.Sprintf("chuyển cả tệp từ bảng mã %s sang Unicode (UTF-8)", enc)}, nil
	}
	src := string(data)
	runs := legacy.FindMojibake(src)
	if len(runs) == 0 {
		return conversion{}, nil
	}
	var b strings.Builder
	counts := map[legacy.Encoding]int{}
	last := 0
	for i, r := range runs {
		if forced != legacy.Unicode && r.Enc != forced {
			runs[i].Enc, runs[i].Fixed = forced, legacy.FromFontText(forced, false, src[r.Start:r.End])
		}
		b.WriteString(src[last:r.Start])
		b.WriteString(runs[i].Fixed)
		last = r.End
		counts[runs[i].Enc]++
	}
	b.WriteString(src[last:])
	var parts []string
	for _, enc := range []legacy.Encoding{legacy.TCVN3, legacy.VNI, legacy.VISCII, legacy.CP1258} {
		if n := counts[enc]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d đoạn %s", n, enc))
		}
	}
	return conversion{
		text:    legacy.FromFontText(legacy.Unicode, false, b.String()),
		summary: "chuyển " + strings.Join(parts, ", ") + " sang Unicode",
		runs:    runs,
		src:     src,
	}, nil
}

// describeRuns lists, for --dry-run, each run with its line and column.
func describeRuns(c conversion) string {
	var b strings.Builder
	for _, r := range c.runs {
		line := strings.Count(c.src[:r.Start], "\n") + 1
		col := utf8.RuneCountInString(c.src[strings.LastIndexByte(c.src[:r.Start], '\n')+1:r.Start]) + 1
		fmt.Fprintf(&b, "\n  dòng %d, cột %d (%s): %q → %q", line, col, r.Enc, c.src[r.Start:r.End], r.Fixed)
	}
	return b.String()
}

// writeConverted keeps the original beside the file (x.md.bak, or .bak2…
// when a backup is already there, never overwritten), then replaces the
// file through a temporary file and a rename, so a crash leaves the old
// file or the new one, never half of each.
func writeConverted(path string, original []byte, text string) (string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	backup, err := writeBackup(path, original, st.Mode().Perm())
	if err != nil {
		return "", fmt.Errorf("không ghi được bản sao lưu: %v", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("không ghi được tệp: %v", err)
	}
	defer os.Remove(tmp.Name()) // fails once renamed: nothing left behind
	_, err = tmp.WriteString(text)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), st.Mode().Perm())
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return "", fmt.Errorf("không ghi được tệp (bản gốc vẫn nguyên, bản sao ở %s): %v", backup, err)
	}
	return backup, nil
}

// writeBackup creates the first free name of path.bak, path.bak2, …
func writeBackup(path string, data []byte, perm fs.FileMode) (string, error) {
	for n := 1; n < 1000; n++ {
		name := path + ".bak"
		if n > 1 {
			name += fmt.Sprint(n)
		}
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return name, err
	}
	return "", errors.New("đã có quá nhiều bản sao lưu")
}
