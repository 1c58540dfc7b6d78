package scaffold

import (
	"strings"
	"time"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/viet"
)

// A new page of a content kind's section (content.IsKindSection) gets
// the kind's keys, not an article's, and needs no topic.

// bundled reports whether a new page of section is a bundle (a folder
// with index.md), so that its files go beside it: a document's
// attachments.
func bundled(section string) bool { return section == content.SectionDocuments }

// Kind returns the text of a new page of a kind's section: every key of
// the kind, the ones known filled in (the text given on the command line,
// today, the organisation), the others empty with a comment saying what to
// write, and draft: true. Keys left empty name themselves: as warnings of
// the draft while it is one, so a fresh draft never blocks the site, and
// as errors once draft: true is removed, so nothing half-filled is
// published.
func Kind(section, text string, topics []string, org string, now time.Time) []byte {
	return []byte(KindFrontMatter(section, text, topics, org, now) + "\n" + kindBody(section))
}

// KindFrontMatter is the front matter of Kind, from the opening to the
// closing "---" line: what `cchc import` puts above a document's text in
// the sections of procedures and events.
func KindFrontMatter(section, text string, topics []string, org string, now time.Time) string {
	today := now.In(viet.Location()).Format("02/01/2006")
	var b strings.Builder
	b.WriteString("---\n")
	line := func(key, value, comment string) {
		b.WriteString(key + ": " + value)
		if comment != "" {
			b.WriteString(" # " + comment)
		}
		b.WriteString("\n")
	}
	switch section {
	case content.SectionDocuments:
		line("so_ky_hieu", `""`, `số, ký hiệu như trên văn bản, ví dụ "35/KH-UBND", "42/2022/NĐ-CP"; bản chưa có số: "/KH-UBND"`)
		line("co_quan", yamlQuote(org), "cơ quan ban hành")
		line("ngay_ban_hanh", today, `ngày ký; bản chưa ghi ngày: "tháng 01/2026"`)
		line("trich_yeu", yamlQuote(text), "trích yếu nội dung, như dưới tên loại văn bản")
		b.WriteString("# loai: \"Kế hoạch\" # loại văn bản; không ghi thì lấy theo ký hiệu (KH là Kế hoạch, QĐ là Quyết định…)\n")
		b.WriteString("# cap: \"Xã\" # Trung ương, Tỉnh hoặc Xã; không ghi thì đoán theo cơ quan ban hành\n")
		b.WriteString("# ngay_hieu_luc: " + today + " # ngày có hiệu lực, nếu văn bản ghi\n")
		b.WriteString("# dinh_kem: [ten-tep.pdf] # đặt tệp văn bản (PDF, DOCX…) vào thư mục này, ghi tên tệp rồi xóa dấu # đầu dòng\n")
		b.WriteString("# lien_ket: \"https://…\" # toàn văn trên trang chính thức, khi không có tệp\n")
	case content.SectionQA:
		line("cau_hoi", yamlQuote(text), "câu hỏi, chép đúng như người hỏi gửi")
		line("nguoi_hoi", `""`, `tên người hỏi theo cách họ đồng ý nêu, kèm nơi ở, ví dụ "Chị Nguyễn Thị H., thôn 3"`)
		line("ngay_hoi", today, "ngày nhận câu hỏi")
		line("co_quan_tra_loi", yamlQuote(org), "cơ quan, đơn vị trả lời")
		line("ngay_tra_loi", today, "")
		line("linh_vuc", `""`, "ví dụ: Hộ tịch, Chứng thực, Đất đai")
	case content.SectionProcedures:
		line("title", yamlQuote(text), "tên thủ tục")
		line("ma_thu_tuc", `""`, `mã trên Cổng Dịch vụ công quốc gia, ví dụ "1.001193"; chưa rõ thì để trống`)
		line("linh_vuc", `""`, "ví dụ: Hộ tịch")
		line("muc_do", `""`, "Toàn trình, Một phần hoặc Trực tiếp")
		line("thoi_han", `""`, `thời hạn giải quyết, ví dụ "03 ngày làm việc"`)
		line("le_phi", `""`, `ví dụ "Không thu lệ phí" hoặc "8.000 đồng/bản"`)
		b.WriteString("ho_so: # mỗi giấy tờ một dòng\n")
		b.WriteString("  - \"\"\n")
		line("noi_tiep_nhan", `""`, "ví dụ: Trung tâm Phục vụ hành chính công xã")
		line("link_dvc", `""`, "đường dẫn thủ tục trên dichvucong.gov.vn, khi nộp được trực tuyến")
	case content.SectionEvents:
		line("title", yamlQuote(text), "tên hội nghị, sự kiện")
		line("thoi_gian", today+" 08:00", "ngày giờ bắt đầu")
		line("ket_thuc", `""`, `giờ kết thúc, ví dụ "11:30", hoặc ngày giờ nếu kéo dài nhiều ngày`)
		line("dia_diem", `""`, "ví dụ: Hội trường UBND xã")
		line("don_vi", yamlQuote(org), "đơn vị tổ chức")
	}
	if len(topics) > 0 {
		b.WriteString(TopicsLine(topics))
	}
	b.WriteString(DraftLine)
	b.WriteString("---\n")
	return b.String()
}

// DraftLine marks a new page a draft, and says how to publish it.
const DraftLine = "draft: true # bản nháp: xóa dòng này khi trang đã sẵn sàng đăng\n"

// kindBody is the body skeleton of a new page of a kind.
func kindBody(section string) string {
	switch section {
	case content.SectionDocuments:
		return documentPlaceholder + "\n"
	case content.SectionQA:
		return answerPlaceholder + " Dẫn văn bản làm căn cứ theo số, ký hiệu, ví dụ Nghị định số 118/2025/NĐ-CP.\n"
	case content.SectionProcedures:
		return procedurePlaceholder + "\n"
	case content.SectionEvents:
		return eventPlaceholder + "\n"
	}
	return ""
}
