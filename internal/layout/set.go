// Package layout is the html/template set that renders every page: the
// theme's layouts embedded in the binary, overridden file by file by the
// site's own layouts/, and the functions templates may call.
//
// A page layout is layouts/<name>.html. It is parsed once, on a clone of
// layouts/baseof.html and every layouts/partials/*.html, so that it can
// {{define "main"}} the part the base leaves open. A layout whose top level
// holds more than definitions (the alias redirect page) is executed itself
// instead of the base. Partials are called by their path:
// {{template "partials/head.html" .}}.
package layout

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"

	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/viet"
)

// Env is what the template functions need to know of the site.
type Env struct {
	BasePath string            // "/cchc/": every internal link is BasePath+rel
	BaseURL  string            // "https://dienchau.example/cchc/" or "" (then abs = BasePath+rel)
	Assets   map[string]string // the assets manifest: "css/style.css" → "assets/css/style.<hash>.css"
	Topics   []TopicLink       // the whole vocabulary, for the topic function
}

// Set holds one parsed template per page layout. A Set renders one build
// of one site: partialCached keeps what it rendered, so every Data given
// to Execute must carry the same Site.
type Set struct {
	pages    map[string]*template.Template // by page name: "article"
	entry    map[string]string             // template to execute: "baseof.html" or the layout's own file
	fromSite map[string]bool               // layout file ("article.html") → the site provides it

	// root holds the base and the partials; partialCached executes from it.
	root *template.Template
	// cached memoises partialCached: a card appears on its section list,
	// each of its topic lists and the home page, and the header is the
	// same on every article; rendering each once is a large share of a
	// big site's template time.
	cached sync.Map // name + variant key → template.HTML
}

// partialCached renders partial name with data once per build for each
// variant key, like Hugo's function of the same name:
// {{partialCached "partials/card.html" (dict "Page" . "Heading" 2) .URL 2}}.
// The keys must name everything the output depends on besides the site.
func (s *Set) partialCached(name string, data any, keys ...any) (template.HTML, error) {
	var k strings.Builder
	k.WriteString(name)
	for _, key := range keys {
		k.WriteByte(0)
		switch key := key.(type) { // the usual keys without fmt: this runs for every card and related item
		case string:
			k.WriteString(key)
		case int:
			k.WriteString(strconv.Itoa(key))
		default:
			fmt.Fprint(&k, key)
		}
	}
	if html, ok := s.cached.Load(k.String()); ok {
		return html.(template.HTML), nil
	}
	var buf strings.Builder
	if err := s.root.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	html := template.HTML(buf.String())
	s.cached.Store(k.String(), html)
	return html, nil
}

// base is the layout every page layout is parsed on.
const base = "baseof.html"

// requiredPages are the layouts the build executes; a theme must have them.
func requiredPages() []string {
	return []string{"home", "article", "page", "section", "topic", "topics", "404", "alias"}
}

// New parses the layouts of theme overlaid by site (both rooted at a site
// root; site may be nil). Every parse and escaping error is reported with
// its file and line; the Set is nil when there is any.
func New(theme, site fs.FS, env Env) (*Set, diag.List) {
	env = normalize(env)
	files, diags := readLayouts(theme, site)
	s := &Set{
		pages:    make(map[string]*template.Template),
		entry:    make(map[string]string),
		fromSite: make(map[string]bool, len(files)),
	}
	for name, f := range files {
		s.fromSite[name] = f.fromSite
	}

	root := template.New(base).Funcs(funcs(env, s.partialCached))
	s.root = root
	if f, ok := files[base]; ok {
		s.parse(root, base, f.text, &diags)
	} else {
		diags.Errorf(diag.Position{File: "layouts/" + base}, "thêm tệp này vào thư mục layouts/", "thiếu mẫu khung trang")
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if strings.HasPrefix(name, "partials/") {
			s.parse(root.New(name), name, files[name].text, &diags)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if name == base || strings.Contains(name, "/") {
			continue
		}
		t, err := root.Clone()
		if err != nil { // only after an Execute, which has not happened
			panic(err)
		}
		if s.parse(t.New(name), name, files[name].text, &diags) {
			page := strings.TrimSuffix(name, ".html")
			s.pages[page] = t
			s.entry[page] = base
			if tree := t.Lookup(name).Tree; tree != nil && !parse.IsEmptyTree(tree.Root) {
				s.entry[page] = name
			}
		}
	}
	for _, page := range requiredPages() {
		if _, ok := files[page+".html"]; !ok {
			diags.Errorf(diag.Position{File: "layouts/" + page + ".html"}, "thêm tệp này vào thư mục layouts/", "thiếu mẫu trang %q", page)
		}
	}
	if !diags.HasErrors() { // escaping a broken set reports only echoes of the first error
		s.escapeAll(&diags)
		s.cached.Clear() // escapeAll ran the partials on empty data
	}
	diags.Sort()
	if diags.HasErrors() {
		return nil, diags
	}
	return s, diags
}

// normalize makes BasePath "/…/" and BaseURL end in "/" so that the
// functions can simply concatenate.
func normalize(env Env) Env {
	env.BasePath = "/" + strings.Trim(env.BasePath, "/") + "/"
	if env.BasePath == "//" {
		env.BasePath = "/"
	}
	if env.BaseURL != "" && !strings.HasSuffix(env.BaseURL, "/") {
		env.BaseURL += "/"
	}
	return env
}

// parse adds text to t, reporting a parse error; it returns whether it parsed.
func (s *Set) parse(t *template.Template, name, text string, diags *diag.List) bool {
	if _, err := t.Parse(text); err != nil {
		diags.Add(s.diagnostic(err, name, "mẫu trang sai cú pháp", hintFor(err)))
		return false
	}
	return true
}

// escapeAll runs html/template's contextual escaping on every page now,
// which it would otherwise do at the first Execute, so that its errors
// (an unclosed tag, an action inside an attribute name…) come out as
// diagnostics. Only escaping errors count: the empty data fails on purpose.
func (s *Set) escapeAll(diags *diag.List) {
	const what, hint = "mẫu trang không an toàn để sinh HTML", "kiểm tra các thẻ HTML và dấu ngoặc kép của thuộc tính quanh vị trí này"
	for _, page := range slices.Sorted(maps.Keys(s.pages)) {
		err := s.pages[page].ExecuteTemplate(io.Discard, s.entry[page], &Data{Site: &SiteData{}})
		escErr, ok := errors.AsType[*template.Error](err)
		switch {
		case !ok:
		case escErr.ErrorCode == template.ErrEndContext:
			// The page ends inside a tag or attribute it opened.
			diags.Add(s.diagnostic(errors.New("trang kết thúc khi một thẻ hoặc thuộc tính HTML chưa đóng"), page+".html", what, hint))
		case escErr.Node != nil: // the text names file, line and column
			diags.Add(s.diagnostic(err, page+".html", what, hint))
		case escErr.Line > 0:
			diags.Add(s.diagnostic(fmt.Errorf("template: %s:%d: %s", escErr.Name, escErr.Line, escErr.Description), "", what, hint))
		default:
			// Without a line, the context went wrong somewhere in this page's
			// own layout: the base and partials escape fine for the others.
			diags.Add(s.diagnostic(errors.New(escErr.Description), page+".html", what, hint))
		}
	}
}

// Execute renders page layout name ("article") with d to w. It is safe to
// call from several goroutines at once.
func (s *Set) Execute(w io.Writer, name string, d *Data) error {
	t, ok := s.pages[name]
	if !ok {
		return fmt.Errorf("không có mẫu trang %q (layouts/%s.html)", name, name)
	}
	return t.ExecuteTemplate(w, s.entry[name], d)
}

// Diagnostic turns an error from Execute into a diagnostic at the layout
// file and line where it happened.
func (s *Set) Diagnostic(err error) diag.Diagnostic {
	return s.diagnostic(err, "", "không dựng được trang theo mẫu",
		"kiểm tra tên trường, tên hàm và giá trị có thể trống (dùng {{with}}) ở vị trí này")
}

// layoutFile is one file of layouts/ after the overlay.
type layoutFile struct {
	text     string
	fromSite bool
}

// readLayouts reads layouts/*.html and layouts/partials/*.html of theme,
// then of site, so that a site file replaces the theme's with the same
// path. Keys are paths below layouts/.
func readLayouts(theme, site fs.FS) (map[string]layoutFile, diag.List) {
	files := make(map[string]layoutFile)
	var diags diag.List
	if cfg := hugoConfig(site); cfg != "" {
		if _, err := fs.Stat(site, "layouts"); err == nil {
			diags.Warnf(diag.Position{File: "layouts/"}, "để ghi đè mẫu của cchc, dùng một thư mục site không có cấu hình Hugo",
				"bỏ qua thư mục layouts/: đây là mẫu của Hugo (site có tệp %s), cchc dùng mẫu mặc định", cfg)
		}
		site = nil
	}
	for i, fsys := range []fs.FS{theme, site} {
		if fsys == nil {
			continue
		}
		for _, pattern := range []string{"layouts/*.html", "layouts/partials/*.html"} {
			paths, _ := fs.Glob(fsys, pattern) // the patterns are valid
			for _, p := range paths {
				data, err := fs.ReadFile(fsys, p)
				if err != nil {
					diags.Errorf(diag.Position{File: p}, "kiểm tra quyền đọc của tệp", "không đọc được mẫu trang: %v", err)
					continue
				}
				files[strings.TrimPrefix(p, "layouts/")] = layoutFile{text: viet.NFC(string(data)), fromSite: i == 1}
			}
		}
	}
	return files, diags
}

// hugoConfig returns the name of a Hugo configuration file at the site
// root, or "". A site that Hugo also builds (a commune moving from Hugo,
// or the benchmark corpus) has Hugo's templates in layouts/; they use
// Hugo's functions and data and could never run here.
func hugoConfig(site fs.FS) string {
	if site == nil {
		return ""
	}
	for _, name := range []string{"hugo.toml", "hugo.yaml", "hugo.json", "config.toml"} {
		if _, err := fs.Stat(site, name); err == nil {
			return name
		}
	}
	return ""
}
