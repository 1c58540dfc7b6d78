package config

import (
	"bytes"
	_ "embed"
	"errors"
	"io"
	"io/fs"
	"net/url"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/yamlsyntax"
)

//go:embed defaults.yaml
var defaultsYAML []byte

// Default returns the commune-neutral configuration of defaults.yaml: the
// column's title, page size 12 and the plan's topic vocabulary. Each call
// returns a new Config that the caller may change.
func Default() *Config {
	cfg, ds := parse("defaults.yaml", defaultsYAML, &Config{})
	if ds.HasErrors() {
		// defaults.yaml is part of the binary; the tests keep it valid.
		panic("config: embedded defaults.yaml is invalid:\n" + ds.Error())
	}
	cfg.TopicsAt = diag.Position{} // the default vocabulary is in no file of the site
	return cfg
}

// Load reads site.yaml at the root of the site. Without one, the defaults
// apply and nothing is reported.
func Load(fsys fs.FS) (*Config, diag.List) {
	data, err := fs.ReadFile(fsys, FileName)
	if err == nil {
		return Parse(FileName, data)
	}
	var ds diag.List
	if !errors.Is(err, fs.ErrNotExist) {
		ds.Errorf(diag.Position{File: FileName}, "kiểm tra quyền đọc tệp, hoặc xóa tệp để dùng cấu hình mặc định",
			"không đọc được tệp cấu hình: %v", err)
	} else if _, err := fs.Stat(fsys, "site.yml"); err == nil {
		ds.Warnf(diag.Position{File: "site.yml"}, "đổi tên tệp thành site.yaml",
			"tệp site.yml không được đọc: tệp cấu hình phải tên là site.yaml")
	}
	return Default(), ds
}

// Parse reads the text of a site.yaml over the defaults; file is the name
// diagnostics use. Every problem found is in the list; the Config is
// returned even then (with the values that could be read) but is fit for a
// build only when the list has no errors.
func Parse(file string, data []byte) (*Config, diag.List) {
	return parse(file, data, Default())
}

// parse applies the text over base, which it changes and returns.
func parse(file string, data []byte, base *Config) (*Config, diag.List) {
	d := &decoder{file: file}
	if root := d.document(data); root != nil {
		d.config(root, base)
	}
	base.topics = newTopicIndex(base.Topics)
	base.Blank = d.blank
	d.resolvePlanTopics(base)
	return base, d.diags
}

// document returns the top-level mapping of the file, or nil when there is
// none (empty file, comments only) or the YAML is broken.
func (d *decoder) document(data []byte) (root *yaml.Node) {
	defer func() {
		// The YAML library is not ours; a panic in it must not take the
		// editor's build down without saying where.
		if r := recover(); r != nil {
			root = nil
			d.diags.Errorf(diag.Position{File: d.file, Line: 1, Col: 1}, "kiểm tra lại cú pháp tệp; nếu tệp đúng, hãy báo lỗi này cho nhóm phát triển",
				"không đọc được tệp YAML (lỗi nội bộ: %v)", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err != io.EOF {
			d.diags.Add(yamlsyntax.Diagnose(d.file, 1, data, err)...)
		}
		return nil
	}
	d.extraDocuments(dec, data)
	if len(doc.Content) == 0 {
		return nil
	}
	top := resolve(doc.Content[0])
	switch {
	case isNull(top):
		return nil
	case top.Kind != yaml.MappingNode:
		d.diags.Errorf(d.pos(top), example("title"),
			"nội dung tệp phải là các dòng `khóa: giá trị`, không phải %s", describe(top))
		return nil
	}
	return top
}

// extraDocuments reports a second YAML document (after a `---` line):
// yaml.Unmarshal would silently ignore everything in it.
func (d *decoder) extraDocuments(dec *yaml.Decoder, data []byte) {
	var doc yaml.Node
	for {
		err := dec.Decode(&doc)
		if err == io.EOF {
			return
		}
		if err != nil {
			d.diags.Add(yamlsyntax.Diagnose(d.file, 1, data, err)...)
			return
		}
		if len(doc.Content) > 0 && !isNull(doc.Content[0]) {
			d.diags.Errorf(d.pos(&doc), "xóa dòng `---` và gộp các khóa vào một phần duy nhất",
				"tệp có nhiều phần YAML tách bởi dòng `---`; phần từ đây trở đi bị bỏ qua")
			return
		}
	}
}

// config applies the keys of the top-level mapping to cfg.
func (d *decoder) config(root *yaml.Node, cfg *Config) {
	for _, e := range d.entries(root, "", topKeys()) {
		if isNull(e.value) {
			continue
		}
		switch e.key {
		case "title":
			if s, ok := d.str(e.value, e.key); ok {
				if s == "" {
					d.diags.Errorf(d.pos(e.value), example("title"), "`title` (tên chuyên mục) để trống")
					continue
				}
				cfg.Title = s
			}
		case "organization":
			d.setStr(e, &cfg.Organization)
		case "province":
			d.setStr(e, &cfg.Province)
		case "description":
			d.setStr(e, &cfg.Description)
		case "base_url":
			if isBlank(e.value) {
				d.blank = append(d.blank, BlankKey{Key: "base_url", Pos: d.pos(e.keyAt)})
			}
			d.baseURL(e, cfg)
		case "page_size":
			d.pageSize(e, cfg)
		case "contact":
			d.contact(e, &cfg.Contact)
		case "topics":
			if topics, ok := d.topics(e.value); ok {
				cfg.Topics, cfg.TopicsAt = topics, d.pos(e.keyAt)
			}
		case "markdown":
			d.markdown(e, &cfg.Markdown)
		case "plan_items":
			if items, ok := d.planItems(e.value); ok {
				cfg.PlanItems, d.planSet = items, true
			}
		case "report":
			d.report(e, &cfg.Report)
		}
	}
}

func (d *decoder) setStr(e entry, dst *string) {
	if s, ok := d.str(e.value, e.key); ok {
		*dst = s
	}
}

func (d *decoder) baseURL(e entry, cfg *Config) {
	s, ok := d.str(e.value, e.key)
	if !ok {
		return
	}
	u, err := normalizeBaseURL(s)
	if err != nil {
		d.diags.Errorf(d.pos(resolve(e.value)), err.hint, "`base_url` %s", err.what)
		return
	}
	cfg.BaseURL = u
}

// Page sizes beyond this make list pages too heavy for a phone.
const maxPageSize = 1000

func (d *decoder) pageSize(e entry, cfg *Config) {
	n, ok := d.integer(e.value, e.key)
	if !ok {
		return
	}
	if n < 1 || n > maxPageSize {
		d.diags.Errorf(d.pos(resolve(e.value)), "số bài trên một trang danh sách, thường từ 10 đến 20",
			"`page_size` phải từ 1 đến %d, không phải %d", maxPageSize, n)
		return
	}
	cfg.PageSize = n
}

func (d *decoder) contact(e entry, c *Contact) {
	entries, _ := d.mapping(e.value, e.key)
	for _, f := range entries {
		if f.key != "feedback" && isBlank(f.value) {
			d.blank = append(d.blank, BlankKey{Key: "contact." + f.key, Pos: d.pos(f.keyAt)})
		}
		if isNull(f.value) {
			continue
		}
		switch f.key {
		case "address":
			d.setStr(f, &c.Address)
		case "phone":
			d.setStr(f, &c.Phone)
		case "email":
			d.setStr(f, &c.Email)
		case "website":
			d.setStr(f, &c.Website)
		case "feedback":
			d.feedback(f, c)
		case "hours":
			d.setStr(f, &c.Hours)
		}
	}
}

func (d *decoder) markdown(e entry, m *Markdown) {
	entries, _ := d.mapping(e.value, e.key)
	for _, f := range entries {
		if isNull(f.value) {
			continue
		}
		if b, ok := d.boolean(f.value, f.key); ok {
			m.Unsafe = b
		}
	}
}

// DefaultFeedback is the national public-service portal (Cổng Dịch vụ
// công quốc gia), where anyone can send a feedback or petition about an
// administrative procedure to any agency. Its home page is the default:
// the portal moves its inner pages (the feedback form of the former
// portal, /p/phananhkiennghi/pakn-gui-pakn.html, is one), while the home
// page always leads to "Phản ánh, kiến nghị".
const DefaultFeedback = "https://dichvucong.gov.vn/"

// feedback reads contact.feedback: an absolute http(s) address, because a
// reader follows it from every question page.
func (d *decoder) feedback(e entry, c *Contact) {
	s, ok := d.str(e.value, e.key)
	if !ok {
		return
	}
	if s == "" {
		c.Feedback = "" // the editor turned the channel off
		return
	}
	u, err := url.Parse(s)
	if err != nil || strings.ContainsFunc(s, unicode.IsSpace) || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") || u.User != nil {
		d.diags.Errorf(d.pos(resolve(e.value)), example("feedback"),
			"`feedback` (trang gửi phản ánh, kiến nghị trực tuyến) phải là địa chỉ đầy đủ bắt đầu bằng https://, không phải %s", quote(s))
		return
	}
	c.Feedback = s
}
