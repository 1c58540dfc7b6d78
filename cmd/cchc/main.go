// Command cchc builds the administrative-reform (CCHC) column of a
// commune's e-portal from Markdown articles. See README.md.
//
//	cchc build [-s SITE] [-d DEST | --zip FILE] [--cache DIR] [--base-url URL] [--drafts] [--future]
//	cchc check [-s SITE] [--format text|github|json] [--drafts] [--future]
//	cchc serve [-s SITE] [--bind 127.0.0.1] [--port 1313] [--poll]
//	cchc new   [-s SITE] [--section bai-viet] [--topic T ...] "Tiêu đề bài viết"
//	cchc import FILE.docx [-s SITE] [--section bai-viet] [--topic T ...] [--slug S]
//	cchc fix-encoding [--encoding tcvn3|vni|viscii|cp1258] [--dry-run] FILE...
//	cchc version
//
// Exit codes: 0 success, 1 content or build errors, 2 wrong usage.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
)

const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

const usage = `cchc — dựng chuyên mục Cải cách hành chính cho Cổng thông tin điện tử xã

Cách dùng:
  cchc build [-s THƯ_MỤC_SITE] [-d THƯ_MỤC_ĐÍCH | --zip TỆP.zip] [--cache THƯ_MỤC] [--base-url URL] [--drafts] [--future]
  cchc check [-s THƯ_MỤC_SITE] [--format text|github|json] [--drafts] [--future]
  cchc serve [-s THƯ_MỤC_SITE] [--bind 127.0.0.1] [--port 1313] [--poll]
  cchc new   [-s THƯ_MỤC_SITE] [--section bai-viet] [--topic CHỦ_ĐỀ ...] "Tiêu đề bài viết"
  cchc import TỆP.docx [-s THƯ_MỤC_SITE] [--section bai-viet] [--topic CHỦ_ĐỀ ...] [--slug TÊN]
  cchc fix-encoding [--encoding tcvn3|vni|viscii|cp1258] [--dry-run] TỆP...
  cchc version

Gõ "cchc build -h" (hay check -h, serve -h, new -h, import -h, fix-encoding -h) để xem các tùy chọn của lệnh.
`

// run is main without the process: tests call it directly.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:], stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
	case "import":
		return runImport(args[1:], stdout, stderr)
	case "fix-encoding":
		return runFixEncoding(args[1:], stdout, stderr)
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, "cchc", version())
		return exitOK
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "cchc: không có lệnh %q\n\n%s", args[0], usage)
	return exitUsage
}

// version is the module version when installed with `go install`, else
// the VCS revision the binary was built from.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(không rõ phiên bản)"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return "devel " + s.Value[:12]
		}
	}
	return "devel"
}
