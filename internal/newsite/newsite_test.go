package newsite

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/viet"
)

var testNow = time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)

func create(t *testing.T, opts Options) (string, *Site) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "xa")
	opts.Dir, opts.Now = dir, testNow
	site, err := Create(opts)
	if err != nil {
		t.Fatal(err)
	}
	return dir, site
}

// TestEverySkeletonFileIsWritten keeps the table of files and the
// skeleton folder in step: a template nobody lists would never reach a
// new site.
func TestEverySkeletonFileIsWritten(t *testing.T) {
	var onDisk []string
	fs.WalkDir(skeleton, "skeleton", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			onDisk = append(onDisk, strings.TrimPrefix(p, "skeleton/"))
		}
		return err
	})
	listed := []string{"tao-trang-moi.cmd"} // the release archive's, see Launchers
	for _, f := range files {
		listed = append(listed, f.from)
	}
	slices.Sort(onDisk)
	slices.Sort(listed)
	if !slices.Equal(onDisk, listed) {
		t.Errorf("skeleton holds %v\nfiles lists %v", onDisk, listed)
	}
}

// TestEveryPlanSectionHasItsIntro: the new site has an intro and an
// example for each section the generator knows by name (content's
// constants), so that a section added there is not forgotten here.
func TestEveryPlanSectionHasItsIntro(t *testing.T) {
	for _, sec := range append([]string{content.SectionArticles}, content.KindSections()...) {
		intro := slices.ContainsFunc(files, func(f struct{ from, to string }) bool { return f.to == "content/"+sec+"/_index.md" })
		example := slices.ContainsFunc(files, func(f struct{ from, to string }) bool {
			return strings.HasPrefix(f.to, "content/"+sec+"/vi-du-")
		})
		if !intro || !example {
			t.Errorf("section %s: intro %v, example %v", sec, intro, example)
		}
	}
}

func TestCreateWritesTheCommunesNames(t *testing.T) {
	dir, site := create(t, Options{Name: "phường  vinh phú", Province: "tỉnh Nghệ An", BaseURL: "https://vinhphu.nghean.gov.vn/cchc", Version: "v0.4.2"})
	if site.Org != "UBND phường Vinh Phú" {
		t.Errorf("Org = %q", site.Org)
	}
	data, err := os.ReadFile(filepath.Join(dir, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, ds := config.Parse("site.yaml", data)
	if len(ds) > 0 {
		t.Fatalf("site.yaml: %v", ds)
	}
	if cfg.Organization != "UBND phường Vinh Phú" || cfg.Province != "Nghệ An" || cfg.BaseURL != "https://vinhphu.nghean.gov.vn/cchc/" {
		t.Errorf("config = %q, %q, %q", cfg.Organization, cfg.Province, cfg.BaseURL)
	}
	// The vocabulary is written out in full, the same as the default.
	if got, want := cfg.Topics, config.Default().Topics; len(got) != len(want) {
		t.Fatalf("%d topics, want %d", len(got), len(want))
	} else {
		for i := range want {
			if got[i].Name != want[i].Name || got[i].Slug != want[i].Slug || !slices.Equal(got[i].Aliases, want[i].Aliases) || got[i].Description != want[i].Description {
				t.Errorf("topic %d = %+v, want %+v", i, got[i], want[i])
			}
		}
	}
	blank := []string{}
	for _, b := range cfg.Blank {
		blank = append(blank, b.Key)
	}
	if want := []string{"contact.address", "contact.phone", "contact.email", "contact.website", "contact.hours"}; !slices.Equal(blank, want) {
		t.Errorf("blank keys = %v, want %v", blank, want)
	}
	workflow, _ := os.ReadFile(filepath.Join(dir, ".github", "workflows", "publish.yml"))
	for _, want := range []string{`CCHC_VERSION: "v0.4.2"`, `CCHC_REPO: "cchc-vn/cchc"`, "uses: ./.github/actions/tai-cchc", "${{ github.ref }}"} {
		if !bytes.Contains(workflow, []byte(want)) {
			t.Errorf("publish.yml lacks %s", want)
		}
	}
	home, _ := os.ReadFile(filepath.Join(dir, "content", "_index.md"))
	if !bytes.Contains(home, []byte(`title: "Chuyên mục Cải cách hành chính phường Vinh Phú"`)) {
		t.Errorf("home page:\n%s", home)
	}
}

func TestCleanName(t *testing.T) {
	for in, want := range map[string]string{
		"Xã Diễn Châu":       "Xã Diễn Châu",
		"  diễn   châu ":     "Xã Diễn Châu",
		"xã diễn châu":       "Xã Diễn Châu",
		"PHƯỜNG Vinh Phú":    "Phường Vinh Phú",
		"thị trấn Quán Hành": "Thị trấn Quán Hành",
		"đặc khu Cô Tô":      "Đặc khu Cô Tô",
		"Xã":                 "",
		"xã   ":              "",
		"   ":                "",
		"Phường 1":           "Phường 1",
	} {
		if got := cleanName(in); got != want {
			t.Errorf("cleanName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCreateRefusesAndWritesNothing(t *testing.T) {
	parent := t.TempDir()
	full := filepath.Join(parent, "co-san")
	os.Mkdir(full, 0o755)
	os.WriteFile(filepath.Join(full, "ghi-chu.txt"), []byte("x"), 0o644)
	file := filepath.Join(parent, "tep")
	os.WriteFile(file, []byte("x"), 0o644)
	for _, tc := range []struct {
		name string
		opts Options
		want string
	}{
		{"blank name", Options{Dir: filepath.Join(parent, "a"), Name: " \t ", Province: "Nghệ An"}, "--name cần tên xã"},
		{"blank province", Options{Dir: filepath.Join(parent, "a"), Name: "Diễn Châu", Province: "Tỉnh "}, "--province cần tên tỉnh"},
		{"quote in name", Options{Dir: filepath.Join(parent, "a"), Name: `Diễn "Châu"`, Province: "Nghệ An"}, "có ký tự không dùng được"},
		{"bad base URL", Options{Dir: filepath.Join(parent, "a"), Name: "Diễn Châu", Province: "Nghệ An", BaseURL: "ftp://x/"}, "--base-url"},
		{"folder not empty", Options{Dir: full, Name: "Diễn Châu", Province: "Nghệ An"}, "đã có 1 tệp"},
		{"a file", Options{Dir: file, Name: "Diễn Châu", Province: "Nghệ An"}, "là một tệp"},
		{"no folder", Options{Dir: " ", Name: "Diễn Châu", Province: "Nghệ An"}, "thiếu thư mục"},
	} {
		_, err := Create(tc.opts)
		var ue *UsageError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want a UsageError with %q", tc.name, err, tc.want)
		}
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 2 {
		t.Errorf("refusals left %d entries in the parent folder, want the 2 made by the test", len(entries))
	}
	if got, _ := os.ReadDir(full); len(got) != 1 {
		t.Errorf("the non-empty folder now holds %d entries", len(got))
	}
}

// TestUndoRemovesOnlyWhatCreateWrote: a folder Create made goes whole;
// in a folder that was there before, only the files written and the
// folders made for them go.
func TestUndoRemovesOnlyWhatCreateWrote(t *testing.T) {
	fresh := filepath.Join(t.TempDir(), "moi")
	os.MkdirAll(fresh, 0o755)
	os.WriteFile(filepath.Join(fresh, "site.yaml"), nil, 0o644)
	undo(fresh, []string{"site.yaml"}, true)
	if _, err := os.Stat(fresh); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("undo left %s: %v", fresh, err)
	}
	kept := filepath.Join(t.TempDir(), "co-san")
	os.MkdirAll(filepath.Join(kept, "content", "bai-viet"), 0o755)
	os.WriteFile(filepath.Join(kept, "content", "bai-viet", "vi-du-bai-viet.md"), nil, 0o644)
	undo(kept, []string{"content/bai-viet/vi-du-bai-viet.md"}, false)
	if entries, err := os.ReadDir(kept); err != nil || len(entries) != 0 {
		t.Errorf("undo left %v in a folder that was empty before (%v)", entries, err)
	}
	if _, err := os.Stat(kept); err != nil {
		t.Errorf("undo removed the folder that was there before: %v", err)
	}
}

func TestLaunchersRunInCmd(t *testing.T) {
	ls, err := Launchers()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{LauncherName, CreatorName} {
		text := ls[name]
		if len(text) == 0 {
			t.Fatalf("no %s", name)
		}
		lines := strings.Split(string(text), "\r\n")
		// cmd.exe reads the file in the console's code page until chcp
		// runs: everything before it must be ASCII, and no BOM.
		if lines[0] != "@echo off" || lines[1] != "chcp 65001 >nul" {
			t.Errorf("%s starts %q, %q", name, lines[0], lines[1])
		}
		if bytes.Contains(bytes.ReplaceAll(text, []byte("\r\n"), nil), []byte("\n")) {
			t.Errorf("%s has a line without CR", name)
		}
		if !strings.Contains(string(text), `"%~dp0cchc.exe"`) {
			t.Errorf("%s does not run the cchc.exe beside it", name)
		}
		// A ")" inside a parenthesised block would end it early: the
		// launchers use labels instead.
		if strings.Contains(string(text), "(\r\n") {
			t.Errorf("%s opens a block", name)
		}
	}
	if !strings.Contains(string(ls[LauncherName]), "serve --open") || !strings.Contains(string(ls[CreatorName]), "init --ask") {
		t.Error("launchers do not run what they say")
	}
	if !strings.Contains(string(ls[LauncherName]), "pause") {
		t.Error("the launcher does not keep its window open on an error")
	}
}

func TestSkeletonMarkdownIsNFC(t *testing.T) {
	fs.WalkDir(skeleton, "skeleton", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) == ".pdf" {
			return err
		}
		data, _ := fs.ReadFile(skeleton, p)
		if s := string(data); s != viet.NFC(s) {
			t.Errorf("%s is not NFC", p)
		}
		return nil
	})
}

func TestCleanProvince(t *testing.T) {
	for in, want := range map[string][2]string{
		"Nghệ An":         {"Nghệ An", "tỉnh"},
		"tỉnh  nghệ an":   {"Nghệ An", "tỉnh"},
		"Thành phố Huế":   {"Huế", "thành phố"},
		"TP. Hồ Chí Minh": {"Hồ Chí Minh", "thành phố"},
		"hà nội":          {"Hà Nội", "thành phố"},
		"Tỉnh ":           {"", "tỉnh"},
	} {
		if name, kind := cleanProvince(in); name != want[0] || kind != want[1] {
			t.Errorf("cleanProvince(%q) = %q, %q, want %q", in, name, kind, want)
		}
	}
}
