// Package warnpanel lays out, for the preview server, the warnings of a
// build (the build's own and the editorial rules') as an editor reads
// them while writing: a discreet panel on the page made from the file
// they concern, and a page that lists them all. Both are plain HTML with
// no script, so that the live-reload client morphs them in place with the
// rest of the page; the panel is a <details>, which the keyboard opens
// and closes without help. Nothing of it reaches `cchc build`.
package warnpanel

import (
	"fmt"
	"html"
	"maps"
	"slices"
	"strings"

	"github.com/cchc-vn/cchc/internal/diag"
)

// ID is the id of the panel's element; the <details> inside is ID+"-hop".
const ID = "cchc-canh-bao"

// maxShown bounds the warnings listed in a panel: the list page has the
// rest.
const maxShown = 20

// Warnings are the warnings of one build, by the file they concern.
// Read only once made.
type Warnings struct {
	byFile map[string]diag.List
	files  []string // sorted
	total  int
}

// New keeps the warnings of ds (not errors, nor notes), in ds's order.
func New(ds diag.List) *Warnings {
	w := &Warnings{byFile: map[string]diag.List{}}
	for _, d := range ds {
		if d.Severity == diag.Warning {
			w.byFile[d.Pos.File] = append(w.byFile[d.Pos.File], d)
			w.total++
		}
	}
	w.files = slices.Sorted(maps.Keys(w.byFile))
	return w
}

// Of returns the warnings about file.
func (w *Warnings) Of(file string) diag.List { return w.byFile[file] }

// Total is the number of warnings, and of files they concern.
func (w *Warnings) Total() (warnings, files int) { return w.total, len(w.files) }

// Links are the addresses a panel and the list page point to.
type Links struct {
	List string // the list page
	// Page is the preview's page made from a source file, Edit the
	// writing desk's form for it; "" when there is none.
	Page, Edit func(source string) string
}

// Panel is the panel of the page made from source: its warnings, and a
// count of the others with a link to the list. home asks for the count
// alone when source has none (the home page tells of the whole site). ""
// when there is nothing to tell.
func (w *Warnings) Panel(source string, home bool, l Links) string {
	var own diag.List
	if source != "" { // a home page made from no file owns nothing
		own = w.byFile[source]
	}
	others, otherFiles := w.total-len(own), len(w.files)
	if len(own) > 0 {
		otherFiles--
	}
	if len(own) == 0 && (!home || others == 0) {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<aside id="%s" class="cchc-cb" aria-label="Cảnh báo biên tập"><style>%s</style>`, ID, panelCSS)
	fmt.Fprintf(&b, `<details id="%s-hop" data-cchc-nho>`, ID)
	if len(own) == 0 {
		fmt.Fprintf(&b, `<summary>Chuyên mục có %d cảnh báo ở %d tệp</summary><div class="cchc-cb-than" tabindex="0">`, others, otherFiles)
		fmt.Fprintf(&b, `<p>Trang này không có cảnh báo; các tệp khác có. Cảnh báo không chặn việc đăng bài, nhưng nên sửa.</p><p><a href="%s">Xem danh sách cảnh báo</a></p>`, html.EscapeString(l.List))
		b.WriteString(`</div></details></aside>`)
		return b.String()
	}
	fmt.Fprintf(&b, `<summary>Trang này có %d cảnh báo</summary><div class="cchc-cb-than" tabindex="0">`, len(own))
	fmt.Fprintf(&b, `<p>Trong tệp <code>%s</code>. Cảnh báo không chặn việc đăng bài, nhưng nên sửa; lưu tệp là khung này tự cập nhật.</p>`, html.EscapeString(source))
	writeItems(&b, own[:min(len(own), maxShown)])
	if len(own) > maxShown {
		fmt.Fprintf(&b, `<p>… và %d cảnh báo khác, trong <a href="%s">danh sách</a>.</p>`, len(own)-maxShown, html.EscapeString(l.List))
	}
	if edit := call(l.Edit, source); edit != "" {
		fmt.Fprintf(&b, `<p><a href="%s">Sửa bài này trên bàn soạn</a></p>`, html.EscapeString(edit))
	}
	if others > 0 {
		fmt.Fprintf(&b, `<p><a href="%s">Các tệp khác: %d cảnh báo ở %d tệp — xem danh sách</a></p>`, html.EscapeString(l.List), others, otherFiles)
	}
	b.WriteString(`</div></details></aside>`)
	return b.String()
}

// List is the page that lists every warning, by file, with links to the
// page of each file and to its form on the desk.
func (w *Warnings) List(l Links) []byte {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`)
	fmt.Fprintf(&b, `<title>Cảnh báo của chuyên mục</title><style>%s</style></head><body><main class="cchc-ds"><h1>Cảnh báo của chuyên mục</h1>`, listCSS)
	if w.total == 0 {
		b.WriteString(`<p>Không có cảnh báo nào. Trang này tự cập nhật mỗi khi lưu tệp.</p>`)
	} else {
		fmt.Fprintf(&b, `<p>%d cảnh báo ở %d tệp. Cảnh báo không chặn việc đăng bài, nhưng nên sửa; trang này tự cập nhật mỗi khi lưu tệp.</p>`, w.total, len(w.files))
	}
	for i, f := range w.files {
		name := f
		if name == "" {
			name = "(toàn chuyên mục)"
		}
		fmt.Fprintf(&b, `<section aria-labelledby="tep-%d"><h2 id="tep-%d"><code>%s</code></h2>`, i, i, html.EscapeString(name))
		var links []string
		if page := call(l.Page, f); page != "" {
			links = append(links, fmt.Sprintf(`<a href="%s">Xem trang</a>`, html.EscapeString(page)))
		}
		if edit := call(l.Edit, f); edit != "" {
			links = append(links, fmt.Sprintf(`<a href="%s">Sửa trên bàn soạn</a>`, html.EscapeString(edit)))
		}
		if len(links) > 0 {
			fmt.Fprintf(&b, `<p>%s</p>`, strings.Join(links, " · "))
		}
		writeItems(&b, w.byFile[f])
		b.WriteString(`</section>`)
	}
	b.WriteString(`</main></body></html>`)
	return []byte(b.String())
}

func call(f func(string) string, source string) string {
	if f == nil || source == "" {
		return ""
	}
	return f(source)
}

// writeItems lists warnings with their line and column, what is wrong
// and how to fix it.
func writeItems(b *strings.Builder, ds diag.List) {
	b.WriteString(`<ol>`)
	for _, d := range ds {
		b.WriteString(`<li>`)
		if d.Pos.Line > 0 {
			fmt.Fprintf(b, `<strong>Dòng %d`, d.Pos.Line)
			if d.Pos.Col > 0 {
				fmt.Fprintf(b, `, cột %d`, d.Pos.Col)
			}
			b.WriteString(`:</strong> `)
		}
		b.WriteString(html.EscapeString(d.Message))
		if d.Hint != "" {
			fmt.Fprintf(b, `<br><span class="cchc-cb-sua">Cách sửa: %s</span>`, html.EscapeString(d.Hint))
		}
		b.WriteString(`</li>`)
	}
	b.WriteString(`</ol>`)
}

// panelCSS places the panel in the bottom left corner, out of the way of
// the desk's "Sửa bài này" link in the other (on a phone, above it);
// open, it may cover that link (its own has the same). Every rule is under the panel's class, with
// its own fonts and colours, so that the site's styles neither change it
// nor are changed by it.
const panelCSS = `.cchc-cb{position:fixed;left:.75rem;bottom:.75rem;z-index:2147483001;max-width:min(34rem,calc(100vw - 1.5rem));margin:0;padding:0;` +
	`font:15px/1.45 system-ui,sans-serif;color:#1f1a00;text-align:left}` +
	`.cchc-cb details{margin:0;background:#fff8db;border:2px solid #8a6100;border-radius:.4rem;box-shadow:0 2px 8px rgba(0,0,0,.25)}` +
	`.cchc-cb summary{cursor:pointer;padding:.35rem .7rem;font-weight:600;color:#3d2e00}` +
	`.cchc-cb-than{max-height:min(60vh,30rem);overflow:auto;padding:0 .8rem .5rem;border-top:1px solid #d9bf5f}` +
	`.cchc-cb p{margin:.45rem 0}.cchc-cb ol{margin:.45rem 0;padding:0 0 0 1.4rem}.cchc-cb li{margin:0 0 .5rem}` +
	`.cchc-cb code{font:13px/1.4 ui-monospace,monospace;overflow-wrap:anywhere}` +
	`.cchc-cb a{color:#0b4f9c;text-decoration:underline}.cchc-cb-sua{color:#2b2400}` +
	`.cchc-cb summary:focus-visible,.cchc-cb a:focus-visible,.cchc-cb-than:focus-visible{outline:3px solid #0b4f9c;outline-offset:2px;box-shadow:none;background:none}` +
	`@media (max-width:30rem){.cchc-cb{bottom:3.25rem}}@media print{.cchc-cb{display:none}}`

// listCSS is the list page's.
const listCSS = `body{margin:0;background:#fff;color:#1a1a1a;font:16px/1.5 system-ui,sans-serif}` +
	`main{max-width:48rem;margin:0 auto;padding:1rem}h1{font-size:1.5rem;margin:0 0 .5rem}` +
	`h2{font-size:1.1rem;margin:1.5rem 0 .25rem;overflow-wrap:anywhere}` +
	`code{font:15px/1.4 ui-monospace,monospace}h2 code{font-size:1.05rem;font-weight:700}ol{padding-left:1.4rem}li{margin:0 0 .5rem}` +
	`a{color:#0b4f9c}a:focus-visible{outline:3px solid #0b4f9c;outline-offset:2px}`
