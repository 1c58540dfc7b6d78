package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cchc-vn/cchc/internal/newsite"
)

type releaser struct {
	version string
	out     string
}

// member is one file of an archive.
type member struct {
	name string
	mode os.FileMode
	data []byte
}

// archiveName is the file a target ships in; the workflow `cchc init`
// writes downloads the linux/amd64 one by this name.
func archiveName(version, target string) string {
	goos, goarch, _ := strings.Cut(target, "/")
	ext := ".tar.gz"
	if goos == "windows" {
		ext = ".zip"
	}
	return fmt.Sprintf("cchc_%s_%s_%s%s", strings.TrimPrefix(version, "v"), goos, goarch, ext)
}

// build writes every target's archive into r.out, then checksums.txt.
func (r *releaser) build(targets []string) error {
	if err := os.RemoveAll(r.out); err != nil {
		return err
	}
	if err := os.MkdirAll(r.out, 0o755); err != nil {
		return err
	}
	stamp, err := sourceTime()
	if err != nil {
		return err
	}
	var sums []string
	for _, t := range targets {
		data, err := r.archive(t, stamp)
		if err != nil {
			return fmt.Errorf("%s: %w", t, err)
		}
		name := archiveName(r.version, t)
		if err := os.WriteFile(filepath.Join(r.out, name), data, 0o644); err != nil {
			return err
		}
		sums = append(sums, fmt.Sprintf("%x  %s\n", sha256.Sum256(data), name))
		fmt.Printf("%s\t%d bytes\n", name, len(data))
	}
	slices.Sort(sums)
	return os.WriteFile(filepath.Join(r.out, "checksums.txt"), []byte(strings.Join(sums, "")), 0o644)
}

// archive builds one target's binary and packs it.
func (r *releaser) archive(target string, stamp time.Time) ([]byte, error) {
	members, err := r.members(target)
	if err != nil {
		return nil, err
	}
	if strings.HasPrefix(target, "windows/") {
		return zipOf(members, stamp)
	}
	return tarGzOf(members, stamp)
}

// members lists what goes into a target's archive.
func (r *releaser) members(target string) ([]member, error) {
	bin, err := r.binary(target)
	if err != nil {
		return nil, err
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		return nil, err
	}
	exe := "cchc"
	if strings.HasPrefix(target, "windows/") {
		exe = "cchc.exe"
	}
	ms := []member{{exe, 0o755, bin}, {"README.md", 0o644, readme}}
	if strings.HasPrefix(target, "windows/") {
		launchers, err := newsite.Launchers()
		if err != nil {
			return nil, err
		}
		for _, name := range slices.Sorted(func(yield func(string) bool) {
			for n := range launchers {
				if !yield(n) {
					return
				}
			}
		}) {
			ms = append(ms, member{name, 0o644, launchers[name]})
		}
	}
	return ms, nil
}

// binary cross-compiles cmd/cchc for target, reproducibly: no paths of
// this machine (-trimpath), no build ID, no cgo, the version injected.
func (r *releaser) binary(target string) ([]byte, error) {
	goos, goarch, _ := strings.Cut(target, "/")
	tmp, err := os.MkdirTemp("", "cchc-release-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "cchc")
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false",
		"-ldflags", "-s -w -buildid= -X main.releaseVersion="+r.version,
		"-o", bin, "./cmd/cchc")
	cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH="+goarch, "CGO_ENABLED=0", "GOFLAGS=")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("go build: %w", err)
	}
	return os.ReadFile(bin)
}

// sourceTime is the time every archive entry carries: SOURCE_DATE_EPOCH
// when set (the reproducible-builds convention), else the commit's time,
// so the same commit gives the same bytes on any machine and day.
func sourceTime() (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH %q: %w", s, err)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	out, err := exec.Command("git", "log", "-1", "--format=%ct").Output()
	if err != nil {
		return time.Time{}, fmt.Errorf("git log (set SOURCE_DATE_EPOCH outside a repository): %w", err)
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64)
	if err != nil {
		return time.Time{}, err
	}
	return time.Unix(n, 0).UTC(), nil
}

// zipOf packs members for Windows. Names are stored in UTF-8 with the
// UTF-8 flag (Go sets it for any non-ASCII name), which Windows 10 and 11
// read, so "Xem thử.cmd" keeps its name.
func zipOf(members []member, stamp time.Time) ([]byte, error) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, m := range members {
		h := &zip.FileHeader{Name: m.name, Method: zip.Deflate, Modified: stamp}
		h.SetMode(m.mode)
		w, err := zw.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(m.data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// tarGzOf packs members for macOS and Linux, owned by root, with no
// user names, times or gzip header fields of this machine.
func tarGzOf(members []member, stamp time.Time) ([]byte, error) {
	var b bytes.Buffer
	gz, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	gz.ModTime = stamp
	tw := tar.NewWriter(gz)
	for _, m := range members {
		h := &tar.Header{
			Name: m.name, Mode: int64(m.mode), Size: int64(len(m.data)),
			ModTime: stamp, Typeflag: tar.TypeReg,
		}
		if err := tw.WriteHeader(h); err != nil {
			return nil, err
		}
		if _, err := io.Copy(tw, bytes.NewReader(m.data)); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
