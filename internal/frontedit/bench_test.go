package frontedit

import (
	"os"
	"testing"
)

// BenchmarkSave is what the desk does on Save of a procedure page: parse
// the file, set every field of the form (most unchanged), write it back.
func BenchmarkSave(b *testing.B) {
	src, err := os.ReadFile("testdata/fixtures/thu-tuc-khai-sinh.md")
	if err != nil {
		b.Fatal(err)
	}
	fields := []struct {
		k string
		v any
	}{
		{"title", "Đăng ký khai sinh"},
		{"ma_thu_tuc", "1.001193"},
		{"linh_vuc", "Hộ tịch"},
		{"muc_do", "Một phần"},
		{"thoi_han", "Ngay trong ngày làm việc"},
		{"ho_so", []string{"Tờ khai đăng ký khai sinh theo mẫu", "Giấy chứng sinh", "Giấy tờ tùy thân"}},
		{"noi_tiep_nhan", "Trung tâm Phục vụ hành chính công xã Diễn Châu"},
		{"topics", []string{"Dịch vụ công trực tuyến"}},
		{"draft", nil},
	}
	b.ReportAllocs()
	for b.Loop() {
		d, err := Parse(src)
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range fields {
			if err := d.Set(f.k, f.v); err != nil {
				b.Fatal(err)
			}
		}
		_ = d.Bytes()
	}
}

// BenchmarkParse is opening a page in the desk.
func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile("testdata/fixtures/van-ban-ke-hoach.md")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(src); err != nil {
			b.Fatal(err)
		}
	}
}
