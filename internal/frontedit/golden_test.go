package frontedit

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected files of testdata/golden")

// TestGolden applies the edits of each testdata/golden/*.edits to the
// fixture it names and compares the file written with the .md beside it.
// An .edits file is a line `fixture: name.md`, then one JSON line per
// edit: ["key", value] with value a string, a list of strings, a boolean
// or null, or ["=body", "text"] for SetBody.
func TestGolden(t *testing.T) {
	cases, _ := filepath.Glob("testdata/golden/*.edits")
	if len(cases) < 10 {
		t.Fatalf("only %d golden cases", len(cases))
	}
	for _, c := range cases {
		name := strings.TrimSuffix(filepath.Base(c), ".edits")
		t.Run(name, func(t *testing.T) {
			fixture, edits := readEdits(t, c)
			src, err := os.ReadFile(filepath.Join("testdata/fixtures", fixture))
			if err != nil {
				t.Fatal(err)
			}
			d, err := Parse(src)
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Bytes(); !bytes.Equal(got, src) {
				t.Fatalf("unedited Bytes differ from the fixture:\n%q", got)
			}
			for _, e := range edits {
				before, prev := d.Bytes(), *d
				if e.key == "=body" {
					d.SetBody([]byte(e.value.(string)))
					if !bytes.HasSuffix(d.Bytes(), d.Body()) || !bytes.HasPrefix(d.Bytes(), before[:len(before)-len(prev.Body())]) {
						t.Fatalf("SetBody: got\n%s", d.Bytes())
					}
					continue
				}
				if err := d.Set(e.key, e.value); err != nil {
					t.Fatalf("Set(%q, %#v): %v", e.key, e.value, err)
				}
				if d.Format() == "yaml" {
					checkSet(t, before, d.Bytes(), e.key, e.value)
				}
				sameOutside(t, &prev, d, e.key)
			}
			got := d.Bytes()
			golden := strings.TrimSuffix(c, ".edits") + ".md"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

type goldenEdit struct {
	key   string
	value any
}

func readEdits(t *testing.T, path string) (string, []goldenEdit) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Scan()
	fixture, ok := strings.CutPrefix(sc.Text(), "fixture: ")
	if !ok {
		t.Fatalf("%s: first line is not `fixture: name.md`", path)
	}
	var out []goldenEdit
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var pair []any
		if err := json.Unmarshal([]byte(line), &pair); err != nil || len(pair) != 2 {
			t.Fatalf("%s: %q is not [\"key\", value]: %v", path, line, err)
		}
		e := goldenEdit{key: pair[0].(string), value: pair[1]}
		if l, ok := e.value.([]any); ok {
			strs := make([]string, len(l))
			for i, x := range l {
				strs[i] = x.(string)
			}
			e.value = strs
		}
		out = append(out, e)
	}
	return strings.TrimSpace(fixture), out
}
