package wordimport

import (
	"strings"
	"testing"

	. "github.com/cchc-vn/cchc/internal/docx/docxtest"
)

// frontOf is the front matter of the page, its "---" lines included.
func frontOf(res *Result) string {
	text := string(res.Markdown)
	i := strings.Index(text[4:], "\n---\n")
	return text[:4+i+5]
}

// TestFrontMatter checks what each section's front matter takes from the
// document's layout, and the notes for what it could not find.
func TestFrontMatter(t *testing.T) {
	header := LayoutTable(
		Tr(Tc(PP(Center, R("UBND TỈNH NGHỆ AN", B)), PP(Center, R("SỞ GIÁO DỤC VÀ ĐÀO TẠO", B)), PP(Center, R("Số: 1234 /SGDĐT-VP"))),
			Tc(PP(Center, R("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B)), PP(Center, R("Độc lập - Tự do - Hạnh phúc", B)),
				PP(Center, R("Nghệ An, ngày 31 tháng 02 năm 2026", I)))))
	tests := []struct {
		name    string
		section string
		file    string
		body    []string
		want    string // front matter, then the notes about it
	}{
		{"article without a title: the file's name; no date", "bai-viet", "Bai_viet moi.docx", []string{Text("Một đoạn văn dài hơn, kết thúc bằng dấu chấm.")},
			"---\ntitle: \"Bai viet moi\"\ndate: 01/02/2026 09:00\ntopics: [] # chủ đề trong danh mục, ví dụ [SIPAS, \"Một cửa, một cửa liên thông\"]\n" +
				"summary: \"\" # một, hai câu nêu ý chính của bài; hiện ở danh sách bài và khi chia sẻ\nauthor: \"\" # người viết\nunit: \"\" # đơn vị, ví dụ: Văn phòng HĐND-UBND xã\n" +
				"draft: true # bản nháp: xóa dòng này khi trang đã sẵn sàng đăng\n---\n" +
				"index.md:2: cảnh báo: không tìm thấy tiêu đề trong tài liệu (kiểu Title, hay dòng tên loại văn bản như «KẾ HOẠCH»): tạm lấy tên tệp — viết lại tiêu đề\n" +
				"index.md:3: cảnh báo: tài liệu không ghi ngày đủ («…, ngày … tháng … năm …»): tạm ghi hôm nay — sửa `date` theo ngày đúng của văn bản\n" +
				"index.md:4: cảnh báo: bài chưa có chủ đề: còn để trống thì `cchc build` và `cchc check` báo lỗi ở dòng này — ghi ít nhất một chủ đề trong danh mục vào `topics`, hoặc nhập lại với --topic\n"},
		{"a story that starts with its date keeps it", "bai-viet", "Hoi nghi.docx", []string{Text("Ngày 16 tháng 01 năm 2026, UBND xã tổ chức hội nghị."), Text("Đoạn hai.")},
			"---\ntitle: \"Hoi nghi\"\ndate: 01/02/2026 09:00\n"},
		{"a first line in capitals is the title, in sentence case", "bai-viet", "", []string{PP(Center, R("KẾT QUẢ KHẢO SÁT SIPAS NĂM 2025 CỦA XÃ DIỄN CHÂU", B)), Text("Nội dung.")},
			"---\ntitle: \"Kết quả khảo sát SIPAS năm 2025 của xã Diễn Châu\"\n"},
		{"a công văn: issuer under its superior body, V/v as abstract, a date that does not exist", "van-ban", "",
			[]string{LayoutTable(Tr(Tc(PP(Center, R("UBND TỈNH NGHỆ AN", B)), PP(Center, R("SỞ GIÁO DỤC VÀ ĐÀO TẠO", B)), PP(Center, R("Số: 1234 /SGDĐT-VP")), PP(Center, R("V/v tăng cường cải cách hành chính"))),
				Tc(PP(Center, R("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B)), PP(Center, R("Độc lập - Tự do - Hạnh phúc", B)), PP(Center, R("Nghệ An, ngày 31 tháng 02 năm 2026", I))))),
				Text("Kính gửi: UBND các xã.")},
			"---\nso_ky_hieu: \"1234/SGDĐT-VP\"\nloai: \"Công văn\"\nco_quan: \"Sở Giáo dục và Đào tạo\"\nngay_ban_hanh: 01/02/2026 # ngày ký\n" +
				"trich_yeu: \"Về việc tăng cường cải cách hành chính\"\ndraft: true # bản nháp: xóa dòng này khi trang đã sẵn sàng đăng\n---\n" +
				"index.md:4: cảnh báo: tên cơ quan ban hành được viết lại từ chữ in hoa của khối đầu văn bản — kiểm tra cách viết hoa\n" +
				"index.md:5: cảnh báo: ngày ghi trên văn bản (31/02/2026) không có thật: tạm ghi hôm nay — sửa `ngay_ban_hanh` theo ngày đúng của văn bản\n"},
		{"a question asked in the press's way; answerer and dates from the heading", "hoi-dap", "", []string{header,
			Text("Ông Trần Văn B (thôn 5) hỏi: Tôi muốn chứng thực bản sao giấy tờ thì lệ phí bao nhiêu?"), P(R("Trả lời:", B)), Text("Lệ phí là 2.000 đồng mỗi trang.")},
			"---\ncau_hoi: \"Tôi muốn chứng thực bản sao giấy tờ thì lệ phí bao nhiêu?\" # câu hỏi, chép đúng như người hỏi gửi\n" +
				"nguoi_hoi: \"Ông Trần Văn B, thôn 5\" # tên người hỏi theo cách họ đồng ý nêu, kèm nơi ở, ví dụ \"Chị Nguyễn Thị H., thôn 3\"\n" +
				"ngay_hoi: 01/02/2026\nco_quan_tra_loi: \"Sở Giáo dục và Đào tạo\"\nngay_tra_loi: 01/02/2026\nlinh_vuc: \"\" # ví dụ: Hộ tịch, Chứng thực, Đất đai\n" +
				"draft: true # bản nháp: xóa dòng này khi trang đã sẵn sàng đăng\n---\n" +
				"index.md:3: cảnh báo: người hỏi được ghi như trong tài liệu — kiểm tra người hỏi đồng ý nêu tên như vậy; nếu không, chỉ ghi chữ cái đầu của tên\n" +
				"index.md:4: cảnh báo: không tìm thấy ngày hỏi: tạm ghi hôm nay — sửa `ngay_hoi` theo ngày nhận câu hỏi\n" +
				"index.md:6: cảnh báo: ngày ghi trên văn bản (31/02/2026) không có thật: tạm ghi hôm nay — sửa `ngay_tra_loi` theo ngày đúng của văn bản\n"},
		{"a reply not laid out as questions and answers", "hoi-dap", "", []string{PS("Title", R("Hỏi về chứng thực")), Text("Chứng thực ở đâu?")},
			"---\ncau_hoi: \"Hỏi về chứng thực\" # câu hỏi, chép đúng như người hỏi gửi\n"},
		{"a procedure gets the kind's keys from cchc new", "thu-tuc", "", []string{PS("Title", R("Đăng ký khai sinh")), Text("Hồ sơ gồm tờ khai.")},
			"---\ntitle: \"Đăng ký khai sinh\" # tên thủ tục\nma_thu_tuc: \"\" # mã trên Cổng Dịch vụ công quốc gia, ví dụ \"1.001193\"; chưa rõ thì để trống\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := New().Add(tt.body...)
			res := importBytes(t, d.Bytes(), Options{Section: tt.section, FileName: tt.file, Organization: "UBND xã Diễn Châu"})
			got := frontOf(res)
			for _, n := range res.Notes {
				if n.Pos.Line > 0 && n.Pos.Line <= strings.Count(got, "\n") {
					n.Pos.File = "index.md"
					got += n.String() + "\n"
				}
			}
			if strings.HasPrefix(tt.name, "a story") && !strings.Contains(string(res.Markdown), "\nNgày 16 tháng 01 năm 2026, UBND xã tổ chức hội nghị.\n") {
				t.Errorf("the first paragraph left the body:\n%s", res.Markdown)
			}
			if !strings.HasPrefix(got, tt.want) || (strings.HasSuffix(tt.want, "---\n") || strings.Contains(tt.want, "cảnh báo")) && got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
