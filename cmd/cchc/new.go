package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cchc-vn/cchc/internal/scaffold"
)

// listFlag is a flag that may be given several times (--topic A --topic B).
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ", ") }

func (l *listFlag) Set(s string) error {
	*l = append(*l, s)
	return nil
}

// pageFlags are the flags of the commands that make a page (new,
// import): where it goes and its topics.
type pageFlags struct {
	site, section, slug *string
	topics              listFlag
}

func addPageFlags(fl *flag.FlagSet, sectionHelp, slugHelp string) *pageFlags {
	p := &pageFlags{
		site:    fl.String("s", ".", "thư mục site (chứa content/)"),
		section: fl.String("section", scaffold.DefaultSection, sectionHelp),
		slug:    fl.String("slug", "", slugHelp),
	}
	fl.Var(&p.topics, "topic", "chủ đề của bài; lặp lại cho nhiều chủ đề: --topic SIPAS --topic \"Một cửa\"")
	return p
}

func runNew(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("new", flag.ContinueOnError)
	fl.SetOutput(stderr)
	pf := addPageFlags(fl, "mục (thư mục dưới content/) đặt bài mới", "tên tệp (không có .md), mặc định lấy từ tiêu đề")
	site, section, slug := pf.site, pf.section, pf.slug
	fl.Usage = func() {
		fmt.Fprintln(stderr, `Cách dùng: cchc new [-s SITE] [--section bai-viet] [--topic CHỦ_ĐỀ ...] [--slug TÊN_TỆP] "Tiêu đề bài viết"`)
		fl.PrintDefaults()
	}
	rest, code := parseInterleaved(fl, args)
	if code >= 0 {
		return code
	}
	switch len(rest) {
	case 0:
		fmt.Fprintln(stderr, `cchc new: thiếu tiêu đề bài viết — ví dụ: cchc new --topic SIPAS "Kết quả SIPAS năm 2026"`)
		fl.Usage()
		return exitUsage
	case 1:
	default:
		fmt.Fprintf(stderr, "cchc new: tiêu đề phải là một tham số — đặt cả tiêu đề trong ngoặc kép: cchc new \"%s\"\n", strings.Join(rest, " "))
		return exitUsage
	}
	root, err := filepath.Abs(*site)
	if err != nil {
		fmt.Fprintf(stderr, "cchc new: %v\n", err)
		return exitUsage
	}
	if st, err := os.Stat(root); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "cchc new: không tìm thấy thư mục site %q\n", *site)
		return exitUsage
	}
	rel, err := scaffold.Create(root, scaffold.Options{
		Title: rest[0], Section: *section, Topics: pf.topics, Slug: *slug, Now: time.Now(),
	})
	if err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintf(stderr, "cchc new: %s\n", line)
		}
		if _, ok := errors.AsType[*scaffold.ArgumentError](err); ok {
			return exitUsage
		}
		return exitError
	}
	fmt.Fprintf(stdout, "Đã tạo %s (bản nháp: draft: true)\n", rel)
	return exitOK
}

// parseInterleaved parses flags placed before or after the positional
// arguments (editors write the title first as often as last) and returns
// the positional ones. code is -1 to go on, else the exit code.
func parseInterleaved(fl *flag.FlagSet, args []string) (rest []string, code int) {
	for {
		if err := fl.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return nil, exitOK
			}
			return nil, exitUsage
		}
		left := fl.Args()
		if len(left) == 0 {
			return rest, -1
		}
		// After "--" everything is positional, even what looks like a flag.
		if used := len(args) - len(left); used > 0 && args[used-1] == "--" {
			return append(rest, left...), -1
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
}
