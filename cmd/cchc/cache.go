package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cchc-vn/cchc/internal/cache"
	"github.com/cchc-vn/cchc/internal/pipeline"
)

// checkCacheDir refuses a cache folder that the build would publish or
// replace: inside DEST, inside content/, or the site root itself.
func checkCacheDir(root, dest, dir string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if dest != "" {
		if dest, err = filepath.Abs(dest); err != nil {
			return err
		}
	}
	inside := func(p, parent string) bool {
		rel, err := filepath.Rel(parent, p)
		return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
	}
	switch {
	case abs == root:
		return fmt.Errorf("thư mục bộ nhớ đệm %s là chính thư mục site — hãy dùng một thư mục riêng, ví dụ %s", abs, filepath.Join(root, ".cchc-cache"))
	case inside(abs, filepath.Join(root, "content")):
		return fmt.Errorf("thư mục bộ nhớ đệm %s nằm trong content/ nên sẽ bị xuất bản — hãy dùng %s", abs, filepath.Join(root, ".cchc-cache"))
	case dest != "" && inside(abs, dest):
		return fmt.Errorf("thư mục bộ nhớ đệm %s nằm trong thư mục đích, mỗi lần dựng sẽ bị xóa — hãy dùng %s", abs, filepath.Join(root, ".cchc-cache"))
	}
	return nil
}

// openCache opens the cache folder. A damaged cache is never fatal: the
// build warns and starts clean. The salt is a hash of this executable, so
// a new cchc never reuses what an old one rendered.
func openCache(dir string, stderr io.Writer) (*cache.Store, string) {
	salt, err := executableHash()
	if err != nil {
		fmt.Fprintf(stderr, "cảnh báo: không dùng bộ nhớ đệm: không đọc được chương trình cchc (%v)\n", err)
		return nil, ""
	}
	store, err := cache.Open(dir)
	if err != nil {
		fmt.Fprintf(stderr, "cảnh báo: bỏ qua bộ nhớ đệm %s: %v — lần dựng này làm lại từ đầu\n", dir, err)
	}
	return store, salt
}

func executableHash() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// saveCache keeps this build's pages for the next one. Failing to is a
// warning: the site itself was built.
func saveCache(sess *pipeline.Session, stderr io.Writer) {
	if sess.Store == nil {
		return
	}
	if err := sess.Store.Save(); err != nil {
		fmt.Fprintf(stderr, "cảnh báo: không lưu được bộ nhớ đệm: %v\n", err)
	}
}
