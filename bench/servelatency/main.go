// Command servelatency measures how long a preview server takes from a
// file write to the reload message reaching a client: it connects like a
// browser tab, edits one file N times, and prints the median and the 90th
// percentile. It speaks cchc's server-sent events (-sse URL) and the
// livereload websocket protocol of `hugo server` (-ws URL).
//
// With -page URL it measures what the editor sees instead: headless
// Chromium shows the page, and each edit counts from the write to the
// frame that paints the edit's text, whatever the server does in between
// (a reload or an in-place update). See browser.go.
//
//	servelatency -sse http://127.0.0.1:1313/cchc/_cchc/events -file corpus/content/bai-viet/x.md
//	servelatency -ws ws://127.0.0.1:1314/livereload -file corpus/content/bai-viet/x.md
//	servelatency -page http://127.0.0.1:1313/cchc/bai-viet/x/ -file corpus/content/bai-viet/x.md
package main

import (
	"bufio"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"
)

func main() {
	sse := flag.String("sse", "", "URL of cchc's event stream")
	ws := flag.String("ws", "", "URL of hugo's livereload websocket")
	file := flag.String("file", "", "the file to edit")
	n := flag.Int("n", 20, "number of edits")
	pause := flag.Duration("pause", 700*time.Millisecond, "time between one reload and the next edit")
	timeout := flag.Duration("timeout", 60*time.Second, "longest wait for one reload")
	page := flag.String("page", "", "URL of the edited file's page, to measure in Chromium")
	chromium := flag.String("chromium", "chromium", "the browser for -page")
	flag.Parse()
	if (*sse == "") == (*ws == "") && *page == "" || *sse != "" && *ws != "" || *file == "" {
		fmt.Fprintln(os.Stderr, "usage: servelatency (-sse URL | -ws URL | -page URL [-sse URL | -ws URL]) -file FILE [-n 20]")
		os.Exit(2)
	}
	var reloads <-chan time.Time
	var err error
	switch {
	case *sse != "":
		reloads, err = listenSSE(*sse)
	case *ws != "":
		reloads, err = listenWS(*ws)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "servelatency:", err)
		os.Exit(1)
	}
	if *page != "" {
		screen, event, err := browserLatency(*chromium, *page, *file, *n, *pause, *timeout, reloads)
		if err != nil {
			fmt.Fprintln(os.Stderr, "servelatency:", err)
			os.Exit(1)
		}
		if reloads != nil {
			fmt.Print("write→event   ")
			report(event)
			fmt.Print("write→screen  ")
		}
		report(screen)
		return
	}
	original, err := os.ReadFile(*file)
	if err != nil {
		fmt.Fprintln(os.Stderr, "servelatency:", err)
		os.Exit(1)
	}
	defer os.WriteFile(*file, original, 0o644)

	var lat []time.Duration
	for i := range *n {
		time.Sleep(*pause)
		drain(reloads)
		edited := fmt.Appendf(append([]byte(nil), original...), "\n\nĐoạn thêm lần thứ %d để đo thời gian dựng lại.\n", i+1)
		start := time.Now()
		if err := os.WriteFile(*file, edited, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "servelatency:", err)
			os.Exit(1)
		}
		select {
		case at, ok := <-reloads:
			if !ok {
				fmt.Fprintln(os.Stderr, "servelatency: the server closed the connection")
				os.Exit(1)
			}
			lat = append(lat, at.Sub(start))
		case <-time.After(*timeout):
			fmt.Fprintf(os.Stderr, "servelatency: no reload within %s\n", *timeout)
			os.Exit(1)
		}
	}
	report(lat)
}

// report prints the median, the 90th percentile and every measure.
func report(lat []time.Duration) {
	all := make([]string, len(lat))
	for i, d := range lat {
		all[i] = fmt.Sprint(d.Milliseconds())
	}
	slices.Sort(lat)
	fmt.Printf("edits %d  median_ms %d  p90_ms %d  min_ms %d  max_ms %d  all_ms %s\n",
		len(lat), lat[len(lat)/2].Milliseconds(), lat[len(lat)*9/10].Milliseconds(),
		lat[0].Milliseconds(), lat[len(lat)-1].Milliseconds(), strings.Join(all, ","))
}

func drain(c <-chan time.Time) {
	for {
		select {
		case <-c:
		default:
			return
		}
	}
}

// listenSSE reports when each "reload" (or "css") event of cchc's stream
// arrives.
func listenSSE(u string) (<-chan time.Time, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", u, resp.Status)
	}
	out := make(chan time.Time, 16)
	go func() {
		defer close(out)
		br := bufio.NewReader(resp.Body)
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				return
			}
			if line == "event: reload\n" || line == "event: css\n" {
				out <- time.Now()
			}
		}
	}()
	return out, nil
}

// listenWS reports when each "reload" command of a livereload websocket
// arrives: a minimal RFC 6455 client, enough for Hugo's server.
func listenWS(u string) (<-chan time.Time, error) {
	pu, err := url.Parse(u)
	if err != nil {
		return nil, err
	}
	conn, err := net.Dial("tcp", pu.Host)
	if err != nil {
		return nil, err
	}
	var key [16]byte
	rand.Read(key[:])
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
		"Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\nOrigin: http://%s\r\n\r\n",
		pu.RequestURI(), pu.Host, base64.StdEncoding.EncodeToString(key[:]), pu.Host)
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		return nil, fmt.Errorf("%s: %s", u, resp.Status)
	}
	hello := `{"command":"hello","protocols":["http://livereload.com/protocols/official-7"]}`
	if err := writeFrame(conn, 1, []byte(hello)); err != nil {
		return nil, err
	}
	out := make(chan time.Time, 16)
	go func() {
		defer close(out)
		for {
			op, payload, err := readFrame(br)
			if err != nil {
				return
			}
			switch op {
			case 1:
				if strings.Contains(string(payload), `"command":"reload"`) {
					out <- time.Now()
				}
			case 8:
				return
			case 9:
				writeFrame(conn, 10, payload)
			}
		}
	}()
	return out, nil
}

// writeFrame sends one masked frame, as a client must.
func writeFrame(w io.Writer, op byte, payload []byte) error {
	if len(payload) > 125 {
		return errors.New("frame too long for this client")
	}
	var mask [4]byte
	rand.Read(mask[:])
	frame := []byte{0x80 | op, 0x80 | byte(len(payload))}
	frame = append(frame, mask[:]...)
	for i, b := range payload {
		frame = append(frame, b^mask[i%4])
	}
	_, err := w.Write(frame)
	return err
}

func readFrame(r *bufio.Reader) (op byte, payload []byte, err error) {
	var h [2]byte
	if _, err = io.ReadFull(r, h[:]); err != nil {
		return 0, nil, err
	}
	op = h[0] & 0x0f
	n := uint64(h[1] & 0x7f)
	switch n {
	case 126:
		var b [2]byte
		if _, err = io.ReadFull(r, b[:]); err != nil {
			return 0, nil, err
		}
		n = uint64(binary.BigEndian.Uint16(b[:]))
	case 127:
		var b [8]byte
		if _, err = io.ReadFull(r, b[:]); err != nil {
			return 0, nil, err
		}
		n = binary.BigEndian.Uint64(b[:])
	}
	var mask [4]byte
	masked := h[1]&0x80 != 0
	if masked {
		if _, err = io.ReadFull(r, mask[:]); err != nil {
			return 0, nil, err
		}
	}
	if n > 1<<20 {
		return 0, nil, errors.New("frame too long")
	}
	payload = make([]byte, n)
	if _, err = io.ReadFull(r, payload); err != nil {
		return 0, nil, err
	}
	if masked {
		for i := range payload {
			payload[i] ^= mask[i%4]
		}
	}
	return op, payload, nil
}
