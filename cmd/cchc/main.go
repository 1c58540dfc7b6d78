// Command cchc builds the administrative-reform (CCHC) column of a
// commune's e-portal from Markdown articles. See README.md.
//
//	cchc build [-s SITE] [-d DEST | --zip FILE] [--cache DIR] [--base-url URL] [--drafts] [--future]
//	cchc check [-s SITE] [--format text|github|json] [--drafts] [--future]
//	cchc serve [-s SITE] [--bind 127.0.0.1] [--port 1313] [--poll] [--open] [--published] [--desk]
//	cchc new   [-s SITE] [--section bai-viet] [--topic T ...] "Tiêu đề bài viết"
//	cchc init  DIR --name "Xã …" --province "…" [--base-url URL]
//	cchc import FILE.docx [-s SITE] [--section bai-viet] [--topic T ...] [--slug S]
//	cchc fix-encoding [--encoding tcvn3|vni|viscii|cp1258] [--dry-run] FILE...
//	cchc report [-s SITE] [--year Y | --quarter Y-Qn | --from D --to D] [-o FILE.xlsx|FILE.csv]
//	cchc version
//
// Exit codes: 0 success, 1 content or build errors, 2 wrong usage.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"

	"github.com/cchc-vn/cchc/internal/viet"
)

const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

const usage = `cchc — dựng chuyên mục Cải cách hành chính cho Cổng thông tin điện tử xã

Cách dùng:
  cchc init  THƯ_MỤC --name "Xã …" --province "Tỉnh …" [--base-url URL]
  cchc serve [-s THƯ_MỤC_SITE] [--bind 127.0.0.1] [--port 1313] [--poll] [--open] [--published] [--desk]
  cchc new   [-s THƯ_MỤC_SITE] [--section bai-viet] [--topic CHỦ_ĐỀ ...] "Tiêu đề bài viết"
  cchc import TỆP.docx [-s THƯ_MỤC_SITE] [--section bai-viet] [--topic CHỦ_ĐỀ ...] [--slug TÊN]
  cchc check [-s THƯ_MỤC_SITE] [--format text|github|json] [--drafts] [--future]
  cchc build [-s THƯ_MỤC_SITE] [-d THƯ_MỤC_ĐÍCH | --zip TỆP.zip] [--cache THƯ_MỤC] [--base-url URL] [--drafts] [--future]
  cchc report [-s THƯ_MỤC_SITE] [--year 2026 | --quarter 2026-Q1 | --from 01/01/2026 --to 30/06/2026] [-o TỆP.xlsx|TỆP.csv]
  cchc fix-encoding [--encoding tcvn3|vni|viscii|cp1258] [--dry-run] TỆP...
  cchc version

Gõ "cchc build -h" (hay init -h, serve -h, new -h, import -h, check -h, report -h, fix-encoding -h) để xem các tùy chọn của lệnh.
`

// commands are the subcommands, by name.
var commands = map[string]func(args []string, stdout, stderr io.Writer) int{
	"build":        runBuild,
	"check":        runCheck,
	"serve":        runServe,
	"new":          runNew,
	"init":         runInit,
	"report":       runReport,
	"import":       runImport,
	"fix-encoding": runFixEncoding,
}

// run is main without the process: tests call it directly.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	if cmd, ok := commands[args[0]]; ok {
		return cmd(args[1:], stdout, stderr)
	}
	switch args[0] {
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, "cchc", version())
		return exitOK
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	msg := fmt.Sprintf("cchc: không có lệnh %q", args[0])
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range commands {
			if !yield(n) {
				return
			}
		}
	})
	if s := viet.Nearest(args[0], append(names, "version", "help")); s != "" {
		msg += fmt.Sprintf(" — có phải ý bạn là \"cchc %s\"?", s)
	}
	fmt.Fprintf(stderr, "%s\n\n%s", msg, usage)
	return exitUsage
}

// releaseVersion is set by the release build
// (-ldflags "-X main.releaseVersion=v0.3.1"); empty in other builds.
var releaseVersion string

// version is the released version, else the module version when installed
// with `go install`, else the VCS revision the binary was built from.
func version() string {
	if releaseVersion != "" {
		return releaseVersion
	}
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
