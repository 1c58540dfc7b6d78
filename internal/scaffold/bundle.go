package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/cchc-vn/cchc/internal/config"
)

// Target is where a page made from a file (`cchc import`) goes: a section
// checked as `cchc new` checks it, and the topics resolved to their names.
// Unlike `new`, no topic is required: the page is a draft and its topics
// are for the editor to choose.
type Target struct {
	Root, Section string
	Topics        []string
	Config        *config.Config
}

// Prepare checks what the editor asked for before any file is read: the
// section, the slug when given, the topics; it makes the section's folder
// as Create does.
func Prepare(root, section, slug string, topics []string) (*Target, error) {
	section, err := checkSection(section)
	if err != nil {
		return nil, err
	}
	if slug != "" {
		if err := checkSlug(slug); err != nil {
			return nil, err
		}
	}
	cfg, ds := config.Load(os.DirFS(root))
	if ds.HasErrors() {
		return nil, fmt.Errorf("sửa site.yaml trước khi nhập bài:\n%w", ds)
	}
	t := &Target{Root: root, Section: section, Config: cfg}
	if len(topics) > 0 {
		if t.Topics, err = topicNames(cfg, topics); err != nil {
			return nil, err
		}
	}
	if err := sectionFolder(root, section); err != nil {
		return nil, err
	}
	return t, nil
}

// File is a file written beside a bundle's index.md: an image, the
// document itself.
type File struct {
	Name string
	Data []byte
}

// WriteBundle writes content/<section>/<slug>/index.md and files beside
// it, and returns the page's path relative to the root, slash-separated.
// It never overwrites: a page of the section with the same slug (a file
// or a folder) is an error, and nothing is left behind when a write
// fails.
func (t *Target) WriteBundle(slug string, index []byte, files []File) (string, error) {
	if err := checkSlug(slug); err != nil || slug == "" {
		return "", argErrorf("tên thư mục %q không hợp lệ — thêm --slug ten-bai-viet", slug)
	}
	for _, f := range files {
		if f.Name == "" || f.Name != path.Base(f.Name) || strings.ContainsAny(f.Name, `/\:`) || f.Name == "index.md" || strings.HasPrefix(f.Name, ".") {
			return "", fmt.Errorf("tên tệp %q không hợp lệ trong thư mục bài", f.Name)
		}
	}
	dir := filepath.Join(t.Root, "content", t.Section)
	if other := sameSlug(dir, slug); other != "" {
		return "", existsError("content/" + t.Section + "/" + other)
	}
	bundle := filepath.Join(dir, slug)
	rel := path.Join("content", t.Section, slug, "index.md")
	if err := os.Mkdir(bundle, 0o755); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return "", existsError("content/" + t.Section + "/" + slug + "/")
		}
		return "", fmt.Errorf("không tạo được thư mục content/%s/%s/: %w", t.Section, slug, err)
	}
	written := []string{}
	fail := func(err error) (string, error) {
		for _, name := range written {
			os.Remove(name)
		}
		os.Remove(bundle)
		return "", err
	}
	for _, f := range files {
		name := filepath.Join(bundle, f.Name)
		if err := writeNew(name, path.Join("content", t.Section, slug, f.Name), f.Data); err != nil {
			return fail(err)
		}
		written = append(written, name)
	}
	if err := writeNew(filepath.Join(bundle, "index.md"), rel, index); err != nil {
		return fail(err)
	}
	return rel, nil
}
