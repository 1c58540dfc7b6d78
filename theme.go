// Package cchc carries the generator's default theme: the templates under
// layouts/ and the stylesheets and images under assets/, embedded so that a
// site with only a content/ folder builds. A site's own layouts/ and assets/
// override these file by file.
package cchc

import (
	"embed"
	"io/fs"
)

//go:embed layouts assets
var theme embed.FS

// Theme returns the default theme, rooted like a site: its files are under
// layouts/ and assets/.
func Theme() fs.FS { return theme }
