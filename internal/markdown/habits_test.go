package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// TestEditorsHabitsReported renders bodies written the way editors do on
// Windows and with Word, and checks each problem at its line and column.
func TestEditorsHabitsReported(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      []string // "line:col warning? message — hint"
	}{
		{"an image name with spaces", "Ảnh:\n\n![Hội nghị](anh hoi nghi.jpg)\n",
			[]string{`3:1 ảnh tới "anh hoi nghi.jpg" không hiện được: đường dẫn có dấu cách nên trang sẽ hiện nguyên văn ![Hội nghị](anh hoi nghi.jpg) — đổi tên tệp, bỏ dấu cách (ví dụ anh-hoi-nghi.jpg), hoặc đặt đường dẫn trong ngoặc nhọn: ![Hội nghị](<anh hoi nghi.jpg>)`}},
		{"a link with spaces in a list", "- Xem [kế hoạch](ke hoach 2026.pdf)\n",
			[]string{`1:7 liên kết tới "ke hoach 2026.pdf" không hiện được: đường dẫn có dấu cách nên trang sẽ hiện nguyên văn [kế hoạch](ke hoach 2026.pdf) — đổi tên tệp, bỏ dấu cách (ví dụ ke-hoach-2026.pdf), hoặc đặt đường dẫn trong ngoặc nhọn: [kế hoạch](<ke hoach 2026.pdf>)`}},
		{"a picture on the editor's computer", `![Quầy](C:\Users\Lan\Pictures\quay.jpg)`,
			[]string{`1:1 ảnh tới "C:\Users\Lan\Pictures\quay.jpg" là một tệp trên máy tính của người viết: người đọc không mở được — chép tệp vào thư mục của bài (cạnh tệp .md), rồi chỉ ghi tên tệp trong ngoặc: (quay.jpg)`}},
		{"and with spaces", `Ảnh ![Ảnh](C:\Users\Lan\My Pictures\a.jpg)`,
			[]string{`1:5 ảnh tới "C:\Users\Lan\My Pictures\a.jpg" là một tệp trên máy tính của người viết: người đọc không mở được — chép tệp vào thư mục của bài (cạnh tệp .md), rồi chỉ ghi tên tệp trong ngoặc: (a.jpg)`}},
		{"a file address", "[Tệp](file:///C:/Users/Lan/a.pdf)",
			[]string{`1:1 liên kết tới "file:///C:/Users/Lan/a.pdf" là một tệp trên máy tính của người viết: người đọc không mở được — chép tệp vào thư mục của bài (cạnh tệp .md), rồi chỉ ghi tên tệp trong ngoặc: (a.pdf)`}},
		{"backslashes", `[Kế hoạch](..\van-ban\ke-hoach.pdf)`,
			[]string{`1:1 liên kết tới "..\van-ban\ke-hoach.pdf" dùng dấu \ của Windows: trên trang web đường dẫn phải dùng dấu / — viết (../van-ban/ke-hoach.pdf)`}},
		{"backslashes CommonMark reads as escapes", `Tải [kế hoạch](..\..\van-ban\ke-hoach.pdf).`,
			[]string{`1:5 liên kết tới "..\..\van-ban\ke-hoach.pdf" dùng dấu \ của Windows: trên trang web đường dẫn phải dùng dấu / — viết (../../van-ban/ke-hoach.pdf)`}},
		{"Word's bullets", "Các bước:\n• Bước một\n• Bước hai\n\n\uF0B7 Bước ba\n",
			[]string{
				`2:1 warning dòng bắt đầu bằng dấu đầu dòng "•" dán từ Word, không thành danh sách: các dòng liền nhau bị nối thành một đoạn — thay dấu đó ở đầu mỗi dòng bằng dấu - và một dấu cách ("- Nội dung"), và để một dòng trống trước danh sách`,
				`5:1 warning dòng bắt đầu bằng dấu đầu dòng U+F0B7 (phông Symbol của Word, thường hiện thành ô vuông) dán từ Word, không thành danh sách: các dòng liền nhau bị nối thành một đoạn — thay dấu đó ở đầu mỗi dòng bằng dấu - và một dấu cách ("- Nội dung"), và để một dòng trống trước danh sách`,
			}},

		{"angle brackets", "![Hội nghị](<anh hoi nghi.jpg>)", nil},
		{"a title", `[Luật](https://luat.vn "Văn bản luật")`, nil},
		{"words in brackets", "Kính gửi: [tên cơ quan](nếu có)", nil},
		{"in a code span", "Viết `![Ảnh](anh hoi nghi.jpg)` là sai.", nil},
		{"in a code block", "```\n![Ảnh](anh hoi nghi.jpg)\n• mục\n```\n", nil},
		{"a Markdown list", "- Bước một\n- Bước hai\n", nil},
		{"a bullet inside a sentence", "Giữa dòng • không sao.", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, problems := New(Options{}).Render([]byte(tt.src), func(l Link) (string, *Problem) { return l.Dest, nil })
			var got []string
			for _, p := range problems {
				w := ""
				if p.Warning {
					w = " warning"
				}
				got = append(got, fmt.Sprintf("%d:%d%s %s — %s", p.Line, p.Col, w, p.Message, p.Hint))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
