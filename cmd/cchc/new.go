package main

import (
	"errors"
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

func addPageFlags(fl *flagSet, sectionHelp, slugHelp string) *pageFlags {
	p := &pageFlags{
		site:    fl.String("s", ".", "thư mục `SITE` (chứa content/)"),
		section: fl.String("section", scaffold.DefaultSection, sectionHelp),
		slug:    fl.String("slug", "", slugHelp),
	}
	fl.Var(&p.topics, "topic", "`CHỦ_ĐỀ` của bài; lặp lại cho nhiều chủ đề: --topic SIPAS --topic \"Một cửa\"")
	return p
}

func runNew(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("new", `cchc new [-s SITE] [--section bai-viet] [--topic CHỦ_ĐỀ ...] [--slug TÊN_TỆP] "Tiêu đề bài viết"`, stdout, stderr)
	pf := addPageFlags(fl, "`MỤC` (thư mục dưới content/) đặt bài mới", "`TÊN_TỆP` (không có .md), mặc định lấy từ tiêu đề")
	site, section, slug := pf.site, pf.section, pf.slug
	rest, code := fl.parseInterleaved(args)
	if code >= 0 {
		return code
	}
	switch len(rest) {
	case 0:
		fl.usageError(`thiếu tiêu đề bài viết — ví dụ: cchc new --topic SIPAS "Kết quả SIPAS năm 2026"`)
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
