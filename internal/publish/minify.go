// Package publish is the last stage of a build: it minifies the output
// files by media type and writes them either to a directory, swapped in
// atomically so that a failed build leaves the previous output untouched,
// or to memory for the preview server.
package publish

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// Minifier minifies output files, choosing the minifier by file extension.
//
// It is safe for concurrent use: minify.M guards its table with a RWMutex,
// the CSS and SVG minifiers copy themselves before changing fields, and the
// HTML minifier only writes to itself when the deprecated
// KeepConditionalComments is set, which we never do (TestMinifyConcurrent
// runs it under -race).
type Minifier struct {
	m *minify.M
}

// Media types by file extension. XML feeds and sitemaps go through the
// generic XML minifier; a web manifest is JSON.
var mediaTypeByExt = map[string]string{
	".html":        "text/html",
	".htm":         "text/html",
	".css":         "text/css",
	".js":          "application/javascript",
	".mjs":         "application/javascript",
	".svg":         "image/svg+xml",
	".xml":         "text/xml",
	".json":        "application/json",
	".webmanifest": "application/json",
}

// NewMinifier returns a Minifier configured for the pages we generate.
func NewMinifier() *Minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{
		KeepDocumentTags:    true, // <html lang="vi">, <head>, <body> carry attributes or matter to readers' tools
		KeepSpecialComments: true, // conditional comments and <!--! ... --> licence notes
		KeepDefaultAttrVals: true, // e.g. type="text", which CSS attribute selectors may rely on
	})
	m.Add("text/css", alignedCells{})
	m.Add("image/svg+xml", drawnSVG{})
	m.Add("text/xml", &xml.Minifier{})
	// Scripts inside HTML are dispatched by their type attribute, so every
	// JavaScript and JSON spelling must be registered, or the script would be
	// left as it is (harmless, only larger).
	m.AddRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), &js.Minifier{})
	m.Add("module", &js.Minifier{})
	m.AddRegexp(regexp.MustCompile(`^(application|text)/((ld|manifest)\+)?json$|^importmap$`), &json.Minifier{})
	m.AddRegexp(regexp.MustCompile(`^(application|text)/(.+\+)?xml$`), &xml.Minifier{})
	return &Minifier{m: m}
}

// Minify returns data minified according to the extension of name (a path
// in the output such as "bai-viet/x/index.html"). Files of other types are
// returned unchanged. The error names the file: a template or asset that
// produces invalid CSS, JS or JSON is a bug worth reporting.
func (m *Minifier) Minify(name string, data []byte) ([]byte, error) {
	mediaType, ok := mediaTypeByExt[strings.ToLower(path.Ext(name))]
	if !ok {
		return data, nil
	}
	out, err := m.m.Bytes(mediaType, data)
	if err != nil {
		return nil, fmt.Errorf("không rút gọn được %s (%s): %v — tệp này có lỗi cú pháp, hãy sửa mẫu hoặc tệp tài nguyên tạo ra nó", name, mediaType, err)
	}
	return out, nil
}

// DrawnSVGPrefix opens the inline SVGs that cchc draws itself already
// minimal (QR codes, internal/qrsvg): the SVG minifier would only parse
// their long path data again to write it unchanged, which was a tenth of
// a build of a thousand articles, each with a QR code in its print view.
const DrawnSVGPrefix = `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `

// drawnSVG minifies SVG, but copies a drawn one (DrawnSVGPrefix) as it is.
type drawnSVG struct{ svg.Minifier }

func (d drawnSVG) Minify(m *minify.M, w io.Writer, r io.Reader, params map[string]string) error {
	// Inline SVG reaches here as a parse buffer holding the whole element.
	if b, ok := r.(interface{ Bytes() []byte }); ok && bytes.HasPrefix(b.Bytes(), []byte(DrawnSVGPrefix)) {
		_, err := w.Write(b.Bytes())
		return err
	}
	return d.Minifier.Minify(m, w, r, params)
}

// cellAlignments are the style attributes goldmark writes on the cells of
// a table column aligned with ":--:" or "--:", spelled as the CSS
// minifier writes them.
var cellAlignments = map[string]bool{"text-align:left": true, "text-align:center": true, "text-align:right": true}

// alignedCells minifies CSS, but copies a table cell's alignment as it is:
// the CSS minifier would parse each cell's style again to write it
// unchanged, a sixtieth of a build whose articles carry a table.
type alignedCells struct{ css.Minifier }

func (a alignedCells) Minify(m *minify.M, w io.Writer, r io.Reader, params map[string]string) error {
	// A style attribute reaches here as a parse buffer holding its value.
	if b, ok := r.(interface{ Bytes() []byte }); ok && params["inline"] == "1" && cellAlignments[string(b.Bytes())] {
		_, err := w.Write(b.Bytes())
		return err
	}
	return a.Minifier.Minify(m, w, r, params)
}
