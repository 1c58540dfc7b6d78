package wordimport

import (
	"bytes"
	"testing"
	"time"

	"github.com/cchc-vn/cchc/internal/docx"
)

// FuzzImport imports mutated documents: never a panic, never a long
// import.
func FuzzImport(f *testing.F) {
	f.Add(decisionDocx())
	f.Add(qaDocx())
	f.Add(legacyDocx())
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		for _, section := range []string{"van-ban", "hoi-dap"} {
			_, err := Import(bytes.NewReader(data), int64(len(data)), Options{Section: section, Now: now,
				Limits: docx.Limits{Part: 1 << 20, Total: 4 << 20}})
			if err != nil {
				return
			}
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("import took %v", d)
		}
	})
}
