// Package newsite writes a complete new site for `cchc init`: site.yaml
// with the commune's names and the topic vocabulary written out in full,
// content/ with the home page, the about page, every section's intro and
// one example draft per section, a README for the editors, .gitignore,
// the Windows preview launcher, and a publishing workflow for a
// content-only repository that fetches a pinned, released cchc. The
// files are templates embedded in the binary (skeleton/, delimiters
// [[ ]] so that GitHub's ${{ }} stays as it is).
package newsite

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/viet"
)

//go:embed all:skeleton
var skeleton embed.FS

// Repo is where cchc is released: the generated workflow downloads the
// binary from its releases.
const Repo = "cchc-vn/cchc"

// Options say what site to create.
type Options struct {
	Dir      string // folder to create, or an empty one
	Name     string // "Xã Diễn Châu", "Phường Vinh Phú", or just "Diễn Châu"
	Province string // "Nghệ An" or "Tỉnh Nghệ An"
	BaseURL  string // optional: the column's address on the portal
	// Version is the cchc release the workflow pins ("v0.3.1"); empty when
	// this binary is not a release, and the workflow then asks for one.
	Version string
	Now     time.Time
}

// UsageError is a mistake in what was asked (a blank name, a bad URL, a
// folder that is not empty): nothing is written and the command exits 2.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usageErrorf(format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...)}
}

// files maps each skeleton file to where it goes in the new site.
// Hidden and non-ASCII names cannot be embedded as they are.
var files = []struct{ from, to string }{
	{"site.yaml", "site.yaml"},
	{"README.md", "README.md"},
	{"gitignore", ".gitignore"},
	{"github-workflows/publish.yml", ".github/workflows/publish.yml"},
	{"github-actions-tai-cchc/action.yml", ".github/actions/tai-cchc/action.yml"},
	{"xem-thu.cmd", LauncherName},
	{"content/_index.md", "content/_index.md"},
	{"content/gioi-thieu.md", "content/gioi-thieu.md"},
	{"content/bai-viet/_index.md", "content/bai-viet/_index.md"},
	{"content/bai-viet/vi-du-bai-viet.md", "content/bai-viet/vi-du-bai-viet.md"},
	{"content/van-ban/_index.md", "content/van-ban/_index.md"},
	{"content/van-ban/vi-du-ke-hoach-tuyen-truyen/index.md", "content/van-ban/vi-du-ke-hoach-tuyen-truyen/index.md"},
	{"content/van-ban/vi-du-ke-hoach-tuyen-truyen/ke-hoach.pdf", "content/van-ban/vi-du-ke-hoach-tuyen-truyen/ke-hoach.pdf"},
	{"content/hoi-dap/_index.md", "content/hoi-dap/_index.md"},
	{"content/hoi-dap/vi-du-hoi-dap.md", "content/hoi-dap/vi-du-hoi-dap.md"},
	{"content/thu-tuc/_index.md", "content/thu-tuc/_index.md"},
	{"content/thu-tuc/vi-du-thu-tuc.md", "content/thu-tuc/vi-du-thu-tuc.md"},
	{"content/su-kien/_index.md", "content/su-kien/_index.md"},
	{"content/su-kien/vi-du-su-kien.md", "content/su-kien/vi-du-su-kien.md"},
}

// LauncherName is the Windows preview launcher: a double click runs
// `cchc serve --open` in its folder.
const LauncherName = "Xem thử.cmd"

// CreatorName is the Windows launcher of the release archive that asks
// for a commune's names and creates its site (`cchc init --ask`).
const CreatorName = "Tạo trang mới.cmd"

// Site is what Create wrote.
type Site struct {
	Org   string   // "UBND xã Diễn Châu"
	Files []string // relative to Dir, slash-separated, in the order written
}

// Create checks the options and writes the site into opts.Dir, which must
// not exist or be empty. On any error nothing is left.
func Create(opts Options) (*Site, error) {
	data, err := newData(opts)
	if err != nil {
		return nil, err
	}
	created, err := prepareDir(opts.Dir)
	if err != nil {
		return nil, err
	}
	var written []string
	fail := func(err error) (*Site, error) {
		undo(opts.Dir, written, created)
		return nil, err
	}
	for _, f := range files {
		text, err := render(f.from, data)
		if err != nil {
			return fail(err)
		}
		name := filepath.Join(opts.Dir, filepath.FromSlash(f.to))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return fail(fmt.Errorf("không tạo được thư mục %s: %w", filepath.Dir(name), err))
		}
		if err := os.WriteFile(name, text, 0o644); err != nil {
			return fail(fmt.Errorf("không ghi được tệp %s: %w", name, err))
		}
		written = append(written, f.to)
	}
	return &Site{Org: data.Org, Files: written}, nil
}

// Launchers returns the Windows launchers of the release archive, by
// file name, with Windows line ends.
func Launchers() (map[string][]byte, error) {
	data := &siteData{Repo: Repo}
	out := map[string][]byte{}
	for from, to := range map[string]string{"xem-thu.cmd": LauncherName, "tao-trang-moi.cmd": CreatorName} {
		text, err := render(from, data)
		if err != nil {
			return nil, err
		}
		out[to] = text
	}
	return out, nil
}

// siteData is what the templates see.
type siteData struct {
	Name, NameLower, Org, Province string
	ProvinceFull                   string // "tỉnh Nghệ An", "thành phố Huế"
	Description, BaseURL           string
	Version, Repo                  string
	Today, Year                    string
	Topics                         []config.Topic
}

func newData(opts Options) (*siteData, error) {
	name := cleanName(opts.Name)
	if name == "" {
		return nil, usageErrorf(`--name cần tên xã, ví dụ --name "Xã Diễn Châu"`)
	}
	province, provinceKind := cleanProvince(opts.Province)
	if province == "" {
		return nil, usageErrorf(`--province cần tên tỉnh, ví dụ --province "Nghệ An"`)
	}
	for _, s := range []string{name, province} {
		if strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) || r == '"' || r == '\\' }) {
			return nil, usageErrorf("tên %q có ký tự không dùng được (dấu ngoặc kép, dấu \\ hay ký tự điều khiển)", s)
		}
	}
	base := strings.TrimSpace(opts.BaseURL)
	if base != "" {
		cfg := config.Default()
		if err := cfg.SetBaseURL(base); err != nil {
			return nil, &UsageError{Msg: err.Error()}
		}
		base = cfg.BaseURL
	}
	lower := lowerFirst(name)
	now := opts.Now.In(viet.Location())
	return &siteData{
		Name: name, NameLower: lower, Org: "UBND " + lower,
		Province: province, ProvinceFull: provinceKind + " " + province,
		Description: fmt.Sprintf("Thông tin, hướng dẫn và kết quả thực hiện cải cách hành chính của UBND %s, %s %s, phục vụ người dân và doanh nghiệp.", lower, provinceKind, province),
		BaseURL:     base, Version: opts.Version, Repo: Repo,
		Today: now.Format("02/01/2006"), Year: strconv.Itoa(now.Year()),
		Topics: config.Default().Topics,
	}, nil
}

// unitKinds are the kinds of commune-level unit a name may start with.
var unitKinds = []string{"xã ", "phường ", "thị trấn ", "đặc khu "}

// cleanName makes "  diễn  châu " into "Xã Diễn Châu": NFC, single
// spaces, and the kind of unit in front (a commune unless it says
// otherwise).
func cleanName(s string) string {
	s = strings.Join(strings.Fields(viet.NFC(s)), " ")
	kind := "Xã "
	for _, k := range unitKinds {
		if rest, ok := cutPrefixFold(s+" ", k); ok {
			kind, s = upperFirst(k), strings.TrimSpace(rest)
			break
		}
	}
	if s == "" {
		return ""
	}
	// A place name capitalises every syllable: "quỳnh lưu" is Quỳnh Lưu.
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = upperFirst(w)
	}
	return kind + strings.Join(words, " ")
}

// cities are the centrally governed cities: a "thành phố", not a "tỉnh".
var cities = []string{"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"}

// cleanProvince splits "Tỉnh Nghệ An" into "Nghệ An" and "tỉnh", and
// "TP. Huế" or "Huế" into "Huế" and "thành phố".
func cleanProvince(s string) (name, kind string) {
	s = strings.Join(strings.Fields(viet.NFC(s)), " ") + " "
	kind = "tỉnh"
	for _, k := range []string{"tỉnh ", "thành phố ", "tp. ", "tp "} {
		if rest, ok := cutPrefixFold(s, k); ok {
			s = rest
			if k != "tỉnh " {
				kind = "thành phố"
			}
			break
		}
	}
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = upperFirst(w)
	}
	name = strings.Join(words, " ")
	for _, c := range cities {
		if strings.EqualFold(c, name) {
			kind = "thành phố"
		}
	}
	return name, kind
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

func upperFirst(s string) string {
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

func lowerFirst(s string) string {
	r := []rune(s)
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// render executes one skeleton template; .cmd files get Windows line
// ends, which cmd.exe needs to run labels and gotos reliably.
func render(name string, data *siteData) ([]byte, error) {
	src, err := fs.ReadFile(skeleton, path.Join("skeleton", name))
	if err != nil || path.Ext(name) == ".pdf" { // an attachment, copied as it is
		return src, err
	}
	t, err := template.New(name).Delims("[[", "]]").Option("missingkey=error").Funcs(template.FuncMap{
		"q":     yamlQuote,
		"qlist": yamlList,
	}).Parse(string(src))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return nil, err
	}
	out := b.Bytes()
	if strings.HasSuffix(name, ".cmd") {
		out = bytes.ReplaceAll(out, []byte("\n"), []byte("\r\n"))
	}
	return out, nil
}

// yamlQuote writes s as a double-quoted YAML string.
func yamlQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	return `"` + r.Replace(s) + `"`
}

func yamlList(items []string) string {
	quoted := make([]string, len(items))
	for i, s := range items {
		quoted[i] = yamlQuote(s)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

// prepareDir makes sure dir can take the new site: it is created when
// missing (created reports that, so a failure removes it again), and
// refused when it holds anything.
func prepareDir(dir string) (created bool, err error) {
	if strings.TrimSpace(dir) == "" {
		return false, usageErrorf("thiếu thư mục cho trang mới — ví dụ: cchc init trang-xa --name \"Xã Diễn Châu\" --province \"Nghệ An\"")
	}
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return false, fmt.Errorf("không tạo được thư mục %s: %w", dir, err)
		}
		return true, nil
	case err != nil:
		if st, serr := os.Stat(dir); serr == nil && !st.IsDir() {
			return false, usageErrorf("%s là một tệp, không phải thư mục — chọn tên thư mục khác", dir)
		}
		return false, fmt.Errorf("không đọc được thư mục %s: %w", dir, err)
	case len(entries) > 0:
		return false, usageErrorf("thư mục %s đã có %d tệp, thư mục — cchc init chỉ tạo trang trong thư mục mới hoặc trống, để không ghi đè lên tệp nào; chọn tên thư mục khác", dir, len(entries))
	}
	return false, nil
}

// undo removes what a failed Create wrote.
func undo(dir string, written []string, created bool) {
	if created {
		os.RemoveAll(dir)
		return
	}
	for _, f := range written {
		os.Remove(filepath.Join(dir, filepath.FromSlash(f)))
	}
	// Folders made on the way, deepest first; a folder that is not empty
	// is left alone.
	for i := len(files) - 1; i >= 0; i-- {
		for d := path.Dir(files[i].to); d != "."; d = path.Dir(d) {
			os.Remove(filepath.Join(dir, filepath.FromSlash(d)))
		}
	}
}
