package diag

import "testing"

func TestDiagnosticString(t *testing.T) {
	tests := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Pos: Position{"content/a.md", 3, 7}, Message: "sai", Hint: "sửa"}, "content/a.md:3:7: lỗi: sai — sửa"},
		{Diagnostic{Pos: Position{"content/a.md", 3, 0}, Severity: Warning, Message: "lạ"}, "content/a.md:3: cảnh báo: lạ"},
		{Diagnostic{Pos: Position{"site.yaml", 0, 0}, Message: "thiếu"}, "site.yaml: lỗi: thiếu"},
		{Diagnostic{Message: "chung", Hint: "làm lại"}, "lỗi: chung — làm lại"},
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
	var warnings List
	warnings.Warnf(Position{}, "", "chỉ cảnh báo")
	if warnings.HasErrors() {
		t.Error("warnings counted as errors")
	}
}
