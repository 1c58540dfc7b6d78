package deskfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// site makes a site folder with a few pages, and returns it.
func site(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range map[string]string{
		"content/bai-viet/a.md":                      "---\ntitle: A\n---\n",
		"content/bai-viet/b/index.md":                "---\ntitle: B\n---\n",
		"content/gioi-thieu.md":                      "---\ntitle: G\n---\n",
		"site.yaml":                                  "title: x\n",
		"outside/secret.md":                          "secret\n",
		"content/bai-viet/" + nfd("Tổ công nghệ.md"): "---\ntitle: T\n---\n",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func nfd(s string) string { return norm.NFD.String(s) }

func TestPageRefusesPathsLeavingContent(t *testing.T) {
	root := site(t)
	r, _ := New(root)
	for _, rel := range []string{
		"",
		"/etc/passwd.md",
		"/content/bai-viet/a.md",
		"content/../outside/secret.md",
		"content/bai-viet/../../outside/secret.md",
		"content/./bai-viet/a.md",
		"content//bai-viet/a.md",
		"content/%2e%2e/outside/secret.md",
		"content/%252e%252e/outside/secret.md",
		"content\\..\\outside\\secret.md",
		"C:/content/a.md",
		"C:content/a.md",
		"content/bai-viet/a.md\x00.md",
		"content/bai-viet/a\n.md",
		"outside/secret.md",
		"site.yaml",
		"content",
		"content/bai-viet/a.txt",
		"content/bai-viet/.an.md",
		"content/bai-viet/~$a.md",
		"content/bai-viet/a.md.",
		"content/bai-viet/a.md ",
		"content/" + nfd("..") + "/outside/secret.md",
		"content/bai-viet/a.md/x.md",
		"content/bai-viet/b",
		"content/bai-viet/b.md/../a.md",
		"content/\xff.md",
	} {
		p, err := r.Page(rel)
		var pe *PathError
		if !errors.As(err, &pe) {
			t.Errorf("Page(%q) = %+v, %v; want a PathError", rel, p, err)
		}
	}
}

func TestPageRefusesSymlinks(t *testing.T) {
	root := site(t)
	outside := filepath.Join(root, "outside")
	links := map[string]string{
		"content/lien-ket":         outside,                             // a folder link
		"content/bai-viet/l.md":    filepath.Join(outside, "secret.md"), // a file link
		"content/bai-viet/noi.md":  filepath.Join(root, "content/bai-viet/a.md"),
		"content/bai-viet/b/x":     outside,
		"content/bai-viet/treo.md": filepath.Join(root, "khong-co.md"), // dangling
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(name))); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	r, _ := New(root)
	for _, rel := range []string{
		"content/lien-ket/secret.md",
		"content/lien-ket/moi.md",
		"content/bai-viet/l.md",
		"content/bai-viet/noi.md",
		"content/bai-viet/b/x/secret.md",
		"content/bai-viet/treo.md",
	} {
		if p, err := r.Page(rel); err == nil {
			t.Errorf("Page(%q) = %+v, want refused", rel, p)
		}
	}
	if _, err := r.Folder("content/lien-ket"); err == nil {
		t.Error("Folder(content/lien-ket) accepted a symbolic link")
	}

	// content/ itself a link: nothing at all.
	other := t.TempDir()
	if err := os.Symlink(filepath.Join(root, "content"), filepath.Join(other, "content")); err != nil {
		t.Fatal(err)
	}
	r2, _ := New(other)
	if p, err := r2.Page("content/bai-viet/a.md"); err == nil {
		t.Errorf("a site whose content/ is a link: Page = %+v, want refused", p)
	}
}

func TestPageResolvesExistingAndNew(t *testing.T) {
	root := site(t)
	r, _ := New(root)
	for _, tc := range []struct {
		rel, fs string
		exists  bool
	}{
		{"content/bai-viet/a.md", "content/bai-viet/a.md", true},
		{"content/bai-viet/b/index.md", "content/bai-viet/b/index.md", true},
		{"content/gioi-thieu.md", "content/gioi-thieu.md", true},
		// NFC asked, NFD on the disk, and the other way round.
		{"content/bai-viet/Tổ công nghệ.md", "content/bai-viet/" + nfd("Tổ công nghệ.md"), true},
		{"content/bai-viet/" + nfd("Tổ công nghệ.md"), "content/bai-viet/" + nfd("Tổ công nghệ.md"), true},
		{"content/bai-viet/moi.md", "content/bai-viet/moi.md", false},
		{"content/van-ban/moi/index.md", "content/van-ban/moi/index.md", false},
	} {
		p, err := r.Page(tc.rel)
		if err != nil {
			t.Errorf("Page(%q): %v", tc.rel, err)
			continue
		}
		if p.FS != tc.fs || p.Exists != tc.exists || p.Rel != norm.NFC.String(tc.rel) {
			t.Errorf("Page(%q) = %+v, want FS %q, exists %v", tc.rel, p, tc.fs, tc.exists)
		}
		if !strings.HasPrefix(r.Abs(p), filepath.Join(root, "content")+string(filepath.Separator)) {
			t.Errorf("Page(%q) lies at %s, outside content/", tc.rel, r.Abs(p))
		}
	}
}

// FuzzPage: whatever the path, an accepted one lies inside content/.
func FuzzPage(f *testing.F) {
	for _, s := range []string{"content/bai-viet/a.md", "content/../x.md", "content/a/b/c.md", "content/%2e.md", "content/\u2025/x.md", "content/．．/x.md"} {
		f.Add(s)
	}
	root := f.TempDir()
	os.MkdirAll(filepath.Join(root, "content", "bai-viet"), 0o755)
	r, _ := New(root)
	inside := filepath.Join(root, "content") + string(filepath.Separator)
	f.Fuzz(func(t *testing.T, rel string) {
		p, err := r.Page(rel)
		if err != nil {
			return
		}
		abs := r.Abs(p)
		if !strings.HasPrefix(abs, inside) || filepath.Clean(abs) != abs {
			t.Fatalf("Page(%q) = %s, outside content/", rel, abs)
		}
		if strings.Contains(p.Rel, "..") && strings.Contains("/"+p.Rel+"/", "/../") {
			t.Fatalf("Page(%q) kept ..: %q", rel, p.Rel)
		}
	})
}
