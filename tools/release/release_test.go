package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/cchc-vn/cchc/internal/newsite"
)

func TestArchiveName(t *testing.T) {
	for target, want := range map[string]string{
		"windows/amd64": "cchc_0.3.1_windows_amd64.zip",
		"darwin/arm64":  "cchc_0.3.1_darwin_arm64.tar.gz",
		"linux/amd64":   "cchc_0.3.1_linux_amd64.tar.gz", // the name the commune's workflow downloads
	} {
		if got := archiveName("v0.3.1", target); got != want {
			t.Errorf("%s: %s, want %s", target, got, want)
		}
	}
}

func TestArchivesAreReproducibleAndReadBack(t *testing.T) {
	launchers, err := newsite.Launchers()
	if err != nil {
		t.Fatal(err)
	}
	members := []member{{"cchc.exe", 0o755, append([]byte("MZ"), make([]byte, 100)...)}, {"README.md", 0o644, bytes.Repeat([]byte("x"), 2000)}}
	for name, text := range launchers {
		members = append(members, member{name, 0o644, text})
	}
	stamp := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		pack func([]member, time.Time) ([]byte, error)
	}{{"x.zip", zipOf}, {"x.tar.gz", tarGzOf}} {
		a, err := tc.pack(members, stamp)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := tc.pack(members, stamp)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two packings differ", tc.name)
		}
		back, err := unpack(tc.name, a)
		if err != nil {
			t.Fatal(err)
		}
		if len(back) != len(members) {
			t.Fatalf("%s: %d members back, want %d", tc.name, len(back), len(members))
		}
		for i, m := range back {
			if m.name != members[i].name || m.mode.Perm() != members[i].mode || !bytes.Equal(m.data, members[i].data) {
				t.Errorf("%s: member %d came back as %q %v", tc.name, i, m.name, m.mode)
			}
		}
	}
	// A Windows archive without its launchers is refused.
	if err := checkMembers("windows/amd64", members[:2]); err == nil || !strings.Contains(err.Error(), "want") {
		t.Errorf("missing launchers: %v", err)
	}
	if err := checkMembers("windows/amd64", members); err != nil {
		t.Errorf("complete archive: %v", err)
	}
	if err := checkMembers("linux/amd64", []member{{"cchc", 0o755, []byte("MZ")}, members[1]}); err == nil {
		t.Error("a Windows binary passed as Linux")
	}
}
