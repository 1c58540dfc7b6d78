package scaffold

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/load"
)

func TestKindExact(t *testing.T) {
	got := string(Kind("hoi-dap", `Làm "căn cước" cho con ở đâu?`, nil, "UBND xã Diễn Châu", now))
	want := `---
cau_hoi: "Làm \"căn cước\" cho con ở đâu?" # câu hỏi, chép đúng như người hỏi gửi
nguoi_hoi: "" # tên người hỏi theo cách họ đồng ý nêu, kèm nơi ở, ví dụ "Chị Nguyễn Thị H., thôn 3"
ngay_hoi: 16/01/2026 # ngày nhận câu hỏi
co_quan_tra_loi: "UBND xã Diễn Châu" # cơ quan, đơn vị trả lời
ngay_tra_loi: 16/01/2026
linh_vuc: "" # ví dụ: Hộ tịch, Chứng thực, Đất đai
draft: true # bản nháp: xóa dòng này khi trang đã sẵn sàng đăng
---

Viết câu trả lời ở đây. Dẫn văn bản làm căn cứ theo số, ký hiệu, ví dụ Nghị định số 118/2025/NĐ-CP.
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestCreateKinds creates a page in each kind's section and loads it
// back as check and build do: the kind is decoded, and the only
// diagnostics are the keys left for the editor to fill, each naming
// itself, as warnings of a draft, so that a fresh draft blocks nothing.
func TestCreateKinds(t *testing.T) {
	const yaml = "organization: \"UBND xã Diễn Châu\"\n"
	for _, tc := range []struct {
		section, title string
		topics         []string
		path           string
		want           []string
		check          func(t *testing.T, p *content.Page)
	}{
		{section: "van-ban", title: "Kế hoạch tuyên truyền cải cách hành chính năm 2026",
			path: "content/van-ban/ke-hoach-tuyen-truyen-cai-cach-hanh-chinh-nam-2026/index.md",
			want: []string{
				"content/van-ban/ke-hoach-tuyen-truyen-cai-cach-hanh-chinh-nam-2026/index.md:1: cảnh báo: văn bản chưa có tệp đính kèm hay liên kết toàn văn: người đọc không tải được văn bản (bài nháp, chưa đăng) — đặt tệp văn bản (PDF, DOCX…) cạnh trang rồi thêm `dinh_kem: [ten-tep.pdf]`, hoặc thêm `lien_ket:` tới toàn văn trên trang chính thức",
				"content/van-ban/ke-hoach-tuyen-truyen-cai-cach-hanh-chinh-nam-2026/index.md:2:1: cảnh báo: `so_ky_hieu` (số, ký hiệu văn bản) đang để trống (bài nháp, chưa đăng) — viết, ví dụ: `so_ky_hieu: \"35/KH-UBND\"`",
			},
			check: func(t *testing.T, p *content.Page) {
				if p.Doc == nil || p.Doc.Issuer != "UBND xã Diễn Châu" || p.Doc.Level != "Xã" || p.Doc.Abstract != "Kế hoạch tuyên truyền cải cách hành chính năm 2026" {
					t.Errorf("doc = %+v", p.Doc)
				}
			}},
		{section: "hoi-dap", title: "Làm căn cước cho con ở đâu?", topics: []string{"Chuyển đổi số"},
			path: "content/hoi-dap/lam-can-cuoc-cho-con-o-dau.md",
			want: []string{"content/hoi-dap/lam-can-cuoc-cho-con-o-dau.md:3:1: cảnh báo: `nguoi_hoi` (người hỏi) đang để trống (bài nháp, chưa đăng) — viết, ví dụ: `nguoi_hoi: \"Chị Nguyễn Thị H., xóm 3\"`"},
			check: func(t *testing.T, p *content.Page) {
				if p.QA == nil || p.Title != "Làm căn cước cho con ở đâu?" || !slices.Equal(p.Topics, []string{"chuyen-doi-so"}) {
					t.Errorf("title %q topics %v QA %+v", p.Title, p.Topics, p.QA)
				}
			}},
		{section: "thu-tuc", title: "Đăng ký khai sinh",
			path: "content/thu-tuc/dang-ky-khai-sinh.md",
			want: []string{
				"content/thu-tuc/dang-ky-khai-sinh.md:4:1: cảnh báo: `linh_vuc` (lĩnh vực) đang để trống (bài nháp, chưa đăng) — viết, ví dụ: `linh_vuc: \"Hộ tịch\"`",
				"content/thu-tuc/dang-ky-khai-sinh.md:5:9: cảnh báo: `muc_do` (mức độ trực tuyến) đang để trống (bài nháp, chưa đăng) — viết một trong: Toàn trình, Một phần, Trực tiếp",
				"content/thu-tuc/dang-ky-khai-sinh.md:6:1: cảnh báo: `thoi_han` (thời hạn giải quyết) đang để trống (bài nháp, chưa đăng) — viết, ví dụ: `thoi_han: \"Ngay trong ngày làm việc\"`",
				"content/thu-tuc/dang-ky-khai-sinh.md:7:1: cảnh báo: `le_phi` (phí, lệ phí) đang để trống (bài nháp, chưa đăng) — viết, ví dụ: `le_phi: \"Không thu lệ phí\"`",
				"content/thu-tuc/dang-ky-khai-sinh.md:9:5: cảnh báo: một mục trong `ho_so` (thành phần hồ sơ) đang để trống (bài nháp, chưa đăng) — viết vào mục này, ví dụ `- Tờ khai đăng ký khai sinh`, hoặc xóa dòng của nó",
				"content/thu-tuc/dang-ky-khai-sinh.md:10:1: cảnh báo: `noi_tiep_nhan` (nơi tiếp nhận) đang để trống (bài nháp, chưa đăng) — viết, ví dụ: `noi_tiep_nhan: \"Trung tâm Phục vụ hành chính công xã\"`",
			},
			check: func(t *testing.T, p *content.Page) {
				if p.Proc == nil || p.Title != "Đăng ký khai sinh" {
					t.Errorf("title %q proc %+v", p.Title, p.Proc)
				}
			}},
		{section: "su-kien", title: "Hội nghị tổng kết cải cách hành chính năm 2026",
			path: "content/su-kien/hoi-nghi-tong-ket-cai-cach-hanh-chinh-nam-2026.md",
			want: []string{"content/su-kien/hoi-nghi-tong-ket-cai-cach-hanh-chinh-nam-2026.md:5:1: cảnh báo: `dia_diem` (địa điểm) đang để trống (bài nháp, chưa đăng) — viết, ví dụ: `dia_diem: \"Hội trường UBND xã\"`"},
			check: func(t *testing.T, p *content.Page) {
				if p.Event == nil || p.Event.Unit != "UBND xã Diễn Châu" || p.Event.Start.Hour() != 8 || !p.Event.End.IsZero() {
					t.Errorf("event %+v", p.Event)
				}
			}},
	} {
		t.Run(tc.section, func(t *testing.T) {
			root := newSite(t, map[string]string{"site.yaml": yaml, "content/" + tc.section + "/_index.md": "---\ntitle: x\n---\n"})
			got, err := Create(root, Options{Title: tc.title, Section: tc.section, Topics: tc.topics, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.path {
				t.Fatalf("path %q, want %q", got, tc.path)
			}
			fsys := os.DirFS(root)
			cfg, _ := config.Load(fsys)
			site, ds := load.Site(fsys, cfg, load.Options{Now: now})
			ds.Sort()
			var msgs []string
			for _, d := range ds {
				msgs = append(msgs, d.String())
			}
			if !slices.Equal(msgs, tc.want) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(tc.want, "\n"))
			}
			if ds.HasErrors() {
				t.Error("a fresh draft has errors")
			}
			p := site.Unpublished[strings.TrimPrefix(got, "content/")]
			if p == nil || !p.Draft {
				t.Fatalf("%s not loaded as a draft", got)
			}
			tc.check(t, p)
			if _, err := Create(root, Options{Title: tc.title, Section: tc.section, Now: now}); err == nil ||
				!strings.Contains(err.Error(), "đã có, không ghi đè") {
				t.Errorf("second Create: %v", err)
			}
			if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(got))); err != nil {
				t.Error(err)
			}
		})
	}
}
