package main

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"
)

// TestStandardFlagErrorsAreTold pins the English texts of the flag
// package that explain turns into Vietnamese: if Go changes one, the
// editor would see it raw, and this fails first.
func TestStandardFlagErrorsAreTold(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--draft"}, "không có tùy chọn --draft — có phải ý bạn là --drafts?"},
		{[]string{"-s"}, "tùy chọn -s cần một giá trị — viết -s SITE"},
		{[]string{"--port", "x"}, `giá trị "x" của --port không hợp lệ — cần một số nguyên, ví dụ --port 1313`},
		{[]string{"--drafts=co"}, `giá trị "co" của --drafts không hợp lệ — tùy chọn này chỉ bật hay tắt: viết --drafts hoặc --drafts=false`},
		{[]string{"---x"}, `tùy chọn "---x" viết sai — viết --tên hoặc --tên=giá-trị, ví dụ --port=1313`},
		{[]string{"-=x"}, `tùy chọn "-=x" viết sai — viết --tên hoặc --tên=giá-trị, ví dụ --port=1313`},
	} {
		var stderr bytes.Buffer
		fl := newFlagSet("thu", "cchc thu", io.Discard, &stderr)
		fl.String("s", ".", "thư mục `SITE`")
		fl.Bool("drafts", false, "bài nháp")
		fl.Int("port", 1313, "`CỔNG`")
		code, ok := fl.parse(tc.args)
		if ok || code != exitUsage {
			t.Errorf("%v: code %d, ok %v", tc.args, code, ok)
		}
		if first, _, _ := strings.Cut(stderr.String(), "\n"); first != "cchc thu: "+tc.want {
			t.Errorf("%v: %q\nwant %q", tc.args, first, "cchc thu: "+tc.want)
		}
	}
}

func TestHelpListsEveryFlagWithItsDefault(t *testing.T) {
	var stdout bytes.Buffer
	fl := newFlagSet("thu", "cchc thu [-s SITE]", &stdout, io.Discard)
	fl.String("s", ".", "thư mục `SITE`")
	fl.Int("port", 1313, "`CỔNG` của máy chủ")
	fl.Bool("open", false, "mở trình duyệt")
	fl.String("name", "", "`TÊN` xã")
	fl.Duration("wait", 0, "chờ")
	if code, ok := fl.parse([]string{"-h"}); ok || code != exitOK {
		t.Fatalf("-h: code %d, ok %v", code, ok)
	}
	want := []string{
		"Cách dùng: cchc thu [-s SITE]",
		"",
		"Tùy chọn:",
		"  --name TÊN",
		"      TÊN xã",
		"  --open",
		"      mở trình duyệt",
		"  --port CỔNG",
		"      CỔNG của máy chủ (mặc định: 1313)",
		"  -s SITE",
		"      thư mục SITE (mặc định: thư mục hiện tại)",
		"  --wait THỜI_GIAN",
		"      chờ",
		"",
	}
	if got := strings.Split(stdout.String(), "\n"); !slices.Equal(got, want) {
		t.Errorf("help:\n%s\nwant:\n%s", stdout.String(), strings.Join(want, "\n"))
	}
}

func TestBrowserCommand(t *testing.T) {
	const u = "http://127.0.0.1:1313/cchc/?q=a&b=c"
	for goos, want := range map[string][]string{
		"windows": {"rundll32", "url.dll,FileProtocolHandler", u},
		"darwin":  {"open", u},
		"linux":   {"xdg-open", u},
		"freebsd": {"xdg-open", u},
	} {
		name, args := browserCommand(goos, u)
		if got := append([]string{name}, args...); !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", goos, got, want)
		}
	}
}
