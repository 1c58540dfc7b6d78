package markdown

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"sync"
	"testing"

	"github.com/cchc-vn/cchc/internal/mdcheck"
)

// attrURL finds the values of href and src attributes in rendered HTML.
var attrURL = regexp.MustCompile(`(?i)\b(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)

// checkNoDangerousURL fails when an href or src of out holds a dangerous
// scheme, as a browser would read the attribute.
func checkNoDangerousURL(t *testing.T, src, out []byte) {
	t.Helper()
	for _, tag := range startTags(out) {
		checkTag(t, src, tag)
	}
}

func checkTag(t *testing.T, src, tag []byte) {
	t.Helper()
	for _, m := range attrURL.FindAllSubmatch(tag, -1) {
		value := string(m[2]) + string(m[3]) + string(m[4])
		image := bytes.EqualFold(m[1], []byte("src"))
		if scheme := mdcheck.DangerousScheme(html.UnescapeString(value), image); scheme != "" {
			t.Fatalf("Render(%q) wrote %s=%q (%s)", src, m[1], value, scheme)
		}
	}
}

// startTags returns the start tags of out, "<a href=…>", from '<' to the
// '>' outside quotes that ends them. Escaped text has no '<', so what is
// shown as text is not mistaken for a tag.
func startTags(out []byte) [][]byte {
	var tags [][]byte
	for i := 0; i < len(out); i++ {
		if out[i] != '<' || i+1 >= len(out) || !isASCIILetter(out[i+1]) {
			continue
		}
		var quote byte
		j := i + 1
		for ; j < len(out); j++ {
			c := out[j]
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '>':
				tags = append(tags, out[i:j+1])
				i = j
				j = len(out) + 1
			}
		}
		if j == len(out) {
			tags = append(tags, out[i:])
			break
		}
	}
	return tags
}

func isASCIILetter(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }

func FuzzRender(f *testing.F) {
	for _, seed := range []string{
		"# Tiêu đề\n\nĐoạn [liên kết](../bai.md) và ![ảnh](a.jpg).",
		"[x](&#106;avascript:alert(1)) [y](JaVaScRiPt:1) [z](<java\tscript:1>) [w](<  javascript:1>)",
		"[x]\n\n[x]: vbscript:1\n\n<file:///etc/passwd> ![d](data:text/html,1) ![p](data:image/png;base64,AA)",
		"<a href=\"javascript:alert(1)\">x</a>\n\n<div onclick=x>\n<img src=javascript:1>\n</div>",
		"| a | b |\n|---|:-:|\n| [x](javascript:1) | `y` |\n\n- [ ] việc\n\nchú thích[^1]\n\n[^1]: ghi chú",
		"www.example.com ai@b.vn <mailto:ai@b.vn> ~~gạch~~",
		"> > > * * * 1. a\n\n    code\n\n```\n*_[\n```",
		"*a **a [b](c) a** a*",
		"\x00 \xff\xfe [\x00](\x00) <\x00>",
		"- a\n\n  ```bieu-do\n  loai: thanh\n  tieu_de: \"<b>\"\n  nhan: a; b\n  so_lieu: 1,5; -\n  ```\n\n> ```Bieu-do\n> loai: [\n",
	} {
		f.Add([]byte(seed), false)
		f.Add([]byte(seed), true)
	}
	safe, unsafe := New(Options{MaxBytes: 64 << 10}), New(Options{Unsafe: true, MaxBytes: 64 << 10})
	f.Fuzz(func(t *testing.T, src []byte, allowHTML bool) {
		r := safe
		if allowHTML {
			r = unsafe
		}
		var resolved []Link
		res, problems := r.Render(src, func(l Link) (string, *Problem) {
			resolved = append(resolved, l)
			return l.Dest, nil
		})
		checkNoDangerousURL(t, src, res.HTML)
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, l := range resolved {
			if l.Line < 1 || l.Line > lines || l.Col < 1 {
				t.Fatalf("Render(%q): link at %d:%d, body has %d lines", src, l.Line, l.Col, lines)
			}
		}
		for _, p := range problems {
			if p.Line < 1 || p.Line > lines || p.Col < 1 || p.Message == "" {
				t.Fatalf("Render(%q): problem %+v, body has %d lines", src, p, lines)
			}
		}
	})
}

func TestRenderConcurrent(t *testing.T) {
	r := New(Options{PlainText: true})
	bodies := make([][]byte, 8)
	for i := range bodies {
		bodies[i] = fmt.Appendf(nil, "## Mục %d\n\n## Mục %d\n\nĐoạn [a](b%d.md) ![c](d.jpg) www.x.vn/%d\n\n| a |\n|---|\n| %d |\n\nx[^1]\n\n[^1]: y\n",
			i, i, i, i, i)
	}
	resolve := func(l Link) (string, *Problem) { return "/cchc/" + l.Dest, nil }
	want := make([]Result, len(bodies))
	for i, b := range bodies {
		want[i], _ = r.Render(b, resolve)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for k := range 50 {
				i := (g + k) % len(bodies)
				got, problems := r.Render(bodies[i], resolve)
				if len(problems) != 0 || !bytes.Equal(got.HTML, want[i].HTML) || got.Text != want[i].Text ||
					len(got.Headings) != 2 || got.Headings[1].ID != want[i].Headings[1].ID {
					t.Errorf("body %d rendered differently in parallel:\n%s\nwant\n%s", i, got.HTML, want[i].HTML)
					return
				}
			}
		})
	}
	wg.Wait()
}
