package serve

import (
	"context"
	"crypto/rand"
	"fmt"
	"html"
	"net"
	"os"
	"strings"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/desk"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/pipeline"
	"github.com/cchc-vn/cchc/internal/publish"
	"github.com/cchc-vn/cchc/internal/viet"
)

// The writing desk is mounted at <base>/_soan/ in the preview only, never
// in the published view. It answers at once when the server listens on
// loopback (only this machine can reach it); beyond it, only when asked
// for (Options.Desk), and then behind a password printed at start.

// setupDesk makes the desk, or says why there is none.
func (s *Server) setupDesk() error {
	if s.opts.Published {
		return nil
	}
	loopback := isLoopback(s.ln.Addr())
	if !loopback && !s.opts.Desk {
		s.deskOff = "Bàn soạn bài đang tắt vì máy chủ xem thử mở cho các máy khác trong mạng (--bind). Chạy lại với --desk để bật (có mật khẩu), hoặc bỏ --bind để chỉ dùng trên máy này."
		return nil
	}
	password := ""
	if !loopback {
		password = s.opts.DeskPassword
		if password == "" {
			password = newPassword()
		}
	}
	d, err := desk.New(desk.Options{Root: s.root, Host: deskHost{s}, Importer: s.opts.Importer, Password: password, Now: s.opts.Now})
	if err != nil {
		return err
	}
	s.desk, s.deskPassword = d, password
	return nil
}

func isLoopback(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// newPassword is 12 letters and digits that read aloud without confusion
// (no 0/O, 1/l/I).
func newPassword() string {
	const alphabet = "abcdefghijkmnpqrstuvwxyz23456789"
	b := make([]byte, 12)
	rand.Read(b) // never fails (crypto/rand)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// deskLine tells where the desk is, at start.
func (s *Server) deskLine() string {
	switch {
	case s.desk == nil:
		return s.deskOff
	case s.deskPassword != "":
		return fmt.Sprintf("Bàn soạn bài: %s%s — mở cho các máy trong mạng, mật khẩu: %s (tên đăng nhập gõ gì cũng được). Ai có mật khẩu đều sửa được bài: chỉ đưa cho người viết bài.", s.URL(), desk.Prefix, s.deskPassword)
	}
	return fmt.Sprintf("Bàn soạn bài (viết và sửa bài ngay trên trình duyệt): %s%s", s.URL(), desk.Prefix)
}

// remember keeps the last build, good or failed, for the desk.
func (s *Server) remember(res *pipeline.Result, ds diag.List, base string) {
	b := &desk.Build{Diags: ds, Base: base}
	if res != nil {
		b.Config, b.Site = res.Config, res.Site
	}
	s.last.Store(b)
}

// deskHost is the Server as the desk sees it.
type deskHost struct{ s *Server }

func (h deskHost) Last() desk.Build {
	if b := h.s.last.Load(); b != nil {
		return *b
	}
	return desk.Build{Base: h.s.current().base}
}

// Preview builds the site with the file at name holding src, rendering
// only its page. One preview runs at a time; one whose request was
// cancelled while it waited (a newer keystroke) is not built.
func (h deskHost) Preview(ctx context.Context, name string, src []byte) (desk.Preview, error) {
	s := h.s
	s.previewing.Lock()
	defer s.previewing.Unlock()
	if err := ctx.Err(); err != nil {
		return desk.Preview{}, err
	}
	var w publish.Collector
	res, ds := s.sess.Build(pipeline.Options{
		Site: overlayFS{base: os.DirFS(s.root), name: name, data: src}, Theme: s.opts.Theme,
		Drafts: true, Future: true, Preview: true, Now: s.opts.Now(),
		Page: viet.NFC(name),
	}, &w)
	out := desk.Preview{Diags: ds}
	if res != nil {
		out.Site = res.Site
	}
	for p, data := range w.Files() {
		if strings.HasSuffix(p, ".html") {
			out.HTML = data
		}
	}
	return out, nil
}

// editLink is the discreet "Sửa bài này" link injected into a page of
// the preview made from a Markdown file.
func (s *Server) editLink(snap *snapshot, page string) string {
	source, ok := snap.sources[page]
	if !ok || s.desk == nil {
		return ""
	}
	href := html.EscapeString(snap.base + desk.EditPath(source))
	return `<style>.cchc-sua{position:fixed;right:.75rem;bottom:.75rem;z-index:2147483000;padding:.35rem .7rem;` +
		`background:#fff;color:#0b4f9c;border:2px solid #0b4f9c;border-radius:.35rem;font:600 14px/1.3 system-ui,sans-serif;text-decoration:none}` +
		`.cchc-sua:focus-visible{outline:3px solid #f0b400;outline-offset:2px}</style>` +
		`<a class="cchc-sua" href="` + href + `">Sửa bài này</a>`
}

// sourcesOf maps each page of the build to the Markdown file it is made
// from: output path ("bai-viet/x/index.html") → source.
func sourcesOf(site *content.Site) map[string]string {
	out := map[string]string{}
	if site == nil {
		return out
	}
	for _, p := range site.ByPath {
		if p.URL != "" || p.Role == content.RoleHome {
			out[p.URL+"index.html"] = p.Source
		}
	}
	return out
}
