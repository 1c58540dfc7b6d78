package publish

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCheckDest(t *testing.T) {
	tmp, err := filepath.EvalSymlinks(t.TempDir()) // macOS: /var is a link to /private/var
	if err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(tmp, "xa", "dien-chau")
	for _, dir := range []string{"content/bai-viet", "layouts", "assets", "public"} {
		if err := os.MkdirAll(filepath.Join(site, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(site, "site.yaml"), []byte("title: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A link to content/ must not let a dest inside content/ through.
	linkToContent := filepath.Join(tmp, "loi-tat")
	if err := os.Symlink(filepath.Join(site, "content"), linkToContent); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	root := filepath.VolumeName(tmp) + string(filepath.Separator)
	suggest := filepath.Join(site, "public")
	j := filepath.Join

	tests := []struct {
		name, dest, want string
	}{
		{"normal public", j(site, "public"), ""},
		{"new folder", j(site, "ban-dung", "moi"), ""},
		{"outside the site", j(tmp, "www"), ""},
		{"hidden-like name beside content", j(site, "content-public"), ""},
		{"volume root", root, "thư mục đích " + root + " là thư mục gốc của ổ đĩa; cchc thay cả thư mục đích khi ghi nên sẽ xoá mọi thứ trên đó — hãy chọn một thư mục riêng cho trang đã dựng, ví dụ " + suggest},
		{"site root", site, "thư mục đích " + site + " chính là thư mục của trang (nơi có content/); cchc thay cả thư mục đích khi ghi nên sẽ xoá bài viết — hãy chọn một thư mục con riêng, ví dụ " + suggest},
		{"site root, unclean", j(site, "public") + string(filepath.Separator) + "..", "thư mục đích " + site + " chính là thư mục của trang (nơi có content/); cchc thay cả thư mục đích khi ghi nên sẽ xoá bài viết — hãy chọn một thư mục con riêng, ví dụ " + suggest},
		{"content", j(site, "content"), "thư mục đích " + j(site, "content") + " nằm trong content/ của trang; cchc thay cả thư mục đích khi ghi nên sẽ xoá tệp của người biên tập ở đó — hãy chọn thư mục ngoài content/, ví dụ " + suggest},
		{"content/sub", j(site, "content", "bai-viet"), "thư mục đích " + j(site, "content", "bai-viet") + " nằm trong content/ của trang; cchc thay cả thư mục đích khi ghi nên sẽ xoá tệp của người biên tập ở đó — hãy chọn thư mục ngoài content/, ví dụ " + suggest},
		{"new folder in content", j(site, "content", "moi", "public"), "thư mục đích " + j(site, "content", "moi", "public") + " nằm trong content/ của trang; cchc thay cả thư mục đích khi ghi nên sẽ xoá tệp của người biên tập ở đó — hãy chọn thư mục ngoài content/, ví dụ " + suggest},
		{"content through a link", j(linkToContent, "public"), "thư mục đích " + j(site, "content", "public") + " nằm trong content/ của trang; cchc thay cả thư mục đích khi ghi nên sẽ xoá tệp của người biên tập ở đó — hãy chọn thư mục ngoài content/, ví dụ " + suggest},
		{"layouts", j(site, "layouts"), "thư mục đích " + j(site, "layouts") + " nằm trong layouts/ của trang; cchc thay cả thư mục đích khi ghi nên sẽ xoá tệp của người biên tập ở đó — hãy chọn thư mục ngoài layouts/, ví dụ " + suggest},
		{"assets", j(site, "assets", "css"), "thư mục đích " + j(site, "assets", "css") + " nằm trong assets/ của trang; cchc thay cả thư mục đích khi ghi nên sẽ xoá tệp của người biên tập ở đó — hãy chọn thư mục ngoài assets/, ví dụ " + suggest},
		{"parent of the site", j(tmp, "xa"), "thư mục đích " + j(tmp, "xa") + " chứa thư mục của trang " + site + "; cchc thay cả thư mục đích khi ghi nên sẽ xoá cả trang — hãy chọn một thư mục con riêng, ví dụ " + suggest},
		{"grandparent of the site", tmp, "thư mục đích " + tmp + " chứa thư mục của trang " + site + "; cchc thay cả thư mục đích khi ghi nên sẽ xoá cả trang — hãy chọn một thư mục con riêng, ví dụ " + suggest},
		{"a file", j(site, "site.yaml"), "thư mục đích " + j(site, "site.yaml") + " đã có nhưng là một tệp, không phải thư mục — hãy đổi tên hoặc xoá tệp đó, hoặc chọn thư mục khác bằng -d"},
	}
	for _, tt := range tests {
		err := CheckDest(site, tt.dest)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%s: CheckDest(%q)\n got: %s\nwant: %s", tt.name, tt.dest, got, tt.want)
		}
	}
}

func TestCheckDestRelativePaths(t *testing.T) {
	tmp, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(tmp, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(tmp)
	if err := CheckDest(".", "public"); err != nil {
		t.Errorf("CheckDest(., public) = %v", err)
	}
	for _, dest := range []string{".", "content", "./content/../content/x", ".."} {
		if err := CheckDest(".", dest); err == nil {
			t.Errorf("CheckDest(., %q) accepted", dest)
		}
	}
}
