package serve

import (
	"net"
	"strconv"
	"strings"
)

// hostCheck decides which Host headers the server answers. A browser
// sends the name it resolved: a hostile page whose name resolves to
// 127.0.0.1 (DNS rebinding) arrives with its own name and is refused.
// Loopback names and the listening IP, on the listening port, pass; when
// listening on every interface, any IP literal does too (an IP needs no
// resolving, so it cannot be rebound).
type hostCheck struct {
	port     string
	ip       net.IP // the listening IP
	anyIP    bool   // listening on 0.0.0.0 or ::
	loopback bool   // names of this machine are accepted
}

func newHostCheck(addr net.Addr) hostCheck {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return hostCheck{}
	}
	return hostCheck{
		port:     strconv.Itoa(tcp.Port),
		ip:       tcp.IP,
		anyIP:    tcp.IP.IsUnspecified(),
		loopback: tcp.IP.IsLoopback() || tcp.IP.IsUnspecified(),
	}
}

func (c hostCheck) allows(hostHeader string) bool {
	if c.port == "" {
		return false
	}
	host, port, err := net.SplitHostPort(hostHeader)
	if err != nil {
		// No port: the browser leaves out the scheme's default.
		host, port = strings.TrimSuffix(strings.TrimPrefix(hostHeader, "["), "]"), "80"
	}
	if port != c.port || host == "" {
		return false
	}
	if c.loopback && strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	switch {
	case ip == nil:
		return false
	case c.anyIP:
		return true
	case ip.Equal(c.ip):
		return true
	}
	return c.loopback && ip.IsLoopback()
}

// example is an accepted host, for the refusal message.
func (c hostCheck) example() string {
	if c.loopback {
		return "localhost:" + c.port + " hoặc 127.0.0.1:" + c.port
	}
	return net.JoinHostPort(c.ip.String(), c.port)
}
