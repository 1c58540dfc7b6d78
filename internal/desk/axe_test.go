package desk_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/cchc-vn/cchc/internal/browsertest"
	"github.com/cchc-vn/cchc/internal/serve"
)

// TestBrowserDeskPassesAxe runs axe-core (WCAG 2.1 A and AA, and best
// practice) on every kind of page of the desk, at 768 px and 1280 px,
// with messages shown: no violation.
func TestBrowserDeskPassesAxe(t *testing.T) {
	axe := browsertest.AxeSource(t)
	ctx := browser(t)
	files := smallSite()
	files["content/bai-viet/co-loi.md"] = "---\ntitle: \"" + strings.Repeat("Tiêu đề dài ", 8) + "\"\ndate: 30/02/2026\ntopics: [SIPAS]\nkhoa_la: \"x\"\n---\n\n[bài mất](mat.md)\n"
	files["content/thu-tuc/khai-sinh.md"] = "---\ntitle: \"Đăng ký khai sinh\"\nlinh_vuc: \"Hộ tịch\"\nmuc_do: \"Toàn trình\"\nthoi_han: \"Trong ngày\"\nle_phi: \"Miễn\"\nho_so:\n  - \"Tờ khai\"\n  - \"Giấy chứng sinh\"\nnoi_tiep_nhan: \"Trung tâm\"\n---\nx\n"
	files["content/van-ban/ke-hoach/index.md"] = "---\nso_ky_hieu: \"35/KH-UBND\"\nco_quan: \"UBND xã Diễn Châu\"\nngay_ban_hanh: 16/01/2026\ntrich_yeu: \"Tuyên truyền\"\ndinh_kem:\n  - tep: a.pdf\n    ten: \"Toàn văn\"\n---\nx\n"
	files["content/bai-viet/hong.md"] = "---\ntitle: \"Hỏng\n---\nx\n"
	root := writeSite(t, files)
	r := start(t, root, "", serve.Options{})
	pages := []string{
		"",
		"?trang_thai=loi",
		"moi?muc=bai-viet",
		"sua?tep=content/bai-viet/co-loi.md",
		"sua?tep=content/thu-tuc/khai-sinh.md",
		"sua?tep=content/van-ban/ke-hoach/index.md",
		"sua?tep=content/bai-viet/hong.md",
		"sua?muc=hoi-dap&tieu_de=Hỏi+về+căn+cước",
		"sua?tep=content/khong-co.md",
	}
	for _, width := range []int64{768, 1280} {
		for _, p := range pages {
			run(t, ctx, "opening "+p, chromedp.EmulateViewport(width, 900), chromedp.Navigate(r.desk+p))
			if strings.HasPrefix(p, "sua?tep=content/bai") || strings.HasPrefix(p, "sua?tep=content/thu") || strings.HasPrefix(p, "sua?tep=content/van") || strings.HasPrefix(p, "sua?muc") {
				waitTrue(t, ctx, "the preview of "+p, `document.getElementById('xem-truoc-trang-thai').textContent.includes('lúc') || document.getElementById('xem-truoc-trang-thai').textContent.includes('chưa cập nhật')`)
			}
			vs, err := browsertest.Axe(ctx, axe, "")
			if err != nil {
				t.Fatalf("axe on %s: %v", p, err)
			}
			for _, v := range vs {
				t.Errorf("%d px, /_soan/%s: %s", width, p, v)
			}
			if wide, _ := eval[bool](ctx, `document.documentElement.scrollWidth > window.innerWidth + 1`); wide {
				t.Errorf("%d px, /_soan/%s: the page scrolls sideways", width, p)
			}
		}
	}
}
