package diag

import (
	"strings"
	"testing"
)

func TestDiagnosticString(t *testing.T) {
	tests := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Pos: Position{"content/a.md", 3, 7}, Message: "sai", Hint: "sửa"}, "content/a.md:3:7: lỗi: sai — sửa"},
		{Diagnostic{Pos: Position{"content/a.md", 3, 0}, Severity: Warning, Message: "lạ"}, "content/a.md:3: cảnh báo: lạ"},
		{Diagnostic{Pos: Position{"site.yaml", 0, 0}, Message: "thiếu"}, "site.yaml: lỗi: thiếu"},
		{Diagnostic{Message: "chung", Hint: "làm lại"}, "lỗi: chung — làm lại"},
		{Diagnostic{Pos: Position{"content/a.md", 3, 0}, Severity: Note, Message: "hẹn đăng"}, "content/a.md:3: ghi chú: hẹn đăng"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestListSortCountAndErrors(t *testing.T) {
	var l List
	l.Warnf(Position{"b.md", 1, 1}, "", "w")
	l.Errorf(Position{"a.md", 9, 1}, "", "e2")
	l.Errorf(Position{"a.md", 2, 5}, "", "e1")
	if !l.HasErrors() {
		t.Fatal("HasErrors is false")
	}
	l.Sort()
	if l[0].Message != "e1" || l[1].Message != "e2" || l[2].Message != "w" {
		t.Errorf("order %v", l)
	}
	if e, w := l.Count(); e != 2 || w != 1 {
		t.Errorf("Count = %d, %d", e, w)
	}
	l.Notef(Position{"a.md", 1, 1}, "", "n")
	if e, w := l.Count(); e != 2 || w != 1 {
		t.Errorf("a note counted: Count = %d, %d", e, w)
	}
	var warnings List
	warnings.Warnf(Position{}, "", "chỉ cảnh báo")
	if warnings.HasErrors() {
		t.Error("warnings counted as errors")
	}
}

func TestSortPutsDependentsLast(t *testing.T) {
	l := List{
		{Pos: Position{"a.md", 7, 5}, Message: "link to z.md", Dependent: true},
		{Pos: Position{"z.md", 1, 0}, Message: "z.md unclosed"},
		{Pos: Position{"b.md", 2, 0}, Message: "b.md", Severity: Warning},
	}
	l.Sort()
	var got []string
	for _, d := range l {
		got = append(got, d.Message)
	}
	if want := "b.md|z.md unclosed|link to z.md"; strings.Join(got, "|") != want {
		t.Errorf("order %q, want %q", strings.Join(got, "|"), want)
	}
}
