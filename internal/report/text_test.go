package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.txt")

func TestTextGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		p    Period
	}{{"quy-1-2026.txt", Quarter(2026, 1)}, {"nam-2026.txt", Year(2026)}, {"nam-2020.txt", Year(2020)}, {"tu-ngay.txt", mustRange(t, "15/02/2026", "14/03/2026")}} {
		var b bytes.Buffer
		if err := WriteText(&b, compute(t, tt.p)); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", tt.name)
		if *update {
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("%s differs (go test -update rewrites it; review the diff):\n%s", tt.name, b.Bytes())
		}
	}
}

func mustRange(t *testing.T, from, to string) Period {
	t.Helper()
	p, err := PeriodOf("", "", from, to, now)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
