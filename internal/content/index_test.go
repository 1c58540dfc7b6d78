package content_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/cchc-vn/cchc/internal/load"
	"github.com/cchc-vn/cchc/internal/load/loadtest"
)

func TestOrderNewestFirstWithStableTiebreak(t *testing.T) {
	mk := func(date string) string {
		return "---\ntitle: t\ndate: " + date + "\ntopics: [PCI]\n---\n"
	}
	site, msgs := loadtest.Map(t, map[string]string{
		"content/bai-viet/b.md": mk("2026-01-02"),
		"content/bai-viet/a.md": mk("2026-01-02"),
		"content/bai-viet/c.md": mk("2026-03-01"),
		"content/bai-viet/d.md": mk("2025-12-31 23:59"),
	}, nil, load.Options{})
	if len(msgs) != 0 {
		t.Fatal(msgs)
	}
	var got []string
	for _, p := range site.Pages {
		got = append(got, p.Slug)
	}
	if strings.Join(got, ",") != "c,a,b,d" {
		t.Errorf("order %v", got)
	}
	if n := len(site.Topics); n == 0 || site.Topics[11].Topic.Slug != "pci" || len(site.Topics[11].Pages) != 4 {
		t.Errorf("topic grouping wrong: %d topics", n)
	}
}

func TestSectionOrderOfKinds(t *testing.T) {
	doc := func(num, issued string) string {
		return "---\nso_ky_hieu: \"" + num + "\"\nco_quan: UBND tỉnh Nghệ An\nngay_ban_hanh: " + issued + "\ntrich_yeu: x\nlien_ket: https://x.vn/\n---\n"
	}
	qa := func(asked, answered string) string {
		return "---\ncau_hoi: q\nnguoi_hoi: a\nngay_hoi: " + asked + "\nco_quan_tra_loi: c\nngay_tra_loi: " + answered + "\n---\nTrả lời.\n"
	}
	proc := func(title, field string) string {
		return "---\ntitle: " + title + "\nlinh_vuc: " + field + "\nmuc_do: Trực tiếp\nthoi_han: x\nle_phi: x\nho_so: [x]\nnoi_tiep_nhan: x\n---\n"
	}
	event := func(start string) string {
		return "---\ntitle: e\nthoi_gian: " + start + "\ndia_diem: d\ndon_vi: u\n---\n"
	}
	site, msgs := loadtest.Map(t, map[string]string{
		"content/van-ban/a.md": doc("35/KH-UBND", "16/01/2026"),
		"content/van-ban/b.md": doc("/KH-UBND", "01/2026"), // month only: counts as the end of January
		"content/van-ban/c.md": doc("02/KH-UBND", "02/02/2025") + "date: 01/11/2026\n",
		"content/hoi-dap/a.md": qa("01/10/2026", "05/10/2026"),
		"content/hoi-dap/b.md": qa("01/09/2026", "20/10/2026"),
		"content/thu-tuc/a.md": proc("Đăng ký khai tử", "Hộ tịch"),
		"content/thu-tuc/b.md": proc("Chứng thực chữ ký", "Chứng thực"),
		"content/thu-tuc/c.md": proc("Đăng ký kết hôn", "Hộ tịch"),
		"content/thu-tuc/d.md": proc("Đăng ký thường trú", "Cư trú"),
		"content/thu-tuc/e.md": proc("Cấp bản sao trích lục", "Hộ tịch"),
		"content/su-kien/a.md": event("20/10/2026 14:00"),
		"content/su-kien/b.md": event("18/12/2026 08:00"),
		"content/su-kien/c.md": event("04/12/2026 08:00"),
		"content/su-kien/d.md": event("29/01/2026 14:00"),
		"content/su-kien/e.md": event("28/11/2026 07:00"), // now is 28/11 07:00 in Vietnam
	}, nil, load.Options{})
	if len(msgs) != 0 {
		t.Fatalf("diagnostics: %q", msgs)
	}
	want := map[string][]string{
		"van-ban": {"b", "a", "c"},
		"hoi-dap": {"b", "a"},
		// Chứng thực < Cư trú < Hộ tịch; in Hộ tịch: Cấp < Đăng ký kết hôn < Đăng ký khai tử.
		"thu-tuc": {"b", "d", "e", "c", "a"},
		"su-kien": {"e", "c", "b", "a", "d"},
	}
	for _, sec := range site.Sections {
		var got []string
		for _, p := range sec.Pages {
			got = append(got, strings.TrimSuffix(strings.TrimPrefix(p.Source, "content/"+sec.Name+"/"), ".md"))
		}
		if !slices.Equal(got, want[sec.Name]) {
			t.Errorf("%s: order %v, want %v", sec.Name, got, want[sec.Name])
		}
	}
	// Site.Pages stays newest first for feeds and search.
	for i := 1; i < len(site.Pages); i++ {
		if site.Pages[i].Date.After(site.Pages[i-1].Date) {
			t.Errorf("Site.Pages not by date at %d: %s after %s", i, site.Pages[i].Source, site.Pages[i-1].Source)
		}
	}
}

func TestDuplicateNumbers(t *testing.T) {
	doc := func(num, issuer, issued string) string {
		return "---\nso_ky_hieu: \"" + num + "\"\nco_quan: " + issuer + "\nngay_ban_hanh: " + issued + "\ntrich_yeu: x\nlien_ket: https://x.vn/\n---\n"
	}
	_, msgs := loadtest.Map(t, map[string]string{
		"content/van-ban/a.md": doc("35/KH-UBND", "UBND tỉnh Nghệ An", "16/01/2026"),
		"content/van-ban/b.md": doc("35/kh-ubnd", "UBND tỉnh Nghệ An", "17/01/2026"),
		"content/van-ban/c.md": doc("35/KH-UBND", "UBND xã Diễn Châu", "16/01/2026"), // another issuer
		"content/van-ban/d.md": doc("35/KH-UBND", "UBND tỉnh Nghệ An", "16/01/2025"), // another year
		"content/van-ban/e.md": doc("/KH-UBND", "UBND xã Diễn Châu", "01/2026"),
		"content/van-ban/f.md": doc("/KH-UBND", "UBND xã Diễn Châu", "01/2026"), // not numbered: no clash
	}, nil, load.Options{})
	want := []string{
		"content/van-ban/b.md:2: lỗi: văn bản số 35/kh-ubnd của UBND tỉnh Nghệ An năm 2026 đã có ở content/van-ban/a.md — mỗi văn bản đăng một lần; xóa trang trùng hoặc sửa lại số, ký hiệu",
	}
	if !slices.Equal(msgs, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
}
