package desk_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/cchc-vn/cchc/internal/browsertest"
	"github.com/cchc-vn/cchc/internal/serve"
)

// axeSource finds axe-core (npm axe-core, as .ci/a11y installs it): the
// file CCHC_AXE names, else the tools cache of .ci/a11y.
func axeSource(t *testing.T) []byte {
	t.Helper()
	candidates := []string{os.Getenv("CCHC_AXE")}
	if home, err := os.UserHomeDir(); err == nil {
		found, _ := filepath.Glob(filepath.Join(home, ".cache", "cchc-tools", "*", "node_modules", "axe-core", "axe.min.js"))
		candidates = append(candidates, found...)
	}
	for _, c := range candidates {
		if c == "" {
			continue
		}
		if data, err := os.ReadFile(c); err == nil {
			return data
		}
	}
	if os.Getenv(browsertest.Required) != "" {
		t.Fatalf("%s is set but axe-core is not found: set CCHC_AXE to axe.min.js (npm axe-core)", browsertest.Required)
	}
	t.Skip("axe-core not found (set CCHC_AXE, or run .ci/a11y once): accessibility test skipped")
	return nil
}

type axeViolation struct {
	ID, Impact, Help string
	Nodes            []string
}

// TestBrowserDeskPassesAxe runs axe-core (WCAG 2.1 A and AA, and best
// practice) on every kind of page of the desk, at 768 px and 1280 px,
// with messages shown: no violation.
func TestBrowserDeskPassesAxe(t *testing.T) {
	axe := string(axeSource(t))
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
			if _, err := eval[bool](ctx, axe+"\n;true"); err != nil {
				t.Fatalf("loading axe-core: %v", err)
			}
			vs, err := eval[[]axeViolation](ctx, `(async () => {
				const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}, resultTypes: ['violations']});
				return r.violations.map(v => ({ID: v.id, Impact: v.impact || '', Help: v.help, Nodes: v.nodes.map(n => n.target.flat().join(' ') + ': ' + (n.failureSummary || ''))}));
			})()`)
			if err != nil {
				t.Fatalf("axe on %s: %v", p, err)
			}
			for _, v := range vs {
				t.Errorf("%d px, /_soan/%s: %s (%s) %s\n  %s", width, p, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
			}
			if wide, _ := eval[bool](ctx, `document.documentElement.scrollWidth > window.innerWidth + 1`); wide {
				t.Errorf("%d px, /_soan/%s: the page scrolls sideways", width, p)
			}
		}
	}
}
