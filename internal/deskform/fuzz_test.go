package deskform

import (
	"bytes"
	"testing"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/diag"
)

// editOf is what the form sends for src when the writer changes nothing.
func editOf(src []byte, k Kind) Edit {
	f := Load(src, k)
	if f.Raw != "" {
		return Edit{Raw: &f.Raw}
	}
	fields := map[string]any{}
	for _, v := range f.Values {
		switch v.Control {
		case Check:
			fields[v.Key] = v.On
		case List, Files, Topics:
			rows := []any{}
			for _, s := range v.List {
				rows = append(rows, s)
			}
			fields[v.Key] = rows
		default:
			fields[v.Key] = v.Text
		}
	}
	return Edit{Fields: fields, Body: &f.Body}
}

// FuzzApplyUnchanged: a form sent back unchanged gives the file's bytes,
// whatever the file (its layout, its line ends, a front matter the form
// cannot show), and Scan places every line without panicking.
func FuzzApplyUnchanged(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: A\ndate: 16/01/2026\ntopics: [SIPAS]\n---\n\nBài.\n",
		"---\r\ntitle: 'A' # x\r\ndraft: true\r\n---\r\nBài.",
		"+++\ntitle = \"A\"\nho_so = [\"a\", \"b\"]\n+++\n\nx\n",
		"\ufeff---\ntitle: \"A\n---\n",
		"no front matter\n",
		"---\nho_so:\n  - a\n  # note\n  - b\ndinh_kem:\n  - tep: a.pdf\n---\n",
		"---\ntitle: |\n  khối\n---\n\n\n\nthân\n",
	} {
		f.Add([]byte(s), uint8(0))
	}
	cfg := config.Default()
	f.Fuzz(func(t *testing.T, src []byte, kind uint8) {
		k := Kind(kind % 8)
		got, err := Apply(src, k, editOf(src, k), cfg)
		if err != nil {
			if _, ok := err.(*FieldError); ok {
				return // a value the form reads but frontedit cannot write back as read
			}
			t.Fatalf("Apply: %v", err)
		}
		if !bytes.Equal(got, src) && Load(src, k).Raw == "" {
			t.Fatalf("unchanged form changed the file:\n%q\nto\n%q", src, got)
		}
		l := Scan(src)
		lines := bytes.Count(src, []byte("\n")) + 1
		for line := range l.keyAt {
			if line < 1 || line > lines {
				t.Fatalf("key at line %d of %d", line, lines)
			}
		}
		for n := 0; n <= lines+1; n++ {
			key, body := l.Place(diag.Diagnostic{Pos: diag.Position{Line: n}})
			if key != "" && body != 0 {
				t.Fatalf("line %d placed both at %q and body line %d", n, key, body)
			}
		}
	})
}
