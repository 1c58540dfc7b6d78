package publish

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

// readTree returns every file under root by slash path, and every folder
// with a trailing slash and nil content, so that an extra empty folder or a
// changed byte shows up in a comparison.
func readTree(t *testing.T, root string) map[string]string {
	t.Helper()
	tree := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == ".":
		case d.IsDir():
			tree[rel+"/"] = ""
		default:
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			tree[rel] = string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// treeHash condenses readTree into one digest.
func treeHash(t *testing.T, root string) string {
	t.Helper()
	tree := readTree(t, root)
	h := sha256.New()
	for _, name := range slices.Sorted(maps.Keys(tree)) {
		fmt.Fprintf(h, "%q %d %s\n", name, len(tree[name]), tree[name])
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// treeOf is the tree that WriteDir should produce from files.
func treeOf(files Files) map[string]string {
	tree := map[string]string{}
	for name, data := range files {
		tree[name] = string(data)
		for dir := parentDir(name); dir != ""; dir = parentDir(dir) {
			tree[dir+"/"] = ""
		}
	}
	return tree
}

func entries(t *testing.T, dir string) []string {
	t.Helper()
	list, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range list {
		names = append(names, e.Name())
	}
	return names
}

func sampleFiles() Files {
	return Files{
		"index.html":                        []byte("<!doctype html><html lang=vi>Trang chủ</html>"),
		"rss.xml":                           []byte(`<?xml version="1.0"?><rss/>`),
		"bai-viet/index.html":               []byte("danh sách"),
		"bai-viet/chuyen-doi-so/index.html": []byte("Chuyển đổi số"),
		"bai-viet/chuyen-doi-so/anh.jpg":    {0xff, 0xd8, 0x00, 0xff},
		"chu-de/mot-cua/trang/2/index.html": []byte("trang 2"),
		"assets/site.0123abcd.css":          []byte("a{margin:0}"),
		"empty.txt":                         {},
	}
}

func TestWriteDirWritesAllFiles(t *testing.T) {
	parent := filepath.Join(t.TempDir(), "does", "not", "exist")
	dest := filepath.Join(parent, "public")
	files := sampleFiles()
	if err := WriteDir(dest, files); err != nil {
		t.Fatal(err)
	}
	if got, want := readTree(t, dest), treeOf(files); !maps.Equal(got, want) {
		t.Errorf("tree = %q\nwant %q", got, want)
	}
	if got := entries(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside dest: %q, want only public", got)
	}
}

func TestWriteDirPermissions(t *testing.T) {
	parent := t.TempDir()
	// A folder the user would create: 0755 minus the umask.
	ref := filepath.Join(parent, "ref")
	if err := os.Mkdir(ref, 0o755); err != nil {
		t.Fatal(err)
	}
	refInfo, _ := os.Stat(ref)
	dest := filepath.Join(parent, "public")
	if err := WriteDir(dest, Files{"a/b.html": []byte("x")}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{dest, filepath.Join(dest, "a")} {
		fi, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != refInfo.Mode().Perm() {
			t.Errorf("%s: mode %v, want %v as for any new folder", name, fi.Mode().Perm(), refInfo.Mode().Perm())
		}
	}
	fi, _ := os.Stat(filepath.Join(dest, "a", "b.html"))
	if want := refInfo.Mode().Perm() &^ 0o111; fi.Mode().Perm() != want {
		t.Errorf("file mode %v, want %v", fi.Mode().Perm(), want)
	}
}

func TestWriteDirReplacesExistingDest(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	old := Files{
		"index.html":                 []byte("bản cũ"),
		"bai-viet/da-xoa/index.html": []byte("bài đã xoá"),
		"assets/site.old.css":        []byte("a{}"),
	}
	if err := WriteDir(dest, old); err != nil {
		t.Fatal(err)
	}
	files := sampleFiles()
	if err := WriteDir(dest, files); err != nil {
		t.Fatal(err)
	}
	if got, want := readTree(t, dest), treeOf(files); !maps.Equal(got, want) {
		t.Errorf("tree = %q\nwant %q", got, want)
	}
	if got := entries(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside dest: %q, want only public", got)
	}

	// An empty build empties dest.
	if err := WriteDir(dest, Files{}); err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, dest); len(got) != 0 {
		t.Errorf("after an empty build dest holds %q", got)
	}
}

// failAfter returns a file writer that writes n files and then fails.
func failAfter(n int64) func(string, []byte) error {
	var count atomic.Int64
	return func(name string, data []byte) error {
		if count.Add(1) > n {
			return errors.New("đĩa đầy (giả lập)")
		}
		return writeNewFile(name, data)
	}
}

func TestWriteDirFailureLeavesDestAsItWas(t *testing.T) {
	files := Files{}
	for i := range 200 {
		files[fmt.Sprintf("bai-viet/bai-%03d/index.html", i)] = []byte(fmt.Sprintf("bài mới %d", i))
	}
	for _, workers := range []int{1, 4} {
		t.Run(fmt.Sprint("workers=", workers), func(t *testing.T) {
			parent := t.TempDir()
			dest := filepath.Join(parent, "public")
			if err := WriteDir(dest, sampleFiles()); err != nil {
				t.Fatal(err)
			}
			before := treeHash(t, dest)

			w := dirWriter{workers: workers, writeFile: failAfter(50), rename: os.Rename}
			err := w.write(dest, files)
			want := "không ghi được trang đã dựng, thư mục đích " + dest + " giữ nguyên như trước: đĩa đầy (giả lập) — hãy kiểm tra quyền ghi và dung lượng đĩa"
			if err == nil || err.Error() != want {
				t.Fatalf("error = %v\nwant    %s", err, want)
			}
			if after := treeHash(t, dest); after != before {
				t.Errorf("dest changed by a failed write")
			}
			if got := entries(t, parent); !slices.Equal(got, []string{"public"}) {
				t.Errorf("beside dest: %q, want only public", got)
			}
		})
	}
}

func TestWriteDirFailureWithoutDestCreatesNothing(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	w := dirWriter{workers: 2, writeFile: failAfter(3), rename: os.Rename}
	if err := w.write(dest, sampleFiles()); err == nil {
		t.Fatal("no error from a failing writer")
	}
	if got := entries(t, parent); len(got) != 0 {
		t.Errorf("left behind: %q", got)
	}
}

func TestWriteDirRefusesBadPaths(t *testing.T) {
	tests := []struct {
		path, why string
	}{
		{"", "đường dẫn rỗng"},
		{"/etc/passwd", "là đường dẫn tuyệt đối; cần đường dẫn tương đối so với thư mục đích"},
		{"C:/Windows/x", "là đường dẫn tuyệt đối; cần đường dẫn tương đối so với thư mục đích"},
		{"c:x", "là đường dẫn tuyệt đối; cần đường dẫn tương đối so với thư mục đích"},
		{"../ngoai.html", `có đoạn ".." trỏ ra ngoài thư mục`},
		{"a/../../b", `có đoạn ".." trỏ ra ngoài thư mục`},
		{"a/..", `có đoạn ".." trỏ ra ngoài thư mục`},
		{"./a", `có đoạn "."`},
		{"a\\b.html", `chứa dấu gạch ngược "\"; chỉ dùng "/" để ngăn thư mục`},
		{"a//b", `có đoạn rỗng (hai dấu "/" liền nhau hoặc "/" ở cuối)`},
		{"a/", `có đoạn rỗng (hai dấu "/" liền nhau hoặc "/" ở cuối)`},
		{"a\x00b", "chứa ký tự NUL"},
	}
	for _, tt := range tests {
		parent := t.TempDir()
		dest := filepath.Join(parent, "public")
		if err := WriteDir(dest, sampleFiles()); err != nil {
			t.Fatal(err)
		}
		before := treeHash(t, dest)

		files := sampleFiles()
		files[tt.path] = []byte("x")
		err := WriteDir(dest, files)
		want := fmt.Sprintf("đường dẫn tệp đầu ra %q không hợp lệ: %s — không ghi tệp nào, thư mục đích giữ nguyên; đây là lỗi của cchc hoặc của mẫu trang, hãy báo lại kèm thông báo này", tt.path, tt.why)
		if err == nil || err.Error() != want {
			t.Errorf("%q: error = %v\nwant %s", tt.path, err, want)
		}
		if treeHash(t, dest) != before {
			t.Errorf("%q: dest changed", tt.path)
		}
		if got := entries(t, parent); !slices.Equal(got, []string{"public"}) {
			t.Errorf("%q: beside dest: %q", tt.path, got)
		}
	}
}

func TestWriteDirRefusesFileThatIsAlsoFolder(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	if err := WriteDir(dest, sampleFiles()); err != nil {
		t.Fatal(err)
	}
	before := treeHash(t, dest)
	files := sampleFiles()
	files["a"] = []byte("tệp")
	files["a/b"] = []byte("tệp trong thư mục a")
	err := WriteDir(dest, files)
	want := `đường dẫn tệp đầu ra "a" vừa là một tệp vừa là thư mục chứa tệp khác — không ghi tệp nào, thư mục đích giữ nguyên; hai trang hoặc tệp đang tranh nhau một địa chỉ, hãy đổi slug hoặc tên tệp của một trong hai`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant %s", err, want)
	}
	if treeHash(t, dest) != before {
		t.Error("dest changed")
	}
	if got := entries(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside dest: %q", got)
	}
}

func TestWriteDirRemovesLeftovers(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	mustWrite := func(name, data string) {
		t.Helper()
		p := filepath.Join(parent, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mustWrite(".public.tmp-1234abcd/bai-viet/index.html", "dở dang")
	mustWrite(".public.old-00000000/index.html", "bản cũ")
	mustWrite(".public.tmp-la-tep", "a file, not a folder we made: kept")
	mustWrite(".other.tmp-1234abcd/x", "another dest's: kept")
	mustWrite("public2/.public.tmp-1/x", "not beside dest: kept")
	mustWrite("content/index.md", "kept")

	if err := WriteDir(dest, sampleFiles()); err != nil {
		t.Fatal(err)
	}
	want := []string{".other.tmp-1234abcd", ".public.tmp-la-tep", "content", "public", "public2"}
	if got := entries(t, parent); !slices.Equal(got, want) {
		t.Errorf("beside dest: %q\nwant %q", got, want)
	}
	if _, err := os.Stat(filepath.Join(parent, "public2", ".public.tmp-1", "x")); err != nil {
		t.Error(err)
	}
}

func TestWriteDirKeepsSymlinkedDest(t *testing.T) {
	root := t.TempDir()
	target := filepath.Join(root, "www", "cchc")
	if err := WriteDir(target, Files{"cu.html": []byte("cũ")}); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(root, "public")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	files := sampleFiles()
	if err := WriteDir(link, files); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Lstat(link)
	if err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("link replaced: %v, %v", fi, err)
	}
	if got, want := readTree(t, target), treeOf(files); !maps.Equal(got, want) {
		t.Errorf("target tree = %q\nwant %q", got, want)
	}
	if got := entries(t, filepath.Dir(target)); !slices.Equal(got, []string{"cchc"}) {
		t.Errorf("beside target: %q", got)
	}
}

func TestWriteDirRefusesFileDest(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	if err := os.WriteFile(dest, []byte("một tệp"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteDir(dest, sampleFiles())
	want := "thư mục đích " + dest + " đã có nhưng là một tệp, không phải thư mục — hãy đổi tên hoặc xoá tệp đó, hoặc chọn thư mục khác bằng -d"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant %s", err, want)
	}
	if data, _ := os.ReadFile(dest); string(data) != "một tệp" {
		t.Errorf("file dest changed: %q", data)
	}
	if got := entries(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside dest: %q", got)
	}
}

func TestPlanLayoutCreatesParentsFirst(t *testing.T) {
	plan, err := planLayout(Files{
		"z/y/x/index.html": nil,
		"a-b/index.html":   nil,
		"a/b/c.html":       nil,
		"a/index.html":     nil,
		"top.html":         nil,
	})
	if err != nil {
		t.Fatal(err)
	}
	wantDirs := []string{"a", "a-b", "a/b", "z", "z/y", "z/y/x"}
	if !slices.Equal(plan.dirs, wantDirs) {
		t.Errorf("dirs = %q, want %q", plan.dirs, wantDirs)
	}
	wantFiles := []string{"a-b/index.html", "a/b/c.html", "a/index.html", "top.html", "z/y/x/index.html"}
	if !slices.Equal(plan.files, wantFiles) {
		t.Errorf("files = %q, want %q", plan.files, wantFiles)
	}
}

// FuzzBadPathReason checks that every path badPathReason accepts stays
// inside the destination once joined to it.
func FuzzBadPathReason(f *testing.F) {
	for _, s := range []string{"a/b.html", "../x", "a/../b", "/x", "a\\b", "a//b", "C:x", ".", "a/./b", "..."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if badPathReason(name) != "" {
			return
		}
		root := filepath.FromSlash("/dest")
		joined := filepath.Join(root, filepath.FromSlash(name))
		if !strings.HasPrefix(joined, root+string(filepath.Separator)) {
			t.Errorf("%q accepted but joins to %q", name, joined)
		}
		if filepath.ToSlash(strings.TrimPrefix(joined, root+string(filepath.Separator))) != name {
			t.Errorf("%q accepted but is not clean: joins to %q", name, joined)
		}
	})
}

func TestWriteDirRefusesRoot(t *testing.T) {
	root := filepath.VolumeName(t.TempDir()) + string(filepath.Separator)
	err := WriteDir(root, Files{"x.html": nil})
	want := "thư mục đích " + root + " là thư mục gốc của ổ đĩa — hãy chọn một thư mục riêng cho trang đã dựng bằng -d"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant %s", err, want)
	}
}

// When the new tree cannot be renamed into place, the old one goes back.
func TestWriteDirSwapFailurePutsOldBack(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	if err := WriteDir(dest, sampleFiles()); err != nil {
		t.Fatal(err)
	}
	before := treeHash(t, dest)
	refused := errors.New("thư mục đang bị chương trình khác mở (giả lập)")
	w := dirWriter{workers: 2, writeFile: writeNewFile, rename: func(from, to string) error {
		if to == dest && strings.Contains(filepath.Base(from), ".tmp-") {
			return refused
		}
		return os.Rename(from, to)
	}}
	err := w.write(dest, Files{"moi.html": []byte("bản mới")})
	want := "không thay được " + dest + ": " + refused.Error() + " — thư mục đích giữ nguyên; hãy đóng chương trình đang mở tệp trong đó rồi dựng lại"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant %s", err, want)
	}
	if treeHash(t, dest) != before {
		t.Error("dest changed")
	}
	if got := entries(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside dest: %q", got)
	}
}

// When dest cannot be moved aside, nothing changes.
func TestWriteDirMoveAsideFailureLeavesDest(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	if err := WriteDir(dest, sampleFiles()); err != nil {
		t.Fatal(err)
	}
	before := treeHash(t, dest)
	w := dirWriter{workers: 2, writeFile: writeNewFile, rename: func(from, to string) error {
		if from == dest {
			return errors.New("bị từ chối (giả lập)")
		}
		return os.Rename(from, to)
	}}
	if err := w.write(dest, Files{"moi.html": []byte("bản mới")}); err == nil {
		t.Error("no error")
	}
	if treeHash(t, dest) != before {
		t.Error("dest changed")
	}
	if got := entries(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside dest: %q", got)
	}
}
