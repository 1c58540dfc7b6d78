package chartspec

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/cchc-vn/cchc/internal/chart"
)

var update = flag.Bool("update", false, "rewrite the want.html and want.warnings of testdata/render")

// TestRenderGolden draws every testdata/render/*.txtar: `spec` is the
// block, `files/NAME` the data files it may name, `want.html` the exact
// figure and `want.warnings` the warnings, one per line (none when
// absent). go test -update rewrites the want files; review the diff.
func TestRenderGolden(t *testing.T) {
	names, _ := filepath.Glob("testdata/render/*.txtar")
	if len(names) == 0 {
		t.Fatal("no golden charts")
	}
	for _, name := range names {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(name)
			if err != nil {
				t.Fatal(err)
			}
			files := map[string][]byte{}
			var spec []byte
			want := map[string]string{}
			for _, f := range ar.Files {
				switch {
				case f.Name == "spec":
					spec = f.Data
				case strings.HasPrefix(f.Name, "files/"):
					files[strings.TrimPrefix(f.Name, "files/")] = f.Data
				case strings.HasPrefix(f.Name, "want."):
					want[f.Name] = string(f.Data)
				default:
					t.Fatalf("unexpected archive file %q", f.Name)
				}
			}
			c, probs := Parse(spec, mapFiles(files))
			if len(probs) > 0 {
				t.Fatalf("problems: %v", probs)
			}
			out, warns := c.HTML(1)
			var w strings.Builder
			for _, p := range warns {
				w.WriteString(problemString(p) + "\n")
			}
			got := map[string]string{"want.html": string(out), "want.warnings": w.String()}
			if *update {
				for _, k := range []string{"want.html", "want.warnings"} {
					setFile(ar, k, got[k])
				}
				if err := os.WriteFile(name, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, k := range []string{"want.html", "want.warnings"} {
				if got[k] != want[k] {
					t.Errorf("%s:\n got:\n%s\nwant:\n%s", k, got[k], want[k])
				}
			}
		})
	}
}

// setFile replaces, adds or (when empty) drops a file of an archive.
func setFile(ar *txtar.Archive, name, body string) {
	i := slices.IndexFunc(ar.Files, func(f txtar.File) bool { return f.Name == name })
	switch {
	case body == "" && i >= 0:
		ar.Files = slices.Delete(ar.Files, i, i+1)
	case body == "":
	case i >= 0:
		ar.Files[i].Data = []byte(body)
	default:
		ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(body)})
	}
}

// mapFiles serves data files from a map, as the build serves them from
// the page's folder and data/.
func mapFiles(m map[string][]byte) Files {
	return func(name string) ([]byte, string, error) {
		for _, p := range []string{name, "data/" + name} {
			if data, ok := m[p]; ok {
				return data, p, nil
			}
		}
		for p := range m {
			if strings.EqualFold(p, name) {
				return nil, "", &NotFoundError{Name: name, Near: p}
			}
		}
		if name == "khong-doc-duoc.csv" {
			return nil, "", fs.ErrPermission
		}
		return nil, "", &NotFoundError{Name: name}
	}
}

// problemString is a problem as the tests write it: "line:col: message —
// hint", with "cảnh báo: " before a warning's message.
func problemString(p chart.Problem) string {
	s := fmt.Sprintf("%d:%d: ", p.Line, p.Col)
	if p.Warning {
		s += "cảnh báo: "
	}
	return s + p.Message + " — " + p.Hint
}

// BenchmarkParseAndDraw reads and draws every golden chart once per
// iteration: what the charts of a page add to its render.
func BenchmarkParseAndDraw(b *testing.B) {
	names, _ := filepath.Glob("testdata/render/*.txtar")
	type golden struct {
		spec  []byte
		files Files
	}
	var charts []golden
	for _, name := range names {
		ar, err := txtar.ParseFile(name)
		if err != nil {
			b.Fatal(err)
		}
		g := golden{}
		files := map[string][]byte{}
		for _, f := range ar.Files {
			if f.Name == "spec" {
				g.spec = f.Data
			} else if strings.HasPrefix(f.Name, "files/") {
				files[strings.TrimPrefix(f.Name, "files/")] = f.Data
			}
		}
		g.files = mapFiles(files)
		charts = append(charts, g)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, g := range charts {
			c, _ := Parse(g.spec, g.files)
			c.HTML(1)
		}
	}
	b.ReportMetric(float64(len(charts)), "charts/op")
}
