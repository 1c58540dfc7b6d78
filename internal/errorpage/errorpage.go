// Package errorpage shows the errors of a failed preview build where an
// editor is looking: an overlay over the last good page, a broken draft's
// own page in place of it, and the terminal, each error with its
// file:line and the source lines around it. Nothing of it reaches
// `cchc build`, whose errors are plain lines for CI.
package errorpage

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cchc-vn/cchc/internal/diag"
)

// Heading titles the error overlay in the browser.
const Heading = "Lỗi khi dựng lại trang"

// maxShown bounds the diagnostics in the overlay: the first ones are
// enough to start fixing, and the terminal has them all.
const maxShown = 20

// excerptContext is how many lines are shown before and after the line
// of a diagnostic.
const excerptContext = 2

// Overlay renders the errors of a failed build for the browser: each
// with its file:line, the message and the source lines around it, the
// offending one marked. Everything from the site is escaped.
func Overlay(root string, ds diag.List) string {
	var b strings.Builder
	b.WriteString(`<div style="max-width:62rem;margin:0 auto">`)
	fmt.Fprintf(&b, `<h2 style="margin:0 0 .5rem;font-size:1.5rem;color:#ffd2d2">%s</h2>`, Heading)
	b.WriteString(`<p style="margin:0 0 1rem">Trang đang hiện là bản dựng thành công gần nhất. Sửa các lỗi dưới đây rồi lưu tệp: trang sẽ tự tải lại.</p>`)
	writeErrors(&b, root, ds)
	b.WriteString(`</div>`)
	return b.String()
}

// DraftPage is served at the URL of a draft whose errors did not stop
// the rest of the site: its errors, with their source lines, in place of
// the page. The live-reload script is added to it like to any page.
func DraftPage(root, source string, ds diag.List) []byte {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài nháp có lỗi</title></head>`)
	b.WriteString(`<body style="margin:0;padding:1rem;background:#2b0b0b;color:#fff;font:16px/1.5 system-ui,sans-serif"><div style="max-width:62rem;margin:0 auto">`)
	fmt.Fprintf(&b, `<h1 style="margin:0 0 .5rem;font-size:1.5rem;color:#ffd2d2">Bài nháp %s có lỗi</h1>`, html.EscapeString(source))
	b.WriteString(`<p style="margin:0 0 1rem">Các trang khác của chuyên mục vẫn được dựng và xem được; lỗi của bài nháp không chặn việc đăng. Sửa các lỗi dưới đây rồi lưu tệp: trang sẽ tự tải lại.</p>`)
	writeErrors(&b, root, ds)
	b.WriteString(`</div></body></html>`)
	return []byte(b.String())
}

// writeErrors writes the errors of ds, at most maxShown.
func writeErrors(b *strings.Builder, root string, ds diag.List) {
	errs := errorsOnly(ds)
	for i, d := range errs {
		if i == maxShown {
			fmt.Fprintf(b, `<p>… và %d lỗi khác (xem trong cửa sổ dòng lệnh).</p>`, len(errs)-maxShown)
			break
		}
		b.WriteString(`<section style="margin:0 0 1.25rem">`)
		if pos := d.Pos.String(); pos != "" {
			fmt.Fprintf(b, `<p style="margin:0"><strong style="color:#ffe08a">%s</strong></p>`, html.EscapeString(pos))
		}
		msg := d.Message
		if d.Hint != "" {
			msg += " — " + d.Hint
		}
		fmt.Fprintf(b, `<p style="margin:.25rem 0">%s</p>`, html.EscapeString(msg))
		if lines := excerpt(root, d.Pos); len(lines) > 0 {
			b.WriteString(`<pre style="margin:0;padding:.5rem;background:#000;color:#eee;white-space:pre-wrap;font:14px/1.4 monospace">`)
			for _, l := range lines {
				if l.marked {
					fmt.Fprintf(b, `<mark style="background:#7a1f1f;color:#fff">%s</mark>`+"\n", html.EscapeString(l.text))
				} else {
					b.WriteString(html.EscapeString(l.text) + "\n")
				}
			}
			b.WriteString(`</pre>`)
		}
		b.WriteString(`</section>`)
	}
}

// Print prints each diagnostic in the usual format, followed
// for errors by the source lines around it.
func Print(w io.Writer, root string, ds diag.List) {
	for _, d := range ds {
		fmt.Fprintln(w, d.String())
		if d.Severity != diag.Error {
			continue
		}
		for _, l := range excerpt(root, d.Pos) {
			fmt.Fprintf(w, "    %s\n", l.text)
		}
	}
}

func errorsOnly(ds diag.List) diag.List {
	var out diag.List
	for _, d := range ds {
		if d.Severity == diag.Error {
			out = append(out, d)
		}
	}
	return out
}

type excerptLine struct {
	text   string // "  12 | the line", or "> 13 | the line" when marked
	marked bool
}

// maxLineRunes cuts very long lines (a pasted paragraph is one line).
const maxLineRunes = 200

// excerpt reads the lines around pos from the site's file. A position
// without a line, a file outside the site or one that cannot be read
// gives nothing: the message alone still names the place.
func excerpt(root string, pos diag.Position) []excerptLine {
	if pos.File == "" || pos.Line <= 0 || !filepath.IsLocal(filepath.FromSlash(pos.File)) {
		return nil
	}
	f, err := os.Open(filepath.Join(root, filepath.FromSlash(pos.File)))
	if err != nil {
		return nil
	}
	defer f.Close()
	first, last := max(1, pos.Line-excerptContext), pos.Line+excerptContext
	width := len(fmt.Sprint(last))
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var out []excerptLine
	for n := 1; n <= last && sc.Scan(); n++ {
		if n < first {
			continue
		}
		text := strings.TrimRight(sc.Text(), "\r")
		if r := []rune(text); len(r) > maxLineRunes {
			text = string(r[:maxLineRunes]) + "…"
		}
		mark := "  "
		if n == pos.Line {
			mark = "> "
		}
		out = append(out, excerptLine{text: fmt.Sprintf("%s%*d | %s", mark, width, n, text), marked: n == pos.Line})
	}
	return out
}
