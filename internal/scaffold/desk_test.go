package scaffold

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDeskHelpersAgreeWithCreate: the writing desk writes new pages on
// its first Save, and must write what Create would have, where it would.
func TestDeskHelpersAgreeWithCreate(t *testing.T) {
	for _, tc := range []struct{ section, title string }{
		{"bai-viet", "Kết quả SIPAS năm 2026"},
		{"van-ban", "Về việc tuyên truyền cải cách hành chính"},
		{"thu-tuc", "Đăng ký khai sinh"},
	} {
		root := newSite(t, map[string]string{"content/" + tc.section + "/_index.md": "---\ntitle: x\n---\n"})
		slug := SlugOf(tc.title)
		rel, taken := PagePath(root, tc.section, slug)
		if taken != "" {
			t.Errorf("%s: taken %q in an empty section", tc.section, taken)
		}
		topics := []string{"SIPAS"}
		made, err := Create(root, Options{Title: tc.title, Section: tc.section, Topics: topics, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		if made != rel {
			t.Errorf("%s: PagePath %s, Create wrote %s", tc.section, rel, made)
		}
		data, _ := os.ReadFile(filepath.Join(root, filepath.FromSlash(made)))
		if got := string(Text(tc.section, tc.title, topics, "UBND xã Diễn Châu", now)); tc.section == "bai-viet" && got != string(data) {
			t.Errorf("%s: Text\n%s\nCreate\n%s", tc.section, got, data)
		}
		if _, again := PagePath(root, tc.section, slug); again == "" {
			t.Errorf("%s: the page just made is not reported as taken", tc.section)
		}
	}
	if got := SlugOf("Hội nghị tổng kết công tác cải cách hành chính năm 2026 của Ủy ban nhân dân xã Diễn Châu tỉnh Nghệ An"); len(got) > MaxSlugRunes || got[len(got)-1] == '-' {
		t.Errorf("SlugOf cut badly: %q", got)
	}
}
