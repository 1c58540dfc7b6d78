package search

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// TestMemoMakesTheSameBytes edits a site build after build, with a Memo,
// and compares every file with a build without one: patched (a few
// documents changed), made again from the analyses (ids shifted, many
// changes), and unchanged.
func TestMemoMakesTheSameBytes(t *testing.T) {
	in := corpus(300)
	memo := &Memo{}
	edits := []struct {
		name    string
		edit    func(in *Input)
		patched bool // the last index was patched, not made again
	}{
		{"first build", func(in *Input) {}, false},
		{"unchanged", func(in *Input) {}, true},
		{"one body", func(in *Input) { in.Docs[5].Text += " Sửa lần một." }, true},
		{"a new word, a word gone", func(in *Input) {
			in.Docs[7].Text = "Từ mới xyzzyqua " + in.Docs[7].Text[40:]
			in.Docs[8].Title = "Tiêu đề khác hẳn"
		}, true},
		{"a document emptied", func(in *Input) { in.Docs[9].Text, in.Docs[9].Title, in.Docs[9].Summary = "", "", "" }, true},
		{"two swapped", func(in *Input) { in.Docs[3], in.Docs[4] = in.Docs[4], in.Docs[3] }, true},
		{"topics and section", func(in *Input) { in.Docs[11].Topics = []int{0, 5}; in.Docs[11].Section = 2 }, true},
		{"a section renamed", func(in *Input) { in.Sections[0].Name = "Tin tức" }, false},
		{"a new document on top", func(in *Input) {
			in.Docs = slices.Insert(in.Docs, 0, Doc{URL: "moi/", Title: "Bài mới", Section: 0, Text: "Chuyển đổi số."})
		}, false},
		{"one gone", func(in *Input) { in.Docs = slices.Delete(in.Docs, 100, 101) }, false},
		{"many bodies", func(in *Input) {
			for i := range 80 {
				in.Docs[i*3].Text += " Cập nhật."
			}
		}, false},
		{"back to one edit", func(in *Input) { in.Docs[1].Summary = "Tóm tắt mới." }, true},
	}
	for _, e := range edits {
		e.edit(&in)
		before := memo.last
		got := buildSite(t, in, memo)
		want := buildSite(t, in, nil)
		if got.meta != want.meta {
			t.Errorf("%s: meta %s, want %s", e.name, got.meta, want.meta)
		}
		if len(got.files) != len(want.files) {
			t.Errorf("%s: %d files, want %d", e.name, len(got.files), len(want.files))
		}
		for p, data := range want.files {
			if !bytes.Equal(got.files[p], data) {
				t.Errorf("%s: %s differs from a build without a Memo", e.name, p)
			}
		}
		if patched := before != nil && memo.last == before; patched != e.patched {
			t.Errorf("%s: patched %v, want %v", e.name, patched, e.patched)
		}
	}
}

// TestMemoReusesChunks checks that a small edit writes few chunks again:
// those holding its words, not every chunk after the first that grew
// (chunkStarts).
func TestMemoReusesChunks(t *testing.T) {
	in := corpus(1000)
	memo := &Memo{}
	first := buildSite(t, in, memo)
	in.Docs[20].Text += " Sửa lần một."
	second := buildSite(t, in, memo)
	same, chunks := 0, 0
	for p, data := range second.files {
		if !strings.HasPrefix(p, Dir+"w") && !strings.HasPrefix(p, Dir+"p") {
			continue
		}
		chunks++
		if old, ok := first.files[p]; ok && bytes.Equal(old, data) {
			same++
		}
	}
	if chunks < 150 || same < chunks*95/100 {
		t.Errorf("%d of %d chunks kept their name after a one-line edit", same, chunks)
	}
}
