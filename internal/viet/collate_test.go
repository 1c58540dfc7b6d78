package viet

import (
	"slices"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestSortBy(t *testing.T) {
	tests := []struct {
		name     string
		in, want []string
	}{
		{"letters with diacritics",
			[]string{"Đường", "Dân", "Ăn", "Ân", "An", "Bé", "Ê", "E"},
			[]string{"An", "Ăn", "Ân", "Bé", "Dân", "Đường", "E", "Ê"}},
		{"tones in order ngang huyền hỏi ngã sắc nặng",
			[]string{"mạ", "má", "mã", "mả", "mà", "ma"},
			[]string{"ma", "mà", "mả", "mã", "má", "mạ"}},
		{"o ô ơ and u ư",
			[]string{"ưu", "ơn", "uy", "ông", "ong"},
			[]string{"ong", "ông", "ơn", "uy", "ưu"}},
		{"names of communes, not byte order",
			[]string{"Đô Lương", "Diễn Châu", "Yên Thành", "Anh Sơn", "Quỳnh Lưu"},
			[]string{"Anh Sơn", "Diễn Châu", "Đô Lương", "Quỳnh Lưu", "Yên Thành"}},
		{"NFD sorts as NFC",
			[]string{norm.NFD.String("Đông"), "Dương", norm.NFD.String("Ấp")},
			[]string{norm.NFD.String("Ấp"), "Dương", norm.NFD.String("Đông")}},
		{"empty and one", []string{}, []string{}},
	}
	for _, tc := range tests {
		got := slices.Clone(tc.in)
		SortBy(got, func(s string) string { return s })
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: SortBy(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
}

func TestSortByIsStableAndUsesKey(t *testing.T) {
	type topic struct{ name, slug string }
	in := []topic{{"Một cửa", "b"}, {"Chuyển đổi số", "x"}, {"một cửa", "a"}, {"Một cửa", "c"}}
	SortBy(in, func(p topic) string { return p.name })
	var slugs []string
	for _, p := range in {
		slugs = append(slugs, p.slug)
	}
	// Lower case sorts before upper case; equal names keep their order (b before c).
	if want := []string{"x", "a", "b", "c"}; !slices.Equal(slugs, want) {
		t.Errorf("order by slug = %q, want %q", slugs, want)
	}
}

func TestCollatorCompare(t *testing.T) {
	c := NewCollator()
	tests := []struct {
		a, b string
		want int
	}{
		{"An", "Ăn", -1},
		{"Ăn", "Ân", -1},
		{"Dân", "Đường", -1},
		{"Đường", "E", -1},
		{"E", "Ê", -1},
		{"Ê", "E", 1},
		{"hòa", "hòa", 0},
		{"hòa", norm.NFD.String("hòa"), 0},
		{"", "a", -1},
	}
	for _, tc := range tests {
		if got := c.Compare(tc.a, tc.b); got != tc.want {
			t.Errorf("Compare(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// Compare and SortBy (which sorts by keys) must agree.
func TestCollatorAgreesWithSortBy(t *testing.T) {
	words := []string{"Đường", "Dân", "Ăn", "Ân", "An", "Bé", "Ê", "E", "thủy", "thuỷ", "hoà", "hòa", "Ðường", "a b", "ab", "1", "10", "2"}
	sorted := slices.Clone(words)
	SortBy(sorted, func(s string) string { return s })
	c := NewCollator()
	for i := 1; i < len(sorted); i++ {
		if c.Compare(sorted[i-1], sorted[i]) > 0 {
			t.Errorf("SortBy put %q before %q, Compare disagrees", sorted[i-1], sorted[i])
		}
	}
}
