package markdown

import (
	"fmt"
	"maps"
	"regexp"
	"testing"
)

var testCitations = Citations{URLs: map[string]string{
	"35/KH-UBND":    "/cchc/van-ban/35-kh-ubnd/",
	"05/QĐ-UBND":    "/cchc/van-ban/05-qd-ubnd/",
	"12/QyĐ-UBND":   "/cchc/van-ban/12-qyd-ubnd/",
	"42/2022/NĐ-CP": "/cchc/van-ban/nd-42/",
}}

func TestCitationsLinkDocuments(t *testing.T) {
	const kh = `<a href="/cchc/van-ban/35-kh-ubnd/">35/KH-UBND</a>`
	tests := []struct {
		name, src, want string
	}{
		{"in a sentence", "Theo Kế hoạch số 35/KH-UBND ngày 10/01/2026.",
			"<p>Theo Kế hoạch số " + kh + " ngày 10/01/2026.</p>\n"},
		{"end of sentence", "Xem 35/KH-UBND.", "<p>Xem " + kh + ".</p>\n"},
		{"in brackets and before a comma", "(35/KH-UBND), tiếp", "<p>(" + kh + "), tiếp</p>\n"},
		{"first mention only", "35/KH-UBND và 35/KH-UBND", "<p>" + kh + " và 35/KH-UBND</p>\n"},
		{"two documents", "35/KH-UBND, 05/QĐ-UBND",
			"<p>" + kh + `, <a href="/cchc/van-ban/05-qd-ubnd/">05/QĐ-UBND</a></p>` + "\n"},
		{"mixed case symbol", "số 12/QyĐ-UBND", `<p>số <a href="/cchc/van-ban/12-qyd-ubnd/">12/QyĐ-UBND</a></p>` + "\n"},
		{"number with a year", "Nghị định 42/2022/NĐ-CP quy định",
			`<p>Nghị định <a href="/cchc/van-ban/nd-42/">42/2022/NĐ-CP</a> quy định</p>` + "\n"},
		{"inside emphasis", "*35/KH-UBND*", "<p><em>" + kh + "</em></p>\n"},
		{"in a table cell", "| Số |\n|---|\n| 35/KH-UBND |", fmt.Sprintf(tableOpen, 1) + "<thead>\n<tr>\n<th>Số</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>" + kh + "</td>\n</tr>\n</tbody>\n" + tableClose},
		{"first mention after a soft break", "dòng một\n35/KH-UBND", "<p>dòng một\n" + kh + "</p>\n"},
		{"line break kept after the number", "35/KH-UBND\ndòng hai", "<p>" + kh + "\ndòng hai</p>\n"},

		// Left alone.
		{"longer number", "135/KH-UBND", "<p>135/KH-UBND</p>\n"},
		{"longer symbol", "35/KH-UBND-VP", "<p>35/KH-UBND-VP</p>\n"},
		{"letters before", "x35/KH-UBND", "<p>x35/KH-UBND</p>\n"},
		{"other case", "35/kh-ubnd", "<p>35/kh-ubnd</p>\n"},
		{"code span", "`35/KH-UBND`", "<p><code>35/KH-UBND</code></p>\n"},
		{"code block", "    35/KH-UBND", "<pre><code>35/KH-UBND\n</code></pre>\n"},
		{"heading", "## Kế hoạch 35/KH-UBND", `<h2 id="ke-hoach-35-kh-ubnd">Kế hoạch 35/KH-UBND</h2>` + "\n"},
		{"existing link", "[Kế hoạch 35/KH-UBND](https://x.vn/)", `<p><a href="https://x.vn/">Kế hoạch 35/KH-UBND</a></p>` + "\n"},
		{"image description", "![Ảnh 35/KH-UBND](a.png)", `<p><img src="a.png" alt="Ảnh 35/KH-UBND" loading="lazy" decoding="async"></p>` + "\n"},
		{"in a URL", "https://x.vn/35/KH-UBND", `<p><a href="https://x.vn/35/KH-UBND">https://x.vn/35/KH-UBND</a></p>` + "\n"},
		{"split by a line break", "35/KH-\nUBND", "<p>35/KH-\nUBND</p>\n"},
		{"page's own number", "Văn bản 99/TB-UBND này", "<p>Văn bản 99/TB-UBND này</p>\n"},
	}
	c := Citations{URLs: map[string]string{"99/TB-UBND": "/cchc/van-ban/99/"}, Skip: "99/TB-UBND"}
	maps.Copy(c.URLs, testCitations.URLs)
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, problems := r.RenderCiting([]byte(tt.src), nil, c)
			if len(problems) > 0 {
				t.Errorf("problems: %+v", problems)
			}
			if got := string(res.HTML); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestCitationsAreEscaped: a destination is written as an attribute value,
// and one with a dangerous scheme is never written.
func TestCitationsAreEscaped(t *testing.T) {
	c := Citations{URLs: map[string]string{
		"1/A": `/x/"><script>alert(1)</script>/`,
		"2/B": "javascript:alert(1)",
	}}
	res, _ := New(Options{}).RenderCiting([]byte("1/A và 2/B"), nil, c)
	want := `<p><a href="/x/%22%3E%3Cscript%3Ealert(1)%3C/script%3E/">1/A</a> và 2/B</p>` + "\n"
	if string(res.HTML) != want {
		t.Errorf("got  %q\nwant %q", res.HTML, want)
	}
}

// TestRenderWithoutCitationsUnchanged: Render links nothing.
func TestRenderWithoutCitationsUnchanged(t *testing.T) {
	res, _ := New(Options{}).Render([]byte("Theo 35/KH-UBND."), nil)
	if want := "<p>Theo 35/KH-UBND.</p>\n"; string(res.HTML) != want {
		t.Errorf("got %q, want %q", res.HTML, want)
	}
}

var citationLink = regexp.MustCompile(`<a href="/cchc/van-ban/[a-z0-9-]+/">([^<]*)</a>`)

// FuzzCitations: with citations, a body renders as without them but for
// at most one added link per document, around the very text of a number.
func FuzzCitations(f *testing.F) {
	for _, s := range []string{
		"Theo Kế hoạch số 35/KH-UBND ngày 10/01/2026.",
		"*05/QĐ-UBND* `35/KH-UBND` [35/KH-UBND](x) 12/QyĐ-UBND_x",
		"| 42/2022/NĐ-CP |\n|--|\n| 35/KH-UBND |",
		"35/KH-\nUBND 35/KH-UBND\\\n05/QĐ-UBND  \nx",
		"&amp;35/KH-UBND&#47; <35/KH-UBND> 35/KH-UBND&",
	} {
		f.Add(s)
	}
	r := New(Options{})
	f.Fuzz(func(t *testing.T, src string) {
		plain, _ := r.Render([]byte(src), nil)
		cited, _ := r.RenderCiting([]byte(src), nil, testCitations)
		if len(plain.HTML) == 0 {
			return // refused by the guard
		}
		links := citationLink.FindAllStringSubmatch(string(cited.HTML), -1)
		seen := map[string]bool{}
		for _, m := range links {
			if _, ok := testCitations.URLs[m[1]]; ok {
				if seen[m[1]] {
					t.Fatalf("%q linked twice in %q", m[1], cited.HTML)
				}
				seen[m[1]] = true
			}
		}
		unlinked := citationLink.ReplaceAllStringFunc(string(cited.HTML), func(a string) string {
			m := citationLink.FindStringSubmatch(a)
			if _, ok := testCitations.URLs[m[1]]; !ok {
				return a // the body's own link to such a path
			}
			return m[1]
		})
		if unlinked != string(plain.HTML) {
			t.Fatalf("citations changed more than links:\n got %q\nwant %q", unlinked, plain.HTML)
		}
	})
}
