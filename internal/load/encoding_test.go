package load_test

import (
	"reflect"
	"testing"
	"unicode/utf16"

	"github.com/cchc-vn/cchc/internal/load"
	"github.com/cchc-vn/cchc/internal/load/loadtest"
	"golang.org/x/text/encoding/charmap"
)

// win1252 gives the bytes whose Windows-1252 reading is s: the raw bytes
// of a legacy file written here as its mojibake.
func win1252(t *testing.T, s string) string {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().String(s)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return b
}

func TestLegacyTextReported(t *testing.T) {
	const fix = " — chạy: cchc fix-encoding content/bai-viet/x.md (hoặc gõ lại bằng bảng mã Unicode)"
	tests := []struct {
		name, src string
		want      []string
	}{
		{"title", "---\ntitle: \"KÕ ho¹ch tuyªn truyÒn n¨m 2026\"\ndate: 2026-01-16\ntopics: [SIPAS]\n---\nNội dung.\n", []string{
			`content/bai-viet/x.md:2:9: lỗi: đoạn "KÕ ho¹ch tuyªn truyÒn n¨m" là chữ gõ bằng bảng mã TCVN3 (ABC) bị hiển thị sai ("lỗi font"), đúng ra là "Kế hoạch tuyên truyền năm"` + fix}},
		{"front matter value", "---\ntitle: \"Tiêu đề\"\ndate: 2026-01-16\ntopics: [SIPAS]\nunit: \"Phoøng Vaên hoùa\"\n---\nNội dung.\n", []string{
			`content/bai-viet/x.md:5:8: lỗi: đoạn "Phoøng Vaên hoùa" là chữ gõ bằng bảng mã VNI bị hiển thị sai ("lỗi font"), đúng ra là "Phòng Văn hóa"` + fix}},
		{"body", article + "\nKính gửi: žy ban nh©n d©n x· DiÔn Ch©u.\n", []string{
			`content/bai-viet/x.md:8:11: lỗi: đoạn "žy ban nh©n d©n x· DiÔn Ch©u" là chữ gõ bằng bảng mã TCVN3 (ABC) bị hiển thị sai ("lỗi font"), đúng ra là "Ủy ban nhân dân xã Diễn Châu"` + fix}},
		{"capped", article + "nh©n d©n\nnh©n d©n\nnh©n d©n\nnh©n d©n\nnh©n d©n\n", []string{
			`content/bai-viet/x.md:7:1: lỗi: đoạn "nh©n d©n" là chữ gõ bằng bảng mã TCVN3 (ABC) bị hiển thị sai ("lỗi font"), đúng ra là "nhân dân"` + fix,
			`content/bai-viet/x.md:8:1: lỗi: đoạn "nh©n d©n" là chữ gõ bằng bảng mã TCVN3 (ABC) bị hiển thị sai ("lỗi font"), đúng ra là "nhân dân"` + fix,
			`content/bai-viet/x.md:9:1: lỗi: đoạn "nh©n d©n" là chữ gõ bằng bảng mã TCVN3 (ABC) bị hiển thị sai ("lỗi font"), đúng ra là "nhân dân"` + fix,
			`content/bai-viet/x.md:10:1: lỗi: còn 2 đoạn khác bị "lỗi font" trong tệp này` + fix}},
		{"unicode with symbols", article + "© 2026 “Một cửa” — 30°C, 5 €, café Müller façade.\n", nil},
		{"tcvn3 file", win1252(t, "---\ntitle: \"KÕ ho¹ch\"\ndate: 2026-01-16\ntopics: [SIPAS]\n---\nC¸c phßng, ban ngµnh.\n"), []string{
			"content/bai-viet/x.md:2: lỗi: tệp không phải văn bản UTF-8: có vẻ được lưu bằng bảng mã TCVN3 (ABC) — chạy: cchc fix-encoding content/bai-viet/x.md (hoặc mở tệp và lưu lại với bảng mã UTF-8)"}},
		{"vni file", win1252(t, "---\ntitle: \"Keá hoaïch\"\n---\nCaùc phoøng, ban ngaønh.\n"), []string{
			"content/bai-viet/x.md:2: lỗi: tệp không phải văn bản UTF-8: có vẻ được lưu bằng bảng mã VNI — chạy: cchc fix-encoding content/bai-viet/x.md (hoặc mở tệp và lưu lại với bảng mã UTF-8)"}},
		{"cp1258 file", "---\ntitle: a\n---\n\nNg\xe0y\n", []string{
			"content/bai-viet/x.md:5: lỗi: tệp không phải văn bản UTF-8: có vẻ được lưu bằng bảng mã CP1258 — chạy: cchc fix-encoding content/bai-viet/x.md (hoặc mở tệp và lưu lại với bảng mã UTF-8)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, msgs := loadtest.Map(t, map[string]string{"content/bai-viet/x.md": tt.src}, nil, load.Options{})
			if !reflect.DeepEqual(msgs, tt.want) {
				t.Errorf("got  %q\nwant %q", msgs, tt.want)
			}
		})
	}
}

// utf16Bytes writes s as Notepad's "Unicode" (little endian) or
// "Unicode big endian" does, with the byte order mark.
func utf16Bytes(s string, bigEndian bool) string {
	units := utf16.Encode([]rune("\uFEFF" + s))
	b := make([]byte, 0, 2*len(units))
	for _, u := range units {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return string(b)
}

// A UTF-16 file is read as the same page as its UTF-8 twin, with a
// warning that names the form and how to save it as UTF-8.
func TestUTF16FileRead(t *testing.T) {
	src := "---\r\ntitle: \"Kết quả SIPAS 2025\"\r\ndate: 16/01/2026\r\ntopics: [SIPAS]\r\n---\r\nNội dung bài viết.\r\n"
	for _, c := range []struct {
		big  bool
		form string
	}{{false, "UTF-16 LE"}, {true, "UTF-16 BE"}} {
		site, msgs := loadtest.Map(t, map[string]string{"content/bai-viet/x.md": utf16Bytes(src, c.big)}, nil, load.Options{})
		want := []string{"content/bai-viet/x.md:1: cảnh báo: tệp lưu bằng bảng mã " + c.form + ` (Notepad gọi là "Unicode"); vẫn đọc được nhưng nên lưu lại dạng UTF-8 — chạy: cchc fix-encoding content/bai-viet/x.md, hoặc trong Notepad chọn Lưu thành… (Save As) → Mã hóa (Encoding): UTF-8`}
		if !reflect.DeepEqual(msgs, want) {
			t.Errorf("%s: got %q\nwant %q", c.form, msgs, want)
		}
		if site == nil || len(site.Pages) != 1 {
			t.Fatalf("%s: no page loaded", c.form)
		}
		p := site.Pages[0]
		if p.Title != "Kết quả SIPAS 2025" || string(p.Body) != "Nội dung bài viết.\n" || p.BodyLine != 6 {
			t.Errorf("%s: title %q, body %q at line %d", c.form, p.Title, p.Body, p.BodyLine)
		}
	}
}
