package desk

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/deskfile"
	"github.com/cchc-vn/cchc/internal/frontedit"
)

type uploadResponse struct {
	Name  string   `json:"ten"`       // the saved file's name, beside the page
	Kind  string   `json:"loai"`      // "anh" or "tep"
	File  string   `json:"tep"`       // the page's path, new when it became a bundle
	Moved bool     `json:"da_chuyen"` // the page became a bundle
	Notes []string `json:"ghi_chu"`   // what the writer should know
	Text  string   `json:"noi_dung"`  // an imported document's Markdown
}

// readUpload resolves the page of an upload (query tep) and reads the
// file sent (its name in query ten), at most deskfile.MaxUpload.
func (d *Desk) readUpload(w http.ResponseWriter, r *http.Request) (deskfile.Path, string, []byte, error) {
	q := r.URL.Query()
	p, err := d.files.Page(q.Get("tep"))
	if err != nil {
		return p, "", nil, badRequest(err.Error())
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, deskfile.MaxUpload))
	if err != nil {
		return p, "", nil, &requestError{status: http.StatusRequestEntityTooLarge, msg: fmt.Sprintf("Tệp quá lớn: tối đa %d MB cho ảnh, %d MB cho tệp đính kèm.", deskfile.MaxImage>>20, deskfile.MaxDocument>>20)}
	}
	return p, q.Get("ten"), data, nil
}

// serveUpload saves an image or a document beside the page, turning a
// single-file page into a bundle first.
func (d *Desk) serveUpload(w http.ResponseWriter, r *http.Request) {
	d.writing.Lock()
	defer d.writing.Unlock()
	p, name, data, err := d.readUpload(w, r)
	if err != nil {
		answerError(w, err)
		return
	}
	ext, kind, err := deskfile.Sniff(name, data)
	if err != nil {
		jsonError(w, http.StatusUnsupportedMediaType, err.Error(), "")
		return
	}
	resp, folder, err := d.besidePage(p)
	if err != nil {
		answerError(w, err)
		return
	}
	if resp.Name, err = d.files.SaveNew(folder, name, ext, data); err != nil {
		jsonError(w, http.StatusInternalServerError, "Không lưu được tệp: "+err.Error(), "")
		return
	}
	resp.Kind = "tep"
	if kind == deskfile.Image {
		resp.Kind = "anh"
	}
	writeJSON(w, http.StatusOK, resp)
}

// besidePage finds the folder that files of page p go into: the bundle's
// folder, or the folder of an _index.md. A single-file page is made a
// bundle first (its URL stays, nothing else changes), unless that would
// break a link: the page's own links and images relative to its folder,
// or other pages that link to its file by name. Then the files go beside
// it, as a single-file page's may.
func (d *Desk) besidePage(p deskfile.Path) (uploadResponse, deskfile.Path, error) {
	resp := uploadResponse{File: p.Rel, Notes: []string{}}
	next := p
	if why := d.keepSingle(p); why != "" {
		resp.Notes = append(resp.Notes, why)
	} else {
		var err error
		if next, err = d.files.Bundle(p); err != nil {
			return resp, deskfile.Path{}, &requestError{status: http.StatusConflict, msg: err.Error()}
		}
	}
	if next.Rel != p.Rel {
		resp.File, resp.Moved = next.Rel, true
		resp.Notes = append(resp.Notes, fmt.Sprintf("Bài được chuyển thành thư mục %s để đặt ảnh, tệp bên cạnh; địa chỉ của bài không đổi.", path.Dir(next.Rel)+"/"))
	}
	folder, err := d.files.Dir(next)
	if err != nil {
		return resp, deskfile.Path{}, badRequest(err.Error())
	}
	return resp, folder, nil
}

// keepSingle says why the existing single-file page p must not move into
// a folder of its own, or "" when it may.
func (d *Desk) keepSingle(p deskfile.Path) string {
	name := path.Base(p.Rel)
	if !p.Exists || name == "index.md" || name == "_index.md" {
		return ""
	}
	beside := fmt.Sprintf("Tệp được đặt cạnh bài, trong thư mục %s/", path.Dir(p.Rel))
	if data, err := d.files.Read(p); err == nil {
		if refs := relativeRefs(data); len(refs) > 0 {
			return fmt.Sprintf("%s: bài có liên kết hoặc ảnh tính từ thư mục đó (%s), nên không chuyển bài vào thư mục riêng.", beside, refs[0])
		}
	}
	files, _ := walkPages(d.opts.Root)
	var linking []string
	for _, rel := range files {
		if rel == p.Rel {
			continue
		}
		data, err := os.ReadFile(filepath.Join(d.opts.Root, filepath.FromSlash(rel)))
		if err == nil && bytes.Contains(data, []byte(name)) {
			linking = append(linking, rel)
		}
	}
	if len(linking) > 0 {
		return fmt.Sprintf("%s: có bài khác liên kết tới tên tệp %s (%s), nên không chuyển bài vào thư mục riêng.", beside, name, strings.Join(linking, ", "))
	}
	return ""
}

var (
	inlineRef = regexp.MustCompile(`\]\(\s*<?([^)\s>]+)`)
	defRef    = regexp.MustCompile(`(?m)^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)`)
	scheme    = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)
)

// relativeRefs lists the links and images of a Markdown file (its cover
// and attachments included) that resolve against the file's folder: a
// move into another folder would break them. Links to a page's address
// ("../slug/"), from content/ ("/x.md"), to anchors and to other sites do
// not.
func relativeRefs(src []byte) []string {
	var targets []string
	for _, re := range []*regexp.Regexp{inlineRef, defRef} {
		for _, m := range re.FindAllSubmatch(src, -1) {
			targets = append(targets, string(m[1]))
		}
	}
	if doc, err := frontedit.Parse(src); err == nil {
		for _, key := range []string{"image", "dinh_kem"} {
			switch v, _ := doc.Get(key); v := v.(type) {
			case string:
				targets = append(targets, v)
			case []string:
				targets = append(targets, v...)
			}
		}
	}
	var out []string
	for _, t := range targets {
		t = strings.TrimSpace(t)
		if t == "" || strings.HasPrefix(t, "/") || strings.HasPrefix(t, "#") || scheme.MatchString(t) || strings.HasSuffix(t, "/") {
			continue
		}
		out = append(out, t)
	}
	return out
}

// serveImport turns a dropped Word document into Markdown through the
// Importer, saving its images beside the page.
func (d *Desk) serveImport(w http.ResponseWriter, r *http.Request) {
	if d.opts.Importer == nil {
		jsonError(w, http.StatusNotImplemented, "Bàn soạn bài chưa tự đưa được tệp Word vào bài. Hãy dùng lệnh `cchc import TỆP.docx --section MỤC` trong cửa sổ dòng lệnh: lệnh tạo một bài mới (bản nháp) từ tệp Word, kèm ảnh; rồi mở bài đó ở đây để sửa tiếp. Hoặc mở tệp trong Word, chọn nội dung, sao chép rồi dán vào đây.", "")
		return
	}
	d.writing.Lock()
	defer d.writing.Unlock()
	p, name, data, err := d.readUpload(w, r)
	if err != nil {
		answerError(w, err)
		return
	}
	if _, _, err := deskfile.Sniff(name, data); err != nil || !strings.EqualFold(path.Ext(name), ".docx") {
		msg := "Chỉ nhận tệp Word dạng .docx: mở tệp .doc bằng Word và lưu lại dạng .docx."
		if err != nil && strings.EqualFold(path.Ext(name), ".docx") {
			msg = err.Error()
		}
		jsonError(w, http.StatusUnsupportedMediaType, msg, "")
		return
	}
	section, _, _ := strings.Cut(strings.TrimPrefix(p.Rel, content.ContentDir+"/"), "/")
	org := ""
	if cfg := d.opts.Host.Last().Config; cfg != nil {
		org = cfg.Organization
	}
	md, files, notes, err := d.opts.Importer(data, section, org)
	if err != nil {
		jsonError(w, http.StatusUnprocessableEntity, "Không đọc được tệp Word: "+err.Error(), "")
		return
	}
	resp := uploadResponse{File: p.Rel, Notes: append([]string{}, notes...)}
	if len(files) > 0 {
		var folder deskfile.Path
		if resp, folder, err = d.besidePage(p); err != nil {
			answerError(w, err)
			return
		}
		resp.Notes = append(resp.Notes, notes...)
		if md, err = d.saveImported(folder, md, files); err != nil {
			jsonError(w, http.StatusInternalServerError, "Không lưu được ảnh của tệp Word: "+err.Error(), "")
			return
		}
	}
	resp.Text = bodyOf(md)
	writeJSON(w, http.StatusOK, resp)
}

// saveImported saves an imported document's files beside the page, each
// under a free name, and points the Markdown at the names used.
func (d *Desk) saveImported(folder deskfile.Path, md []byte, files map[string][]byte) ([]byte, error) {
	for name, data := range files {
		ext, _, err := deskfile.Sniff(name, data)
		if err != nil {
			return nil, err
		}
		saved, err := d.files.SaveNew(folder, name, ext, data)
		if err != nil {
			return nil, err
		}
		if saved != name {
			md = bytes.ReplaceAll(md, []byte("]("+name+")"), []byte("]("+saved+")"))
			md = bytes.ReplaceAll(md, []byte("](<"+name+">)"), []byte("]("+saved+")"))
		}
	}
	return md, nil
}

// bodyOf drops the front matter an importer may write: the form has its
// own fields.
func bodyOf(md []byte) string {
	if doc, err := frontedit.Parse(md); err == nil && doc.Format() != "" {
		return strings.TrimLeft(string(doc.Body()), "\r\n")
	}
	return string(md)
}

// gitTimeout bounds the git status after a save: a slow network drive
// must not hold the answer.
const gitTimeout = 3 * time.Second

// gitStatus says in Vietnamese where the saved file stands in git, or ""
// when the site is not a git repository or git is not installed.
func gitStatus(ctx context.Context, root, file string) string {
	git, err := exec.LookPath("git")
	if err != nil {
		return ""
	}
	ctx, cancel := context.WithTimeout(ctx, gitTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, git, "-C", root, "status", "--porcelain", "--", file)
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	out, err := cmd.Output()
	if err != nil {
		return "" // not a repository, or git failed: nothing worth saying
	}
	return describeGit(string(out))
}

// describeGit turns `git status --porcelain` of one file into a sentence.
func describeGit(out string) string {
	line, _, _ := strings.Cut(out, "\n")
	if len(line) < 2 {
		return "Git: tệp giống bản đã commit trong kho (không có thay đổi chưa commit)."
	}
	switch code := line[:2]; {
	case code == "??":
		return "Git: tệp mới, chưa được đưa vào kho — cần commit rồi push."
	case code[0] == 'A':
		return "Git: tệp mới đã được thêm (git add), chưa commit — cần commit rồi push."
	case code[0] != ' ' && code[1] == ' ':
		return "Git: thay đổi đã được thêm (git add), chưa commit — cần commit rồi push."
	case strings.ContainsRune(code, 'U'):
		return "Git: tệp đang có xung đột khi gộp (merge) — nhờ người quản trị kho xử lý."
	default:
		return "Git: tệp đã sửa, chưa commit — cần commit rồi push."
	}
}
