package wordimport

import (
	"strings"
	"testing"

	. "github.com/cchc-vn/cchc/internal/docx/docxtest"
)

// bodyOf is the Markdown after the front matter.
func bodyOf(res *Result) string {
	text := string(res.Markdown)
	i := strings.Index(text[4:], "\n---\n")
	return strings.TrimPrefix(text[4+i+5:], "\n")
}

// TestBody imports one small document per mapping and compares the body
// and the notes about it exactly.
func TestBody(t *testing.T) {
	tests := []struct {
		name  string
		build func(d *Doc)
		want  string // the body, then "--" and the notes when there are
	}{
		{"heading styles become ## and below; the title leaves the body", func(d *Doc) {
			d.Add(PS("Title", R("Tên bài")), PS("Heading1", R("Một")), Text("a"), PS("Heading2", R("Hai")), PS("Heading3", R("Ba")), PS("Heading1", R("Bốn")))
		}, "## Một\n\na\n\n### Hai\n\n#### Ba\n\n## Bốn\n"},
		{"the outermost heading used is ##", func(d *Doc) {
			d.Add(Text("Mở đầu."), PS("Heading2", R("Hai")), PS("Heading3", R("Ba")))
		}, "Mở đầu.\n\n## Hai\n\n### Ba\n"},
		{"a numbered heading keeps its number", func(d *Doc) {
			d.Numbering = Lists
			d.Add(Text("Mở đầu."), PP(`<w:pStyle w:val="Heading1"/>`+NumPr(3, 0), R("Mục tiêu")), PP(`<w:pStyle w:val="Heading2"/>`+NumPr(3, 1), R("Cụ thể")))
		}, "Mở đầu.\n\n## 1. Mục tiêu\n\n### 1.1. Cụ thể\n"},
		{"headings typed in bold or capitals, when no heading style is used", func(d *Doc) {
			d.Add(Text("Mở đầu."), P(R("I. MỤC ĐÍCH", B)), P(R("1. Mục tiêu chung", B)), Text("a"), P(R("II. YÊU CẦU")),
				P(R("1. Đây là một câu dài in đậm nhưng kết thúc bằng dấu chấm phẩy;", B)), P(R("Điều 1. Phạm vi", B)), P(R("Điều 2.", B), R(" Đối tượng áp dụng")))
		}, "Mở đầu.\n\n## I. MỤC ĐÍCH\n\n### 1. Mục tiêu chung\n\na\n\n## II. YÊU CẦU\n\n**1. Đây là một câu dài in đậm nhưng kết thúc bằng dấu chấm phẩy;**\n\n#### Điều 1. Phạm vi\n\n**Điều 2.** Đối tượng áp dụng\n"},
		{"emphasis beside punctuation and inside words, spaces outside markers", func(d *Doc) {
			d.Add(P(R("Điều 1.", B), R("Ban hành")), P(R("("), R("a", I), R(") và "), R(" đậm ", B), R("thường, "), R("gạch", Strike), R("."), R("Việt"), R("Nam", B)),
				P(R("đậm nghiêng", B, I), R(" đậm", B), R(" thường")))
		}, "**Điều 1**.Ban hành\n\n(*a*) và **đậm** thường, ~~gạch~~.Việt**Nam**\n\n***đậm nghiêng* đậm** thường\n"},
		{"underline kept as plain text, with a note", func(d *Doc) {
			d.Add(P(R("Chú ý", U), R(": nộp trước 17 giờ.")))
		}, "Chú ý: nộp trước 17 giờ.\n--\nindex.md: cảnh báo: 1 đoạn chữ gạch chân được giữ như chữ thường: Markdown không có gạch chân, và trên trang web chữ gạch chân dễ nhầm với liên kết — nếu cần nhấn mạnh, dùng chữ đậm hoặc nghiêng\n"},
		{"Markdown syntax typed as text is escaped", func(d *Doc) {
			d.Add(Text("# không phải tiêu đề"), Text("1. không phải danh sách"), Text("2026. Năm"), Text("> trích"), Text("a *b* _c_ [d](e) <b> | ~~f~~ &amp; g\\h snake_case"),
				P(R("dòng một"), RX(Br), R("---")), Text("="), Text("+"))
		}, "\\# không phải tiêu đề\n\n1\\. không phải danh sách\n\n2026\\. Năm\n\n\\> trích\n\na \\*b\\* \\_c\\_ \\[d\\](e) \\<b> \\| \\~\\~f\\~\\~ \\&amp; g\\\\h snake_case\n\ndòng một\\\n\\---\n\n\\=\n\n\\+\n"},
		{"Word lists: nested, kinds, restarts, labels Markdown cannot write", func(d *Doc) {
			d.Numbering = Lists
			d.Add(Item(1, 0, R("một")), Item(1, 1, R("điểm a")), Item(1, 2, R("gạch")), Item(1, 0, R("hai")), Item(4, 0, R("lại từ 1")),
				Item(2, 0, R("chấm")), Item(1, 0, R("tiếp")), Text("Đoạn."), Item(1, 0, R("tiếp nữa")), Item(3, 1, R("khoản")))
		}, "1. một\n   - a) điểm a\n     - gạch\n2. hai\n\n1) lại từ 1\n\n- chấm\n\n2. tiếp\n\nĐoạn.\n\n3. tiếp nữa\n   - 1.1. khoản\n"},
		{"bullets typed by hand become a list; + nests under -", func(d *Doc) {
			d.Add(Text("Gồm:"), Text("- Sở Nội vụ;"), Text("+ Phòng Tổ chức;"), Text("• Ban Chỉ đạo."), Text("-5 độ"))
		}, "Gồm:\n\n- Sở Nội vụ;\n  - Phòng Tổ chức;\n- Ban Chỉ đạo.\n\n-5 độ\n"},
		{"line breaks, tabs and spaces", func(d *Doc) {
			d.Add(P(R("  Họ tên:\tNguyễn  Văn A "), RX(Br), RX(Br), R("# Địa chỉ: thôn 5"), RX(Br)))
		}, "Họ tên: Nguyễn Văn A\\\n\\# Địa chỉ: thôn 5\n"},
		{"tables: header row, merges, a frame of one column, a table in a cell", func(d *Doc) {
			d.Add(Table(HeaderTr(Tc(Text("A")), TcP(Span(2), Text("B"))), Tr(Tc(Text("1"), Text("hai đoạn")), Tc(Text("x.")), Tc(Text("y"), Text("z")))),
				Table(Tr(Tc(Text("Lưu ý: mang theo giấy tờ.")))),
				Table(Tr(Tc(Text("ngoài")), Tc(Table(Tr(Tc(Text("a")), Tc(Text("b"))), Tr(Tc(Text("c")), Tc(Text("d"))))))))
		}, "| A | B | B |\n| --- | --- | --- |\n| 1; hai đoạn | x. | y; z |\n\nLưu ý: mang theo giấy tờ.\n\n| ngoài | a, b; c, d |\n| --- | --- |\n" +
			"--\nindex.md:1: cảnh báo: bảng có ô gộp: nội dung ô gộp được lặp lại ở mỗi ô nó phủ (hàng tiêu đề, ô gộp dọc), hàng gộp cả bảng chỉ ghi ở ô đầu — kiểm tra lại bảng\n" +
			"index.md:5: cảnh báo: bảng một cột (khung chữ) được chép thành các đoạn văn\n" +
			"index.md:7: cảnh báo: bảng nằm trong ô của bảng khác được viết thành chữ trong ô đó (các ô cách nhau bằng «,», các hàng bằng «;») — kiểm tra lại ô đó\n"},
		{"links: web, mail, a heading's bookmark; a file on the computer and a script dropped", func(d *Doc) {
			web := d.Rel("hyperlink", "https://dichvucong.gov.vn/tra cuu (1)", true)
			file := d.Rel("hyperlink", "file:///C:/Users/van/Desktop/ke%20hoach.doc", true)
			js := d.Rel("hyperlink", "javascript:alert(1)", true)
			d.Add(P(Link(web, R("Cổng ", RStyle("Hyperlink")), R("DVC", B)), R(", "), FieldLink("mailto:vp@dienchau.gov.vn", "thư"), R(", "), Anchor("_Toc1", R("mục II")), R(".")),
				P(Link(file, R("kế hoạch")), R(" và "), Link(js, R("bấm")), R(" và "), Anchor("khong-co", R("đây")), R(".")),
				PS("Heading1", Bookmark(1, "_Toc1", R("II. Yêu cầu"))))
		}, "[Cổng **DVC**](https://dichvucong.gov.vn/tra%20cuu%20%281%29), [thư](mailto:vp@dienchau.gov.vn), [mục II](#ii-yeu-cau).\n\nkế hoạch và bấm và đây.\n\n## II. Yêu cầu\n" +
			"--\nindex.md:3: cảnh báo: liên kết \"javascript:alert(1)\" không an toàn nên bị bỏ, giữ chữ — thêm lại liên kết bằng [chữ](địa chỉ) nếu cần\n" +
			"index.md:3: cảnh báo: liên kết tới dấu trang \"khong-co\" trong tài liệu Word bị bỏ, giữ chữ — thêm lại liên kết bằng [chữ](địa chỉ) nếu cần\n" +
			"index.md:3: cảnh báo: liên kết tới tệp trên máy tính (file:///C:/Users/van/Desktop/ke%20hoach.doc) bị bỏ, giữ chữ: người đọc không mở được — thêm lại liên kết bằng [chữ](địa chỉ) nếu cần\n"},
		{"footnotes of several paragraphs", func(d *Doc) {
			d.Add(P(R("Căn cứ"), d.Footnote(Text("Luật số 72/2025/QH15."), Text("Có hiệu lực từ 01/7/2025.")), R(".")))
		}, "Căn cứ[^1].\n\n[^1]: Luật số 72/2025/QH15.\n\n    Có hiệu lực từ 01/7/2025.\n"},
		{"images: named in order, shown twice once, out of a heading, description escaped", func(d *Doc) {
			a := d.Media("image5.png", PNG(0))
			b := d.Media("image1.jpeg", append([]byte("\xFF\xD8\xFF\xE0"), make([]byte, 8)...))
			d.Add(PS("Heading1", R("Ảnh"), Image(b, "Hội nghị [năm 2026]", "")), P(Image(a, "Sơ đồ *một cửa*", ""), R(" và "), Image(b, "lại", "")))
		}, "## Ảnh\n\n![Hội nghị \\[năm 2026\\]](anh-1.jpg)\n\n![Sơ đồ \\*một cửa\\*](anh-2.png) và ![lại](anh-1.jpg)\n"},
		{"superscript and subscript with Unicode letters, else kept", func(d *Doc) {
			d.Add(P(R("Diện tích 50 m"), R("2", Sup), R(", CO"), R("2", Sub), R(", ngày 1"), R("st", Sup)))
		}, "Diện tích 50 m², CO₂, ngày 1st\n--\nindex.md: cảnh báo: 1 đoạn chữ nhỏ trên, dưới dòng (chỉ số trên, chỉ số dưới) không có chữ Unicode tương ứng nên được giữ như chữ thường — sửa lại nếu cần\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := New()
			tt.build(d)
			res := importBytes(t, d.Bytes(), Options{Section: "bai-viet", Topics: []string{"SIPAS"}})
			got := bodyOf(res)
			var notes []string
			for _, n := range res.Notes {
				if n.Pos.Line == 0 && !strings.Contains(n.Message, "gạch chân") && !strings.Contains(n.Message, "chữ nhỏ") || n.Pos.Line > 0 && n.Pos.Line < 10 {
					continue // the front matter's notes: TestFrontMatter
				}
				if n.Pos.Line > 0 {
					n.Pos.Line -= 10 // the front matter of an article is 10 lines with the blank line
				}
				n.Pos.File = "index.md"
				notes = append(notes, n.String())
			}
			if len(notes) > 0 {
				got += "--\n" + strings.Join(notes, "\n") + "\n"
			}
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
