package markdown

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/cchc-vn/cchc/internal/chartspec"
)

// files serves one data file, as the build serves a page's bundle.
func files(name string) ([]byte, string, error) {
	if name == "so-lieu.csv" {
		return []byte("Năm;PCI\n2023;65,72\n2024;\n"), "content/bai/so-lieu.csv", nil
	}
	return nil, "", &chartspec.NotFoundError{Name: name}
}

func problemStrings(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		s := fmt.Sprintf("%d:%d: ", p.Line, p.Col)
		if p.Warning {
			s += "cảnh báo: "
		}
		out = append(out, s+p.Message)
	}
	return out
}

func TestChartBlocks(t *testing.T) {
	src := "Đoạn đầu.\n\n" +
		"```bieu-do\nloai: cot\ntieu_de: Điểm PCI\ndon_vi: điểm\ndu_lieu: so-lieu.csv\n```\n\n" +
		"```bieu-do\nloai: thanh\ntieu_de: Thứ hạng\nnhan: a; b\nso_lieu: 1; 2\n```\n\n" +
		"```go\nloai: cot\n```\n"
	res, probs := New(Options{PlainText: true}).RenderPage([]byte(src), Page{Data: files})
	if len(probs) > 0 {
		t.Fatalf("problems: %v", problemStrings(probs))
	}
	out := string(res.HTML)
	for _, want := range []string{
		`<figure class="bieu-do">`,
		`aria-labelledby="bieu-do-1-ten" aria-describedby="bieu-do-1-mo-ta"`,
		`aria-labelledby="bieu-do-2-ten"`,
		`<tr><th scope="row">2023</th><td>65,72</td></tr>`,
		`<td class="bieu-do-trong">không có số liệu</td>`,
		"<pre><code class=\"language-go\">loai: cot\n</code></pre>",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the page lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "language-bieu-do") {
		t.Errorf("a chart was written as code:\n%s", out)
	}
	// Search reads titles, not the drawing's numbers and coordinates.
	if want := "Đoạn đầu. Điểm PCI Thứ hạng loai: cot"; res.Text != want {
		t.Errorf("Text = %q, want %q", res.Text, want)
	}
	if res.FirstPara != "Đoạn đầu." {
		t.Errorf("FirstPara = %q", res.FirstPara)
	}
}

// TestChartProblemsAtBodyLines: a spec's problem is at its line of the
// body and its column in that line, also inside a list item or a quote;
// a problem of the block as a whole is at its opening fence. A chart with
// an error is shown as its code.
func TestChartProblemsAtBodyLines(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"top level", "Chữ.\n\n```bieu-do\nloai: cot\ntieu_de: A\nnhan: a; b\nso_lieu: 1; x\n```\n",
			[]string{`7:13: "x" không phải là số`}},
		{"in a list item", "- Mục:\n\n  ```bieu-do\n  loai: cot\n  tieu_de: A\n  nhan: a\n  so_lieu: y\n  ```\n",
			[]string{`7:12: "y" không phải là số`}},
		{"in a quote", "> ```bieu-do\n> loai: tron\n> tieu_de: A\n> nhan: a\n> so_lieu: 1\n> ```\n",
			[]string{`2:9: ` + "`loai` (loại biểu đồ) \"tron\" không hợp lệ: chỉ nhận cot, thanh, duong"}},
		{"whole block at its fence", "Chữ.\n\n  ```bieu-do\n  ```\n",
			[]string{"3:3: khối biểu đồ đang trống"}},
		{"missing key at the fence", "```bieu-do\nloai: cot\nnhan: a\nso_lieu: 1\n```\n",
			[]string{"1:1: thiếu `tieu_de` (tiêu đề) trong khối biểu đồ"}},
		{"data file without a reader", "```bieu-do\nloai: cot\ntieu_de: A\ndu_lieu: so-lieu.csv\n```\n",
			[]string{`4:10: không đọc được tệp số liệu "so-lieu.csv" ở bước này`}},
		{"unclosed bracket on the last line", "```bieu-do\nloai: cot\ntieu_de: A\nnhan: [a\n```\n",
			[]string{"4:1: danh sách trong ngoặc vuông [ ] thiếu dấu phẩy hoặc chưa đóng"}},
		{"long labels warn", "```bieu-do\nloai: cot\ntieu_de: A\nnhan: Tháng 1; Tháng 2; Tháng 3; Tháng 4; Tháng 5; Tháng 6; Tháng 7; Tháng 8; Tháng 9; Tháng 10\nso_lieu: 1; 2; 3; 4; 5; 6; 7; 8; 9; 10\n```\n",
			[]string{`1:1: cảnh báo: nhãn "Tháng 1" quá dài cho biểu đồ cột: trên điện thoại các nhãn chồng lên nhau`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, probs := New(Options{}).Render([]byte(tt.src), nil)
			if got := problemStrings(probs); !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n got %q\nwant %q", got, tt.want)
			}
			drawn := strings.Contains(string(res.HTML), "<figure")
			if failed := len(probs) > 0 && !probs[0].Warning; drawn == failed {
				t.Errorf("drawn = %v with problems %q:\n%s", drawn, problemStrings(probs), res.HTML)
			}
		})
	}
}
