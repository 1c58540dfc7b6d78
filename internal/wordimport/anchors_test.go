package wordimport

import (
	"regexp"
	"slices"
	"testing"

	. "github.com/cchc-vn/cchc/internal/docx/docxtest"
	"github.com/cchc-vn/cchc/internal/markdown"
)

// TestAnchorsMatchHeadingIDs: a Word link to a bookmark on a heading
// becomes a link to the id the site's Markdown gives that heading, for
// repeated, numbered and escaped headings alike.
func TestAnchorsMatchHeadingIDs(t *testing.T) {
	d := New()
	d.Numbering = Lists
	d.Add(P(Anchor("a", R("một")), R(", "), Anchor("b", R("hai")), R(", "), Anchor("c", R("ba")), R(", "), Anchor("e", R("năm"))),
		PS("Heading1", Bookmark(1, "a", R("Mục tiêu"))),
		PS("Heading1", Bookmark(2, "b", R("Mục tiêu"))),
		PP(`<w:pStyle w:val="Heading2"/>`+NumPr(3, 0), Bookmark(3, "c", R("Yêu cầu *chung*"))),
		PS("Heading2", R("***")),
		PS("Heading2", Bookmark(5, "e", R("Tổ chức thực hiện"), d.Footnote(Text("x")))))
	res := importBytes(t, d.Bytes(), Options{Section: "bai-viet", Topics: []string{"SIPAS"}})
	body := bodyOf(res)
	out, problems := markdown.New(markdown.Options{}).Render([]byte(body), func(l markdown.Link) (string, *markdown.Problem) { return l.Dest, nil })
	if len(problems) > 0 {
		t.Fatalf("render: %v", problems)
	}
	var ids []string
	for _, h := range out.Headings {
		ids = append(ids, h.ID)
	}
	links := regexp.MustCompile(`\]\(#([^)]+)\)`).FindAllStringSubmatch(body, -1)
	if len(links) != 4 {
		t.Fatalf("%d links to headings in:\n%s", len(links), body)
	}
	for _, l := range links {
		if !slices.Contains(ids, l[1]) {
			t.Errorf("link to #%s, headings are %v", l[1], ids)
		}
	}
	if want := []string{"muc-tieu", "muc-tieu-1", "1-yeu-cau-chung", "muc", "to-chuc-thuc-hien"}; !slices.Equal(ids, want) {
		t.Errorf("heading ids %v, want %v", ids, want)
	}
}
