package links

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/cchc-vn/cchc/internal/chartspec"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/viet"
)

// DataDir is the site's folder of chart data shared by several pages.
const DataDir = "data"

// ChartFiles reads the data files p's charts name (`du_lieu: pci.csv`):
// the file beside the page (in its bundle, or its section's folder), else
// the one in the site's data/ folder ("data/pci.csv" names it too), read
// from fsys, the site root. Names match exactly, letter case included, as
// on the web server; one that differs only in case is suggested.
func (l *Resolver) ChartFiles(fsys fs.FS, p *content.Page) chartspec.Files {
	return func(name string) ([]byte, string, error) {
		name = viet.NFC(name)
		rel := path.Join(p.Dir, name)
		if u, ok := l.filesBySource[rel]; ok {
			f := l.site.FileByURL[u]
			data, err := fs.ReadFile(fsys, f.FSPath())
			return data, f.Source, err
		}
		shared := path.Join(DataDir, strings.TrimPrefix(name, DataDir+"/"))
		data, near, err := readExact(fsys, shared)
		switch {
		case err == nil:
			return data, shared, nil
		case !errors.Is(err, fs.ErrNotExist):
			return nil, "", err
		}
		for src := range l.filesBySource {
			if strings.EqualFold(src, rel) && (near == "" || src < near) {
				near = strings.TrimPrefix(src, p.Dir+"/")
			}
		}
		return nil, "", &chartspec.NotFoundError{Name: name, Near: near}
	}
}

// readExact reads name from fsys only when its last element is spelled
// exactly so (Windows and macOS find "PCI.csv" for "pci.csv", the web
// server would not); near is then the spelling on disk, relative to
// data/ as the editor would write it.
func readExact(fsys fs.FS, name string) (data []byte, near string, err error) {
	entries, err := fs.ReadDir(fsys, path.Dir(name))
	if err != nil {
		return nil, "", err
	}
	base := path.Base(name)
	for _, e := range entries {
		switch got := viet.NFC(e.Name()); {
		case got == base && !e.IsDir():
			data, err := fs.ReadFile(fsys, path.Join(path.Dir(name), e.Name()))
			return data, "", err
		case strings.EqualFold(got, base):
			near = strings.TrimPrefix(path.Join(path.Dir(name), got), DataDir+"/")
		}
	}
	return nil, near, fs.ErrNotExist
}

// IsChartData reports whether a file of content/ may be a chart's data:
// its bytes, not only its size, are part of the cache keys.
func IsChartData(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".csv", ".yaml", ".yml":
		return true
	}
	return false
}
