package mdcheck

import "testing"

func TestDangerousScheme(t *testing.T) {
	tests := []struct {
		dest  string
		image bool
		want  string
	}{
		{"https://dichvucong.gov.vn", false, ""},
		{"../bai-khac.md", false, ""},
		{"mailto:ubnd@xa.gov.vn", false, ""},
		{"javascript:alert(1)", false, "javascript:"},
		{"  JaVa\tScRiPt:alert(1)", false, "javascript:"},
		{"java\nscript:x", false, "javascript:"},
		{"&#106;avascript:x", false, "javascript:"},
		{"java\uFFFDscript:x", false, "javascript:"},
		{"vbscript:msgbox", false, "vbscript:"},
		{"file:///C:/a.pdf", false, "file:"},
		{"data:text/html,<b>", false, "data:"},
		{"data:image/png;base64,AAAA", false, "data:"},
		{"data:image/png;base64,AAAA", true, ""},
		{"DATA:image/webp,AAAA", true, ""},
		{"data:image/svg+xml,<svg>", true, "data:"},
		{"data:image/pngx,AAAA", true, "data:"},
	}
	for _, tt := range tests {
		if got := DangerousScheme(tt.dest, tt.image); got != tt.want {
			t.Errorf("DangerousScheme(%q, %v) = %q, want %q", tt.dest, tt.image, got, tt.want)
		}
	}
}

func TestRawHTMLRunsScript(t *testing.T) {
	tests := map[string]bool{
		`<a href="https://x.vn">`:              false,
		`<b>javascript: là gì</b>`:             false,
		`<a href="javascript:x">`:              true,
		`<a href = 'JAVA SCRIPT:x'>`:           true,
		"<img src=vbscript:x>":                 true,
		`<a href="&#106;avascript:x">`:         true,
		"<a href=`javascript:x`>":              true,
		`<iframe src="https://x.vn"></iframe>`: false,
	}
	for raw, want := range tests {
		if got := RawHTMLRunsScript(raw); got != want {
			t.Errorf("RawHTMLRunsScript(%q) = %v, want %v", raw, got, want)
		}
	}
}
