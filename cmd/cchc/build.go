package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/build"
	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/publish"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	fl.SetOutput(stderr)
	site := fl.String("s", ".", "thư mục site (chứa content/)")
	dest := fl.String("d", "", "thư mục đích (mặc định: SITE/public)")
	baseURL := fl.String("base-url", "", "địa chỉ gốc của chuyên mục, thay cho base_url trong site.yaml")
	drafts := fl.Bool("drafts", false, "dựng cả bài nháp (draft: true)")
	future := fl.Bool("future", false, "dựng cả bài có ngày đăng trong tương lai")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "Cách dùng: cchc build [-s SITE] [-d DEST] [--base-url URL] [--drafts] [--future]")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitUsage
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "cchc build: không nhận tham số %q\n", fl.Arg(0))
		fl.Usage()
		return exitUsage
	}
	if *baseURL != "" {
		if err := config.Default().SetBaseURL(*baseURL); err != nil {
			fmt.Fprintf(stderr, "cchc build: --base-url: %v\n", err)
			return exitUsage
		}
	}
	root, err := filepath.Abs(*site)
	if err != nil {
		fmt.Fprintf(stderr, "cchc build: %v\n", err)
		return exitUsage
	}
	if st, err := os.Stat(root); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "cchc build: không tìm thấy thư mục site %q\n", *site)
		return exitUsage
	}
	out := *dest
	if out == "" {
		out = filepath.Join(root, "public")
	}
	if err := publish.CheckDest(root, out); err != nil {
		fmt.Fprintf(stderr, "cchc build: %v\n", err)
		return exitUsage
	}

	start := time.Now()
	w, err := publish.NewDir(out)
	if err != nil {
		fmt.Fprintf(stderr, "cchc build: %v\n", err)
		return exitError
	}
	res, ds := build.Build(build.Options{
		Site: os.DirFS(root), Theme: cchc.Theme(), BaseURL: *baseURL,
		Drafts: *drafts, Future: *future, Now: time.Now(),
	}, w)
	printDiagnostics(stderr, ds)
	if ds.HasErrors() {
		w.Abort()
		errs, warns := ds.Count()
		fmt.Fprintf(stderr, "Dựng thất bại: %d lỗi, %d cảnh báo. Thư mục %s được giữ nguyên.\n", errs, warns, out)
		return exitError
	}
	if err := w.Commit(); err != nil {
		fmt.Fprintf(stderr, "cchc build: %v\n", err)
		return exitError
	}
	_, warns := ds.Count()
	fmt.Fprintf(stdout, "Đã dựng %d trang (%d tệp) vào %s trong %s", res.Pages, res.Files, out, seconds(time.Since(start)))
	if warns > 0 {
		fmt.Fprintf(stdout, ", %d cảnh báo", warns)
	}
	fmt.Fprintln(stdout, ".")
	return exitOK
}

func printDiagnostics(w io.Writer, ds diag.List) {
	for _, d := range ds {
		fmt.Fprintln(w, d.String())
	}
}

// seconds formats a duration the Vietnamese way: "1,25 giây".
func seconds(d time.Duration) string {
	s := fmt.Sprintf("%.2f", d.Seconds())
	for i := range s {
		if s[i] == '.' {
			s = s[:i] + "," + s[i+1:]
		}
	}
	return s + " giây"
}
