package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPrepare(t *testing.T) {
	root := newSite(t, nil)
	tests := []struct {
		name, section, slug string
		topics              []string
		want                string // error, "" for none
		usage               bool
		names               []string
	}{
		{"no topic is fine for an import", "", "", nil, "", false, nil},
		{"topics resolved by alias", "bai-viet", "", []string{"một cửa", "sipas"}, "", false, []string{"Một cửa, một cửa liên thông", "SIPAS"}},
		{"unknown topic", "bai-viet", "", []string{"Chuyen doi so hoa"}, `chủ đề "Chuyen doi so hoa" không có trong danh mục chủ đề — có phải ý bạn là "Chuyển đổi số"?`, false, nil},
		{"bad section", "Bài viết", "", nil, `mục "Bài viết" không hợp lệ: --section là tên một thư mục ngay dưới content/ — có phải ý bạn là --section bai-viet?`, true, nil},
		{"bad slug", "", "Kế hoạch", nil, `--slug "Kế hoạch" không hợp lệ — ví dụ --slug ke-hoach`, true, nil},
		{"missing section", "van-ban", "", nil, "chưa có mục content/van-ban/ — chọn một mục có sẵn (--section bai-viet), hoặc tạo thư mục content/van-ban/ trước nếu muốn mở mục mới", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			target, err := Prepare(root, tt.section, tt.slug, tt.topics)
			if tt.want != "" {
				_, usage := errors.AsType[*ArgumentError](err)
				if err == nil || err.Error() != tt.want || usage != tt.usage {
					t.Fatalf("error %v (usage %v), want %q (usage %v)", err, usage, tt.want, tt.usage)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if target.Section != "bai-viet" || strings.Join(target.Topics, "|") != strings.Join(tt.names, "|") {
				t.Errorf("section %q topics %q", target.Section, target.Topics)
			}
		})
	}
}

// TestWriteBundle writes a bundle with its files and never overwrites a
// page of the same name, as a file or a folder.
func TestWriteBundle(t *testing.T) {
	root := newSite(t, map[string]string{"content/bai-viet/Kết quả SIPAS.md": "x", "content/bai-viet/cu/index.md": "y"})
	target, err := Prepare(root, "", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	rel, err := target.WriteBundle("ke-hoach", []byte("trang"), []File{{Name: "anh-1.png", Data: []byte("png")}})
	if err != nil || rel != "content/bai-viet/ke-hoach/index.md" {
		t.Fatalf("rel %q, err %v", rel, err)
	}
	for name, want := range map[string]string{"index.md": "trang", "anh-1.png": "png"} {
		if data, _ := os.ReadFile(filepath.Join(root, "content/bai-viet/ke-hoach", name)); string(data) != want {
			t.Errorf("%s holds %q", name, data)
		}
	}
	for slug, want := range map[string]string{
		"ke-hoach":      "content/bai-viet/ke-hoach/ đã có, không ghi đè — đặt tiêu đề khác, hoặc chọn tên tệp khác bằng --slug ten-khac",
		"ket-qua-sipas": "content/bai-viet/Kết quả SIPAS.md đã có, không ghi đè — đặt tiêu đề khác, hoặc chọn tên tệp khác bằng --slug ten-khac",
		"cu":            "content/bai-viet/cu/ đã có, không ghi đè — đặt tiêu đề khác, hoặc chọn tên tệp khác bằng --slug ten-khac",
	} {
		if _, err := target.WriteBundle(slug, []byte("mới"), nil); err == nil || err.Error() != want {
			t.Errorf("%s: error %v, want %q", slug, err, want)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(root, "content/bai-viet/cu/index.md")); string(data) != "y" {
		t.Errorf("existing page changed: %q", data)
	}
	// A file name that would leave the folder is refused before anything
	// is written.
	if _, err := target.WriteBundle("moi", []byte("x"), []File{{Name: "../thoat.png"}}); err == nil {
		t.Error("a file name with ../ was accepted")
	}
	if _, err := os.Stat(filepath.Join(root, "content/bai-viet/moi")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("folder left behind: %v", err)
	}
	// A write that fails halfway removes what it wrote.
	_, err = target.WriteBundle("nua-chung", []byte("x"), []File{{Name: "a.png"}, {Name: "a.png"}})
	if err == nil || err.Error() != "content/bai-viet/nua-chung/a.png đã có, không ghi đè — đặt tiêu đề khác, hoặc chọn tên tệp khác bằng --slug ten-khac" {
		t.Errorf("error %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "content/bai-viet/nua-chung")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("folder left behind: %v", err)
	}
}
