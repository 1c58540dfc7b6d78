package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportExitCodes: wrong usage is 2, content errors and failed writes
// are 1, a report is 0, and -h is 0.
func TestReportExitCodes(t *testing.T) {
	site := writeSite(t, map[string]string{"content/bai-viet/a.md": goodArticle})
	bad := writeSite(t, map[string]string{"content/bai-viet/a.md": strings.Replace(goodArticle, "2026-01-16", "31/04/2026", 1)})
	out := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"year and quarter", []string{"-s", site, "--year", "2026", "--quarter", "2026-Q1"}, exitUsage},
		{"year and from", []string{"-s", site, "--year", "2026", "--from", "01/01/2026"}, exitUsage},
		{"bad quarter", []string{"-s", site, "--quarter", "2026-Q0"}, exitUsage},
		{"bad date", []string{"-s", site, "--from", "32/01/2026", "--to", "01/02/2026"}, exitUsage},
		{"missing folder", []string{"-s", site, "-o", filepath.Join(out, "khong-co", "a.xlsx")}, exitUsage},
		{"bad extension", []string{"-s", site, "-o", filepath.Join(out, "a.pdf")}, exitUsage},
		{"missing site", []string{"-s", filepath.Join(site, "khong-co")}, exitUsage},
		{"content error", []string{"-s", bad, "--year", "2026"}, exitError},
		{"terminal only", []string{"-s", site, "--year", "2026"}, exitOK},
		{"workbook", []string{"-s", site, "--quarter", "2026-Q1", "-o", filepath.Join(out, "a.xlsx")}, exitOK},
		{"help", []string{"-h"}, exitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"report"}, tt.args...), &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout.String(), stderr.String())
			}
			if code == exitUsage && stderr.Len() == 0 {
				t.Error("wrong usage with nothing on stderr")
			}
		})
	}
	if _, err := os.Stat(filepath.Join(out, "a.xlsx")); err != nil {
		t.Errorf("no workbook written: %v", err)
	}
}
