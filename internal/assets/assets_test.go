package assets

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

func testTheme() fstest.MapFS {
	return fstest.MapFS{
		"assets/css/style.css": file("/* theme */\nbody {\n  color: #000000;\n  background: url(\"../img/bg.svg#x\");\n}\n.logo { background-image: url( ../img/logo.png ); }\n.icon { background: url('../img/bg.svg?v=1'); }\n.remote { background: url(https://example.com/a.png), url(data:image/png;base64,AAAA); }\n"),
		"assets/img/bg.svg":    file("<svg xmlns=\"http://www.w3.org/2000/svg\"   width=\"10\" height=\"10\">\n  <!-- comment -->\n  <rect width=\"10\" height=\"10\" fill=\"#ff0000\"/>\n</svg>\n"),
		"assets/img/logo.png":  file("\x89PNG not really"),
		"assets/js/app.js":     file("function hello ( name ) {\n  // greet\n  return 'xin chào ' + name;\n}\n"),
		"assets/.DS_Store":     file("junk"),
		"assets/css/~$tmp.css": file("junk"),
	}
}

var fingerprinted = regexp.MustCompile(`^assets/(.+)\.([0-9a-f]{10})(\.[a-z]+)$`)

func TestBuildFingerprintsEveryFile(t *testing.T) {
	res, diags := Build(testTheme(), nil)
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	wantNames := []string{"css/style.css", "img/bg.svg", "img/logo.png", "js/app.js"}
	if got := len(res.Manifest); got != len(wantNames) {
		t.Fatalf("manifest has %d entries, want %d: %v", got, len(wantNames), res.Manifest)
	}
	for _, name := range wantNames {
		out, ok := res.Manifest[name]
		if !ok {
			t.Fatalf("manifest lacks %s", name)
		}
		m := fingerprinted.FindStringSubmatch(out)
		if m == nil || m[1]+m[3] != name {
			t.Errorf("output path %q does not fingerprint %q", out, name)
			continue
		}
		sum := sha256.Sum256(res.Files[out])
		if want := hex.EncodeToString(sum[:])[:10]; m[2] != want {
			t.Errorf("%s: hash %s, want %s (hash of the final bytes)", name, m[2], want)
		}
	}
	if len(res.Files) != len(wantNames) {
		t.Errorf("got %d files, want %d", len(res.Files), len(wantNames))
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	a, _ := Build(testTheme(), nil)
	for range 5 {
		b, _ := Build(testTheme(), nil)
		if !maps.Equal(a.Manifest, b.Manifest) || !maps.EqualFunc(a.Files, b.Files, func(x, y []byte) bool { return string(x) == string(y) }) {
			t.Fatal("two builds of the same input differ")
		}
	}
}

func TestBuildMinifies(t *testing.T) {
	res, _ := Build(testTheme(), nil)
	css := string(res.Files[res.Manifest["css/style.css"]])
	js := string(res.Files[res.Manifest["js/app.js"]])
	svg := string(res.Files[res.Manifest["img/bg.svg"]])
	for _, c := range []struct{ name, got, absent string }{
		{"css comment", css, "/* theme */"},
		{"css newline", css, "\n"},
		{"css long colour", css, "#000000"},
		{"js comment", js, "// greet"},
		{"js spaces", js, "hello ( name )"},
		{"svg comment", svg, "<!--"},
		{"svg spaces", svg, "   "},
	} {
		if strings.Contains(c.got, c.absent) {
			t.Errorf("%s: minified output still has %q: %q", c.name, c.absent, c.got)
		}
	}
	if png := res.Files[res.Manifest["img/logo.png"]]; string(png) != "\x89PNG not really" {
		t.Errorf("binary file changed: %q", png)
	}
}

func TestBuildRewritesCSSURLs(t *testing.T) {
	res, _ := Build(testTheme(), nil)
	css := string(res.Files[res.Manifest["css/style.css"]])
	bg := strings.TrimPrefix(res.Manifest["img/bg.svg"], "assets/img/")
	logo := strings.TrimPrefix(res.Manifest["img/logo.png"], "assets/img/")
	for _, want := range []string{
		"../img/" + bg + "#x",
		"../img/" + logo,
		"../img/" + bg + "?v=1",
		"https://example.com/a.png",
		"url(data:image/png", // the minifier may re-encode the data itself
	} {
		if !strings.Contains(css, want) {
			t.Errorf("stylesheet lacks %q:\n%s", want, css)
		}
	}
	if strings.Contains(css, "bg.svg") || strings.Contains(css, "logo.png") {
		t.Errorf("stylesheet still names an unfingerprinted file:\n%s", css)
	}
}

func TestBuildCSSPointingAtCSS(t *testing.T) {
	theme := fstest.MapFS{
		"assets/a.css":     file("@import url(sub/b.css);\n"),
		"assets/sub/b.css": file("p { background: url(../i.png) }"),
		"assets/i.png":     file("png"),
	}
	res, diags := Build(theme, nil)
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	a := string(res.Files[res.Manifest["a.css"]])
	if want := strings.TrimPrefix(res.Manifest["sub/b.css"], "assets/"); !strings.Contains(a, want) {
		t.Errorf("a.css = %q, want a reference to %s", a, want)
	}
}

func TestBuildSiteOverridesTheme(t *testing.T) {
	site := fstest.MapFS{
		"assets/img/logo.png": file("the commune's own logo"),
		"assets/img/new.svg":  file("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
	}
	res, diags := Build(testTheme(), site)
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if got := string(res.Files[res.Manifest["img/logo.png"]]); got != "the commune's own logo" {
		t.Errorf("logo = %q, want the site's file", got)
	}
	if _, ok := res.Manifest["img/new.svg"]; !ok {
		t.Error("a file only the site has is missing")
	}
	if _, ok := res.Manifest["css/style.css"]; !ok {
		t.Error("a theme file the site does not override is missing")
	}
	// The stylesheet points at the site's logo, whose hash differs.
	themeOnly, _ := Build(testTheme(), nil)
	if themeOnly.Manifest["css/style.css"] == res.Manifest["css/style.css"] {
		t.Error("stylesheet fingerprint did not change when an image it references changed")
	}
}

func TestBuildDiagnostics(t *testing.T) {
	site := fstest.MapFS{
		"assets/css/extra.css": file("p { color: red }\n\n.x { background: url(../img/khong-co.png) }\n"),
		"assets/js/bad.js":     file("function ( {"),
	}
	res, diags := Build(testTheme(), site)
	want := []string{
		"assets/css/extra.css:3: lỗi: url(../img/khong-co.png) trỏ tới tài nguyên không có: assets/img/khong-co.png — thêm tệp vào thư mục assets/ hoặc sửa đường dẫn (tính từ thư mục của tệp CSS)",
		"assets/js/bad.js:1:10: lỗi: không rút gọn được tệp JS: expected Identifier instead of ( in function declaration — sửa lỗi cú pháp ở vị trí này; tệp được giữ nguyên, chưa rút gọn",
	}
	if len(diags) != len(want) {
		t.Fatalf("got %d diagnostics, want %d:\n%v", len(diags), len(want), diags)
	}
	for i, d := range diags {
		if d.String() != want[i] {
			t.Errorf("diagnostic %d:\n got %s\nwant %s", i, d, want[i])
		}
	}
	if got := string(res.Files[res.Manifest["js/bad.js"]]); got != "function ( {" {
		t.Errorf("a file that failed to minify should be kept as is, got %q", got)
	}
}

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		"style.css": false, ".DS_Store": true, "~$bao-cao.docx": true, "a.css~": true,
		"a.css.swp": true, "#a.css#": true, "#": false, "so-1.png": false,
	} {
		if got := ignored(name); got != want {
			t.Errorf("ignored(%q) = %v, want %v", name, got, want)
		}
	}
}

func FuzzRewriteURLs(f *testing.F) {
	f.Add("a { background: url(../img/bg.svg) }")
	f.Add("a { background: url( 'x' ) } /* url(y) */")
	f.Add("url(")
	f.Fuzz(func(t *testing.T, css string) {
		b := &builder{
			sources: map[string][]byte{"css/s.css": []byte(css), "img/bg.svg": []byte("x")},
			min:     newMinifier(),
			state:   map[string]state{},
			result:  &Result{Files: map[string][]byte{}, Manifest: map[string]string{}},
		}
		b.process("css/s.css")
		if _, ok := b.result.Manifest["css/s.css"]; !ok {
			t.Fatal("stylesheet not published")
		}
	})
}
