package main

import (
	"archive/zip"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestZipEqualsDirectoryBuild builds the repository's sample site into a
// folder and into an archive: the archive holds exactly the folder's files,
// byte for byte, under cchc/ (the last segment of the sample's base path).
func TestZipEqualsDirectoryBuild(t *testing.T) {
	tmp := t.TempDir()
	dir, file := filepath.Join(tmp, "public"), filepath.Join(tmp, "cchc.zip")
	for _, args := range [][]string{{"-d", dir}, {"--zip", file}} {
		var stderr bytes.Buffer
		if code := run(append([]string{"build", "-s", sampleDir}, args...), &bytes.Buffer{}, &stderr); code != exitOK {
			t.Fatalf("build %v: exit %d\n%s", args, code, stderr.String())
		}
	}

	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	top, err := fs.Sub(zr, "cchc")
	if err != nil {
		t.Fatal(err)
	}
	inZip := map[string]bool{}
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "cchc/") {
			t.Errorf("entry %q outside the top folder cchc/", f.Name)
		}
		if !strings.HasSuffix(f.Name, "/") {
			inZip[strings.TrimPrefix(f.Name, "cchc/")] = true
		}
	}

	n := 0
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		n++
		want, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		got, err := fs.ReadFile(top, rel)
		if err != nil {
			t.Errorf("%s: in the folder, not in the archive: %v", rel, err)
			return nil
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: differs between the folder and the archive", rel)
		}
		delete(inZip, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for rel := range inZip {
		t.Errorf("%s: in the archive, not in the folder", rel)
	}
	if n < 40 {
		t.Errorf("sample site gave only %d files", n)
	}
}
