package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/docx"
	"github.com/cchc-vn/cchc/internal/scaffold"
	"github.com/cchc-vn/cchc/internal/viet"
	"github.com/cchc-vn/cchc/internal/wordimport"
)

func runImport(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("import", `cchc import TỆP.docx [-s SITE] [--section bai-viet] [--topic CHỦ_ĐỀ ...] [--slug TÊN]`, stdout, stderr)
	pf := addPageFlags(fl, "`MỤC` (thư mục dưới content/) đặt bài: bai-viet, van-ban, hoi-dap…", "`TÊN` thư mục của bài, mặc định lấy từ tiêu đề")
	rest, code := fl.parseInterleaved(args)
	if code >= 0 {
		return code
	}
	switch len(rest) {
	case 0:
		fl.usageError(`thiếu tệp Word — ví dụ: cchc import "Kế hoạch tuyên truyền.docx"`)
		return exitUsage
	case 1:
	default:
		fmt.Fprintf(stderr, "cchc import: mỗi lần chỉ nhập một tệp, đã gõ %d tệp — tên tệp có dấu cách thì đặt trong ngoặc kép: cchc import \"%s\"\n", len(rest), strings.Join(rest, " "))
		return exitUsage
	}
	file := rest[0]
	root, ok := siteRoot("import", *pf.site, stderr)
	if !ok {
		return exitUsage
	}
	st, err := os.Stat(file)
	if err != nil || st.IsDir() {
		fmt.Fprintf(stderr, "cchc import: không tìm thấy tệp %q — kiểm tra tên và thư mục của tệp Word\n", file)
		return exitUsage
	}
	target, err := scaffold.Prepare(root, *pf.section, *pf.slug, pf.topics)
	if err != nil {
		return importFailed(stderr, err)
	}
	rel, res, err := importFile(file, st.Size(), target, *pf.slug)
	if err != nil {
		return importFailed(stderr, err)
	}
	images := ""
	if len(res.Files) > 0 {
		images = fmt.Sprintf(" cùng %d ảnh", len(res.Files))
	}
	fmt.Fprintf(stdout, "Đã tạo %s (bản nháp: draft: true)%s\n", rel, images)
	for _, n := range res.Notes {
		n.Pos.File = rel
		fmt.Fprintln(stdout, n.String())
	}
	if len(res.Notes) > 0 {
		fmt.Fprintf(stdout, "Nhập xong: %d cảnh báo về những gì chưa chép được hoặc cần xem lại — đọc lại bài, sửa theo các cảnh báo rồi mới xóa dòng draft: true.\n", len(res.Notes))
	}
	return exitOK
}

// importFile reads the document, makes the page and writes its bundle.
func importFile(file string, size int64, target *scaffold.Target, slug string) (string, *wordimport.Result, error) {
	f, err := os.Open(file)
	if err != nil {
		return "", nil, fmt.Errorf("không mở được tệp %s: %w", file, err)
	}
	defer f.Close()
	opts := wordimport.Options{
		Section: target.Section, Topics: target.Topics, Organization: target.Config.Organization,
		FileName: filepath.Base(file), Now: time.Now(),
	}
	if target.Section == content.SectionDocuments {
		// The document itself goes beside its page, as the full text.
		opts.Attachment = attachmentName(file)
	}
	res, err := wordimport.Import(f, size, opts)
	if err != nil {
		if r, ok := errors.AsType[*docx.Refusal](err); ok {
			return "", nil, fmt.Errorf("%s: %s — %s", filepath.Base(file), r.What, r.Fix)
		}
		return "", nil, err
	}
	if slug == "" {
		slug = scaffold.SlugOf(res.Title)
	}
	if slug == "" {
		slug = scaffold.SlugOf(strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)))
	}
	files := make([]scaffold.File, 0, len(res.Files)+1)
	for _, img := range res.Files {
		files = append(files, scaffold.File{Name: img.Name, Data: img.Data})
	}
	if opts.Attachment != "" {
		data, err := os.ReadFile(file)
		if err != nil {
			return "", nil, fmt.Errorf("không đọc được tệp %s: %w", file, err)
		}
		files = append(files, scaffold.File{Name: opts.Attachment, Data: data})
	}
	rel, err := target.WriteBundle(slug, res.Markdown, files)
	return rel, res, err
}

// attachmentName is the name the .docx gets beside a document's page:
// its own name as a slug, "Kế hoạch 35.docx" → "ke-hoach-35.docx".
func attachmentName(file string) string {
	base := viet.Slug(strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)))
	if base == "" {
		base = "van-ban"
	}
	return base + ".docx"
}

func importFailed(stderr io.Writer, err error) int {
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintf(stderr, "cchc import: %s\n", line)
	}
	if _, ok := errors.AsType[*scaffold.ArgumentError](err); ok {
		return exitUsage
	}
	return exitError
}

// wordForDesk is the writing desk's importer (desk.Importer): a .docx
// dropped into a page's body becomes Markdown with its images, as `cchc
// import` reads it, and notes of what needs the writer's eye. org names
// the issuer when the document names none.
func wordForDesk(data []byte, section, org string) ([]byte, map[string][]byte, []string, error) {
	res, err := wordimport.Import(bytes.NewReader(data), int64(len(data)), wordimport.Options{
		Section: section, Organization: org, FileName: "tai-lieu.docx", Now: time.Now(),
	})
	if err != nil {
		if r, ok := errors.AsType[*docx.Refusal](err); ok {
			return nil, nil, nil, fmt.Errorf("%s — %s", r.What, r.Fix)
		}
		return nil, nil, nil, err
	}
	files := make(map[string][]byte, len(res.Files))
	for _, f := range res.Files {
		files[f.Name] = f.Data
	}
	var notes []string
	for _, d := range res.Notes {
		note := d.Message
		if d.Hint != "" {
			note += " — " + d.Hint
		}
		notes = append(notes, note)
	}
	return res.Markdown, files, notes, nil
}
