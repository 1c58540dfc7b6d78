package serve

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"syscall"
	"time"
)

// identity is what identityPath answers: which site this server shows,
// and how. The site is named by a hash of its folder, so that a server
// opened to the network with --bind does not tell its folder's path.
type identity struct {
	App       string `json:"app"` // always "cchc"
	Site      string `json:"site"`
	Published bool   `json:"published"`
	URL       string `json:"url"`
}

func siteID(root string) string {
	sum := sha256.Sum256([]byte(filepath.Clean(root)))
	return hex.EncodeToString(sum[:8])
}

func (s *Server) identity() []byte {
	data, _ := json.Marshal(identity{App: "cchc", Site: siteID(s.root), Published: s.opts.Published, URL: s.URL()})
	return data
}

// portTries is how many ports after a taken one Listen tries.
const portTries = 20

// Listening is the outcome of Listen.
type Listening struct {
	// Listener is the port taken, or nil when Running is set.
	Listener net.Listener
	// Running is the address of a server of cchc already showing this
	// site the same way on the port asked for (a second double-click on
	// the launcher): open it instead of starting another.
	Running string
	// Note, when set, tells in Vietnamese why another port was taken.
	Note string
}

// Listen takes bind:port for a server showing the site at root. When
// the port is taken it asks whoever holds it: a cchc server of the same
// site, shown the same way, is reported in Running; anything else makes
// it take the next free port, and Note says so. Port 0 takes any free
// port.
func Listen(bind string, port int, root string, published bool) (Listening, error) {
	root, err := filepath.Abs(root)
	if err != nil {
		return Listening{}, err
	}
	addr := net.JoinHostPort(bind, strconv.Itoa(port))
	ln, err := net.Listen("tcp", addr)
	if err == nil {
		return Listening{Listener: ln}, nil
	}
	if port == 0 || !addrInUse(err) {
		return Listening{}, fmt.Errorf("không mở được cổng %s: %v — hãy chọn cổng khác bằng --port, ví dụ --port 8080", addr, err)
	}
	holder := "một chương trình khác"
	if id, ok := askIdentity(bind, port); ok {
		if id.Site == siteID(root) && id.Published == published {
			return Listening{Running: id.URL}, nil
		}
		holder = "một trang xem thử khác của cchc"
		if id.Site == siteID(root) {
			holder = "trang xem thử của chính thư mục này (ở chế độ khác)"
		}
	}
	for next := port + 1; next <= min(port+portTries, 65535); next++ {
		ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(next)))
		if err == nil {
			note := fmt.Sprintf("Cổng %d đang được %s dùng; trang này mở ở cổng %d.", port, holder, next)
			return Listening{Listener: ln, Note: note}, nil
		}
	}
	return Listening{}, fmt.Errorf("cổng %d và %d cổng sau nó đều đang bận — đóng bớt cửa sổ xem thử cũ, hoặc chọn cổng khác bằng --port, ví dụ --port 8080", port, portTries)
}

// addrInUse reports a port that another socket holds. Windows says it
// with its own error number (WSAEADDRINUSE), which syscall.EADDRINUSE
// does not match there.
func addrInUse(err error) bool {
	const wsaeAddrInUse = 10048
	var errno syscall.Errno
	if errors.As(err, &errno) && errno == wsaeAddrInUse {
		return true
	}
	return errors.Is(err, syscall.EADDRINUSE)
}

// askIdentity asks the server on bind:port which site it shows; ok is
// false when it is not a cchc server or does not answer at once.
func askIdentity(bind string, port int) (identity, bool) {
	host := bind
	if ip := net.ParseIP(bind); ip == nil || ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	u := "http://" + net.JoinHostPort(host, strconv.Itoa(port)) + identityPath
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return identity{}, false
	}
	// No proxy: the question is for this machine.
	client := &http.Client{Transport: &http.Transport{Proxy: nil}}
	resp, err := client.Do(req)
	if err != nil {
		return identity{}, false
	}
	defer resp.Body.Close()
	var id identity
	body, err := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
	if err != nil || resp.StatusCode != http.StatusOK || json.Unmarshal(body, &id) != nil || id.App != "cchc" {
		return identity{}, false
	}
	return id, true
}
