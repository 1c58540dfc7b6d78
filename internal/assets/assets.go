// Package assets turns the theme's and the site's assets/ folders into the
// files a build publishes: CSS, JS and SVG minified, every file fingerprinted
// by content hash (so it can be cached for ever), and a manifest that maps
// the name a template asks for ("css/style.css") to the published path
// ("assets/css/style.3fa81c02de.css").
//
// The site's files override the theme's file by file; CSS url() references
// to other assets are rewritten to their fingerprinted names. The result is
// a pure function of the two file systems.
package assets

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/parse/v2"

	"github.com/cchc-vn/cchc/internal/diag"
)

// Dir is the folder, relative to a site root, that holds assets.
const Dir = "assets"

// hashLen is how many hex digits of the SHA-256 name a file version.
const hashLen = 10

// Result is the published form of the assets.
type Result struct {
	// Files maps the output path below the base path
	// ("assets/css/style.3fa81c02de.css") to its bytes.
	Files map[string][]byte
	// Manifest maps the name below assets/ ("css/style.css") to its
	// output path.
	Manifest map[string]string
}

// Build reads assets/ from theme and site (both rooted at a site root; site
// may be nil or lack the folder), overlays site over theme, minifies and
// fingerprints every file. Diagnostics report minify failures and CSS
// url() references to files that do not exist; the files are still
// produced so that one run reports every problem.
func Build(theme, site fs.FS) (*Result, diag.List) {
	sources, diags := collect(theme, site)
	b := &builder{
		sources: sources,
		min:     newMinifier(),
		state:   make(map[string]state, len(sources)),
		result:  &Result{Files: make(map[string][]byte), Manifest: make(map[string]string)},
	}
	b.diags = diags
	names := make([]string, 0, len(sources))
	for name := range sources {
		names = append(names, name)
	}
	slices.Sort(names)
	// Everything a stylesheet can point at is fingerprinted before the
	// stylesheets themselves, so their url()s can be rewritten.
	for _, name := range names {
		if !isCSS(name) {
			b.process(name)
		}
	}
	for _, name := range names {
		if isCSS(name) {
			b.process(name)
		}
	}
	b.diags.Sort()
	return b.result, b.diags
}

type state int

const (
	todo state = iota
	busy       // being processed: seeing it again means a url() cycle
	done
)

type builder struct {
	sources map[string][]byte // name below assets/ → original bytes
	min     *minify.M
	state   map[string]state
	result  *Result
	diags   diag.List
}

// process minifies and fingerprints one asset, once.
func (b *builder) process(name string) {
	if b.state[name] != todo {
		return
	}
	b.state[name] = busy
	data := b.sources[name]
	if isCSS(name) {
		data = b.rewriteURLs(name, data)
	}
	data = b.minify(name, data)
	out := fingerprint(name, data)
	b.result.Files[out] = data
	b.result.Manifest[name] = out
	b.state[name] = done
}

func newMinifier() *minify.M {
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	return m
}

var mediaTypes = map[string]string{
	".css": "text/css",
	".js":  "application/javascript",
	".mjs": "application/javascript",
	".svg": "image/svg+xml",
}

// minify returns data minified when its type has a minifier; on failure it
// reports the problem and keeps the original bytes.
func (b *builder) minify(name string, data []byte) []byte {
	mediaType, ok := mediaTypes[strings.ToLower(path.Ext(name))]
	if !ok {
		return data
	}
	out, err := b.min.Bytes(mediaType, data)
	if err == nil {
		return out
	}
	pos := diag.Position{File: path.Join(Dir, name)}
	msg := err.Error()
	if perr, ok := errors.AsType[*parse.Error](err); ok {
		pos.Line, pos.Col, msg = perr.Line, perr.Column, perr.Message
	}
	b.diags.Errorf(pos, "sửa lỗi cú pháp ở vị trí này; tệp được giữ nguyên, chưa rút gọn",
		"không rút gọn được tệp %s: %s", strings.ToUpper(strings.TrimPrefix(path.Ext(name), ".")), msg)
	return data
}

// fingerprint gives the output path of name with the hash of data:
// "css/style.css" → "assets/css/style.3fa81c02de.css".
func fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])[:hashLen]
	ext := path.Ext(name)
	base := strings.TrimSuffix(name, ext)
	if strings.HasSuffix(base, "/") || base == "" { // a dot file such as ".htaccess" is skipped earlier; keep the guard
		return path.Join(Dir, name+"."+hash)
	}
	return path.Join(Dir, base+"."+hash+ext)
}

func isCSS(name string) bool { return strings.EqualFold(path.Ext(name), ".css") }
