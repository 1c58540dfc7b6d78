package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"cchc":   func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
		"mkdocx": func() { os.Exit(mkdocx(os.Args[1:])) },
	})
}

// TestScripts runs testdata/script/*.txtar: the command as an editor or CI
// runs it, on real folders.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script"})
}

// sampleDir is a frozen copy of the Diễn Châu sample site: tests never read
// the live content/ and site.yaml, which belong to the editors.
const sampleDir = "../../testdata/sample"

const goodArticle = "---\ntitle: \"Một cửa\"\ndate: 2026-01-16\ntopics: [Một cửa]\n---\nNội dung.\n"

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestExitCodesAndMessages(t *testing.T) {
	site := writeSite(t, map[string]string{"content/bai-viet/a.md": goodArticle})
	bad := writeSite(t, map[string]string{"content/bai-viet/a.md": strings.Replace(goodArticle, "2026-01-16", "31/04/2026", 1)})
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string // exact, when set
		stdout string // prefix, when set
	}{
		{"no command", nil, exitUsage, "", ""},
		{"unknown command", []string{"dung"}, exitUsage, "", ""},
		{"unknown flag", []string{"build", "--nhanh"}, exitUsage, "", ""},
		{"extra argument", []string{"build", "-s", site, "thua"}, exitUsage, "", ""},
		{"missing site", []string{"build", "-s", filepath.Join(site, "khong-co")}, exitUsage,
			fmt.Sprintf("cchc build: không tìm thấy thư mục site %q\n", filepath.Join(site, "khong-co")), ""},
		{"dest is site root", []string{"build", "-s", site, "-d", site}, exitUsage, "", ""},
		{"dest is content", []string{"build", "-s", site, "-d", filepath.Join(site, "content")}, exitUsage, "", ""},
		{"dest is /", []string{"build", "-s", site, "-d", "/"}, exitUsage, "", ""},
		{"bad base url", []string{"build", "-s", site, "--base-url", "dienchau/cchc"}, exitUsage, "", ""},
		{"content error", []string{"build", "-s", bad}, exitError,
			"content/bai-viet/a.md:3:7: lỗi: `date` (ngày đăng): ngày \"31/04/2026\" không có thật: tháng 4 năm 2026 chỉ có 30 ngày — sửa lại ngày, ví dụ 30/04/2026\n" +
				"Dựng thất bại: 1 lỗi, 0 cảnh báo. Thư mục " + filepath.Join(bad, "public") + " được giữ nguyên.\n", ""},
		{"success", []string{"build", "-s", site}, exitOK, "", "Đã dựng "},
		{"version", []string{"version"}, exitOK, "", "cchc "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout.String(), stderr.String())
			}
			if tt.stderr != "" && stderr.String() != tt.stderr {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), tt.stderr)
			}
			if !strings.HasPrefix(stdout.String(), tt.stdout) {
				t.Errorf("stdout %q, want prefix %q", stdout.String(), tt.stdout)
			}
			if code == exitUsage && stderr.Len() == 0 {
				t.Error("wrong usage with nothing on stderr")
			}
		})
	}
}

// treeDigest hashes every file under root with its path.
func treeDigest(t *testing.T, root string) (string, int) {
	t.Helper()
	var names []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, n)
		fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(rel), len(data))
		h.Write(data)
	}
	return fmt.Sprintf("%x", h.Sum(nil)), len(names)
}

// TestSampleSiteBuildsReproducibly builds the frozen sample site
// twice, the second time in another time zone, and compares every byte.
func TestSampleSiteBuildsReproducibly(t *testing.T) {
	out1, out2 := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	var stderr bytes.Buffer
	if code := run([]string{"build", "-s", sampleDir, "-d", out1}, &bytes.Buffer{}, &stderr); code != exitOK {
		t.Fatalf("sample site: exit %d\n%s", code, stderr.String())
	}
	if strings.Contains(stderr.String(), "lỗi") {
		t.Errorf("sample site has diagnostics:\n%s", stderr.String())
	}
	t.Setenv("TZ", "America/New_York")
	if code := run([]string{"build", "-s", sampleDir, "-d", out2}, &bytes.Buffer{}, &stderr); code != exitOK {
		t.Fatalf("second build: exit %d", code)
	}
	d1, n1 := treeDigest(t, out1)
	d2, n2 := treeDigest(t, out2)
	if d1 != d2 || n1 != n2 {
		t.Errorf("two builds differ: %d files %s vs %d files %s", n1, d1, n2, d2)
	}
	if n1 < 40 {
		t.Errorf("sample site gave only %d files", n1)
	}
}
