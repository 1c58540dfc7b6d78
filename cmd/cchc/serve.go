package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/serve"
)

// pollInterval is how often --poll looks at the files.
const pollInterval = 500 * time.Millisecond

// runServe previews the site. A site with errors is served all the same:
// the browser shows them over the page and the preview comes up as soon
// as they are fixed, so only a bad command line (2) or a server that
// cannot start (1) ends it early; Ctrl-C stops it with 0.
func runServe(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	site := fl.String("s", ".", "thư mục site (chứa content/)")
	bind := fl.String("bind", "127.0.0.1", "địa chỉ IP để mở máy chủ xem thử; khác 127.0.0.1 thì máy khác trong mạng xem được cả bài nháp")
	port := fl.Int("port", 1313, "cổng của máy chủ xem thử")
	poll := fl.Bool("poll", false, "dò thay đổi định kỳ thay vì nhận thông báo của hệ điều hành (ổ mạng, WSL, hoặc khi hết giới hạn theo dõi)")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "Cách dùng: cchc serve [-s SITE] [--bind 127.0.0.1] [--port 1313] [--poll]")
		fl.PrintDefaults()
	}
	if code, ok := parseFlags(fl, args, stderr); !ok {
		return code
	}
	if net.ParseIP(*bind) == nil {
		fmt.Fprintf(stderr, "cchc serve: --bind %q không phải địa chỉ IP — ví dụ --bind 127.0.0.1 hoặc --bind 0.0.0.0\n", *bind)
		return exitUsage
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(stderr, "cchc serve: --port %d không hợp lệ — chọn một cổng từ 1 đến 65535, ví dụ 1313\n", *port)
		return exitUsage
	}
	root, ok := siteRoot("serve", *site, stderr)
	if !ok {
		return exitUsage
	}
	opts := serve.Options{Root: root, Theme: cchc.Theme(), Bind: *bind, Port: *port, Out: stdout, Err: stderr}
	if *poll {
		opts.Poll = pollInterval
	}
	srv, err := serve.New(opts)
	if err != nil {
		fmt.Fprintf(stderr, "cchc serve: %v\n", err)
		return exitError
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := srv.Run(ctx); err != nil {
		fmt.Fprintf(stderr, "cchc serve: %v\n", err)
		return exitError
	}
	fmt.Fprintln(stdout, "Đã dừng máy chủ xem thử.")
	return exitOK
}
