// Package loadtest loads the small sites of tests, given as file contents,
// as the build loads a site.
package loadtest

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/load"
)

// Now is when the tests' sites are loaded unless opts says otherwise:
// 28/11/2026, 07:00 in Vietnam.
func Now() time.Time { return time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC) }

// Map loads the site made of files (path from the site root → contents)
// with cfg (config.Default() when nil) and opts (Now() when opts.Now is
// zero). It returns the site and each diagnostic as the editor reads it.
func Map(t testing.TB, files map[string]string, cfg *config.Config, opts load.Options) (*content.Site, []string) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	if cfg == nil {
		cfg = config.Default()
	}
	if opts.Now.IsZero() {
		opts.Now = Now()
	}
	site, ds := load.Site(fsys, cfg, opts)
	var msgs []string
	for _, d := range ds {
		msgs = append(msgs, d.String())
	}
	return site, msgs
}
