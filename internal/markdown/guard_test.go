package markdown

import (
	"strings"
	"testing"
)

func TestSizeCap(t *testing.T) {
	res, problems := New(Options{MaxBytes: 1000}).Render([]byte(strings.Repeat("a", 1500)), nil)
	assertProblems(t, problems, []Problem{{
		Line:    1,
		Col:     1,
		Message: "bài viết dài 1.500 byte (1,5 KiB), vượt giới hạn 1.000 byte (1000 byte)",
		Hint:    "chia thành nhiều bài, hoặc chuyển bảng số liệu dài sang tệp đính kèm (PDF, XLSX) đặt cạnh bài viết",
	}})
	if res.HTML != nil {
		t.Errorf("HTML = %q, want none for a refused body", res.HTML)
	}
	if _, problems := New(Options{MaxBytes: 1000}).Render([]byte(strings.Repeat("a", 1000)), nil); len(problems) != 0 {
		t.Errorf("body at the cap: problems = %+v, want none", problems)
	}
}

func TestDefaultSizeCapMessage(t *testing.T) {
	_, problems := New(Options{}).Render(make([]byte, DefaultMaxBytes+1), nil)
	if len(problems) != 1 || problems[0].Message != "bài viết dài 2.097.153 byte (2 MiB), vượt giới hạn 2.097.152 byte (2 MiB)" {
		t.Errorf("problems = %+v", problems)
	}
}

func TestGuardRefuses(t *testing.T) {
	table := func(cols, rows int) string {
		return "|" + strings.Repeat(" a |", cols) + "\n|" + strings.Repeat("---|", cols) + "\n" + strings.Repeat("x\n", rows)
	}
	tests := []struct {
		name string
		src  string
		want Problem
	}{
		{
			"deep block quote", "Mở đầu.\n\n" + strings.Repeat(">", 40) + " a",
			Problem{Line: 3, Col: 1, Message: "dòng lồng 40 cấp trích dẫn hoặc danh sách, vượt giới hạn 32 cấp",
				Hint: "giảm số cấp lồng nhau; nếu ký tự >, -, * hay + ở đầu dòng là chữ, thêm dấu \\ trước nó"},
		},
		{
			"deep inline list", strings.Repeat("- ", 33) + "a",
			Problem{Line: 1, Col: 1, Message: "dòng lồng 33 cấp trích dẫn hoặc danh sách, vượt giới hạn 32 cấp",
				Hint: "giảm số cấp lồng nhau; nếu ký tự >, -, * hay + ở đầu dòng là chữ, thêm dấu \\ trước nó"},
		},
		{
			"deep indented list", nestedList(60),
			Problem{Line: 52, Col: 1, Message: "dòng thụt lề 102 cột trước dấu trích dẫn hoặc mục danh sách, vượt giới hạn 100 cột",
				Hint: "bớt khoảng trắng ở đầu dòng; danh sách lồng quá sâu khó đọc trên điện thoại"},
		},
		{
			"brackets", "Đoạn.\n\nab" + strings.Repeat("[", 1001),
			Problem{Line: 3, Col: 1003, Message: "đoạn văn có hơn 1.000 ký tự định dạng * _ ~ [ ] ( )",
				Hint: "chia đoạn văn bằng một dòng trống; nếu đây là dữ liệu, đặt nó trong khối mã giữa hai dòng ```"},
		},
		{
			"emphasis over lines", strings.Repeat("*a **a\n", 501),
			Problem{Line: 334, Col: 4, Message: "đoạn văn có hơn 1.000 ký tự định dạng * _ ~ [ ] ( )",
				Hint: "chia đoạn văn bằng một dòng trống; nếu đây là dữ liệu, đặt nó trong khối mã giữa hai dòng ```"},
		},
		{
			// The fence belongs to the list item; the next line closes both.
			"fence closed by its container", "- ```\n" + strings.Repeat("*a_ ", 600),
			Problem{Line: 2, Col: 2001, Message: "đoạn văn có hơn 1.000 ký tự định dạng * _ ~ [ ] ( )",
				Hint: "chia đoạn văn bằng một dòng trống; nếu đây là dữ liệu, đặt nó trong khối mã giữa hai dòng ```"},
		},
		{
			// "2." cannot interrupt a paragraph, "#x" is no heading: one paragraph.
			"lines that only look like new blocks", "Mở đầu\n" + strings.Repeat("2. [[[[[[[[[[\n#x ]]]]]]]]]]\n", 60),
			Problem{Line: 102, Col: 4, Message: "đoạn văn có hơn 1.000 ký tự định dạng * _ ~ [ ] ( )",
				Hint: "chia đoạn văn bằng một dòng trống; nếu đây là dữ liệu, đặt nó trong khối mã giữa hai dòng ```"},
		},
		{
			// A delimiter row without a header line above: no table, one paragraph.
			"table that is not one", "|---|---|\n" + strings.Repeat("| [x](y) | *z* |\n", 200),
			Problem{Line: 168, Col: 12, Message: "đoạn văn có hơn 1.000 ký tự định dạng * _ ~ [ ] ( )",
				Hint: "chia đoạn văn bằng một dòng trống; nếu đây là dữ liệu, đặt nó trong khối mã giữa hai dòng ```"},
		},
		{
			"reference reused", "[a]: /" + strings.Repeat("x", 2000) + "\n\n" + strings.Repeat(strings.Repeat("[a] ", 400)+"\n\n", 3),
			Problem{Line: 5, Col: 497, Message: "bài viết sinh ra trang quá lớn (hơn 1 MiB) vì liên kết hoặc chú thích được lặp lại quá nhiều lần",
				Hint: "giảm số lần dùng lại một liên kết tham chiếu hoặc một chú thích, hoặc chia bài thành nhiều bài"},
		},
		{
			"wide table", table(65, 1),
			Problem{Line: 2, Col: 1, Message: "bảng có 65 cột, vượt giới hạn 64 cột",
				Hint: "chia bảng thành nhiều bảng hẹp hơn; bảng rộng không đọc được trên điện thoại"},
		},
		{
			"padded table rows", table(50, 1000) + "\n" + table(50, 1000),
			Problem{Line: 2002, Col: 1, Message: "các bảng của bài viết có tổng cộng hơn 100.000 ô",
				Hint: "chia bảng thành nhiều bảng nhỏ, hoặc chuyển số liệu sang tệp đính kèm (XLSX, PDF) đặt cạnh bài viết"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, problems := New(Options{}).Render([]byte(tt.src), nil)
			assertProblems(t, problems, []Problem{tt.want})
			if res.HTML != nil {
				t.Errorf("HTML = %q, want none for a refused body", res.HTML)
			}
		})
	}
}

func TestGuardAccepts(t *testing.T) {
	var manyParagraphs strings.Builder
	for range 50 {
		manyParagraphs.WriteString(strings.Repeat("[a](b) *c* ", 100) + "\n\n")
	}
	var listOfLinks strings.Builder
	for range 600 {
		listOfLinks.WriteString("- [Thủ tục](thu-tuc.md) (*mới*)\n")
	}
	tests := map[string]string{
		"long rule":               strings.Repeat("* ", 60),
		"dashed rule":             strings.Repeat("-", 200),
		"code fence with stars":   "```\n" + strings.Repeat("*_[](", 1000) + "\n```",
		"tilde fence":             "~~~go\n" + strings.Repeat("a * b\n", 2000) + "~~~",
		"delimiters split":        manyParagraphs.String(),
		"list items each counted": listOfLinks.String(),
		"table rows each counted": "| a | b |\n|---|---|\n" + strings.Repeat("| [x](y) *z* | (1) |\n", 300),
		"moderate nesting":        nestedList(12) + strings.Repeat("> ", 10) + "trích",
	}
	for name, src := range tests {
		t.Run(name, func(t *testing.T) {
			res, problems := New(Options{}).Render([]byte(src), nil)
			if len(problems) != 0 {
				t.Errorf("problems = %+v, want none", problems)
			}
			if len(res.HTML) == 0 {
				t.Error("no HTML")
			}
		})
	}
}

// nestedList returns n list items, each indented two columns more than the
// one before, so item i is nested i levels deep; it stops short of 2 MiB.
func nestedList(n int) string {
	var b strings.Builder
	for i := range n {
		if b.Len()+2*i+8 > DefaultMaxBytes {
			break
		}
		b.WriteString(strings.Repeat("  ", i))
		b.WriteString("- mục\n")
	}
	return b.String()
}

// hostileInputs are shapes known to make Markdown parsers super-linear.
func hostileInputs() map[string]string {
	return map[string]string{
		"deep quote":           strings.Repeat(">", 50_000) + " a",
		"deep quote spaced":    strings.Repeat("> ", 50_000) + "a",
		"open brackets":        strings.Repeat("[", 100_000),
		"nested brackets":      strings.Repeat("[", 50_000) + "a" + strings.Repeat("](b)", 50_000),
		"nested emphasis":      strings.Repeat("*a **a ", 30_000) + "b" + strings.Repeat(" a** a*", 30_000),
		"mismatched":           strings.Repeat("*a_ ", 100_000),
		"unclosed links":       strings.Repeat("[a](b", 100_000),
		"empty links":          strings.Repeat("[](", 100_000),
		"nested list to 2 MiB": nestedList(50_000),
		"50,000 nested items":  strings.Repeat("- ", 50_000) + "a",
		"emphasis per block":   strings.Repeat(strings.Repeat("*a_b*c_d**e_f*g**h*i_j**", 40)+"\n\n", 2000),
		"brackets per block":   strings.Repeat(strings.Repeat("[", 999)+"\n\n", 2000),
		"padded table":         "|" + strings.Repeat("a|", 60) + "\n|" + strings.Repeat("-|", 60) + "\n" + strings.Repeat("x\n", 500_000),
		"reference reuse":      "[a]: /" + strings.Repeat("x", 100_000) + "\n\n" + strings.Repeat(strings.Repeat("[a] ", 400)+"\n\n", 200),
		"footnote reuse":       "[^a]: x\n\n" + strings.Repeat(strings.Repeat("[^a]", 400)+"\n\n", 1200),
		"many headings":        strings.Repeat("# a\n", 400_000),
	}
}

// TestHostileInputs checks that each hostile body is either refused with a
// problem or rendered; BenchmarkHostile measures how long that takes.
func TestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("renders several megabytes")
	}
	r := New(Options{})
	for name, src := range hostileInputs() {
		t.Run(name, func(t *testing.T) {
			res, problems := r.Render([]byte(src), nil)
			if len(problems) == 0 && len(res.HTML) == 0 {
				t.Error("neither a problem nor HTML")
			}
			if len(res.HTML) > 64<<20 {
				t.Errorf("HTML is %d bytes", len(res.HTML))
			}
		})
	}
}

func BenchmarkHostile(b *testing.B) {
	r := New(Options{})
	for name, src := range hostileInputs() {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				r.Render([]byte(src), nil)
			}
		})
	}
}
