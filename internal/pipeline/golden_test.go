package pipeline

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/publish"
)

// testNow is the clock of every golden site: "future" means after it.
var testNow = time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)

var update = flag.Bool("update", false, "rewrite the want/exact files of golden sites")

// TestGoldenSites builds every testdata/sites/*.txtar. An archive holds:
//
//	site/...            the site's files (content/, site.yaml, layouts/…)
//	options             optional: words "drafts", "future", "base-url=URL"
//	want/diagnostics    the exact diagnostics, one per line (none when absent)
//	want/contains/PATH  lines that must each occur in output file PATH
//	want/absent/PATH    lines that must not occur in output file PATH
//	want/exact/PATH     the exact bytes of output file PATH
//	want/missing        output paths that must not exist, one per line
func TestGoldenSites(t *testing.T) {
	names, _ := filepath.Glob("testdata/sites/*.txtar")
	if len(names) == 0 {
		t.Fatal("no golden sites")
	}
	for _, name := range names {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txtar"), func(t *testing.T) {
			t.Parallel()
			runGolden(t, name)
		})
	}
}

func runGolden(t *testing.T, name string) {
	ar, opts, want := readGolden(t, name)
	var out publish.Collector
	_, ds := Build(opts, &out)
	var got strings.Builder
	for _, d := range ds {
		got.WriteString(d.String() + "\n")
	}
	changed := false
	if *update && (got.Len() > 0 || want["diagnostics"] != "") {
		setArchiveFile(ar, "want/diagnostics", got.String())
		want["diagnostics"], changed = got.String(), true
	}
	if got.String() != want["diagnostics"] {
		t.Errorf("diagnostics:\n got:\n%s\nwant:\n%s", got.String(), want["diagnostics"])
	}
	for key, body := range want {
		kind, path, _ := strings.Cut(key, "/")
		switch kind {
		case "contains", "absent":
			data, ok := out.Files()[path]
			if !ok {
				t.Errorf("%s: not in the output (have %d files)", path, len(out.Files()))
				continue
			}
			for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
				if has := bytes.Contains(data, []byte(line)); has != (kind == "contains") {
					t.Errorf("%s: contains %q = %v, want %v\n%s", path, line, has, !has, data)
				}
			}
		case "exact":
			if *update {
				body, changed = string(out.Files()[path]), true
				setArchiveFile(ar, "want/"+key, body)
			}
			// txtar ends every file with a newline; minified output has none.
			if strings.TrimSuffix(string(out.Files()[path]), "\n") != strings.TrimSuffix(body, "\n") {
				t.Errorf("%s:\n got:\n%s\nwant:\n%s", path, out.Files()[path], body)
			}
		case "missing":
			for _, p := range strings.Fields(body) {
				if _, ok := out.Files()[p]; ok {
					t.Errorf("%s: in the output, want it missing", p)
				}
			}
		}
	}
	if changed {
		if err := os.WriteFile(name, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readGolden reads a golden site's archive: the site, the build options
// and the wanted outputs by key ("contains/PATH"…).
func readGolden(t *testing.T, name string) (*txtar.Archive, Options, map[string]string) {
	t.Helper()
	ar, err := txtar.ParseFile(name)
	if err != nil {
		t.Fatal(err)
	}
	site := fstest.MapFS{}
	opts := Options{Site: site, Theme: cchc.Theme(), Now: testNow}
	want := map[string]string{}
	for _, f := range ar.Files {
		switch {
		case strings.HasPrefix(f.Name, "site/"):
			site[strings.TrimPrefix(f.Name, "site/")] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
		case f.Name == "options":
			for _, w := range strings.Fields(string(f.Data)) {
				switch {
				case w == "drafts":
					opts.Drafts = true
				case w == "future":
					opts.Future = true
				case w == "preview":
					opts.Preview = true
				case strings.HasPrefix(w, "base-url="):
					opts.BaseURL = strings.TrimPrefix(w, "base-url=")
				default:
					t.Fatalf("unknown option %q", w)
				}
			}
		case strings.HasPrefix(f.Name, "want/"):
			want[strings.TrimPrefix(f.Name, "want/")] = string(f.Data)
		default:
			t.Fatalf("unexpected archive file %q", f.Name)
		}
	}
	return ar, opts, want
}

// setArchiveFile replaces (or adds) a file of a golden archive, for -update.
func setArchiveFile(ar *txtar.Archive, name, body string) {
	if i := slices.IndexFunc(ar.Files, func(f txtar.File) bool { return f.Name == name }); i >= 0 {
		ar.Files[i].Data = []byte(body)
		return
	}
	ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(body)})
}
