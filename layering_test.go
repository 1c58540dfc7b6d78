package cchc

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// layers ranks the packages of the generator: a package may import only
// packages of a lower rank, so data flows one way (DESIGN.md). Go forbids
// cycles; this forbids a leaf reaching up, such as content importing
// markdown or layout, or anything importing pipeline.
var layers = map[string]int{
	"browsertest": 0,
	"chart":       0,
	"qrsvg":       0,
	"qrtest":      0,
	"diag":        0,
	"fingerprint": 0,
	"viet":        0,
	"admindoc":    1, // the values of administrative documents; viet folds and slugs them
	"publish":     0,
	"cache":       0,
	"watch":       0,
	"legacy":      0,
	"livereload":  0,
	"workers":     0, // the one pool of a build's parallel stages
	"linescan":    0, // line ends and byte tests, shared by the front-matter editors
	"yamlsyntax":  1,
	"feed":        1,
	"frontedit":   4, // splits a page and dispatches its front matter to the editor of its format
	"yamledit":    2, // edits a YAML front matter in place; yamlsyntax explains its syntax errors
	"tomledit":    3, // edits a TOML front matter in place; matter reads it as the loader does
	"assets":      1,
	"config":      2,
	"chartspec":   2, // reads specs; yamlsyntax explains their syntax errors
	"matter":      2, // front matter text → positioned fields; yamlsyntax explains YAML errors
	"content":     3,
	"pagefields":  4, // decodes front matter fields into content's Page
	"load":        5, // reads content/: matter, then pagefields, then content.Index
	"scaffold":    4, // names the sections by content's constants
	"newsite":     3,
	"mdcheck":     0, // what editors write wrong in a body, at byte offsets; markdown places them at lines
	"markdown":    3, // draws the charts of ```bieu-do blocks
	"links":       4, // resolves a body's links, images, chart data and citations against the index
	"jsonld":      4, // a page's schema.org structured data
	"ooxml":       0,
	"wordstyle":   1, // styles.xml and numbering.xml: what a paragraph is, how Word counts its list
	"docx":        2, // reads the body; wordstyle resolves what its paragraphs refer to
	"wordmd":      3,
	"wordimport":  5,
	"layout":      4,
	"report":      6, // loads the site as the build does
	"reportfile":  7,
	"deskfile":    4,
	"plan":        7, // lists every output file with its template and data; renders nothing
	"pipeline":    8,
	"rules":       4, // editorial warnings over the loaded site: check, serve and the desk run them
	"warnpanel":   1,
	"errorpage":   1, // the preview's errors: overlay, a broken draft's page, the terminal
	"check":       9,
	"deskform":    7,
	"desk":        8,
	"serve":       9,

	// The search, from its text layer to the index that pipeline writes.
	"searchtoken":  0, // the tokens and keys both the index and a query use
	"searchformat": 1, // the index files: what search writes and search.js reads
	"search":       2,
	"searchquery":  2, // the Go reference of search.js's query; only tests use it
}

func TestPackagesImportOnlyLowerLayers(t *testing.T) {
	const prefix = "github.com/cchc-vn/cchc/internal/"
	dirs, err := os.ReadDir("internal")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		rank, ok := layers[d.Name()]
		if !ok {
			t.Errorf("internal/%s has no layer: add it to layers", d.Name())
			continue
		}
		files, _ := filepath.Glob(filepath.Join("internal", d.Name(), "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			ast, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range ast.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				dep, ok := strings.CutPrefix(path, prefix)
				if !ok {
					continue
				}
				if depRank, known := layers[dep]; !known || depRank >= rank {
					t.Errorf("%s imports internal/%s: only lower layers may be imported", f, dep)
				}
			}
		}
	}
}

// TestOnlyWorkersSizesPools: a pool sized by the number of cores belongs
// in internal/workers, whose Pool every stage of a build shares, so that
// pipeline.Options.Workers bounds them all. A stage that asked the runtime
// itself would escape that bound.
func TestOnlyWorkersSizesPools(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("internal", "*", "*.go"))
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || filepath.Base(filepath.Dir(f)) == "workers" {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(src), "runtime.GOMAXPROCS") || strings.Contains(string(src), "runtime.NumCPU") {
			t.Errorf("%s sizes a pool by the cores: use a *workers.Pool handed down by the build", f)
		}
	}
}
