package desk

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/deskfile"
	"github.com/cchc-vn/cchc/internal/deskform"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/frontedit"
	"github.com/cchc-vn/cchc/internal/rules"
)

// editRequest is what the form sends to preview or save a page.
type editRequest struct {
	File     string `json:"tep"`
	Sum      string `json:"goc"`         // SHA-256 of the file the form was made from; "" for a new page
	BaseText string `json:"goc_van_ban"` // the text the form was made from, for a page not on the disk
	deskform.Edit
}

// maxRequest bounds a preview or save request: a page (2 MB at most, the
// loader's limit) and the text it was made from.
const maxRequest = 2*content.DefaultMaxFileSize + 64<<10

// requestError is a request the desk answers with a message.
type requestError struct {
	status int
	msg    string
	key    string
}

func (e *requestError) Error() string { return e.msg }

func badRequest(msg string) error { return &requestError{status: http.StatusBadRequest, msg: msg} }

// readEdit decodes the request and resolves its page.
func (d *Desk) readEdit(w http.ResponseWriter, r *http.Request) (editRequest, deskfile.Path, error) {
	var req editRequest
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequest))
	if err != nil {
		return req, deskfile.Path{}, &requestError{status: http.StatusRequestEntityTooLarge, msg: "Bài quá lớn (tối đa 2 MB): tách bài thành nhiều bài, hoặc đưa số liệu vào tệp đính kèm."}
	}
	if err := json.Unmarshal(body, &req); err != nil {
		return req, deskfile.Path{}, badRequest("Yêu cầu không đúng dạng: " + err.Error())
	}
	p, err := d.files.Page(req.File)
	if err != nil {
		return req, p, badRequest(err.Error())
	}
	return req, p, nil
}

// compose writes the form's edit over the page's text: the disk's when
// the file exists, else the text the form was made from (a new page).
func (d *Desk) compose(req editRequest, p deskfile.Path, disk []byte) ([]byte, error) {
	base := disk
	if !p.Exists {
		if !utf8.ValidString(req.BaseText) {
			return nil, badRequest("Văn bản gốc của bài không phải UTF-8.")
		}
		base = []byte(req.BaseText)
	}
	out, err := deskform.Apply(base, deskform.KindOf(p.Rel), req.Edit, d.opts.Host.Last().Config)
	var fe *deskform.FieldError
	if errors.As(err, &fe) {
		return nil, &requestError{status: http.StatusUnprocessableEntity, msg: fe.Msg, key: fe.Key}
	}
	return out, err
}

// readDisk reads the page when it exists.
func (d *Desk) readDisk(p deskfile.Path) ([]byte, error) {
	if !p.Exists {
		return nil, nil
	}
	data, err := d.files.Read(p)
	if err != nil {
		return nil, &requestError{status: http.StatusInternalServerError, msg: "Không đọc được tệp: " + err.Error()}
	}
	return data, nil
}

// shownDiag is a diagnostic as the form shows it.
type shownDiag struct {
	Severity string `json:"muc"`            // "lỗi" or "cảnh báo"
	Message  string `json:"loi"`            // what is wrong
	Hint     string `json:"sua,omitempty"`  // how to fix it
	Key      string `json:"khoa,omitempty"` // the field it belongs to
	Line     int    `json:"dong,omitempty"` // or the line of the body
	FileLine int    `json:"dong_tep,omitempty"`
	Where    string `json:"noi,omitempty"` // file:line:col when not this page's
}

type previewResponse struct {
	HTML     string      `json:"html"`
	Diags    []shownDiag `json:"chan_doan"`
	Errors   int         `json:"so_loi"`
	Warnings int         `json:"so_canh_bao"`
}

func (d *Desk) servePreview(w http.ResponseWriter, r *http.Request) {
	req, p, err := d.readEdit(w, r)
	var src []byte
	if err == nil {
		var disk []byte
		if disk, err = d.readDisk(p); err == nil {
			src, err = d.compose(req, p, disk)
		}
	}
	if err != nil {
		answerError(w, err)
		return
	}
	res, err := d.opts.Host.Preview(r.Context(), p.FS, src)
	if err != nil {
		if r.Context().Err() != nil {
			return // a newer preview was asked for: nobody reads this one
		}
		jsonError(w, http.StatusInternalServerError, "Không dựng được bản xem trước: "+err.Error(), "")
		return
	}
	ds := d.pageDiags(p.Rel, res)
	resp := previewResponse{HTML: string(res.HTML), Diags: place(src, p.Rel, req.Raw != nil, ds)}
	resp.Errors, resp.Warnings = ds.Count()
	writeJSON(w, http.StatusOK, resp)
}

// pageDiags keeps the diagnostics of the page's file and of the site's
// settings and theme (which stop every page), and adds the editorial
// warnings for the page.
func (d *Desk) pageDiags(rel string, res Preview) diag.List {
	var ds diag.List
	for _, dg := range res.Diags {
		f := dg.Pos.File
		if f == rel || (!strings.HasPrefix(f, content.ContentDir+"/") && f != content.ContentDir && dg.Severity == diag.Error) {
			ds = append(ds, dg)
		}
	}
	if res.Site != nil {
		key := strings.TrimPrefix(rel, content.ContentDir+"/")
		pg := res.Site.ByPath[key]
		if pg == nil {
			pg = res.Site.Unpublished[key]
		}
		if pg != nil {
			ds.Add(rules.Page(pg)...)
		}
	}
	ds.Sort()
	return ds
}

// place says where each diagnostic goes in the form.
func place(src []byte, rel string, raw bool, ds diag.List) []shownDiag {
	layout := deskform.Scan(src)
	out := make([]shownDiag, 0, len(ds))
	for _, dg := range ds {
		s := shownDiag{Severity: dg.Severity.Label(), Message: dg.Message, Hint: dg.Hint}
		switch {
		case dg.Pos.File != rel:
			s.Where = dg.Pos.String()
		case raw:
			s.FileLine = dg.Pos.Line
		default:
			s.Key, s.Line = layout.Place(dg)
			if s.Key == "" && s.Line == 0 {
				s.FileLine = dg.Pos.Line
			}
		}
		out = append(out, s)
	}
	return out
}

type saveResponse struct {
	Sum   string `json:"goc"`
	File  string `json:"tep"`
	Saved bool   `json:"da_ghi"` // false when nothing had changed
	Git   string `json:"git,omitempty"`
	Next  string `json:"buoc_tiep"`
}

type conflictResponse struct {
	Message string `json:"loi"`
	Disk    string `json:"dia"`
	DiskSum string `json:"goc_dia"` // "" when the file is gone
	Mine    string `json:"cua_ban"`
}

func (d *Desk) serveSave(w http.ResponseWriter, r *http.Request) {
	d.writing.Lock()
	defer d.writing.Unlock()
	req, p, err := d.readEdit(w, r)
	var disk, src []byte
	if err == nil {
		disk, err = d.readDisk(p)
	}
	if err == nil {
		if changed := (p.Exists && sum(disk) != req.Sum) || (!p.Exists && req.Sum != ""); changed {
			d.conflict(w, req, p, disk)
			return
		}
		src, err = d.compose(req, p, disk)
	}
	if err != nil {
		answerError(w, err)
		return
	}
	saved := !p.Exists || !bytes.Equal(src, disk)
	if saved {
		if err := d.files.Write(p, src); err != nil {
			if errors.Is(err, deskfile.ErrExists) {
				now, _ := d.files.Page(p.Rel)
				disk, _ = d.readDisk(now)
				d.conflict(w, req, now, disk)
				return
			}
			jsonError(w, http.StatusInternalServerError, "Không ghi được tệp "+p.Rel+": "+err.Error()+" — kiểm tra quyền ghi và chỗ trống trên đĩa; bài chưa lưu vẫn được giữ trong trình duyệt.", "")
			return
		}
	}
	writeJSON(w, http.StatusOK, saveResponse{
		Sum: sum(src), File: p.Rel, Saved: saved,
		Git: gitStatus(r.Context(), d.opts.Root, p.FS), Next: nextStep(src),
	})
}

// conflict answers a Save whose file changed on the disk since the form
// was made: both texts, for the writer to choose.
func (d *Desk) conflict(w http.ResponseWriter, req editRequest, p deskfile.Path, disk []byte) {
	resp := conflictResponse{Disk: string(disk)}
	msg := "Tệp " + p.Rel + " đã được sửa ở nơi khác (trình soạn thảo khác, hoặc git) sau khi bạn mở biểu mẫu."
	if p.Exists {
		resp.DiskSum = sum(disk)
	} else {
		msg = "Tệp " + p.Rel + " đã bị xóa hoặc đổi tên trên đĩa sau khi bạn mở biểu mẫu."
	}
	if req.Sum == "" && p.Exists {
		msg = "Đã có tệp " + p.Rel + " trên đĩa (vừa được tạo ở nơi khác)."
	}
	resp.Message = msg + " Chọn giữ bản của bạn, lấy bản trên đĩa, hoặc chép phần cần giữ."
	if mine, err := d.compose(req, p, disk); err == nil {
		resp.Mine = string(mine)
	} else if req.BaseText != "" || !p.Exists {
		resp.Mine = req.BaseText
	}
	writeJSON(w, http.StatusConflict, resp)
}

// nextStep tells the writer what comes after saving.
func nextStep(src []byte) string {
	if doc, err := frontedit.Parse(src); err == nil {
		if v, ok := doc.Get("draft"); ok && v == true {
			return "Bài vẫn là bản nháp nên chưa lên trang. Khi bài đã xong, bỏ đánh dấu \"Bản nháp\" rồi lưu lại."
		}
	}
	return "Bài đã lưu trên máy này. Để bài lên Cổng, đưa thay đổi lên kho: commit rồi push (bằng GitHub Desktop hoặc lệnh git); quy trình tự động sẽ kiểm tra và đăng bài."
}

func answerError(w http.ResponseWriter, err error) {
	var re *requestError
	if errors.As(err, &re) {
		jsonError(w, re.status, re.msg, re.key)
		return
	}
	jsonError(w, http.StatusInternalServerError, err.Error(), "")
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		status, data = http.StatusInternalServerError, []byte(`{"loi":"không ghi được câu trả lời"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(data)
}

func jsonError(w http.ResponseWriter, status int, msg, key string) {
	writeJSON(w, status, struct {
		Message string `json:"loi"`
		Key     string `json:"khoa,omitempty"`
	}{msg, key})
}

// pageLink is one page offered by the link dialog.
type pageLink struct {
	Title   string `json:"tieu_de"`
	File    string `json:"tep"`
	Section string `json:"muc"`
	Fold    string `json:"tim"`
}

func (d *Desk) servePages(w http.ResponseWriter, _ *http.Request) {
	var out []pageLink
	for _, r := range d.list().Rows {
		out = append(out, pageLink{Title: r.Title, File: r.Rel, Section: r.SectionTitle, Fold: r.Fold})
	}
	writeJSON(w, http.StatusOK, out)
}
