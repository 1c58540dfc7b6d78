package yamlsyntax

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestDiagnoseAddsTheOffset checks that positions are file lines: the
// YAML text of a front matter starts on line 2 of its file.
func TestDiagnoseAddsTheOffset(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"unclosed quote", "title: \"Kế hoạch\ndate: 2026-01-16\n",
			"content/a.md:2:8: lỗi: dấu ngoặc kép \" mở ở đây nhưng không được đóng — thêm dấu \" ở cuối giá trị, ví dụ: title: \"Chuyên mục Cải cách hành chính\""},
		{"tab", "topics:\n\t- SIPAS\n",
			"content/a.md:3:1: lỗi: dòng thụt lề bằng ký tự Tab — dùng dấu cách, không dùng phím Tab"},
		{"colon in value", "title: Kế hoạch: năm 2026\n",
			"content/a.md:2:1: lỗi: dấu hai chấm : đặt sai chỗ — giá trị có dấu hai chấm phải đặt trong ngoặc kép, ví dụ: title: \"Kế hoạch: năm 2026\"; khóa con phải thụt lề đều nhau"},
		{"curly quotes", "title: “Kế hoạch: năm 2026”\n",
			"content/a.md:2:8: lỗi: giá trị đặt trong dấu ngoặc kép kiểu Word “…”, YAML không coi đó là dấu ngoặc nên đọc sai dòng này — thay “ ” bằng dấu ngoặc kép thẳng \" \" (phím Shift và '), ví dụ: title: \"Kế hoạch: năm 2026\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n yaml.Node
			err := yaml.Unmarshal([]byte(tt.text), &n)
			if err == nil {
				t.Fatal("the YAML parsed")
			}
			ds := Diagnose("content/a.md", 2, []byte(tt.text), err)
			if len(ds) != 1 || ds[0].String() != tt.want {
				t.Errorf("got %q\nwant %q", ds, tt.want)
			}
		})
	}
}
