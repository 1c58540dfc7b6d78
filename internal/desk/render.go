package desk

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/deskform"
)

// The desk's own pages and their files, embedded: nothing is loaded from
// elsewhere (turndown and its GFM plugin are vendored under
// assets/vendor/ with their licences).
//
//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets
var assetFS embed.FS

// assetDir is where the desk's files are served, below the desk.
const assetDir = "tai-nguyen/"

func parseTemplates() (*template.Template, error) {
	funcs := template.FuncMap{
		"join":  strings.Join,
		"ctrl":  func(c deskform.Control) string { return string(c) },
		"plus1": func(i int) int { return i + 1 },
	}
	return template.New("").Funcs(funcs).ParseFS(templateFS, "templates/*.html")
}

// page is what the layout of every desk page receives.
type page struct {
	Title string
	Token string
	Name  string // the template of the main part
	Base  string // the site's base path
	Data  any
}

func (d *Desk) render(w http.ResponseWriter, r *http.Request, name, title string, data any) {
	d.renderStatus(w, r, http.StatusOK, name, title, data)
}

func (d *Desk) renderStatus(w http.ResponseWriter, r *http.Request, status int, name, title string, data any) {
	var buf bytes.Buffer
	p := page{Title: title, Token: d.token, Name: name, Base: d.opts.Host.Last().Base, Data: data}
	if err := d.pages.ExecuteTemplate(&buf, "layout", p); err != nil {
		http.Error(w, "Lỗi khi dựng trang của bàn soạn bài: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}

func (d *Desk) renderError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	d.renderStatus(w, r, status, "error", "Không mở được trang", msg)
}

// newData is the page that asks a new page's first text.
type newData struct {
	Section, SectionTitle, Ask string
}

func (d *Desk) serveNew(w http.ResponseWriter, r *http.Request) {
	sec := r.URL.Query().Get("muc")
	folder, err := d.files.Folder(content.ContentDir + "/" + sec)
	if sec == "" || err != nil || !folder.Exists || strings.Contains(sec, "/") {
		d.renderError(w, r, http.StatusBadRequest, "Không có mục "+strconv.Quote(sec)+" trong content/.")
		return
	}
	title := sectionTitle(d.opts.Host.Last().Site, sec)
	d.render(w, r, "new", "Bài mới trong mục "+title, newData{Section: sec, SectionTitle: title, Ask: deskform.NewTitle(sec)})
}

var assetTypes = map[string]string{
	".css": "text/css; charset=utf-8",
	".js":  "text/javascript; charset=utf-8",
	".txt": "text/plain; charset=utf-8",
	"":     "text/plain; charset=utf-8", // the licence files
}

func serveAsset(w http.ResponseWriter, r *http.Request, name string) {
	data, err := fs.ReadFile(assetFS, path.Join("assets", name))
	ctype, known := assetTypes[path.Ext(name)]
	if err != nil || !known || strings.Contains(name, "..") {
		http.Error(w, "Không có tệp này.", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}
