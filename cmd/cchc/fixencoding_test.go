package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

// Whole files that are not UTF-8 — Notepad's "Unicode" (UTF-16) and files
// saved by old tools in a legacy encoding — become UTF-8 NFC, with the
// original kept. Their bytes cannot live in a txtar script.
func TestFixEncodingWholeFiles(t *testing.T) {
	const text = "---\r\ntitle: \"Kế hoạch tuyên truyền\"\r\n---\r\nCác phòng, ban ngành trên địa bàn xã.\r\n"
	le := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(text)) {
		le = append(le, byte(u), byte(u>>8))
	}
	tcvn3, err := charmap.Windows1252.NewEncoder().Bytes([]byte("---\r\ntitle: \"KÕ ho¹ch tuyªn truyÒn\"\r\n---\r\nC¸c phßng, ban ngµnh trªn ®Þa bµn x·.\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	vni, err := charmap.Windows1252.NewEncoder().Bytes([]byte("---\r\ntitle: \"Keá hoaïch tuyeân truyeàn\"\r\n---\r\nCaùc phoøng, ban ngaønh treân ñòa baøn xaõ.\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte
		args []string
		msg  string
	}{
		{"utf16.md", le, nil, "đã chuyển tệp UTF-16 LE sang UTF-8"},
		{"tcvn3.md", tcvn3, nil, "đã chuyển cả tệp từ bảng mã TCVN3 (ABC) sang Unicode (UTF-8)"},
		{"vni.txt", vni, nil, "đã chuyển cả tệp từ bảng mã VNI sang Unicode (UTF-8)"},
		{"forced.yaml", vni, []string{"--encoding", "VNI"}, "đã chuyển cả tệp từ bảng mã VNI sang Unicode (UTF-8)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, c.name)
			if err := os.WriteFile(path, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			code := run(append(append([]string{"fix-encoding"}, c.args...), path), &stdout, &stderr)
			want := path + ": " + c.msg + "; bản gốc lưu ở " + path + ".bak\n"
			if code != exitOK || stdout.String() != want || stderr.Len() != 0 {
				t.Fatalf("exit %d\nstdout %q\nwant   %q\nstderr %q", code, stdout.String(), want, stderr.String())
			}
			if got, _ := os.ReadFile(path); string(got) != text {
				t.Errorf("converted: %q\nwant       %q", got, text)
			}
			if got, _ := os.ReadFile(path + ".bak"); !bytes.Equal(got, c.data) {
				t.Errorf("backup differs from the original")
			}
			if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) != 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

func TestFixEncodingUnknownBytesRefused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.md")
	data := []byte("Caf\xe9 cr\xe8me\n")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"fix-encoding", path}, &stdout, &stderr)
	want := path + ": lỗi: không nhận ra bảng mã của tệp — chỉ rõ bằng --encoding tcvn3, vni, viscii hoặc cp1258\n"
	if code != exitError || stderr.String() != want || stdout.Len() != 0 {
		t.Fatalf("exit %d\nstderr %q\nwant   %q", code, stderr.String(), want)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, data) {
		t.Error("file changed")
	}
	if _, err := os.Stat(path + ".bak"); err == nil {
		t.Error("a backup was written for a file left alone")
	}
}
