package frontedit

import "testing"

// TestRenderReadsBack sets awkward values through a file, in a plain, a
// quoted, a flow and a block position, and reads them back.
func TestRenderReadsBack(t *testing.T) {
	values := []string{"Hội nghị", "a: b", "x #y", "-a", "[a", "2026", "true", "~", "", " a", "a\nb",
		`"q"`, `\`, "It's", "a, b", "11:30", "2026-01-16", "a\u2028b", "\x00", "Ho\u0300a"}
	sources := []struct {
		src  string
		list bool
	}{
		{"---\nk: x\n---\n", false},
		{"---\nk: 'x'\n---\n", false},
		{"---\nk: [x]\n---\n", true},
		{"---\nk:\n  - \"x\"\n---\n", true},
	}
	for _, s := range values {
		for _, src := range sources {
			d, err := Parse([]byte(src.src))
			if err != nil {
				t.Fatal(err)
			}
			v := any(s)
			if src.list {
				v = []string{s, "z"}
			}
			before := d.Bytes()
			if err := d.Set("k", v); err != nil {
				t.Fatalf("%q in %q: %v", s, src.src, err)
			}
			checkSet(t, before, d.Bytes(), "k", v)
		}
	}
}

// TestSetWritesNFC: text typed in decomposed form is written composed.
func TestSetWritesNFC(t *testing.T) {
	d, err := Parse([]byte("---\ntitle: \"x\"\n---\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Set("title", "Ho\u0300a Bi\u0300nh"); err != nil {
		t.Fatal(err)
	}
	if got, want := string(d.Bytes()), "---\ntitle: \"Hòa Bình\"\n---\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
