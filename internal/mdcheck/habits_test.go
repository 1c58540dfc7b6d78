package mdcheck

import (
	"testing"

	"github.com/yuin/goldmark/text"
)

// segments returns the lines of src as a block's lines.
func segments(src string) *text.Segments {
	s := text.NewSegments()
	for start := 0; start < len(src); {
		end := start
		for end < len(src) && src[end] != '\n' {
			end++
		}
		if end < len(src) {
			end++
		}
		s.Append(text.NewSegment(start, end))
		start = end
	}
	return s
}

func TestDestinationOffsets(t *testing.T) {
	src := []byte(`Xem [a](..\..\b.pdf) và [c](javascript:x)`)
	tests := []struct {
		offset int
		dest   string
		want   string // Message, "" for none
	}{
		{4, `../.b.pdf`, `liên kết tới "..\..\b.pdf" dùng dấu \ của Windows: trên trang web đường dẫn phải dùng dấu /`},
		{24, "javascript:x", "liên kết dùng địa chỉ “javascript:” không được phép, trang chỉ giữ lại chữ của liên kết"},
		{24, "https://x.vn", ""},
	}
	for _, tt := range tests {
		p := Destination(src, tt.offset, tt.dest, false)
		switch {
		case p == nil && tt.want == "":
		case p == nil || p.Message != tt.want || p.Offset != tt.offset:
			t.Errorf("Destination(%d, %q) = %+v, want %q at %d", tt.offset, tt.dest, p, tt.want, tt.offset)
		}
	}
	if p := LocalPath(`C:\anh.jpg`, true); p == nil || p.Offset != 0 || p.Hint != "chép tệp vào thư mục của bài (cạnh tệp .md), rồi chỉ ghi tên tệp trong ngoặc: (anh.jpg)" {
		t.Errorf("LocalPath = %+v", p)
	}
}

func TestHabitsAtOffsets(t *testing.T) {
	src := "Mở đầu\n  • Bước một\n![Ảnh](anh hoi nghi.jpg) và [tên](nếu có)\n"
	lines := segments(src)
	links := LiteralLinks([]byte(src), lines)
	wantLink := len("Mở đầu\n  • Bước một\n")
	if len(links) != 1 || links[0].Offset != wantLink || links[0].Warning {
		t.Errorf("LiteralLinks = %+v, want one error at %d", links, wantLink)
	}
	bullet := PastedBullets([]byte(src), lines)
	wantBullet := len("Mở đầu\n  ")
	if bullet == nil || bullet.Offset != wantBullet || !bullet.Warning {
		t.Errorf("PastedBullets = %+v, want a warning at %d", bullet, wantBullet)
	}
	if p := PastedBullets([]byte("- Bước một\nGiữa • dòng\n"), segments("- Bước một\nGiữa • dòng\n")); p != nil {
		t.Errorf("PastedBullets of a Markdown list = %+v", p)
	}
}
