package load

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
)

// ParseCache keeps parsed Markdown files between loads of the same site,
// for a process that loads again after every edit (the preview server): a
// file whose size and modification time have not changed is not read or
// parsed again. A time stamp is coarse on some disks (2 s on FAT, USB
// sticks and some network shares): a file saved again within that window
// at the same size would look unchanged, so a file whose modification
// time is not well before its entry was made is read again ("racily
// clean", as git calls it). Safe for concurrent use. The zero value is
// ready.
type ParseCache struct {
	mu      sync.Mutex
	entries map[string]parsed // by path in the fs.FS
}

type parsed struct {
	size     int64
	modTime  time.Time
	recorded time.Time    // when the entry was made
	env      string       // what else the parse depended on: see parseEnv
	page     content.Page // a copy: the index writes URL and the build Summary into the loaded Page
	diags    diag.List
}

// get returns a fresh copy of the page parsed from s when it is still
// current. A file system that reports no modification time (an in-memory
// one in tests) is never trusted.
func (c *ParseCache) get(s source, env string) (*content.Page, diag.List, bool) {
	if c == nil || s.modTime.IsZero() {
		return nil, nil, false
	}
	c.mu.Lock()
	e, ok := c.entries[s.raw]
	c.mu.Unlock()
	if !ok || e.size != s.size || !e.modTime.Equal(s.modTime) || e.env != env ||
		!s.modTime.Before(e.recorded.Add(-racyWindow)) {
		return nil, nil, false
	}
	p := e.page
	return &p, e.diags, true
}

func (c *ParseCache) put(s source, env string, p *content.Page, ds diag.List) {
	if c == nil || s.modTime.IsZero() || p == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[string]parsed{}
	}
	c.entries[s.raw] = parsed{size: s.size, modTime: s.modTime, recorded: time.Now(), env: env, page: *p, diags: ds}
}

// racyWindow is the coarsest time stamp of the disks editors use (FAT):
// an entry made less than this after its file's modification time may
// miss a save of the same size within the same tick.
const racyWindow = 2 * time.Second

// parseEnv names what every file's parse depends on besides its bytes:
// the topic vocabulary (topics are matched while parsing), the size
// cap and the organisation. The loader adds the bundle a file lies in,
// which decides its kind.
func parseEnv(cfg *config.Config, opts Options) string {
	var b strings.Builder
	// The organisation is an event's default unit.
	fmt.Fprintf(&b, "%d\x00%s\x00", opts.MaxFileSize, cfg.Organization)
	for _, t := range cfg.Topics {
		fmt.Fprintf(&b, "%s\x01%s\x01%s\x01%q\x00", t.Name, t.Slug, t.Description, t.Aliases)
	}
	return b.String()
}
