package publish

import (
	"fmt"
	"sync"
)

// Collector gathers a build's output in memory: the preview server serves
// it from there, and tests compare it. Write may be called from several
// goroutines at once. The zero value is ready.
type Collector struct {
	mu    sync.Mutex
	files Files
}

// Write keeps data as the file at name; like the directory and ZIP
// writers it refuses a path that leaves the output or is written twice.
func (c *Collector) Write(name string, data []byte) error {
	if why := badPathReason(name); why != "" {
		return fmt.Errorf("đường dẫn tệp đầu ra %q không hợp lệ: %s", name, why)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.files == nil {
		c.files = Files{}
	}
	if _, dup := c.files[name]; dup {
		return fmt.Errorf("tệp đầu ra %q được ghi hai lần — hai trang hoặc tệp đang tranh nhau một địa chỉ, hãy đổi slug hoặc tên tệp của một trong hai", name)
	}
	c.files[name] = data
	return nil
}

// Files returns what was written. The map is shared: read only.
func (c *Collector) Files() Files {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.files
}
