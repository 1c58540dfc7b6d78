package searchformat

import (
	"encoding/binary"
	"slices"
	"testing"
)

func TestNumbers(t *testing.T) {
	tests := []struct {
		nums []int
		text string
	}{
		{nil, ""},
		{[]int{0}, "0"},
		{[]int{1, 9, 10, 31}, "19AV"},
		{[]int{32}, "W1"},
		{[]int{33, 1023}, "X1_V"},
		{[]int{1024, 0}, "WW10"},
		{[]int{1 << 23}, "WWWW8"}, // search.MaxDocs
	}
	for _, tt := range tests {
		var b []byte
		for _, n := range tt.nums {
			b = AppendNum(b, uint64(n))
		}
		if string(b) != tt.text {
			t.Errorf("%v written as %q, want %q", tt.nums, b, tt.text)
		}
		got, ok := Nums(tt.text)
		if !ok || !slices.Equal(got, tt.nums) {
			t.Errorf("Nums(%q) = %v, %v; want %v", tt.text, got, ok, tt.nums)
		}
		size := 0
		for _, n := range tt.nums {
			size += NumLen(uint64(n))
		}
		if size != len(tt.text) {
			t.Errorf("numLen of %v: %d, want %d", tt.nums, size, len(tt.text))
		}
	}
	for _, bad := range []string{"W", "1W", "!", "é", "\"", "WWWWWWWW1"} {
		if got, ok := Nums(bad); ok {
			t.Errorf("Nums(%q) = %v, want an error", bad, got)
		}
	}
}

// FuzzNums decodes any string without panicking, and what it decodes
// is written back to a string that decodes the same; numbers written
// are read back.
func FuzzNums(f *testing.F) {
	for _, s := range []string{"", "0", "19AV", "W1", "X1_V", "WWWW8", "W", "é", "-_-_0"} {
		f.Add(s, []byte(s))
	}
	f.Fuzz(func(t *testing.T, s string, raw []byte) {
		if got, ok := Nums(s); ok {
			var b []byte
			for _, n := range got {
				if n < 0 {
					t.Fatalf("Nums(%q) = %v: a negative number", s, got)
				}
				b = AppendNum(b, uint64(n))
			}
			if again, ok := Nums(string(b)); !ok || !slices.Equal(again, got) {
				t.Fatalf("Nums(%q) = %v, written %q, read %v", s, got, b, again)
			}
		}
		var want []int
		var b []byte
		for len(raw) >= 3 {
			n := int(raw[0]) | int(raw[1])<<8 | int(raw[2]&0x7f)<<16
			want = append(want, n)
			b = AppendNum(b, uint64(n))
			raw = raw[3:]
		}
		if got, ok := Nums(string(b)); !ok || !slices.Equal(got, want) {
			t.Fatalf("%v written %q, read %v, %v", want, b, got, ok)
		}
	})
}

// TestPostingsWritten checks the two strings of a form's list and the
// string of a pair's, with their sizes.
func TestPostingsWritten(t *testing.T) {
	var l []byte
	for _, v := range []uint64{0, 4, 3, 19, 40, 0} { // documents 0, 3 and 43
		l = binary.AppendUvarint(l, v)
	}
	if got := string(AppendPostings(nil, l)); got != `["03e1","4J0"]` || PostingsSize(l) != len(got) {
		t.Errorf("postings %q (size %d)", got, PostingsSize(l))
	}
	var d []byte
	for _, v := range []uint64{5, 1, 1, 100} {
		d = binary.AppendUvarint(d, v)
	}
	if got := string(AppendDocs(nil, d)); got != `"511a3"` || DocsSize(d) != len(got) {
		t.Errorf("documents %q (size %d)", got, DocsSize(d))
	}
}
