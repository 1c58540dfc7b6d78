package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
)

// contactNames say what each contact key shows, for the reminder.
var contactNames = map[string]string{
	"base_url":        "địa chỉ đầy đủ của chuyên mục trên Cổng",
	"contact.address": "địa chỉ",
	"contact.phone":   "số điện thoại",
	"contact.email":   "thư điện tử",
	"contact.website": "trang chủ của Cổng",
	"contact.hours":   "giờ tiếp nhận hồ sơ",
}

// BlankContact reminds of the contact keys site.yaml leaves empty (as
// `cchc init` writes them) once the site publishes an article: the
// footer of every page and the end of every answer then lack them. A
// site still made of drafts is not nagged.
func BlankContact(cfg *config.Config, site *content.Site) diag.List {
	if cfg == nil || site == nil || !slices.ContainsFunc(site.Pages, func(p *content.Page) bool { return p.Role == content.RoleArticle && !p.Draft }) {
		return nil
	}
	var ds diag.List
	for _, b := range cfg.Blank {
		what, ok := contactNames[b.Key]
		if !ok {
			continue
		}
		key := strings.TrimPrefix(b.Key, "contact.")
		if b.Key == "base_url" {
			ds.Warnf(b.Pos, "ghi địa chỉ kết thúc bằng dấu /, ví dụ base_url: \"https://tenxa.tinh.gov.vn/cchc/\"",
				"`base_url` (%s) còn để trống: liên kết trong RSS, sơ đồ trang (sitemap) và khi chia sẻ lên mạng xã hội sẽ thiếu tên miền", what)
			continue
		}
		ds.Warnf(b.Pos, fmt.Sprintf("ghi %s sau `%s:`, hoặc xóa dòng này nếu xã không công bố", what, key),
			"`%s` (%s) còn để trống: chân mọi trang và cuối mỗi câu trả lời sẽ thiếu %s", b.Key, what, what)
	}
	return ds
}
