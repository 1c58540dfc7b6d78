package markdown

import (
	"strings"
	"testing"
)

func TestResolverReceivesPositions(t *testing.T) {
	src := strings.Join([]string{
		"Dòng 1",
		"Dòng 2",
		"",
		"Dòng 4",
		"",
		"Điều 5: [Luật](https://luat.vn) và ![ảnh](a.jpg)",
		"    [bài khác](../bai-khac.md)",
		"",
		"Gửi <vp@dienchau.gov.vn>, xem www.dienchau.gov.vn.",
		"",
		"[tham chiếu]",
		"",
		"[tham chiếu]: &#46;&#46;/ke-hoach.md",
	}, "\n")
	var got []Link
	New(Options{}).Render([]byte(src), func(l Link) (string, *Problem) {
		got = append(got, l)
		return l.Dest, nil
	})
	want := []Link{
		{Dest: "https://luat.vn", Line: 6, Col: 9},
		{Dest: "a.jpg", Image: true, Line: 6, Col: 36},
		{Dest: "../bai-khac.md", Line: 7, Col: 5},
		{Dest: "mailto:vp@dienchau.gov.vn", Line: 9, Col: 5},
		{Dest: "http://www.dienchau.gov.vn", Line: 9, Col: 31},
		{Dest: "../ke-hoach.md", Line: 11, Col: 1},
	}
	if len(got) != len(want) {
		t.Fatalf("resolver got %+v\nwant %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("link %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestResolverDestinationIsWritten(t *testing.T) {
	resolve := func(l Link) (string, *Problem) {
		switch l.Dest {
		case "../bai-khac.md":
			return "/cchc/bai-viet/bai-khac/", nil
		case "anh.jpg":
			return "/cchc/bai-viet/bai-nay/anh.jpg", nil
		}
		return l.Dest, nil
	}
	res, problems := New(Options{}).Render([]byte("[Bài khác](../bai-khac.md \"Xem\") ![Ảnh](anh.jpg) <https://x.vn/a?b=1&c=2>"), resolve)
	want := `<p><a href="/cchc/bai-viet/bai-khac/" title="Xem">Bài khác</a> ` +
		`<img src="/cchc/bai-viet/bai-nay/anh.jpg" alt="Ảnh" loading="lazy" decoding="async"> ` +
		`<a href="https://x.vn/a?b=1&amp;c=2">https://x.vn/a?b=1&amp;c=2</a></p>` + "\n"
	if string(res.HTML) != want {
		t.Errorf("HTML\n got %q\nwant %q", res.HTML, want)
	}
	if len(problems) != 0 {
		t.Errorf("problems = %+v, want none", problems)
	}
}

func TestResolverProblems(t *testing.T) {
	resolve := func(l Link) (string, *Problem) {
		switch l.Dest {
		case "../khong-co.md":
			return "", &Problem{Message: "không tìm thấy bài viết “../khong-co.md”", Hint: "kiểm tra lại tên tệp"}
		case "cu.md":
			return "/cchc/moi/", &Problem{Line: 2, Col: 7, Warning: true, Message: "liên kết tới bài đã đổi địa chỉ"}
		}
		return l.Dest, nil
	}
	src := "Đầu bài.\n\nXem [bài](../khong-co.md) và [cũ](cu.md)."
	res, problems := New(Options{}).Render([]byte(src), resolve)
	assertProblems(t, problems, []Problem{
		{Line: 3, Col: 5, Message: "không tìm thấy bài viết “../khong-co.md”", Hint: "kiểm tra lại tên tệp"},
		{Line: 2, Col: 7, Warning: true, Message: "liên kết tới bài đã đổi địa chỉ"},
	})
	want := `<p>Đầu bài.</p>` + "\n" + `<p>Xem <a href="../khong-co.md">bài</a> và <a href="/cchc/moi/">cũ</a>.</p>` + "\n"
	if string(res.HTML) != want {
		t.Errorf("HTML\n got %q\nwant %q", res.HTML, want)
	}
}

func TestResolverCannotReintroduceDangerousLinks(t *testing.T) {
	resolve := func(Link) (string, *Problem) { return "javascript:alert(1)", nil }
	res, problems := New(Options{}).Render([]byte("[a](b.md)"), resolve)
	if string(res.HTML) != "<p>a</p>\n" {
		t.Errorf("HTML = %q, want the text only", res.HTML)
	}
	if len(problems) != 1 || problems[0].Warning {
		t.Errorf("problems = %+v, want one error", problems)
	}
}

func TestDangerousLinksSkipTheResolver(t *testing.T) {
	called := false
	New(Options{}).Render([]byte("[a](javascript:x) ![b](vbscript:x) <file:///etc/passwd>"), func(l Link) (string, *Problem) {
		called = true
		return l.Dest, nil
	})
	if called {
		t.Error("resolver called for a dangerous destination")
	}
}
