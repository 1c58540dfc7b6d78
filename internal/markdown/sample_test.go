package markdown

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sampleBodies returns the bodies of the sample site's articles, front
// matter cut off, keyed by path.
func sampleBodies(tb testing.TB) map[string][]byte {
	tb.Helper()
	bodies := map[string][]byte{}
	root := filepath.Join("..", "..", "testdata", "sample", "content")
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		bodies[path] = cutFrontMatter(data)
		return nil
	})
	if len(bodies) == 0 {
		tb.Fatal("no sample articles in ../../testdata/sample/content")
	}
	return bodies
}

func cutFrontMatter(data []byte) []byte {
	for _, fence := range []string{"---", "+++"} {
		if rest, ok := bytes.CutPrefix(data, []byte(fence+"\n")); ok {
			if i := bytes.Index(rest, []byte("\n"+fence+"\n")); i >= 0 {
				return rest[i+len(fence)+2:]
			}
		}
	}
	return data
}

// TestSampleArticlesRender checks the guards refuse none of the sample
// site's articles and that nothing in them is dangerous.
func TestSampleArticlesRender(t *testing.T) {
	r := New(Options{})
	for path, body := range sampleBodies(t) {
		res, problems := r.RenderPage(body, Page{Data: sampleData(path)})
		for _, p := range problems {
			if !p.Warning {
				t.Errorf("%s:%d:%d: %s — %s", path, p.Line, p.Col, p.Message, p.Hint)
			}
		}
		if len(body) > 0 && len(res.HTML) == 0 {
			t.Errorf("%s: no HTML", path)
		}
	}
}

// sampleData reads a chart's data file as the build does: beside the
// article, else in the site's data/ folder.
func sampleData(article string) func(string) ([]byte, string, error) {
	return func(name string) ([]byte, string, error) {
		for _, p := range []string{filepath.Join(filepath.Dir(article), name), filepath.Join("..", "..", "testdata", "sample", "data", name)} {
			if data, err := os.ReadFile(p); err == nil {
				return data, p, nil
			}
		}
		return nil, "", fs.ErrNotExist
	}
}

func BenchmarkSampleArticles(b *testing.B) {
	bodies := sampleBodies(b)
	r := New(Options{})
	var total int64
	for _, body := range bodies {
		total += int64(len(body))
	}
	b.SetBytes(total)
	for b.Loop() {
		for _, body := range bodies {
			r.Render(body, nil)
		}
	}
}

func BenchmarkGuardOnly(b *testing.B) {
	bodies := sampleBodies(b)
	r := New(Options{})
	for b.Loop() {
		for _, body := range bodies {
			r.guard.Check(body)
		}
	}
}

// BenchmarkSampleText renders the sample articles with their plain text,
// as a build with search does.
func BenchmarkSampleText(b *testing.B) {
	bodies := sampleBodies(b)
	r := New(Options{PlainText: true})
	for b.Loop() {
		for _, body := range bodies {
			r.Render(body, nil)
		}
	}
}

// FirstParagraph gives what a whole render gives as FirstPara, for every
// sample article and for bodies that open with a heading, an image, a
// refused link or a hostile size.
func TestFirstParagraphAsRender(t *testing.T) {
	bodies := sampleBodies(t)
	bodies["heading, image, refused link"] = []byte("## Mục\n\n![ảnh](a.png)\n\nĐoạn [một](javascript:alert(1)) *hai*.\n")
	bodies["chart first"] = []byte("```bieu-do\nloai: cot\n```\n\nSau biểu đồ.")
	bodies["hostile"] = []byte(strings.Repeat("[", 100000))
	r := New(Options{PlainText: true})
	for i, body := range bodies {
		res, _ := r.Render(body, func(l Link) (string, *Problem) { return l.Dest, nil })
		if got := r.FirstParagraph(body); got != res.FirstPara {
			t.Errorf("%s: FirstParagraph %q, Render's %q", i, got, res.FirstPara)
		}
	}
}
