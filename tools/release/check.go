package main

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/cchc-vn/cchc/internal/newsite"
)

// check opens every archive again and checks it against what a release
// must hold, then runs the binary of this machine's target.
func (r *releaser) check(targets []string) error {
	sums, err := readChecksums(filepath.Join(r.out, "checksums.txt"))
	if err != nil {
		return err
	}
	if len(sums) != len(targets) {
		return fmt.Errorf("checksums.txt lists %d archives, want %d", len(sums), len(targets))
	}
	host := runtime.GOOS + "/" + runtime.GOARCH
	for _, t := range targets {
		name := archiveName(r.version, t)
		data, err := os.ReadFile(filepath.Join(r.out, name))
		if err != nil {
			return err
		}
		if got := fmt.Sprintf("%x", sha256.Sum256(data)); sums[name] != got {
			return fmt.Errorf("%s: checksums.txt says %s, the file hashes to %s", name, sums[name], got)
		}
		members, err := unpack(name, data)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := checkMembers(t, members); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if t == host {
			if err := r.runHost(members); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			if err := r.sameTwice(t, data); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		}
		fmt.Printf("ok\t%s\n", name)
	}
	return nil
}

func readChecksums(file string) (map[string]string, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sums := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok || len(sum) != 64 {
			return nil, fmt.Errorf("checksums.txt: line %q is not `sha256  name`", sc.Text())
		}
		sums[name] = sum
	}
	return sums, sc.Err()
}

// unpack reads an archive's members.
func unpack(name string, data []byte) ([]member, error) {
	var out []member
	if strings.HasSuffix(name, ".zip") {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return nil, err
		}
		for _, f := range zr.File {
			if f.NonUTF8 {
				return nil, fmt.Errorf("%s: name not marked UTF-8", f.Name)
			}
			rc, err := f.Open()
			if err != nil {
				return nil, err
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return nil, err
			}
			out = append(out, member{f.Name, f.Mode(), b})
		}
		return out, nil
	}
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		out = append(out, member{h.Name, os.FileMode(h.Mode), b})
	}
}

// checkMembers checks the files of one archive: exactly the expected
// names, an executable binary for the right system, the README, and on
// Windows the launchers as newsite writes them.
func checkMembers(target string, members []member) error {
	goos, _, _ := strings.Cut(target, "/")
	exe := "cchc"
	want := []string{"README.md", "cchc"}
	if goos == "windows" {
		exe = "cchc.exe"
		want = []string{"README.md", "cchc.exe", newsite.CreatorName, newsite.LauncherName}
	}
	var names []string
	byName := map[string]member{}
	for _, m := range members {
		names = append(names, m.name)
		byName[m.name] = m
	}
	slices.Sort(names)
	slices.Sort(want)
	if !slices.Equal(names, want) {
		return fmt.Errorf("holds %q, want %q", names, want)
	}
	bin := byName[exe]
	if bin.mode&0o111 == 0 {
		return fmt.Errorf("%s is not executable (mode %v)", exe, bin.mode)
	}
	magic := map[string][]byte{"windows": []byte("MZ"), "linux": []byte("\x7fELF"), "darwin": {0xcf, 0xfa, 0xed, 0xfe}}[goos]
	if !bytes.HasPrefix(bin.data, magic) {
		return fmt.Errorf("%s is not a %s executable", exe, goos)
	}
	if len(byName["README.md"].data) < 1000 {
		return errors.New("README.md is missing its text")
	}
	if goos == "windows" {
		launchers, err := newsite.Launchers()
		if err != nil {
			return err
		}
		for name, text := range launchers {
			if !bytes.Equal(byName[name].data, text) {
				return fmt.Errorf("%s differs from the launcher newsite writes", name)
			}
		}
	}
	return nil
}

// runHost runs the archive's binary as a commune would: the version it
// says, and a new site that checks clean and pins this version.
func (r *releaser) runHost(members []member) error {
	dir, err := os.MkdirTemp("", "cchc-release-run-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "cchc")
	for _, m := range members {
		if m.name == "cchc" || m.name == "cchc.exe" {
			if err := os.WriteFile(bin, m.data, 0o755); err != nil {
				return err
			}
		}
	}
	out, err := exec.Command(bin, "version").CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "cchc "+r.version {
		return fmt.Errorf("`cchc version` said %q (%v), want %q", out, err, "cchc "+r.version)
	}
	site := filepath.Join(dir, "xa")
	if out, err := exec.Command(bin, "init", site, "--name", "Xã Thử Nghiệm", "--province", "Nghệ An").CombinedOutput(); err != nil {
		return fmt.Errorf("cchc init: %v\n%s", err, out)
	}
	workflow, err := os.ReadFile(filepath.Join(site, ".github", "workflows", "publish.yml"))
	if err != nil {
		return err
	}
	if pin := fmt.Sprintf("CCHC_VERSION: %q", r.version); !bytes.Contains(workflow, []byte(pin)) {
		return fmt.Errorf("the workflow of a new site does not pin %s", pin)
	}
	out, err = exec.Command(bin, "check", "-s", site).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "0 lỗi, 0 cảnh báo") {
		return fmt.Errorf("cchc check on a new site: %v\n%s", err, out)
	}
	return nil
}

// sameTwice builds the target again and compares the archive's bytes:
// a release must be reproducible.
func (r *releaser) sameTwice(target string, first []byte) error {
	stamp, err := sourceTime()
	if err != nil {
		return err
	}
	again, err := r.archive(target, stamp)
	if err != nil {
		return err
	}
	if !bytes.Equal(first, again) {
		return errors.New("a second build gave different bytes: the release is not reproducible")
	}
	return nil
}
