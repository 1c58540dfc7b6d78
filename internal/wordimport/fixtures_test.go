package wordimport

import (
	"os"
	"testing"

	. "github.com/cchc-vn/cchc/internal/docx/docxtest"
)

// The administrative documents of the golden tests, built as Word lays
// them out (Nghị định 30/2020): a heading table without borders, the type
// and abstract centered, the signature and recipients in a table at the
// end, or the same as paragraphs.

// planDocx is the commune's plan (testdata/ke-hoach-…txt, a frozen copy
// of ../shared/reference) typed in Word: the heading block as a table,
// headings from its I./1. structure, Word's numbered and bulleted lists.
func planDocx(t testing.TB) []byte {
	text, err := os.ReadFile("testdata/ke-hoach-tuyen-truyen-cchc-2026.txt")
	if err != nil {
		t.Fatal(err)
	}
	return FromText("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ DIỄN CHÂU\tĐộc lập - Tự do - Hạnh phúc\n" + string(text))
}

// decisionDocx is a decision (Quyết định) with its heading table, the
// signer's authority, grounds in italics with a footnote, articles whose
// label is bold, an annexed table with merged cells, and the signature
// table with the recipients.
func decisionDocx() []byte {
	d := New()
	d.Add(LayoutTable(
		Tr(Tc(PP(Center, R("ỦY BAN NHÂN DÂN", B)), PP(Center, R("XÃ DIỄN CHÂU", B)), PP(Center, R("-------"))),
			Tc(PP(Center, R("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B)), PP(Center, R("Độc lập - Tự do - Hạnh phúc", B)), PP(Center, R("---------------")))),
		Tr(Tc(PP(Center, R("Số: 05/QĐ-UBND"))), Tc(PP(Center, R("Diễn Châu, ngày 16 tháng 01 năm 2026", I)))),
	))
	d.Add(PP(Center, R("QUYẾT ĐỊNH", B)),
		PP(Center, R("Về việc ban hành Quy chế hoạt động của Bộ phận Một cửa", B), RX(Br, B), R("xã Diễn Châu", B)),
		PP(Center, R("-----------")),
		PP(Center, R("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ DIỄN CHÂU", B)),
		PP(Justify, R("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", I)),
		PP(Justify, R("Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông", I),
			d.Footnote(Text("Thay thế Nghị định số 61/2018/NĐ-CP.")), R(";", I)),
		PP(Justify, R("Theo đề nghị của Chánh Văn phòng HĐND và UBND xã.", I)),
		PP(Center, R("QUYẾT ĐỊNH:", B)),
		PP(Justify, R("Điều 1.", B), R(" Ban hành kèm theo Quyết định này Quy chế hoạt động của Bộ phận Một cửa xã Diễn Châu (thời gian tiếp nhận theo bảng dưới).")),
		Table(
			HeaderTr(Tc(Text("Ngày")), TcP(Span(2), Text("Thời gian tiếp nhận"))),
			Tr(TcP(VMerge(true), Text("Thứ Hai – Thứ Sáu")), Tc(Text("Sáng")), Tc(Text("7 giờ 30 – 11 giờ 30"))),
			Tr(TcP(VMerge(false)), Tc(Text("Chiều")), Tc(Text("13 giờ 30 – 17 giờ"))),
			Tr(TcP(Span(3), Text("Thứ Bảy: sáng, từ 7 giờ 30 | chỉ trả kết quả"))),
		),
		PP(Justify, R("Điều 2.", B), R(" Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 12/QĐ-UBND ngày 05/3/2024.")),
		PP(Justify, R("Điều 3.", B), R(" Chánh Văn phòng HĐND và UBND xã, Giám đốc Trung tâm Phục vụ hành chính công xã và các cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.")),
		LayoutTable(Tr(
			Tc(P(R("Nơi nhận:", B, I)), P(R("- Như Điều 3;")), P(R("- Lưu: VT."))),
			Tc(PP(Center, R("CHỦ TỊCH", B)), PP(Center, R("(Đã ký)", I)), `<w:p/>`, PP(Center, R("Nguyễn Văn An", B))),
		)),
	)
	return d.Bytes()
}

// qaDocx is a reply of "Dân hỏi – Cơ quan chức năng trả lời": labelled
// lines for the asker, the dates and the field, "Câu hỏi:" and "Trả
// lời:", a list, a link, a picture with its description and one without.
func qaDocx() []byte {
	d := New()
	d.Numbering = Lists
	img := d.Media("image1.jpeg", append([]byte("\xFF\xD8\xFF\xE0"), make([]byte, 64)...))
	noAlt := d.Media("image2.png", PNG(0))
	dvc := d.Rel("hyperlink", "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html", true)
	d.Add(PS("Title", R("Làm căn cước cho con dưới 14 tuổi ở đâu?")),
		P(R("Người hỏi: ", B), R("Chị Nguyễn Thị H.")),
		P(R("Địa chỉ: ", B), R("xóm 3, xã Diễn Châu")),
		P(R("Ngày hỏi: ", B), R("03/11/2026")),
		P(R("Lĩnh vực: ", B), R("Cư trú")),
		P(R("Cơ quan trả lời: ", B), R("Công an xã Diễn Châu")),
		P(R("Ngày trả lời: ", B), R("ngày 10 tháng 11 năm 2026")),
		P(R("Câu hỏi:", B)),
		P(R("Con tôi 10 tuổi. Tôi muốn làm thẻ căn cước cho cháu thì làm ở đâu, có mất phí không?", I)),
		P(R("Trả lời:", B), R(" Công an xã Diễn Châu trả lời như sau:")),
		P(R("Theo Luật Căn cước năm 2023, người dưới 14 tuổi được cấp thẻ căn cước "), R("khi cha, mẹ đề nghị", B), R(". Chị có thể:")),
		Item(2, 0, R("nộp hồ sơ trực tuyến trên "), Link(dvc, R("Cổng Dịch vụ công quốc gia", RStyle("Hyperlink"))), R(" hoặc ứng dụng VNeID;")),
		Item(2, 0, R("đưa cháu đến Công an xã, mang theo giấy khai sinh.")),
		P(R("Lệ phí: "), R("miễn", B, I), R(" đối với lần cấp đầu.")),
		P(Image(img, "Cán bộ Công an xã thu nhận ảnh chân dung của một cháu nhỏ", "")),
		P(Image(noAlt, "", "")),
	)
	return d.Bytes()
}

// legacyDocx is a notice typed in 2005 with the ABC fonts: .VnTimeH for
// the capitals, .VnTime for the text, and a sentence pasted later into a
// Unicode font ("lỗi font").
func legacyDocx() []byte {
	d := New()
	d.Defaults = `<w:rPr>` + Font(".VnTime") + `</w:rPr>`
	h := Font(".VnTimeH")
	d.Add(
		PP(Center, R("uû ban nh©n d©n", h, B), RX(Tab), R("céng hoµ x· héi chñ nghÜa viÖt nam", h, B)),
		PP(Center, R("x· diÔn ch©u", h, B), RX(Tab), R("§éc lËp - Tù do - H¹nh phóc", B)),
		PP(Center, R("Sè: 12/TB-UBND"), RX(Tab), R("DiÔn Ch©u, ngµy 05 th¸ng 7 n¨m 2005", I)),
		PP(Center, R("th«ng b¸o", h, B)),
		PP(Center, R("VÒ viÖc tiÕp nhËn hå s¬ t¹i Bé phËn mét cöa", B)),
		PP(Justify, R("Uû ban nh©n d©n x· th«ng b¸o lÞch tiÕp nhËn hå s¬ nh\u00ad sau:")),
		PP(Justify, R("- S¸ng: tõ 7 giê 00 ®Õn 11 giê 00;")),
		PP(Justify, R("- ChiÒu: tõ 13 giê 30 ®Õn 17 giê 00.")),
		PP(Justify, R("Ghi chó d¸n sau: Céng hßa x· héi chñ nghÜa ViÖt Nam", Font("Times New Roman"))),
	)
	return d.Bytes()
}
