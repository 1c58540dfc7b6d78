package desk

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"path"
	"slices"
	"strings"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/deskfile"
	"github.com/cchc-vn/cchc/internal/deskform"
	"github.com/cchc-vn/cchc/internal/scaffold"
	"github.com/cchc-vn/cchc/internal/viet"
)

// fieldView is a field as the template draws it.
type fieldView struct {
	deskform.Value
	ID     string
	Topics []topicOption // Topics: the vocabulary, the file's topics checked in its order
	Rows   []string      // List, Files
	Values []string      // Select: the options, the file's value included
}

// formData is what the form page shows.
type formData struct {
	Rel, Heading, BodyLabel string
	IsNew                   bool
	Form                    deskform.Form
	Fields, Advanced        []fieldView
	Suggest                 map[string][]string
	ViewURL                 string    // the page on the preview server, when it has one
	State                   formState // for the form's script (html/template writes it as JSON)
}

// formState is what the script needs besides the fields.
type formState struct {
	File     string `json:"tep"`
	Sum      string `json:"goc"`                   // SHA-256 of the bytes the form was made from; "" for a new page
	BaseText string `json:"goc_van_ban,omitempty"` // a new page: the template's text
	Raw      bool   `json:"tho"`                   // the whole file is edited as text
}

func sum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

func (d *Desk) serveForm(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if sec := q.Get("muc"); sec != "" {
		d.serveNewForm(w, r, sec, q.Get("tieu_de"))
		return
	}
	p, err := d.files.Page(q.Get("tep"))
	if err != nil {
		d.renderError(w, r, http.StatusBadRequest, err.Error())
		return
	}
	if !p.Exists {
		d.renderError(w, r, http.StatusNotFound, fmt.Sprintf("Không có tệp %s (có thể đã bị đổi tên hay xóa).", p.Rel))
		return
	}
	src, err := d.files.Read(p)
	if err != nil {
		d.renderError(w, r, http.StatusInternalServerError, "Không đọc được tệp: "+err.Error())
		return
	}
	data := d.formOf(p, src, formState{File: p.Rel, Sum: sum(src)})
	d.render(w, r, "form", "Sửa: "+data.Heading, data)
}

// serveNewForm opens the form of a new page of section, from the
// section's template, titled title. Nothing is written until Save.
func (d *Desk) serveNewForm(w http.ResponseWriter, r *http.Request, sec, title string) {
	folder, err := d.files.Folder(content.ContentDir + "/" + sec)
	if err != nil || !folder.Exists || strings.Contains(sec, "/") {
		d.renderError(w, r, http.StatusBadRequest, fmt.Sprintf("Không có mục %q trong content/.", sec))
		return
	}
	title = strings.TrimSpace(viet.NFC(title))
	slug := scaffold.SlugOf(title)
	if slug == "" {
		d.renderError(w, r, http.StatusBadRequest, "Hãy viết "+strings.ToLower(deskform.NewTitle(sec))+" có chữ cái hoặc số: tên tệp của bài lấy từ đó.")
		return
	}
	rel, p, err := d.freePath(sec, slug)
	if err != nil {
		d.renderError(w, r, http.StatusBadRequest, err.Error())
		return
	}
	org := ""
	if cfg := d.opts.Host.Last().Config; cfg != nil {
		org = cfg.Organization
	}
	text := scaffold.Text(sec, strings.Join(strings.Fields(title), " "), nil, org, d.opts.Now())
	data := d.formOf(p, text, formState{File: rel, BaseText: string(text)})
	data.IsNew = true
	d.render(w, r, "form", "Bài mới: "+data.Heading, data)
}

// freePath finds the path of a new page of sec named after slug, adding
// -2, -3… while a page of that folder has the slug.
func (d *Desk) freePath(sec, slug string) (string, deskfile.Path, error) {
	for i := 1; i < 100; i++ {
		s := slug
		if i > 1 {
			s = fmt.Sprintf("%s-%d", slug, i)
		}
		rel, taken := scaffold.PagePath(d.opts.Root, sec, s)
		if taken != "" {
			continue
		}
		p, err := d.files.Page(rel)
		if err != nil {
			return "", p, err
		}
		if !p.Exists {
			return rel, p, nil
		}
	}
	return "", deskfile.Path{}, fmt.Errorf("mục %s đã có quá nhiều bài tên %s", sec, slug)
}

// formOf builds the form page of the file p holding src.
func (d *Desk) formOf(p deskfile.Path, src []byte, st formState) formData {
	b := d.opts.Host.Last()
	kind := deskform.KindOf(p.Rel)
	f := deskform.Load(src, kind)
	st.Raw = f.Raw != ""
	data := formData{Rel: p.Rel, BodyLabel: deskform.BodyLabel(kind), Form: f, Suggest: suggestions(b.Site)}
	data.Heading = pageTitle(f, p.Rel)
	for _, v := range f.Values {
		fv := fieldView{Value: v, ID: "f-" + v.Key, Rows: v.List}
		switch v.Control {
		case deskform.Topics:
			fv.Topics = topicOptions(b.Config, v.List)
		case deskform.Select:
			fv.Values = v.Options
			if v.Text != "" && !slices.Contains(v.Options, v.Text) {
				fv.Values = append([]string{v.Text}, v.Options...)
			}
		}
		if v.Advanced {
			data.Advanced = append(data.Advanced, fv)
		} else {
			data.Fields = append(data.Fields, fv)
		}
	}
	if b.Site != nil {
		if pg := b.Site.ByPath[strings.TrimPrefix(p.Rel, content.ContentDir+"/")]; pg != nil && (pg.URL != "" || pg.Role == content.RoleHome) {
			data.ViewURL = b.Base + pg.URL
		}
	}
	data.State = st
	return data
}

// pageTitle is what the form's heading calls the page.
func pageTitle(f deskform.Form, rel string) string {
	for _, key := range []string{"title", "cau_hoi", "trich_yeu", "so_ky_hieu"} {
		for _, v := range f.Values {
			if v.Key == key && strings.TrimSpace(v.Text) != "" {
				return v.Text
			}
		}
	}
	return path.Base(rel)
}

// topicOption is one topic of the vocabulary in a filter or the form.
type topicOption struct {
	Name, Slug, Fold string
	Order            int  // 1-based place among the page's topics, 0 when not chosen
	Unknown          bool // written in the file but not in the vocabulary
}

// topicOptions lists the vocabulary, the topics of chosen (as the file
// writes them) marked in their order; a chosen topic the vocabulary lacks
// is listed too, so that saving keeps it until the writer unticks it.
func topicOptions(cfg *config.Config, chosen []string) []topicOption {
	if cfg == nil {
		cfg = config.Default()
	}
	var out []topicOption
	for _, t := range cfg.Topics {
		fold := viet.Fold(t.Name + " " + t.Slug + " " + strings.Join(t.Aliases, " "))
		out = append(out, topicOption{Name: t.Name, Slug: t.Slug, Fold: fold})
	}
	for i, c := range chosen {
		t, ok := cfg.Topic(c)
		if !ok {
			out = append(out, topicOption{Name: c, Fold: viet.Fold(c), Order: i + 1, Unknown: true})
			continue
		}
		for j := range out {
			if out[j].Slug == t.Slug && out[j].Order == 0 {
				out[j].Order = i + 1
			}
		}
	}
	return out
}

// topicNames writes the names of topic slugs.
func topicNames(cfg *config.Config, slugs []string) string {
	if cfg == nil {
		return strings.Join(slugs, ", ")
	}
	var names []string
	for _, s := range slugs {
		if t, ok := cfg.Topic(s); ok {
			names = append(names, t.Name)
		}
	}
	return strings.Join(names, "; ")
}

// suggestions are the values used elsewhere in the site for the fields
// that offer them, in Vietnamese alphabetical order.
func suggestions(site *content.Site) map[string][]string {
	sets := map[string]map[string]bool{}
	add := func(key, v string) {
		if v = strings.TrimSpace(v); v == "" {
			return
		}
		if sets[key] == nil {
			sets[key] = map[string]bool{}
		}
		sets[key][v] = true
	}
	for _, t := range content.DocTypes() {
		add("loai", t)
	}
	if site != nil {
		each := func(p *content.Page) {
			add("author", p.Author)
			add("unit", p.Unit)
			switch {
			case p.Doc != nil:
				add("co_quan", p.Doc.Issuer)
				add("loai", p.Doc.Type)
			case p.QA != nil:
				add("co_quan_tra_loi", p.QA.Answerer)
				add("linh_vuc", p.QA.Field)
			case p.Proc != nil:
				add("linh_vuc", p.Proc.Field)
				add("noi_tiep_nhan", p.Proc.Place)
			case p.Event != nil:
				add("dia_diem", p.Event.Place)
				add("don_vi", p.Event.Unit)
			}
		}
		for _, p := range site.ByPath {
			each(p)
		}
		for _, p := range site.Unpublished {
			each(p)
		}
	}
	out := map[string][]string{}
	for key, set := range sets {
		var list []string
		for v := range set {
			list = append(list, v)
		}
		viet.SortBy(list, func(s string) string { return s })
		out[key] = list
	}
	return out
}
