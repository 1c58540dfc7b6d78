package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/pipeline"
	"github.com/cchc-vn/cchc/internal/publish"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("build", "cchc build [-s SITE] [-d DEST | --zip FILE] [--cache CACHE] [--base-url URL] [--drafts] [--future]", stdout, stderr)
	site := fl.String("s", ".", "thư mục `SITE` (chứa content/)")
	dest := fl.String("d", "", "thư mục đích `DEST` (mặc định: SITE/public)")
	baseURL := fl.String("base-url", "", "địa chỉ gốc `URL` của chuyên mục, thay cho base_url trong site.yaml")
	drafts := fl.Bool("drafts", false, "dựng cả bài nháp (draft: true)")
	future := fl.Bool("future", false, "dựng cả bài có ngày đăng trong tương lai")
	zipFile := fl.String("zip", "", "ghi trang đã dựng vào tệp nén ZIP `FILE` thay cho thư mục đích")
	cacheDir := fl.String("cache", "", "thư mục `CACHE` giữ các trang đã dựng để lần sau dùng lại (ngoài thư mục đích)")
	if code, ok := fl.parse(args); !ok {
		return code
	}
	if *zipFile != "" && *dest != "" {
		fmt.Fprintln(stderr, "cchc build: không dùng -d cùng --zip — --zip ghi trang đã dựng vào tệp nén thay cho thư mục đích; hãy bỏ một trong hai")
		return exitUsage
	}
	if *baseURL != "" {
		if err := config.Default().SetBaseURL(*baseURL); err != nil {
			fmt.Fprintf(stderr, "cchc build: --base-url: %v\n", err)
			return exitUsage
		}
	}
	root, ok := siteRoot("build", *site, stderr)
	if !ok {
		return exitUsage
	}
	opts := pipeline.Options{
		Site: os.DirFS(root), Theme: cchc.Theme(), BaseURL: *baseURL,
		Drafts: *drafts, Future: *future, Now: time.Now(), ForgetBodies: true,
	}
	sess := pipeline.OneBuild(nil, "")
	out := *dest
	if out == "" && *zipFile == "" {
		out = filepath.Join(root, "public")
	}
	if *cacheDir != "" {
		if err := checkCacheDir(root, out, *cacheDir); err != nil {
			fmt.Fprintf(stderr, "cchc build: --cache: %v\n", err)
			return exitUsage
		}
		sess = pipeline.OneBuild(openCache(*cacheDir, stderr))
	}
	if *zipFile != "" {
		return buildZip(sess, opts, root, *zipFile, stdout, stderr)
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
	res, ds := sess.Build(opts, w)
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
	saveCache(sess, stderr)
	printBuilt(stdout, res, ds, out, start, sess)
	return exitOK
}

// buildZip builds into a ZIP archive instead of a folder: the deployable
// file for CI and for copying by hand. Its single top folder is the last
// segment of the base path ("cchc/"), so unzipping it in the web root
// serves the column where its links expect it. A failed build writes no
// archive and leaves an existing file as it was.
func buildZip(sess *pipeline.Session, opts pipeline.Options, root, file string, stdout, stderr io.Writer) int {
	if err := publish.CheckZipFile(root, file); err != nil {
		fmt.Fprintf(stderr, "cchc build: %v\n", err)
		return exitUsage
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		fmt.Fprintf(stderr, "cchc build: %v\n", err)
		return exitUsage
	}
	start := time.Now()
	opts.Config = pipeline.LoadConfig(opts)
	z := publish.NewZip(zipTop(opts.Config))
	if sess.Store != nil {
		z.UseCache(sess.Store)
	}
	res, ds := sess.Build(opts, z)
	printDiagnostics(stderr, ds)
	if ds.HasErrors() {
		errs, warns := ds.Count()
		kept := fmt.Sprintf("Tệp %s được giữ nguyên.", abs)
		if _, err := os.Stat(abs); err != nil {
			kept = fmt.Sprintf("Không tạo tệp %s.", abs)
		}
		fmt.Fprintf(stderr, "Dựng thất bại: %d lỗi, %d cảnh báo. %s\n", errs, warns, kept)
		return exitError
	}
	if err := z.Save(abs); err != nil {
		fmt.Fprintf(stderr, "cchc build: %v\n", err)
		return exitError
	}
	saveCache(sess, stderr)
	printBuilt(stdout, res, ds, abs, start, sess)
	return exitOK
}

// zipTop names the archive's top folder after the base path the build
// will use. The archive needs the name before the first file arrives, so
// site.yaml is read ahead of the build, which is handed what was read; a
// site.yaml with errors gives "site" here, and the build then fails with
// its messages.
func zipTop(sc *pipeline.SiteConfig) string {
	if sc.Diags.HasErrors() {
		return "site"
	}
	return publish.ZipTop(sc.Config.BasePath())
}

// printBuilt reports a successful build on stdout.
func printBuilt(stdout io.Writer, res *pipeline.Result, ds diag.List, out string, start time.Time, sess *pipeline.Session) {
	_, warns := ds.Count()
	fmt.Fprintf(stdout, "Đã dựng %d trang (%d tệp) vào %s trong %s", res.Pages, res.Files, out, seconds(time.Since(start)))
	if sess.Store != nil {
		fmt.Fprintf(stdout, ", dùng lại %d mục từ bộ nhớ đệm", sess.Store.Hits())
	}
	if warns > 0 {
		fmt.Fprintf(stdout, ", %d cảnh báo", warns)
	}
	fmt.Fprintln(stdout, ".")
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
