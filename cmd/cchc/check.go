package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/check"
	"github.com/cchc-vn/cchc/internal/pipeline"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("check", "cchc check [-s SITE] [--format text|github|json] [--drafts] [--future]", stdout, stderr)
	site := fl.String("s", ".", "thư mục `SITE` (chứa content/)")
	format := fl.String("format", check.FormatText, "`ĐỊNH_DẠNG` kết quả: text, github (chú thích trên GitHub) hoặc json")
	drafts := fl.Bool("drafts", false, "kiểm tra cả liên kết, ảnh của bài nháp (draft: true)")
	future := fl.Bool("future", false, "kiểm tra cả liên kết, ảnh của bài có ngày đăng trong tương lai")
	if code, ok := fl.parse(args); !ok {
		return code
	}
	if !check.ValidFormat(*format) {
		fmt.Fprintf(stderr, "cchc check: không có định dạng %q — chọn text, github hoặc json\n", *format)
		return exitUsage
	}
	root, ok := siteRoot("check", *site, stderr)
	if !ok {
		return exitUsage
	}
	ds := check.Run(pipeline.Options{
		Site: os.DirFS(root), Theme: cchc.Theme(),
		Drafts: *drafts, Future: *future, Now: time.Now(),
	})
	if err := check.Write(stdout, *format, ds, repoRoot(*site, root)); err != nil {
		fmt.Fprintf(stderr, "cchc check: %v\n", err)
		return exitError
	}
	if ds.HasErrors() {
		return exitError
	}
	return exitOK
}

// repoRoot is where the site lies relative to the working folder (the
// repository root in CI), slash-separated, for GitHub annotations. An
// absolute -s is made relative when it lies below the working folder.
func repoRoot(site, abs string) string {
	if !filepath.IsAbs(site) {
		return filepath.ToSlash(filepath.Clean(site))
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(abs)
}
