package markdown

import (
	"strconv"

	"github.com/cchc-vn/cchc/internal/viet"
	"github.com/yuin/goldmark/ast"
)

// fallbackID is the id of a heading whose text gives an empty slug
// ("## ***", "## 🙂"): "mục" is a neutral word for a section.
const fallbackID = "muc"

// headingIDs is the parser.IDs of one Render call: ids are ASCII slugs of
// the heading text, unique within the page ("muc-tieu", "muc-tieu-1", …).
// One per call, so concurrent renders share nothing.
type headingIDs struct {
	used map[string]bool
	// next remembers the last suffix tried per base, so a page of many
	// equal headings stays linear.
	next map[string]int
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}, next: map[string]int{}}
}

// Generate implements parser.IDs. value is the heading's plain text.
func (s *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	return []byte(s.unique(viet.Slug(string(value))))
}

// Put implements parser.IDs: value is an id taken by someone else.
func (s *headingIDs) Put(value []byte) {
	s.used[string(value)] = true
}

func (s *headingIDs) unique(base string) string {
	if base == "" {
		base = fallbackID
	}
	id := base
	for s.used[id] {
		s.next[base]++
		id = base + "-" + strconv.Itoa(s.next[base])
	}
	s.used[id] = true
	return id
}
