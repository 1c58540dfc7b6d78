package pipeline

import (
	"bytes"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/cache"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/publish"
)

// TestPageKeyCoversEveryField changes each field of a Page in turn: the
// key must change, or a cached page would survive an edit of that field.
func TestPageKeyCoversEveryField(t *testing.T) {
	base := content.Page{}
	want := base.Fingerprint()
	typ := reflect.TypeOf(base)
	for i := range typ.NumField() {
		p := base
		f := reflect.ValueOf(&p).Elem().Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString("x")
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Int:
			f.SetInt(7)
		case reflect.Slice:
			if f.Type().Elem().Kind() == reflect.Uint8 {
				f.SetBytes([]byte("x"))
			} else {
				f.Set(reflect.ValueOf([]string{"x"}))
			}
		case reflect.Map:
			m := reflect.MakeMap(f.Type())
			m.SetMapIndex(reflect.ValueOf("x"), reflect.New(f.Type().Elem()).Elem())
			f.Set(m)
		case reflect.Struct:
			f.Set(reflect.ValueOf(time.Date(2026, 1, 16, 0, 0, 0, 0, time.UTC)))
		case reflect.Array:
			f.Index(0).SetUint(1)
		case reflect.Pointer:
			// A kind's struct: present with every field zero, then each
			// of its fields set, must all give new keys.
			f.Set(reflect.New(f.Type().Elem()))
			if p.Fingerprint() == want {
				t.Errorf("pageKey ignores Page.%s", typ.Field(i).Name)
			}
			checkStructFields(t, &p, f.Elem(), typ.Field(i).Name)
			continue
		default:
			t.Fatalf("field %s of kind %s: teach this test and pageKey about it", typ.Field(i).Name, f.Kind())
		}
		if p.Fingerprint() == want {
			t.Errorf("pageKey ignores Page.%s", typ.Field(i).Name)
		}
	}
}

// checkStructFields sets each field of v (a struct inside p) in turn and
// expects a new key each time.
func checkStructFields(t *testing.T, p *content.Page, v reflect.Value, name string) {
	t.Helper()
	before := p.Fingerprint()
	for i := range v.NumField() {
		f := v.Field(i)
		old := reflect.New(f.Type()).Elem()
		old.Set(f)
		switch f.Kind() {
		case reflect.String:
			f.SetString("x")
		case reflect.Int64:
			f.SetInt(7)
		case reflect.Slice:
			f.Set(reflect.MakeSlice(f.Type(), 1, 1))
		case reflect.Struct:
			f.Set(reflect.ValueOf(time.Date(2026, 1, 16, 0, 0, 0, 0, time.UTC)))
		default:
			t.Fatalf("field %s.%s of kind %s: teach this test about it", name, v.Type().Field(i).Name, f.Kind())
		}
		if p.Fingerprint() == before {
			t.Errorf("pageKey ignores Page.%s.%s", name, v.Type().Field(i).Name)
		}
		f.Set(old)
	}
}

// sampleSite copies the frozen sample site into memory, so a test
// can edit it.
func sampleSite(t *testing.T) fstest.MapFS {
	t.Helper()
	site := fstest.MapFS{}
	root := os.DirFS(sampleDir)
	for _, dir := range []string{"content", "data"} { // data/: the charts' files
		if _, err := fs.Stat(root, dir); err != nil && dir == "data" {
			continue
		}
		err := fs.WalkDir(root, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(root, p)
			site[p] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	data, err := fs.ReadFile(root, "site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	site["site.yaml"] = &fstest.MapFile{Data: data}
	return site
}

func buildWith(t *testing.T, site fs.FS, store *cache.Store) map[string][]byte {
	t.Helper()
	var out publish.Collector
	_, ds := NewSession(store, "test").Build(Options{Site: site, Theme: cchc.Theme(), Now: testNow}, &out)
	if ds.HasErrors() {
		t.Fatalf("build: %v", ds)
	}
	return out.Files()
}

func sameFiles(t *testing.T, what string, got, want map[string][]byte) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d files, want %d", what, len(got), len(want))
	}
	for p, data := range want {
		if !bytes.Equal(got[p], data) {
			t.Errorf("%s: %s differs from a clean build", what, p)
		}
	}
}

// TestCachedBuildEqualsCleanBuild builds with a cold cache, a warm one,
// and a warm one after an edit of one article: every output must be the
// bytes of a clean build of the same files, and the warm builds must
// reuse the pages the edit did not touch.
func TestCachedBuildEqualsCleanBuild(t *testing.T) {
	dir := t.TempDir()
	site := sampleSite(t)
	clean := buildWith(t, site, nil)

	cold, _ := cache.Open(dir)
	sameFiles(t, "cold cache", buildWith(t, site, cold), clean)
	if err := cold.Save(); err != nil {
		t.Fatal(err)
	}

	warm, err := cache.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	sameFiles(t, "warm cache", buildWith(t, site, warm), clean)
	if warm.Hits() < 40 {
		t.Errorf("warm build reused %d pages", warm.Hits())
	}
	if err := warm.Save(); err != nil {
		t.Fatal(err)
	}

	const edited = "content/bai-viet/ket-qua-sipas-2025.md"
	src := string(site[edited].Data)
	site[edited] = &fstest.MapFile{Data: []byte(strings.Replace(src, "88,1%", "88,2%", 1))}
	if string(site[edited].Data) == src {
		t.Fatal("the edit changed nothing")
	}
	cleanEdited := buildWith(t, site, nil)
	again, _ := cache.Open(dir)
	sameFiles(t, "after an edit", buildWith(t, site, again), cleanEdited)
	if hits := again.Hits(); hits < 30 || hits >= warm.Hits() {
		t.Errorf("after one edit the build reused %d pages (warm: %d)", hits, warm.Hits())
	}
}

// TestCorruptCacheIsIgnored damages the pack: the build says nothing wrong
// about the site and makes the bytes of a clean build.
func TestCorruptCacheIsIgnored(t *testing.T) {
	dir := t.TempDir()
	site := sampleSite(t)
	clean := buildWith(t, site, nil)
	s, _ := cache.Open(dir)
	buildWith(t, site, s)
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	pack := dir + "/" + entries[0].Name()
	data, _ := os.ReadFile(pack)
	data[len(data)/2] ^= 0xff
	if err := os.WriteFile(pack, data, 0o644); err != nil {
		t.Fatal(err)
	}
	damaged, err := cache.Open(dir)
	if err == nil {
		t.Fatal("a damaged pack opened without an error")
	}
	sameFiles(t, "damaged cache", buildWith(t, site, damaged), clean)
	if damaged.Hits() != 0 {
		t.Errorf("%d pages taken from a damaged cache", damaged.Hits())
	}
}

// TestResultHandsOverPageKeys: a build with a page cache gives the keys it
// computed, each the page's Fingerprint, for the preview's rules memo;
// a build without one gives none.
func TestResultHandsOverPageKeys(t *testing.T) {
	opts := Options{Site: sampleSite(t), Theme: cchc.Theme(), Now: testNow}
	res, ds := NewSession(cache.NewMemory(), "test").Build(opts, &publish.Collector{})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	if len(res.PageKeys) < 40 || len(res.PageKeys) != len(res.Site.ByPath) {
		t.Fatalf("%d keys for %d pages", len(res.PageKeys), len(res.Site.ByPath))
	}
	for p, k := range res.PageKeys {
		if k != p.Fingerprint() {
			t.Errorf("%s: the key handed over is not the page's fingerprint", p.Source)
		}
	}
	if res, _ := Build(opts, &publish.Collector{}); res.PageKeys != nil {
		t.Error("a build without a cache hands over keys")
	}
}
