package publish

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
)

const samplePage = `<!DOCTYPE html>
<html lang="vi">
  <head>
    <meta charset="utf-8">
    <title>Chuyển đổi số &amp; một cửa</title>
    <style>
      body { color : #ff0000 ; }
    </style>
    <script type="application/ld+json">
      { "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": "Chuyển đổi số ở xã Diễn Châu" }
    </script>
  </head>
  <body class="trang chu">
    <!--[if lt IE 9]><p>Trình duyệt quá cũ</p><![endif]-->
    <pre>  dòng 1
    dòng   2</pre>
    <input type="text" name="q">
    <p>  Xin   chào  </p>
    <script>
      var  soLuong = 1 + 2 ;
    </script>
  </body>
</html>
`

func TestMinifyHTMLKeepsWhatPagesNeed(t *testing.T) {
	out, err := NewMinifier().Minify("bai-viet/x/index.html", []byte(samplePage))
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	for _, want := range []string{
		`<!doctype html>`,
		`<html lang=vi>`,
		`<head><meta charset=utf-8>`, // KeepDocumentTags keeps <head>
		`<title>Chuyển đổi số & một cửa</title>`, // a lone & needs no escape in HTML5
		`<style>body{color:red}</style>`,
		// JSON-LD survives, minified.
		`<script type=application/ld+json>{"@context":"https://schema.org","@type":"NewsArticle","headline":"Chuyển đổi số ở xã Diễn Châu"}</script>`,
		`<!--[if lt IE 9]><p>Trình duyệt quá cũ<![endif]-->`,
		"<pre>  dòng 1\n    dòng   2</pre>",
		`<input type=text name=q>`,
		`<body class="trang chu">`,
		`<p>Xin chào`,
		`<script>var soLuong=1+2</script>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("minified page lacks %q\ngot: %s", want, got)
		}
	}
	if len(out) >= len(samplePage) {
		t.Errorf("minified page is not smaller: %d >= %d bytes", len(out), len(samplePage))
	}
}

const sampleRSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Cải cách hành chính &amp; &lt;chuyển đổi số&gt;</title>
    <atom:link href="https://x.example/cchc/rss.xml" rel="self" type="application/rss+xml"></atom:link>
    <item>
      <title>Bài   một</title>
    </item>
  </channel>
</rss>
`

func TestMinifyRSSStaysValidXML(t *testing.T) {
	for _, name := range []string{"rss.xml", "chu-de/mot-cua/rss.xml", "sitemap.xml"} {
		out, err := NewMinifier().Minify(name, []byte(sampleRSS))
		if err != nil {
			t.Fatal(err)
		}
		if len(out) >= len(sampleRSS) {
			t.Errorf("%s: not minified: %s", name, out)
		}
		if !bytes.HasPrefix(out, []byte(`<?xml version="1.0" encoding="UTF-8"?>`)) {
			t.Errorf("%s: XML declaration lost: %s", name, out)
		}
		var doc struct {
			Channel struct {
				Title string `xml:"title"`
				Item  struct {
					Title string `xml:"title"`
				} `xml:"item"`
			} `xml:"channel"`
		}
		if err := xml.Unmarshal(out, &doc); err != nil {
			t.Fatalf("%s: minified RSS does not parse: %v\n%s", name, err, out)
		}
		if got, want := doc.Channel.Title, "Cải cách hành chính & <chuyển đổi số>"; got != want {
			t.Errorf("%s: title = %q, want %q", name, got, want)
		}
		if got, want := doc.Channel.Item.Title, "Bài một"; got != want {
			t.Errorf("%s: item title = %q, want %q", name, got, want)
		}
	}
}

func TestMinifyByExtension(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"assets/site.css", "a  {  margin : 0px ; }\n", "a{margin:0}"},
		{"assets/SITE.CSS", "a  {  margin : 0px ; }\n", "a{margin:0}"},
		{"assets/app.js", "function f ( a ) { return a + 1 ; }\n", "function f(e){return e+1}"},
		{"assets/logo.svg", `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">  <rect width="10" height="10"/>  </svg>`, `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>`},
		{"tim-kiem/index.json", "{ \"a\" : [ 1 , 2 ] }\n", `{"a":[1,2]}`},
		{"manifest.webmanifest", "{ \"name\" : \"CCHC\" }\n", `{"name":"CCHC"}`},
		{"index.htm", "<p>  a  </p>\n", "<p>a"},
		// Anything else comes back byte for byte.
		{"bai-viet/x/anh.jpg", "  \x00\xff  ", "  \x00\xff  "},
		{"tai-lieu/ke-hoach.pdf", "%PDF-1.7  \n", "%PDF-1.7  \n"},
		{"robots.txt", "User-agent: *\n\nAllow: /\n", "User-agent: *\n\nAllow: /\n"},
		{"CNAME", "x.example\n", "x.example\n"},
	}
	m := NewMinifier()
	for _, tt := range tests {
		got, err := m.Minify(tt.name, []byte(tt.in))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if string(got) != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestMinifyErrorNamesFile(t *testing.T) {
	_, err := NewMinifier().Minify("assets/app.js", []byte("function ( {"))
	if err == nil {
		t.Fatal("invalid JS minified without error")
	}
	const prefix = "không rút gọn được assets/app.js (application/javascript): "
	if !strings.HasPrefix(err.Error(), prefix) {
		t.Errorf("error = %q, want prefix %q", err, prefix)
	}
}

// TestMinifyConcurrent shares one Minifier between goroutines; with -race it
// proves the claim in Minifier's doc comment.
func TestMinifyConcurrent(t *testing.T) {
	m := NewMinifier()
	want, err := m.Minify("index.html", []byte(samplePage))
	if err != nil {
		t.Fatal(err)
	}
	inputs := map[string]string{
		"index.html":  samplePage,
		"rss.xml":     sampleRSS,
		"a.css":       "a { color: #ff0000 }",
		"a.svg":       `<svg xmlns="http://www.w3.org/2000/svg"><path d="M 10.000 20.000 L 30 40"/></svg>`,
		"a.js":        "let x = 1 + 2;",
		"search.json": `{ "a": 1.50 }`,
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				for name, in := range inputs {
					out, err := m.Minify(name, []byte(in))
					if err != nil {
						errs <- err
						return
					}
					if name == "index.html" && !bytes.Equal(out, want) {
						errs <- fmt.Errorf("goroutine %d, round %d: output differs", g, i)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// A drawn SVG (a QR code) inside a page is copied as it is, other inline
// SVG is still minified: the drawn one is minimal already, and parsing its
// path again cost a tenth of a build.
func TestMinifyKeepsDrawnSVG(t *testing.T) {
	drawn := DrawnSVGPrefix + `33 33" role="img"><title>Mã QR</title><path stroke="#000" d="M4 4.5h7m1 0h2"/></svg>`
	other := `<svg viewBox="0 0 10 10"><path d="M 10.000 20.000 L 30 40"/></svg>`
	got, err := NewMinifier().Minify("index.html", []byte("<p>a</p>\n"+drawn+"\n"+other+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(got), drawn) {
		t.Errorf("the drawn SVG changed:\n%s", got)
	}
	if !strings.Contains(string(got), `<path d="M10 20 30 40"/>`) {
		t.Errorf("the other SVG was not minified:\n%s", got)
	}
}

// The alignment goldmark writes on table cells is copied as it is, and is
// what the CSS minifier itself would write; any other style is still
// minified.
func TestMinifyAlignedCells(t *testing.T) {
	plain := minify.New()
	plain.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepSpecialComments: true, KeepDefaultAttrVals: true})
	plain.Add("text/css", &css.Minifier{})
	page := "<table><tr><th style=\"text-align:left\">A<th style=\"text-align:center\">B<th style=\"text-align:right\">C\n" +
		"<tr><td style=\" text-align: right; \">1<td style=\"font-weight: bold\">2<td style=\"color:#ffffff\">3</table>"
	got, err := NewMinifier().Minify("index.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want, err := plain.Bytes("text/html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	for _, s := range []string{"style=text-align:right>1", "style=font-weight:700>2", "style=color:#fff>3"} {
		if !strings.Contains(string(got), s) {
			t.Errorf("%s missing from %s", s, got)
		}
	}
	for align := range cellAlignments {
		var b bytes.Buffer
		if err := (&css.Minifier{}).Minify(plain, &b, strings.NewReader(align), map[string]string{"inline": "1"}); err != nil || b.String() != align {
			t.Errorf("the CSS minifier writes %q as %q (%v)", align, b.String(), err)
		}
	}
}
