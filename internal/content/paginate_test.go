package content

import (
	"fmt"
	"testing"
)

func TestPaginate(t *testing.T) {
	tests := []struct {
		n, size int
		want    string
	}{
		{0, 12, "[0]"}, {1, 12, "[1]"}, {12, 12, "[12]"}, {13, 12, "[12 1]"}, {25, 12, "[12 12 1]"},
	}
	for _, tt := range tests {
		items := make([]int, tt.n)
		var sizes []int
		for _, c := range Paginate(items, tt.size) {
			sizes = append(sizes, len(c))
		}
		if got := fmt.Sprint(sizes); got != tt.want {
			t.Errorf("Paginate(%d,%d) = %s, want %s", tt.n, tt.size, got, tt.want)
		}
	}
	if PagerURL("chu-de/pci/", 1) != "chu-de/pci/" || PagerURL("chu-de/pci/", 3) != "chu-de/pci/trang/3/" {
		t.Error("PagerURL")
	}
}
