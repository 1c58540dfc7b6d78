package main

import (
	"context"
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
	fl := newFlagSet("serve", "cchc serve [-s SITE] [--bind 127.0.0.1] [--port 1313] [--poll] [--open] [--published] [--desk]", stdout, stderr)
	site := fl.String("s", ".", "thư mục `SITE` (chứa content/)")
	bind := fl.String("bind", "127.0.0.1", "địa chỉ `IP` để mở máy chủ xem thử; khác 127.0.0.1 thì máy khác trong mạng xem được cả bài nháp")
	port := fl.Int("port", 1313, "`CỔNG` của máy chủ xem thử; đang bận thì dùng cổng kế tiếp")
	poll := fl.Bool("poll", false, "dò thay đổi định kỳ thay vì nhận thông báo của hệ điều hành (ổ mạng, WSL, hoặc khi hết giới hạn theo dõi)")
	open := fl.Bool("open", false, "mở trình duyệt tới trang xem thử khi đã dựng xong")
	published := fl.Bool("published", false, "phục vụ đúng bản sẽ đăng lên cổng: không có bài nháp, bài hẹn đăng, không tự tải lại")
	deskOn := fl.Bool("desk", false, "bật bàn soạn bài (/_soan/) cả khi --bind mở cho mạng: cần mật khẩu, in ra khi khởi động (trên 127.0.0.1 bàn soạn bài luôn bật)")
	if code, ok := fl.parse(args); !ok {
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
	if *deskOn && *published {
		fmt.Fprintln(stderr, "cchc serve: --desk không dùng cùng --published — bản sẽ đăng lên cổng không có bàn soạn bài; bỏ một trong hai tùy chọn")
		return exitUsage
	}
	root, ok := siteRoot("serve", *site, stderr)
	if !ok {
		return exitUsage
	}
	ln, err := serve.Listen(*bind, *port, root, *published)
	if err != nil {
		fmt.Fprintf(stderr, "cchc serve: %v\n", err)
		return exitError
	}
	if ln.Running != "" {
		fmt.Fprintf(stdout, "Trang xem thử của thư mục này đang chạy sẵn tại %s (trong một cửa sổ khác) — dùng trang đó, không cần mở thêm.\n", ln.Running)
		if *open {
			openBrowser(ln.Running, stdout, stderr)
		}
		return exitOK
	}
	if ln.Note != "" {
		fmt.Fprintln(stdout, ln.Note)
	}
	// A .docx dropped into the desk goes through cchc import's reader.
	opts := serve.Options{
		Root: root, Theme: cchc.Theme(), Listener: ln.Listener,
		Published: *published, Out: stdout, Err: stderr, Desk: *deskOn,
		Importer: wordForDesk,
	}
	if *poll {
		opts.Poll = pollInterval
	}
	if *open {
		opts.OnReady = func(url string) { openBrowser(url, stdout, stderr) }
	}
	srv, err := serve.New(opts)
	if err != nil {
		ln.Listener.Close()
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
