package docx_test

import (
	"testing"

	. "github.com/cchc-vn/cchc/internal/docx/docxtest"
)

// TestMappings reads one small document per feature and compares the
// model exactly.
func TestMappings(t *testing.T) {
	tests := []struct {
		name  string
		build func(d *Doc)
		want  string
	}{
		{"headings by style id, English and Vietnamese names, outline level, basedOn; Title", func(d *Doc) {
			d.Styles += Style("paragraph", "u1", "Tiêu đề 2", "Normal", "", "") +
				Style("paragraph", "Muc", "Mục lớn", "Heading1", "", "") +
				Style("paragraph", "Custom3", "Đề mục", "Normal", Outline(2), "")
			d.Add(PS("Title", R("Tên tài liệu")), PS("Heading1", R("Một")), PS("u1", R("Hai")), PS("Muc", R("Ba")),
				PS("Custom3", R("Bốn")), PP(Outline(3), R("Năm")), PP(`<w:pStyle w:val="Heading1"/>`+Outline(9), R("Sáu")))
		}, "P[title] Tên tài liệu\nP[h1] <b>Một</b>\nP[h2] Hai\nP[h1] <b>Ba</b>\nP[h3] Bốn\nP[h4] Năm\nP <b>Sáu</b>\n"},
		{"bold, italic, underline, strike, caps, super and subscript; hidden text dropped", func(d *Doc) {
			d.Add(P(R("đậm", B), R(" nghiêng", I), R(" gạch", U), R(" xóa", Strike), R(" hoa", Caps),
				R(" m"), R("2", Sup), R(" H"), R("2", Sub), R("O"), R(" ẩn", Hidden)))
		}, "P <b>đậm</b><i> nghiêng</i><u> gạch</u><s> xóa</s> HOA m<sup>2</sup> H<sub>2</sub>O\n" +
			"note: 1 đoạn chữ ẩn (Hidden) không được chép — \n" +
			"note: 1 đoạn chữ gạch chân được giữ như chữ thường: Markdown không có gạch chân, và trên trang web chữ gạch chân dễ nhầm với liên kết — nếu cần nhấn mạnh, dùng chữ đậm hoặc nghiêng\n"},
		{"emphasis from a character style and the paragraph style; direct off wins", func(d *Doc) {
			d.Styles += Style("character", "Strong", "Strong", "", "", B) + Style("paragraph", "Bold", "Đậm", "Normal", "", B)
			d.Add(P(R("a", RStyle("Strong")), R("b")), PS("Bold", R("c"), R("d", `<w:b w:val="0"/>`)))
		}, "P <b>a</b>b\nP <b>c</b>d\n"},
		{"line breaks and tabs kept, page breaks dropped, hyphens", func(d *Doc) {
			d.Add(P(R("a"), RX(Br), R("b"), RX(Tab), R("c"), RX(PageBreak), R("d"), RX(`<w:softHyphen/>`), RX(`<w:noBreakHyphen/>`), R("e")))
		}, "P a<br>b→cd-e\n"},
		{"numbered and bulleted lists, nested, counted like Word; a new instance restarts", func(d *Doc) {
			d.Numbering = Lists
			d.Add(Item(1, 0, R("một")), Item(1, 1, R("a")), Item(1, 1, R("b")), Item(1, 2, R("gạch")), Item(1, 0, R("hai")),
				Item(1, 1, R("a lại")), Item(2, 0, R("chấm")), Item(2, 1, R("gạch ngang")), Item(3, 0, R("Điều")),
				Item(3, 1, R("khoản")), Item(3, 2, R("điểm")), Item(4, 0, R("lại từ 1")), Item(1, 0, R("tiếp")),
				Item(9, 0, R("không có danh sách 9")), PP(NumPr(0, 0), R("numId 0")))
		}, "P[1.@0] một\nP[\"a)\"@1] a\nP[\"b)\"@1] b\nP[bullet@2] gạch\nP[2.@0] hai\nP[\"a)\"@1] a lại\n" +
			"P[bullet@0] chấm\nP[bullet@1] gạch ngang\nP[1.@0] Điều\nP[\"1.1.\"@1] khoản\nP[\"1.1.1.\"@2] điểm\n" +
			"P[1.@0] lại từ 1\nP[2.@0] tiếp\nP không có danh sách 9\nP numId 0\n"},
		{"numbering through the paragraph style", func(d *Doc) {
			d.Numbering = Lists
			d.Styles += Style("paragraph", "ListNumber", "List Number", "Normal", NumPr(1, 0), "")
			d.Add(PS("ListNumber", R("x")), PS("ListNumber", R("y")))
		}, "P[1.@0] x\nP[2.@0] y\n"},
		{"TCVN3 and VNI fonts converted by run, style and document default; Unicode text in an old font kept", func(d *Doc) {
			d.Defaults = `<w:rPr>` + Font(".VnTime") + `</w:rPr>`
			d.Styles += Style("paragraph", "Hoa", "Chữ hoa", "Normal", "", Font(".VnTimeH"))
			d.Add(P(R("Céng hßa x· héi chñ nghÜa ViÖt Nam")), PS("Hoa", R("uû ban nh©n d©n x· diÔn ch©u")),
				P(R("Coäng hoøa", Font("VNI-Times"))), P(R("Việt Nam đã gõ Unicode"), R(" Times", Font("Times New Roman"))))
		}, "P Cộng hòa xã hội chủ nghĩa Việt Nam\nP UỶ BAN NHÂN DÂN XÃ DIỄN CHÂU\nP Cộng hòa\nP Việt Nam đã gõ Unicode Times\n" +
			"note: 1 đoạn chữ dùng phông .VnTime (bảng mã TCVN3 (ABC)) đã được chuyển sang Unicode — đọc lại các đoạn đó, nhất là chữ hoa và dấu thanh\n" +
			"note: 1 đoạn chữ dùng phông .VnTimeH (bảng mã TCVN3 (ABC)) đã được chuyển sang Unicode — đọc lại các đoạn đó, nhất là chữ hoa và dấu thanh\n" +
			"note: 1 đoạn chữ dùng phông VNI-Times (bảng mã VNI) đã được chuyển sang Unicode — đọc lại các đoạn đó, nhất là chữ hoa và dấu thanh\n"},
		{"mojibake in a Unicode font fixed, across runs with the first run's formatting", func(d *Doc) {
			d.Add(P(R("Văn bản: "), R("Céng hßa x· ", B), R("héi chñ nghÜa ViÖt Nam"), R(" hôm nay.")))
		}, "P Văn bản: <b>Cộng hòa xã hội chủ nghĩa Việt</b> Nam hôm nay.\n" +
			"note: 1 chỗ chữ \"lỗi font\" (chữ TCVN3/VNI gõ trong phông Unicode) đã được chuyển sang Unicode — đọc lại các đoạn đó\n"},
		{"hyperlinks: relationship, bookmark, field, simple field", func(d *Doc) {
			web := d.Rel("hyperlink", "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html", true)
			d.Add(P(Link(web, R("Cổng DVC", RStyle("Hyperlink"))), R(" và "), Anchor("muc1", R("mục 1"))),
				P(FieldLink("https://dienchau.gov.vn/", "cổng xã"), R(" sau")),
				P(`<w:fldSimple w:instr=" HYPERLINK &quot;mailto:a@b.vn&quot; "><w:r><w:t>thư</w:t></w:r></w:fldSimple>`),
				PS("Heading1", Bookmark(1, "muc1", R("Mục 1"))))
		}, "P <a https://dichvucong.gov.vn/p/home/dvc-trang-chu.html>Cổng DVC</a> và <a #muc1>mục 1</a>\n" +
			"P <a https://dienchau.gov.vn/>cổng xã</a> sau\nP <a mailto:a@b.vn>thư</a>\nP[h1 #muc1] <b>Mục 1</b>\n"},
		{"footnotes and endnotes numbered by first reference", func(d *Doc) {
			d.Add(P(R("Căn cứ"), d.Endnote(Text("Cuối.")), R(" và"), d.Footnote(Text("Chú thích một."), Text("Đoạn hai.")), R(".")))
		}, "P Căn cứ<fn 1> và<fn 2>.\nfootnote 1:\n  P Cuối.\nfootnote 2:\n  P Chú thích một.\n  P Đoạn hai.\n"},
		{"images: description, title, none, shown twice; metafile and link left out with notes", func(d *Doc) {
			png := d.Media("image1.png", PNG(0))
			emf := d.Media("image2.emf", append(make([]byte, 40), []byte(" EMF\x00\x00\x01\x00")...))
			linked := d.Rel("image", "file:///C:/anh.jpg", true)
			d.Add(P(Image(png, "Quầy một cửa", "")), P(Image(png, "", "Tiêu đề ảnh")), P(Image(png, "", "")),
				P(Image(png, "A group of people. Description automatically generated", "")), P(Image(emf, "x", "")),
				P(Image(linked, "y", "")))
		}, "P <img word/media/image1.png.png \"Quầy một cửa\">\nP <img word/media/image1.png.png \"Tiêu đề ảnh\">\n" +
			"P <img word/media/image1.png.png \"\">\nP <img word/media/image1.png.png \"A group of people. Description automatically generated\" auto>\nP \nP \n" +
			"note: 1 ảnh chỉ được liên kết tới tệp ngoài tài liệu nên không chép được — chèn ảnh vào tài liệu (Chèn → Ảnh) thay vì liên kết tới tệp, hoặc đặt ảnh cạnh bài\n" +
			"note: ảnh image2.emf dạng EMF không hiện được trên trình duyệt, không được chép — lưu ảnh ra tệp PNG hoặc JPG (chuột phải vào ảnh → Lưu thành ảnh), thu nhỏ nếu cần, đặt cạnh bài rồi chèn bằng ![mô tả](ten-anh.png)\n"},
		{"text box after its paragraph; chart, comment, tracked changes, TOC, header counted", func(d *Doc) {
			d.Headers = []string{"UBND xã Diễn Châu — Trang"}
			d.Add(P(R("Trước"), TextBox(Text("Trong hộp")), R(" sau")),
				P(Chart("rIdChart")),
				P(R("Có"), `<w:ins w:id="1"><w:r><w:t> thêm</w:t></w:r></w:ins>`, `<w:del w:id="2"><w:r><w:delText> bỏ</w:delText></w:r></w:del>`,
					`<w:commentRangeStart w:id="0"/>`, R(" ý"), `<w:commentRangeEnd w:id="0"/>`, RX(`<w:commentReference w:id="0"/>`)),
				PS("TOC1", R("Mục lục 1")), `<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>`+Text("Mục lục")+Text("I. Một")+`</w:sdtContent></w:sdt>`,
				P(RX(`<w:sym w:font="Wingdings" w:char="F0FC"/>`), R(" Đạt"), RX(`<w:sym w:font="Wingdings" w:char="F021"/>`)))
			d.Styles += Style("paragraph", "TOC1", "toc 1", "Normal", "", "")
		}, "P Trước sau\nP Trong hộp\nP \nP Có thêm ý\nP ✓ Đạt\n" +
			"note: 1 nhận xét (comment) trong tài liệu không được chép — \n" +
			"note: tài liệu còn 1 chỗ sửa đổi được theo dõi (Track Changes): đã lấy bản sau khi chấp nhận mọi sửa đổi — đọc lại bài: nếu các sửa đổi chưa được duyệt, sửa trong Word (Xem lại → Chấp nhận/Từ chối) rồi nhập lại\n" +
			"note: mục lục của Word (3 dòng) bị bỏ — trang tự có mục lục theo các tiêu đề, không cần chép\n" +
			"note: 1 biểu đồ của Word không chép được — chụp ảnh biểu đồ rồi chèn ảnh, hoặc vẽ lại bằng khối ```bieu-do``` (xem hướng dẫn biên tập)\n" +
			"note: chữ trong 1 hộp văn bản (Text Box) được chép thành đoạn văn ngay sau đoạn chứa hộp — kiểm tra vị trí của đoạn đó trong bài\n" +
			"note: 1 ký hiệu của phông Symbol/Wingdings không có chữ Unicode tương ứng nên bị bỏ — gõ lại các ký hiệu đó bằng chữ Unicode\n" +
			"note: đầu trang, chân trang của Word không được chép (\"UBND xã Diễn Châu — Trang\") — nếu trong đó có thông tin cần cho người đọc, chép vào bài\n"},
		{"tables: header row, spans, vertical merge, gridBefore, a table in a cell", func(d *Doc) {
			d.Add(Table(
				HeaderTr(Tc(Text("STT")), TcP(Span(2), Text("Kết quả"))),
				Tr(TcP(VMerge(true), Text("1")), Tc(Text("a")), Tc(Text("b"))),
				Tr(TcP(VMerge(false)), Tc(Text("c")), Tc(Table(Tr(Tc(Text("x")), Tc(Text("y")))))),
				`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>`+Tc(Text("d"))+Tc(Text("e"))+`</w:tr>`))
		}, "T cols=3\n  H| STT | span2:Kết quả |\n  | 1 | a | b |\n  | ^ | c | [table 1x2] |\n  |  | d | e |\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := New()
			tt.build(d)
			if got := dump(read(t, d)); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
