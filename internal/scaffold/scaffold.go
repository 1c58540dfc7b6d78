// Package scaffold writes a fresh article for `cchc new`: the front matter
// filled in (title, today's date in Asia/Ho_Chi_Minh, validated topics,
// draft: true) and a short body skeleton. In the sections of the content
// kinds (van-ban, hoi-dap, thu-tuc, su-kien) it writes the kind's keys
// instead (kinds.go), and a document as a bundle folder for its files. It
// never overwrites a file.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/viet"
)

// DefaultSection is where articles go unless told otherwise.
const DefaultSection = content.SectionArticles

// MaxSlugRunes bounds the file name made from a title; longer slugs are
// cut on a dash.
const MaxSlugRunes = 80

// Options say what to create.
type Options struct {
	Title   string
	Section string   // folder under content/; DefaultSection when empty
	Topics  []string // as the editor typed them: names, slugs or aliases
	Slug    string   // file name without .md; from the title when empty
	Now     time.Time
}

// ArgumentError is a mistake in what the editor asked for (a missing
// title, a malformed section or slug): the command exits with the usage
// code. Other errors are about the site (an unknown topic, a file that
// exists) or the disk.
type ArgumentError struct{ Msg string }

func (e *ArgumentError) Error() string { return e.Msg }

func argErrorf(format string, args ...any) error {
	return &ArgumentError{Msg: fmt.Sprintf(format, args...)}
}

// Create writes the new article into the site at root (a folder of the
// operating system) and returns its path relative to root,
// slash-separated ("content/bai-viet/ket-qua-sipas-2026.md").
func Create(root string, opts Options) (string, error) {
	title, slug, section, err := names(opts)
	if err != nil {
		return "", err
	}
	cfg, ds := config.Load(os.DirFS(root))
	if ds.HasErrors() {
		return "", fmt.Errorf("sửa site.yaml trước khi tạo bài:\n%w", ds)
	}
	var topics []string
	if !content.IsKindSection(section) || len(opts.Topics) > 0 { // the kinds' pages need no topic
		if topics, err = topicNames(cfg, opts.Topics); err != nil {
			return "", err
		}
	}
	dir := filepath.Join(root, "content", section)
	if err := sectionFolder(root, section); err != nil {
		return "", err
	}
	if other := sameSlug(dir, slug); other != "" {
		return "", existsError("content/" + section + "/" + other)
	}
	text := Article(title, topics, opts.Now)
	if content.IsKindSection(section) {
		text = Kind(section, title, topics, cfg.Organization, opts.Now)
	}
	file := slug + ".md"
	if bundled(section) {
		// A bundle: the folder is new (sameSlug found none), and is
		// removed again if the page cannot be written.
		if err := os.Mkdir(filepath.Join(dir, slug), 0o755); err != nil {
			return "", fmt.Errorf("không tạo được thư mục content/%s/%s/: %w", section, slug, err)
		}
		file = slug + "/index.md"
	}
	rel := path.Join("content", section, file)
	if err := writeNew(filepath.Join(dir, filepath.FromSlash(file)), rel, text); err != nil {
		if bundled(section) {
			os.Remove(filepath.Join(dir, slug))
		}
		return "", err
	}
	return rel, nil
}

// writeNew writes a file that must not exist yet, and never leaves half
// of it behind.
func writeNew(name, rel string, text []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return existsError(rel)
	}
	if err != nil {
		return fmt.Errorf("không tạo được tệp %s: %w", rel, err)
	}
	_, werr := f.Write(text)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(f.Name())
		return fmt.Errorf("không ghi được tệp %s: %w", rel, werr)
	}
	return nil
}

// names validates the title, section and slug of opts.
func names(opts Options) (title, slug, section string, err error) {
	title = strings.TrimSpace(viet.NFC(opts.Title))
	if title == "" {
		return "", "", "", argErrorf("thiếu tiêu đề bài viết — viết tiêu đề trong ngoặc kép, ví dụ: cchc new \"Kết quả SIPAS năm 2026\"")
	}
	if !utf8.ValidString(title) {
		return "", "", "", argErrorf("tiêu đề không phải văn bản UTF-8 — đặt bảng mã của cửa sổ dòng lệnh là UTF-8 rồi gõ lại")
	}
	if strings.ContainsFunc(title, unicode.IsControl) {
		return "", "", "", argErrorf("tiêu đề phải nằm trên một dòng, không có ký tự điều khiển")
	}
	if section, err = checkSection(opts.Section); err != nil {
		return "", "", "", err
	}
	slug = opts.Slug
	if slug == "" {
		if slug = SlugOf(title); slug == "" {
			return "", "", "", argErrorf("không tạo được tên tệp từ tiêu đề %q — thêm --slug ten-bai-viet", title)
		}
	} else if err := checkSlug(slug); err != nil {
		return "", "", "", err
	}
	return title, slug, section, nil
}

// checkSection returns the section, DefaultSection when empty, or an
// error when it is not a folder name cchc would make.
func checkSection(section string) (string, error) {
	if section == "" {
		section = DefaultSection
	}
	if viet.Slug(section) != section {
		hint := "chỉ dùng chữ thường không dấu, số và dấu gạch ngang"
		if s := viet.Slug(section); s != "" {
			hint = fmt.Sprintf("có phải ý bạn là --section %s?", s)
		}
		return "", argErrorf("mục %q không hợp lệ: --section là tên một thư mục ngay dưới content/ — %s", section, hint)
	}
	return section, nil
}

// checkSlug refuses a --slug that is not a slug.
func checkSlug(slug string) error {
	if viet.Slug(slug) == slug {
		return nil
	}
	hint := "chỉ dùng chữ thường không dấu, số và dấu gạch ngang"
	if s := viet.Slug(slug); s != "" {
		hint = fmt.Sprintf("ví dụ --slug %s", s)
	}
	return argErrorf("--slug %q không hợp lệ — %s", slug, hint)
}

// SlugOf is the file name a title gives: its slug, cut on a dash at
// MaxSlugRunes; "" when the title has no letter or digit.
func SlugOf(title string) string { return cutSlug(viet.Slug(title), MaxSlugRunes) }

// cutSlug shortens slug to at most max bytes (it is ASCII), on a dash.
func cutSlug(slug string, max int) string {
	if len(slug) <= max {
		return slug
	}
	slug = slug[:max]
	if i := strings.LastIndexByte(slug, '-'); i > 0 {
		slug = slug[:i]
	}
	return slug
}

// topicNames resolves what the editor typed to the vocabulary's names, in
// the order typed and without repeats. Every unknown topic is reported.
func topicNames(cfg *config.Config, typed []string) ([]string, error) {
	if len(typed) == 0 {
		var all []string
		for _, t := range cfg.Topics {
			all = append(all, fmt.Sprintf("%q", t.Name))
		}
		return nil, argErrorf("cần ít nhất một chủ đề, ví dụ --topic %q; các chủ đề trong danh mục: %s",
			cfg.Topics[0].Name, strings.Join(all, ", "))
	}
	var names []string
	var errs []error
	for _, s := range typed {
		t, ok := cfg.Topic(s)
		if !ok {
			hint := "xem danh sách chủ đề trong site.yaml (mục `topics:`)"
			if sug := cfg.SuggestTopic(s); sug != "" {
				hint = fmt.Sprintf("có phải ý bạn là %q?", sug)
			}
			errs = append(errs, fmt.Errorf("chủ đề %q không có trong danh mục chủ đề — %s", s, hint))
			continue
		}
		if !slices.Contains(names, t.Name) {
			names = append(names, t.Name)
		}
	}
	return names, errors.Join(errs...)
}

// sectionFolder makes sure content/<section> exists. A missing one is
// created only in a site that has no section yet: elsewhere it is much
// more likely a typo ("bai-vet") than a new section.
func sectionFolder(root, section string) error {
	content := filepath.Join(root, "content")
	entries, err := os.ReadDir(content)
	if err != nil {
		return &ArgumentError{Msg: fmt.Sprintf("không tìm thấy thư mục content/ trong %s — chạy lệnh trong thư mục site, hoặc chỉ ra nó bằng -s", root)}
	}
	var sections []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			if e.Name() == section {
				return nil
			}
			sections = append(sections, e.Name())
		}
	}
	if len(sections) > 0 {
		return fmt.Errorf("chưa có mục content/%s/ — chọn một mục có sẵn (--section %s), hoặc tạo thư mục content/%s/ trước nếu muốn mở mục mới",
			section, strings.Join(sections, ", --section "), section)
	}
	if err := os.Mkdir(filepath.Join(content, section), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("không tạo được thư mục content/%s/: %w", section, err)
	}
	return nil
}

// sameSlug returns the name of a page in dir (a .md file or a bundle
// folder) whose file name gives slug, as "Kết quả SIPAS.md" gives
// ket-qua-sipas: a new file there would share its URL.
func sameSlug(dir, slug string) string {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		name := e.Name()
		switch {
		case e.IsDir():
		case strings.EqualFold(path.Ext(name), ".md"):
			name = strings.TrimSuffix(name, path.Ext(name))
		default:
			continue
		}
		if viet.Slug(name) == slug {
			if e.IsDir() {
				return viet.NFC(e.Name()) + "/"
			}
			return viet.NFC(e.Name())
		}
	}
	return ""
}

func existsError(rel string) error {
	return fmt.Errorf("%s đã có, không ghi đè — đặt tiêu đề khác, hoặc chọn tên tệp khác bằng --slug ten-khac", rel)
}

// The writing desk makes new pages in memory first and writes them on
// the first Save; these give it what Create would write.

// Text is the text Create writes for a new page of section: an article's
// template, or the kind's. topics are names of the vocabulary.
func Text(section, title string, topics []string, org string, now time.Time) []byte {
	if content.IsKindSection(section) {
		return Kind(section, title, topics, org, now)
	}
	return Article(title, topics, now)
}

// PagePath is where Create writes a new page of section named slug, from
// the site root ("content/bai-viet/x.md", or "content/van-ban/x/index.md"
// for a section of bundles), and taken is the page of that folder that
// already has this slug ("Kết quả.md" has ket-qua), or "".
func PagePath(root, section, slug string) (rel, taken string) {
	rel = path.Join("content", section, slug+".md")
	if bundled(section) {
		rel = path.Join("content", section, slug, "index.md")
	}
	return rel, sameSlug(filepath.Join(root, "content", section), slug)
}
