package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/cchc-vn/cchc/internal/newsite"
	"github.com/cchc-vn/cchc/internal/viet"
)

const initSynopsis = `cchc init THƯ_MỤC --name "Xã …" --province "…" [--base-url URL]`

func runInit(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("init", initSynopsis, stdout, stderr)
	name := fl.String("name", "", "`TÊN` xã, phường hay thị trấn, ví dụ \"Xã Diễn Châu\"")
	province := fl.String("province", "", "`TỈNH`, ví dụ \"Nghệ An\"")
	baseURL := fl.String("base-url", "", "địa chỉ đầy đủ `URL` của chuyên mục trên Cổng, ví dụ https://dienchau.nghean.gov.vn/cchc/ (điền sau trong site.yaml cũng được)")
	ask := fl.Bool("ask", false, "hỏi tên xã, tỉnh và thư mục trên màn hình (tệp \"Tạo trang mới.cmd\" dùng cách này)")
	rest, code := fl.parseInterleaved(args)
	if code >= 0 {
		return code
	}
	opts := newsite.Options{Name: *name, Province: *province, BaseURL: *baseURL, Version: releaseVersion, Now: time.Now()}
	switch {
	case *ask && len(rest) == 0:
		if !askSite(&opts, os.Stdin, stdout) {
			fmt.Fprintln(stderr, "cchc init: chưa đủ thông tin nên chưa tạo trang.")
			return exitUsage
		}
	case len(rest) == 1:
		opts.Dir = rest[0]
	case len(rest) == 0:
		fl.usageError(`thiếu thư mục cho trang mới — ví dụ: cchc init trang-xa --name "Xã Diễn Châu" --province "Nghệ An"`)
		return exitUsage
	default:
		fl.usageError(fmt.Sprintf("chỉ nhận một thư mục, không phải %d — tên có dấu cách thì đặt trong ngoặc kép: cchc init \"%s\"", len(rest), strings.Join(rest, " ")))
		return exitUsage
	}
	site, err := newsite.Create(opts)
	if err != nil {
		fmt.Fprintf(stderr, "cchc init: %v\n", err)
		if _, ok := errors.AsType[*newsite.UsageError](err); ok {
			return exitUsage
		}
		return exitError
	}
	abs, _ := filepath.Abs(opts.Dir)
	fmt.Fprintf(stdout, "Đã tạo trang của %s trong %s (%d tệp).\n", site.Org, abs, len(site.Files))
	if copied := copySelf(abs, stderr); copied != "" {
		fmt.Fprintf(stdout, "Đã chép %s vào thư mục trang để xem thử trên máy.\n", copied)
	}
	printNextSteps(stdout, abs)
	if *ask && runtime.GOOS == "windows" {
		exec.Command("explorer", abs).Start() // show the new folder; best effort
	}
	if opts.Version == "" {
		fmt.Fprintf(stdout, "\nLưu ý: bản cchc này không phải bản phát hành nên chưa ghi được phiên bản vào .github/workflows/publish.yml —\nghi số phiên bản mới nhất (ví dụ v0.1.0, xem https://github.com/%s/releases) vào dòng CCHC_VERSION trước khi đăng.\n", newsite.Repo)
	}
	return exitOK
}

// printNextSteps tells the editor what to do with the new site.
func printNextSteps(w io.Writer, dir string) {
	fmt.Fprintf(w, `
Việc tiếp theo:
  1. Mở %s, điền địa chỉ, điện thoại, email (mục contact:) và base_url.
  2. Xem thử: nhấp đúp "%s" trong thư mục trang (Windows),
     hoặc chạy: cchc serve --open -s "%s"
  3. Mỗi mục có một bài mẫu (tệp vi-du-…, đang là bản nháp): sửa thành bài thật hoặc xóa.
  4. Đăng lên Cổng: xem mục 4 của README.md trong thư mục trang.
`, filepath.Join(dir, "site.yaml"), newsite.LauncherName, dir)
}

// askSite asks for the site's names and folder on the terminal: the
// Windows launcher runs `cchc init --ask`, for editors who do not type
// commands. Go reads the Windows console in UTF-16, so Vietnamese typed
// there arrives intact (cmd's own `set /p` garbles it).
func askSite(opts *newsite.Options, in io.Reader, out io.Writer) bool {
	sc := bufio.NewScanner(in)
	done := false // the input ended: stop asking
	read := func(prompt, def string) string {
		if def != "" {
			fmt.Fprintf(out, "%s [%s]: ", prompt, def)
		} else {
			fmt.Fprintf(out, "%s: ", prompt)
		}
		if !sc.Scan() {
			done = true
			fmt.Fprintln(out)
			return def
		}
		if s := strings.TrimSpace(sc.Text()); s != "" {
			return s
		}
		return def
	}
	fmt.Fprintln(out, "Tạo Chuyên mục Cải cách hành chính cho một xã, phường.")
	for opts.Name == "" && !done {
		opts.Name = read("Tên xã, phường (ví dụ: Xã Diễn Châu)", "")
	}
	for opts.Province == "" && !done {
		opts.Province = read("Tỉnh, thành phố (ví dụ: Nghệ An)", "")
	}
	if opts.Name == "" || opts.Province == "" {
		return false
	}
	if opts.BaseURL == "" {
		opts.BaseURL = read("Địa chỉ của chuyên mục trên Cổng, nếu đã có (Enter để bỏ qua)", "")
	}
	opts.Dir = read("Tạo trang trong thư mục", defaultSiteDir(opts.Name))
	return opts.Dir != ""
}

// defaultSiteDir suggests Documents\cchc-<name> in the user's folder.
func defaultSiteDir(name string) string {
	slug := viet.Slug(name)
	if slug == "" {
		slug = "trang"
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "cchc-" + slug
	}
	docs := filepath.Join(home, "Documents")
	if st, err := os.Stat(docs); err != nil || !st.IsDir() {
		docs = home
	}
	return filepath.Join(docs, "cchc-"+slug)
}

// copySelf puts a copy of this program into the new site on Windows, so
// that the launcher there finds cchc.exe beside it (.gitignore keeps it
// out of the repository). It returns the name copied, or "".
func copySelf(dir string, stderr io.Writer) string {
	if runtime.GOOS != "windows" {
		return ""
	}
	self, err := os.Executable()
	if err != nil {
		return ""
	}
	data, err := os.ReadFile(self)
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, "cchc.exe"), data, 0o755)
	}
	if err != nil {
		fmt.Fprintf(stderr, "cảnh báo: không chép được cchc.exe vào thư mục trang (%v) — hãy tự chép để dùng \"%s\"\n", err, newsite.LauncherName)
		return ""
	}
	return "cchc.exe"
}
