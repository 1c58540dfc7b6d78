package pagefields

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/matter"
	"github.com/cchc-vn/cchc/internal/viet"
)

// articleFields are the front matter keys of an article, in the order the
// SPEC lists them; the others become Params and get a warning.
var articleFields = []string{
	"title", "date", "topics", "summary", "draft", "slug", "aliases",
	"author", "unit", "image", "image_alt", "updated", "featured", "description",
}

// KeyName says in Vietnamese what a front matter key is, for messages
// ("tiêu đề" for title), or returns the key when it has no name.
func KeyName(key string) string {
	switch key {
	case "title":
		return "tiêu đề"
	case "date":
		return "ngày đăng"
	case "topics":
		return "chủ đề"
	case "summary":
		return "tóm tắt"
	case "slug":
		return "đường dẫn"
	case "aliases":
		return "đường dẫn cũ"
	case "author":
		return "tác giả"
	case "unit":
		return "đơn vị"
	case "image":
		return "ảnh đại diện"
	case "image_alt":
		return "mô tả ảnh"
	case "updated":
		return "ngày cập nhật"
	case "draft":
		return "bản nháp"
	case "featured":
		return "bài nổi bật"
	case "description":
		return "mô tả"
	}
	if n := kindFieldName(key); n != "" {
		return n
	}
	return key
}

// decoder fills a Page from front matter fields, collecting diagnostics.
type decoder struct {
	file string
	cfg  *config.Config
	ds   *diag.List
	// known lists the keys this page may use, for "did you mean"
	// suggestions: a kind's own keys first, then the article's. Nil means
	// the article's.
	known []string
	// topicsOptional lets a kind's page have no topic, or an empty list.
	topicsOptional bool
}

func (d *decoder) pos(f matter.Field) diag.Position {
	return diag.Position{File: d.file, Line: f.Line, Col: f.Col}
}

func (d *decoder) valPos(v matter.Value) diag.Position {
	return diag.Position{File: d.file, Line: v.Line, Col: v.Col}
}

func (d *decoder) str(f matter.Field) (string, bool) {
	if f.Value.Kind != matter.Scalar || f.Value.Null {
		d.ds.Errorf(d.pos(f), fmt.Sprintf("viết `%s: \"…\"` trên một dòng", f.Key),
			"`%s` (%s) phải là một dòng chữ", f.Key, KeyName(f.Key))
		return "", false
	}
	return strings.TrimSpace(viet.NFC(f.Value.Text)), true
}

func (d *decoder) boolean(f matter.Field) bool {
	if f.Value.Kind != matter.Scalar || !f.Value.Bool {
		d.ds.Errorf(d.pos(f), fmt.Sprintf("viết `%s: true` hoặc `%s: false`", f.Key, f.Key),
			"`%s` (%s) chỉ nhận true hoặc false, không phải %q", f.Key, KeyName(f.Key), f.Value.Text)
		return false
	}
	return f.Value.Text == "true"
}

func (d *decoder) strList(f matter.Field) []matter.Value {
	switch {
	case f.Value.Kind == matter.List:
		var out []matter.Value
		for _, e := range f.Value.List {
			if e.Kind == matter.Scalar && strings.TrimSpace(e.Text) == "" {
				d.ds.Errorf(d.valPos(e), fmt.Sprintf("viết vào mục này, ví dụ `%s`, hoặc xóa dòng của nó", listItemExample(f.Key)),
					"một mục trong `%s` (%s) đang để trống", f.Key, KeyName(f.Key))
				continue
			}
			if e.Kind != matter.Scalar {
				d.ds.Errorf(d.valPos(e), fmt.Sprintf("mỗi mục là một dòng chữ, ví dụ `%s`", listItemExample(f.Key)),
					"mục trong `%s` (%s) phải là một dòng chữ", f.Key, KeyName(f.Key))
				continue
			}
			e.Text = strings.TrimSpace(viet.NFC(e.Text))
			out = append(out, e)
		}
		return out
	case f.Value.Kind == matter.Scalar && !f.Value.Null && strings.TrimSpace(f.Value.Text) != "":
		v := f.Value
		v.Text = strings.TrimSpace(viet.NFC(v.Text))
		return []matter.Value{v}
	}
	d.ds.Errorf(d.pos(f), fmt.Sprintf("viết dạng danh sách: `%s: [mục 1, mục 2]`", f.Key),
		"`%s` (%s) phải là một danh sách", f.Key, KeyName(f.Key))
	return nil
}

func (d *decoder) date(f matter.Field) time.Time {
	s, ok := d.str(f)
	if !ok {
		return time.Time{}
	}
	t, err := viet.ParseDate(s)
	if err != nil {
		hint := ""
		if de, ok := err.(*viet.DateError); ok {
			hint = de.Hint
		}
		d.ds.Errorf(diag.Position{File: d.file, Line: f.Value.Line, Col: f.Value.Col}, hint,
			"`%s` (%s): %s", f.Key, KeyName(f.Key), err.Error())
		return time.Time{}
	}
	return t
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// decodePage applies the fields to p. required lists the keys that must be
// present for this kind of page.
func (d *decoder) decodePage(p *content.Page, fields []matter.Field, required []string) {
	p.Lines = make(map[string]int, len(fields))
	for _, f := range fields {
		p.Lines[f.Key] = f.Line
		if blank(f) && slices.Contains(articleFields, f.Key) {
			// `author:`, `unit: ~`, `image: ""`: an optional key left
			// empty, as a template leaves it, is the same as absent.
			if slices.Contains(required, f.Key) {
				d.ds.Errorf(d.pos(f), blankHint(f.Key), "`%s` (%s) đang để trống", f.Key, KeyName(f.Key))
			}
			continue
		}
		switch f.Key {
		case "title":
			p.Title, _ = d.str(f)
		case "summary":
			p.Summary, _ = d.str(f)
		case "description":
			p.Description, _ = d.str(f)
		case "author":
			p.Author, _ = d.str(f)
		case "unit":
			p.Unit, _ = d.str(f)
		case "image":
			p.Image, _ = d.str(f)
		case "image_alt":
			p.ImageAlt, _ = d.str(f)
		case "date":
			p.Date = d.date(f)
		case "updated":
			p.Updated = d.date(f)
		case "draft":
			p.Draft = d.boolean(f)
		case "featured":
			p.Featured = d.boolean(f)
		case "slug":
			if s, ok := d.str(f); ok {
				p.Slug = d.slug(f, s)
			}
		case "topics":
			p.Topics = d.topics(f)
		case "aliases":
			for _, v := range d.strList(f) {
				if a, ok := d.alias(v); ok {
					p.Aliases = append(p.Aliases, a)
				}
			}
		default:
			if p.Params == nil {
				p.Params = map[string]any{}
			}
			p.Params[f.Key] = plain(f.Value)
			hint := "xóa dòng này nếu không dùng"
			known := d.known
			if known == nil {
				known = articleFields
			}
			if s := viet.Nearest(f.Key, known); s != "" {
				hint = fmt.Sprintf("có phải ý bạn là `%s`?", s)
			}
			d.ds.Warnf(d.pos(f), hint, "khóa `%s` không được hỗ trợ, sẽ bị bỏ qua", f.Key)
		}
	}
	first := diag.Position{File: d.file, Line: 1}
	for _, k := range required {
		if _, ok := p.Lines[k]; !ok {
			d.ds.Errorf(first, missingHint(k), "thiếu `%s` (%s) trong phần khai báo đầu bài", k, KeyName(k))
		}
	}
	if p.Image != "" && p.ImageAlt == "" {
		d.ds.Errorf(diag.Position{File: d.file, Line: p.Lines["image"]},
			"thêm `image_alt: \"mô tả ngắn nội dung ảnh\"` cho người dùng trình đọc màn hình",
			"ảnh đại diện thiếu `image_alt` (mô tả ảnh)")
	}
}

// listItemExample is an item of list key, as a line of a YAML list.
func listItemExample(key string) string {
	switch key {
	case "topics":
		return "- Một cửa"
	case "aliases":
		return "- /tin-tuc/bai-cu/"
	case "ho_so":
		return "- Tờ khai đăng ký khai sinh"
	case "dinh_kem":
		return "- ke-hoach.pdf"
	}
	return "- …"
}

// blankHint says what to write after a required key left empty.
func blankHint(key string) string {
	switch key {
	case "title":
		return "viết tiêu đề sau `title:`"
	case "date":
		return "viết ngày đăng sau `date:`, ví dụ `date: 16/01/2026`"
	case "topics":
		return "viết ít nhất một chủ đề trong danh mục, ví dụ `topics: [SIPAS]`"
	}
	return fmt.Sprintf("viết giá trị sau `%s:`", key)
}

func missingHint(key string) string {
	switch key {
	case "title":
		return "thêm dòng `title: \"Tiêu đề bài viết\"`"
	case "date":
		return "thêm dòng `date: 16/01/2026` (có thể kèm giờ 08:30)"
	case "topics":
		return "thêm dòng `topics: [SIPAS]` với tên chủ đề trong danh mục của chuyên mục"
	}
	return fmt.Sprintf("thêm dòng `%s: …`", key)
}

func (d *decoder) slug(f matter.Field, s string) string {
	switch {
	case strings.Contains(s, "/") || strings.Contains(s, `\`) || strings.Contains(s, ".."):
		d.ds.Errorf(d.pos(f), "chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ `ket-qua-sipas-2025`",
			"`slug` (đường dẫn) %q không được chứa `/`, `\\` hay `..`", s)
		return ""
	case s == "":
		d.ds.Errorf(d.pos(f), "xóa dòng `slug` để dùng tên tệp, hoặc viết một đường dẫn", "`slug` (đường dẫn) đang để trống")
		return ""
	case len(s) > content.MaxSlugLen:
		d.ds.Errorf(d.pos(f), "rút gọn đường dẫn", "`slug` (đường dẫn) dài %d ký tự, tối đa %d", len(s), content.MaxSlugLen)
		return ""
	case !slugRE.MatchString(s):
		hint := "chỉ dùng chữ thường không dấu, số và dấu gạch ngang"
		if v := viet.Slug(s); v != "" {
			hint = fmt.Sprintf("viết `slug: %s`", v)
		}
		d.ds.Errorf(d.pos(f), hint, "`slug` (đường dẫn) %q có ký tự không hợp lệ", s)
		return ""
	}
	return s
}

func (d *decoder) topics(f matter.Field) []string {
	var out []string
	for _, v := range d.strList(f) {
		t, ok := d.cfg.Topic(v.Text)
		if !ok {
			d.ds.Errorf(d.valPos(v), topicHint(d.cfg, v.Text), "chủ đề %q không có trong danh mục chủ đề", v.Text)
			continue
		}
		if !slices.Contains(out, t.Slug) {
			out = append(out, t.Slug)
		}
	}
	if len(out) == 0 && len(f.Value.List) == 0 && f.Value.Kind == matter.List && !d.topicsOptional {
		d.ds.Errorf(d.pos(f), blankHint("topics"), "`topics` (chủ đề) cần ít nhất một chủ đề")
	}
	return out
}

// maxTopicSuggestions is how many topics an unknown one's hint offers.
const maxTopicSuggestions = 3

// topicHint offers the topics nearest to an unknown one, and says where
// the vocabulary lives: site.yaml's own list, at its line, or the default
// one, which site.yaml may replace.
func topicHint(cfg *config.Config, name string) string {
	where := "Đây là danh mục chủ đề mặc định (README, mục 4); muốn thêm chủ đề, chép danh mục vào site.yaml (mục `topics:`) rồi sửa"
	if at := cfg.TopicsAt; at.File != "" {
		where = fmt.Sprintf("Danh mục chủ đề ở %s, dòng %d (mục `topics:`)", at.File, at.Line)
	}
	names := cfg.SuggestTopics(name, maxTopicSuggestions)
	if len(names) == 0 {
		return "dùng một chủ đề trong danh mục. " + where
	}
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = fmt.Sprintf("%q", n)
	}
	list := quoted[0]
	if len(quoted) > 1 {
		list = strings.Join(quoted[:len(quoted)-1], ", ") + " hay " + quoted[len(quoted)-1]
	}
	return fmt.Sprintf("có phải ý bạn là %s? %s", list, where)
}

// alias validates an old URL: a path on this site, below its base path.
func (d *decoder) alias(v matter.Value) (string, bool) {
	a := v.Text
	bad := strings.Contains(a, "://") || strings.HasPrefix(a, "//") || strings.ContainsAny(a, "\\?#\x00 ") ||
		strings.Contains(a, ":")
	segs := strings.Split(strings.Trim(a, "/"), "/")
	for _, s := range segs {
		if s == "" || s == "." || s == ".." {
			bad = true
		}
	}
	if bad {
		d.ds.Errorf(d.valPos(v), "viết đường dẫn cũ trong chuyên mục, ví dụ `aliases: [\"/tin-tuc/mot-cua-2025/\"]`",
			"`aliases` (đường dẫn cũ): %q không hợp lệ: chỉ nhận đường dẫn trong chuyên mục, không có `..`, dấu cách hay địa chỉ trang khác", a)
		return "", false
	}
	a = strings.Join(segs, "/")
	if !strings.HasSuffix(a, ".html") {
		a += "/"
	}
	return a, true
}

// plain turns a value into what templates of other sections can read.
func plain(v matter.Value) any {
	switch v.Kind {
	case matter.List:
		out := make([]any, len(v.List))
		for i, e := range v.List {
			out[i] = plain(e)
		}
		return out
	case matter.Map:
		out := make(map[string]any, len(v.Fields))
		for _, f := range v.Fields {
			out[f.Key] = plain(f.Value)
		}
		return out
	}
	if v.Bool {
		return v.Text == "true"
	}
	return viet.NFC(v.Text)
}
