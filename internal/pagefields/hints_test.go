package pagefields_test

import (
	"slices"
	"testing"

	"github.com/cchc-vn/cchc/internal/load"
	"github.com/cchc-vn/cchc/internal/load/loadtest"
)

// TestUnknownKeyHints: a front matter key the column does not know is
// told the key meant by the rule of config keys and command words
// (viet.Nearest): a near spelling, whatever its case, then a key holding
// what was typed; nothing when the edits make most of the word.
func TestUnknownKeyHints(t *testing.T) {
	for _, tc := range []struct{ key, hint string }{
		{"tittle", "có phải ý bạn là `title`?"},
		{"Summary", "có phải ý bạn là `summary`?"},
		{"alt", "có phải ý bạn là `image_alt`?"},
		{"dt", "xóa dòng này nếu không dùng"}, // two edits in two letters: another word
		{"xyz", "xóa dòng này nếu không dùng"},
	} {
		src := "---\ntitle: a\ndate: 2026-01-01\ntopics: [PCI]\n" + tc.key + ": x\n---\n"
		_, msgs := loadtest.Map(t, map[string]string{"content/bai-viet/x.md": src}, nil, load.Options{})
		want := "content/bai-viet/x.md:5:1: cảnh báo: khóa `" + tc.key + "` không được hỗ trợ, sẽ bị bỏ qua — " + tc.hint
		if !slices.Contains(msgs, want) {
			t.Errorf("%s: got %q\nwant %q", tc.key, msgs, want)
		}
	}
}
