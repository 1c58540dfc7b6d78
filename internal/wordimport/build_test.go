package wordimport

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/check"
	"github.com/cchc-vn/cchc/internal/pipeline"
	"github.com/cchc-vn/cchc/internal/publish"
	"github.com/cchc-vn/cchc/internal/scaffold"
)

// TestImportedPagesBuild imports the plan and the fixtures into a site of
// their own, as `cchc import` writes them, and runs the real pipeline on
// it with the default theme: the drafts build with --drafts (and
// --future: the answer is dated November) without an error, and `cchc
// check` finds no error in them.
func TestImportedPagesBuild(t *testing.T) {
	root := t.TempDir()
	for _, s := range []string{"bai-viet", "van-ban", "hoi-dap"} {
		if err := os.MkdirAll(filepath.Join(root, "content", s), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	docs := []struct {
		slug, section string
		data          []byte
	}{
		{"ke-hoach", "van-ban", planDocx(t)},
		{"ke-hoach-bai", "bai-viet", planDocx(t)},
		{"quyet-dinh", "van-ban", decisionDocx()},
		{"hoi-dap", "hoi-dap", qaDocx()},
		{"thong-bao", "bai-viet", legacyDocx()},
	}
	pages := map[string]string{}
	for _, d := range docs {
		target, err := scaffold.Prepare(root, d.section, d.slug, []string{"Cải cách thủ tục hành chính"})
		if err != nil {
			t.Fatal(err)
		}
		opts := Options{Section: d.section, Topics: target.Topics, Organization: "UBND xã Diễn Châu"}
		if d.section == "van-ban" {
			opts.Attachment = d.slug + ".docx"
		}
		res := importBytes(t, d.data, opts)
		var files []scaffold.File
		for _, f := range res.Files {
			files = append(files, scaffold.File{Name: f.Name, Data: f.Data})
		}
		if opts.Attachment != "" {
			files = append(files, scaffold.File{Name: opts.Attachment, Data: d.data})
		}
		rel, err := target.WriteBundle(d.slug, res.Markdown, files)
		if err != nil {
			t.Fatal(err)
		}
		pages[d.slug] = rel
	}
	var out publish.Collector
	_, ds := pipeline.Build(pipeline.Options{Site: os.DirFS(root), Theme: cchc.Theme(), Now: now, Drafts: true, Future: true}, &out)
	if ds.HasErrors() {
		t.Fatalf("build --drafts:\n%v", ds)
	}
	plan := string(out.Files()["van-ban/ke-hoach/index.html"])
	for _, want := range []string{"<h2 id=i-muc-dich>I. MỤC ĐÍCH</h2>", "<ol>", "<li>Nâng cao nhận thức", "ke-hoach.docx"} {
		if !strings.Contains(plan, want) {
			t.Errorf("the plan's page lacks %q", want)
		}
	}
	qa := string(out.Files()["hoi-dap/hoi-dap/index.html"])
	for _, want := range []string{"anh-1.jpg", `alt="Cán bộ Công an xã thu nhận ảnh chân dung của một cháu nhỏ"`, "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html"} {
		if !strings.Contains(qa, want) {
			t.Errorf("the answer's page lacks %q", want)
		}
	}
	if _, ok := out.Files()["hoi-dap/hoi-dap/anh-2.png"]; !ok {
		t.Error("the answer's second image is not in the output")
	}
	for _, d := range check.Run(pipeline.Options{Site: os.DirFS(root), Theme: cchc.Theme(), Now: now}) {
		if d.Severity.Label() == "lỗi" {
			t.Errorf("check: %s", d)
		}
	}
}
