package publish

import "sync"

// Memory holds the last good build for the preview server. Replace swaps
// in a whole build at once, so a request sees either the old site or the
// new one, never a mix. The zero value is an empty site, ready to use.
type Memory struct {
	mu    sync.RWMutex
	files Files
}

// Replace makes files the current site. Memory keeps the map: the caller
// must not change it afterwards.
func (m *Memory) Replace(files Files) {
	m.mu.Lock()
	m.files = files
	m.mu.Unlock()
}

// Get returns the bytes of the file at a slash-separated path relative to
// the site ("bai-viet/x/index.html"). The slice is shared: read only.
func (m *Memory) Get(path string) ([]byte, bool) {
	m.mu.RLock()
	data, ok := m.files[path]
	m.mu.RUnlock()
	return data, ok
}
