// Package desk is the writing desk ("Bàn soạn bài") of `cchc serve`: the
// pages under <base>/_soan/ where a writer lists the site's pages, opens
// one in a form made of its section's fields, sees it rendered by the real
// pipeline and the site's templates as they type, with every diagnostic of
// build and check beside its field, and saves it.
//
// The desk knows nothing of how the site is served. The preview server
// hands it a Host: the last build, and a build of one page with its text
// replaced in memory. The desk reads and writes files only through
// deskfile, which keeps every path inside content/, and edits front matter
// only through deskform and frontedit, which keep the file's own layout.
//
// Every request that changes something (POST) must carry the per-process
// token of the desk's pages (header X-Cchc-Token) and an Origin header of
// the server's own origin; the server has already checked the Host header
// against DNS rebinding. When the server listens beyond this machine the
// desk also asks for a password (HTTP Basic).
package desk

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/deskfile"
	"github.com/cchc-vn/cchc/internal/diag"
)

// Host is what the desk needs from the preview server.
type Host interface {
	// Last is the most recent build of the site, good or failed.
	Last() Build
	// Preview builds the site with the file at path (relative to the site
	// root, as the disk spells it: deskfile.Path.FS) holding src instead
	// of what the disk holds, or added when it is new, and renders only
	// that page (pipeline.Options.Page).
	Preview(ctx context.Context, path string, src []byte) (Preview, error)
}

// Build is one build of the site as the desk reads it.
type Build struct {
	Config *config.Config // nil when site.yaml could not be read
	Site   *content.Site  // nil when content/ could not be loaded
	Diags  diag.List      // every diagnostic of the build
	Base   string         // the base path, "/cchc/"
}

// Preview is a build of one page.
type Preview struct {
	HTML  []byte        // the page, or nil when it could not be made
	Diags diag.List     // every diagnostic of that build
	Site  *content.Site // the site as built with the page's text, or nil
}

// Importer turns a Word document dropped into a page's body into
// Markdown for a page of section, with the files (images) its Markdown
// refers to by name and notes on what it could not carry over. org is
// the site's organisation, as the last build read site.yaml: it names
// the issuer of a document that names none. The command `cchc import`
// provides one; without it the desk says so.
type Importer func(docx []byte, section, org string) (markdown []byte, files map[string][]byte, notes []string, err error)

// Options configure a Desk.
type Options struct {
	Root     string // the site folder
	Host     Host
	Importer Importer // nil: dropping a .docx says to use `cchc import`
	// Password, when set, is asked (HTTP Basic, any user name) before
	// anything is shown: the server listens beyond this machine.
	Password string
	Now      func() time.Time // nil is time.Now
}

// Desk serves the writing desk. Create it with New.
type Desk struct {
	opts  Options
	files *deskfile.Root
	token string
	pages *template.Template
	// writing serialises the changes to files: a Save compares the file
	// with what the form was made from, then replaces it, with no other
	// change of the desk in between.
	writing sync.Mutex
}

// New makes the desk of the site at opts.Root.
func New(opts Options) (*Desk, error) {
	if opts.Host == nil {
		return nil, errors.New("desk: no host")
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	files, err := deskfile.New(opts.Root)
	if err != nil {
		return nil, err
	}
	pages, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	return &Desk{opts: opts, files: files, token: newToken(), pages: pages}, nil
}

// newToken is the per-process secret the desk's pages send back with
// every change. A page of another origin cannot read it.
func newToken() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand)
	return hex.EncodeToString(b)
}

// Prefix is the desk's folder below the site's base path.
const Prefix = "_soan/"

// EditPath is the path, below the base path, of the form for the page
// made from source ("content/bai-viet/x.md").
func EditPath(source string) string {
	return Prefix + "sua?tep=" + url.QueryEscape(source)
}

// Serve answers a request for sub, the path below <base>/_soan/.
func (d *Desk) Serve(w http.ResponseWriter, r *http.Request, sub string) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	// The preview is an iframe of this origin (srcdoc), so it runs under
	// this policy too: its scripts are off (sandbox), its styles and
	// images come from the site.
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "+
		"script-src 'self'; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	if d.opts.Password != "" && !d.authorized(r) {
		h.Set("WWW-Authenticate", `Basic realm="Ban soan bai", charset="UTF-8"`)
		http.Error(w, "Bàn soạn bài cần mật khẩu: mật khẩu được in trong cửa sổ dòng lệnh đã chạy cchc serve.", http.StatusUnauthorized)
		return
	}
	if r.Method == http.MethodPost {
		if msg := d.refuseChange(r); msg != "" {
			jsonError(w, http.StatusForbidden, msg, "")
			return
		}
		d.servePost(w, r, sub)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD, POST")
		http.Error(w, "Bàn soạn bài chỉ nhận GET, HEAD và POST.", http.StatusMethodNotAllowed)
		return
	}
	switch {
	case sub == "":
		d.serveList(w, r)
	case sub == "moi":
		d.serveNew(w, r)
	case sub == "sua":
		d.serveForm(w, r)
	case sub == "trang.json":
		d.servePages(w, r)
	case strings.HasPrefix(sub, assetDir):
		serveAsset(w, r, strings.TrimPrefix(sub, assetDir))
	default:
		http.Error(w, "Không có trang này trong bàn soạn bài.", http.StatusNotFound)
	}
}

func (d *Desk) servePost(w http.ResponseWriter, r *http.Request, sub string) {
	switch sub {
	case "xem-truoc":
		d.servePreview(w, r)
	case "luu":
		d.serveSave(w, r)
	case "tai-len":
		d.serveUpload(w, r)
	case "nhap-word":
		d.serveImport(w, r)
	default:
		jsonError(w, http.StatusNotFound, "Không có thao tác này trong bàn soạn bài.", "")
	}
}

// authorized checks the password of HTTP Basic, in constant time.
func (d *Desk) authorized(r *http.Request) bool {
	_, pass, ok := r.BasicAuth()
	return ok && subtle.ConstantTimeCompare([]byte(pass), []byte(d.opts.Password)) == 1
}

// refuseChange says why a request that changes something is refused, or
// "": it must come from a page of the desk (the token) in this origin.
func (d *Desk) refuseChange(r *http.Request) string {
	if subtle.ConstantTimeCompare([]byte(r.Header.Get("X-Cchc-Token")), []byte(d.token)) != 1 {
		return "Yêu cầu không có mã của bàn soạn bài (có thể trang đã cũ vì máy chủ vừa khởi động lại): tải lại trang rồi thử lại."
	}
	switch origin := r.Header.Get("Origin"); {
	case origin == "":
		return "Yêu cầu không cho biết trang gửi nó (thiếu tiêu đề Origin): bàn soạn bài chỉ nhận thay đổi từ trang của chính nó."
	case origin != "http://"+r.Host:
		return "Yêu cầu đến từ một trang khác (" + origin + "), không phải từ bàn soạn bài: bị từ chối."
	}
	return ""
}
