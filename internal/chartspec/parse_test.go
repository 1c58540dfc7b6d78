package chartspec

import (
	"fmt"
	"slices"
	"testing"
)

// testFiles are the data files the parse cases may name.
func testFiles() Files {
	return mapFiles(map[string][]byte{
		"data/pci.csv": []byte("Năm;PCI\n2019;66,64\n2020;abc\n2021\n;5\n"),
		"Hoa.csv":      []byte("a;b\n1;2\n"),
		"win.csv":      []byte("N\xe3m;PCI\n2019;1\n"),
		"bad.yaml":     []byte("nhan: a; b\nso_lieu: 1; x\ntieu_de: y\n"),
		"wide.csv":     []byte("Năm;A;;C\n2019;1;2;3\n"),
		"one.csv":      []byte("Năm;PCI\n"),
		"quoted.csv":   []byte("\"Năm\",\"A\"\n\"2019\",\"1,5\"\n\"2020\n"),
		"many.csv":     []byte("Năm;A;B;C;D;E;F;G\n2019;1;2;3;4;5;6;7\n"),
	})
}

type parseCase struct {
	name string
	spec string
	want []string // problemString of each problem, in order
}

func TestParseProblems(t *testing.T) {
	for _, tc := range parseCases() {
		t.Run(tc.name, func(t *testing.T) {
			_, probs := Parse([]byte(tc.spec), testFiles())
			var got []string
			for _, p := range probs {
				got = append(got, problemString(p))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("spec:\n%s\n got:\n%q\nwant:\n%q", tc.spec, got, tc.want)
			}
		})
	}
}

func parseCases() []parseCase {
	return []parseCase{
		{name: "not a number",
			spec: "loai: cot\ntieu_de: A\nnhan: a; b\nso_lieu: 1; 2x\n",
			want: []string{
				"4:13: \"2x\" không phải là số — viết số kiểu Việt Nam, ví dụ 1.234,5 (dấu phẩy trước phần thập phân); ô không có số liệu để trống hoặc ghi -",
			}},
		{name: "pie chart",
			spec: "loai: tron\ntieu_de: A\nnhan: a\nso_lieu: 1\n",
			want: []string{
				"1:7: `loai` (loại biểu đồ) \"tron\" không hợp lệ: chỉ nhận cot, thanh, duong — chưa có biểu đồ tròn: để so sánh các phần, dùng `loai: thanh`",
			}},
		{name: "english keys",
			spec: "type: column\ntitle: A\n",
			want: []string{
				"1:1: khóa `type` không có trong khối biểu đồ — tên khóa viết bằng tiếng Việt không dấu: dùng `loai` (loại biểu đồ)",
				"2:1: khóa `title` không có trong khối biểu đồ — tên khóa viết bằng tiếng Việt không dấu: dùng `tieu_de` (tiêu đề)",
				"0:0: thiếu `nhan` (nhãn) trong khối biểu đồ — thêm dòng `nhan:` với các nhãn cách nhau bằng dấu chấm phẩy, ví dụ `nhan: 2023; 2024; 2025`",
				"0:0: khối biểu đồ chưa có số liệu — thêm `so_lieu: …` (một chuỗi số) hoặc `chuoi:` (nhiều chuỗi), hoặc lấy từ tệp: `du_lieu: so-lieu.csv`",
			}},
		{name: "key with diacritics",
			spec: "loai: cot\ntiêu_đề: A\nnhan: a; b\nso_lieu: 1\n",
			want: []string{
				"2:1: khóa `tiêu_đề` không có trong khối biểu đồ — viết tên khóa không dấu, chữ thường: `tieu_de`",
				"4:1: `so_lieu` có 1 số nhưng `nhan` có 2 nhãn — mỗi nhãn cần đúng một số, theo đúng thứ tự; nhãn không có số liệu thì ghi - ở vị trí đó",
			}},
		{name: "typo in type and decimal commas in brackets",
			spec: "loai: cott\ntieu_de: A\nnhãn: a\nso_lieu: [58,4, 3]\n",
			want: []string{
				"3:1: khóa `nhãn` không có trong khối biểu đồ — viết tên khóa không dấu, chữ thường: `nhan`",
				"1:7: `loai` (loại biểu đồ) \"cott\" không hợp lệ: chỉ nhận cot, thanh, duong — có phải ý bạn là `loai: cot`?",
				"4:10: trong ngoặc vuông [ ], dấu phẩy tách các số: 58,4 bị đọc thành hai số 58 và 4 — viết các số cách nhau bằng dấu chấm phẩy, không có ngoặc: `so_lieu: 58,4; 55,1; 63`",
			}},
		{name: "csv cells",
			spec: "loai: duong\ntieu_de: A\ndu_lieu: pci.csv\n",
			want: []string{
				"3:10: tệp số liệu data/pci.csv, ô B3: \"abc\" không phải là số — viết số kiểu Việt Nam, ví dụ 1.234,5 (dấu phẩy trước phần thập phân); ô không có số liệu để trống hoặc ghi -",
				"3:10: tệp số liệu data/pci.csv, ô A5: nhãn đang để trống — ghi nhãn vào ô đầu của dòng, hoặc xóa dòng",
			}},
		{name: "csv letter case",
			spec: "loai: duong\ntieu_de: A\ndu_lieu: hoa.csv\n",
			want: []string{
				"3:10: không tìm thấy tệp số liệu \"hoa.csv\" — tên tệp phân biệt chữ hoa, chữ thường: có phải ý bạn là `Hoa.csv`?",
			}},
		{name: "missing file",
			spec: "loai: duong\ntieu_de: A\ndu_lieu: khong-co.csv\n",
			want: []string{
				"3:10: không tìm thấy tệp số liệu \"khong-co.csv\" — đặt tệp cạnh bài viết (trong thư mục của bài) hoặc trong thư mục data/ ở thư mục gốc của trang; kiểm tra tên tệp",
			}},
		{name: "csv not utf-8",
			spec: "loai: duong\ntieu_de: A\ndu_lieu: win.csv\n",
			want: []string{
				"3:10: tệp số liệu win.csv: tệp không phải văn bản UTF-8 (có thể đã lưu theo bảng mã của Windows) — trong Excel chọn Tệp → Lưu thành → CSV UTF-8 (phân tách bằng dấu phẩy) (*.csv)",
			}},
		{name: "yaml data file",
			spec: "loai: duong\ntieu_de: A\ndu_lieu: bad.yaml\n",
			want: []string{
				"3:10: tệp số liệu bad.yaml, dòng 3: khóa `tieu_de` không có trong tệp số liệu — ghi `tieu_de` trong khối ```bieu-do của bài viết; tệp số liệu chỉ chứa `ten_nhan`, `nhan`, `so_lieu`, `chuoi`",
				"3:10: tệp số liệu bad.yaml, dòng 2: \"x\" không phải là số — viết số kiểu Việt Nam, ví dụ 1.234,5 (dấu phẩy trước phần thập phân); ô không có số liệu để trống hoặc ghi -",
			}},
		{name: "csv series without name",
			spec: "loai: duong\ntieu_de: A\ndu_lieu: wide.csv\n",
			want: []string{
				"3:10: tệp số liệu wide.csv, ô C1: tên chuỗi số liệu đang để trống — ghi tên chuỗi số liệu vào ô này, ví dụ `2025` hoặc `PCI`",
			}},
		{name: "data file and labels",
			spec: "loai: duong\ntieu_de: A\ndu_lieu: one.csv\nnhan: a\n",
			want: []string{
				"4:1: đã có `du_lieu` (tệp số liệu) thì không ghi thêm `nhan` (nhãn) trong khối biểu đồ — xóa `nhan` để lấy số liệu từ tệp, hoặc bỏ dòng `du_lieu`",
				"3:10: tệp số liệu one.csv, ô A1: tệp chỉ có dòng đầu, chưa có số liệu — thêm các dòng số liệu dưới dòng đầu, mỗi dòng một nhãn",
			}},
		{name: "spreadsheet",
			spec: "loai: duong\ntieu_de: A\ndu_lieu: so lieu.xlsx\n",
			want: []string{
				"3:10: tệp \"so lieu.xlsx\" là bảng tính, chưa đọc trực tiếp được — trong Excel chọn Tệp → Lưu thành → CSV UTF-8 (phân tách bằng dấu phẩy) (*.csv), rồi ghi `du_lieu:` với tên tệp .csv",
			}},
		{name: "file outside",
			spec: "loai: duong\ntieu_de: A\ndu_lieu: ../x.csv\n",
			want: []string{
				"3:10: tên tệp số liệu \"../x.csv\" không hợp lệ — chỉ ghi tên tệp đặt cạnh bài viết hoặc trong thư mục data/, không dùng `..`",
			}},
		{name: "backslash",
			spec: "loai: duong\ntieu_de: A\ndu_lieu: so-lieu\\pci.csv\n",
			want: []string{
				"3:10: tên tệp số liệu \"so-lieu\\\\pci.csv\" không hợp lệ — dùng dấu / giữa thư mục và tên tệp, ví dụ `du_lieu: so-lieu/pci.csv`",
			}},
		{name: "unreadable file",
			spec: "loai: cot\ntieu_de: A\ndu_lieu: khong-doc-duoc.csv\n",
			want: []string{
				"3:10: không đọc được tệp số liệu \"khong-doc-duoc.csv\": permission denied — kiểm tra quyền đọc của tệp",
			}},
		{name: "quoted cells, commas",
			spec: "loai: cot\ntieu_de: A\ndu_lieu: quoted.csv\n",
			want: nil},
		{name: "too many series",
			spec: "loai: cot\ntieu_de: A\ndu_lieu: many.csv\n",
			want: []string{
				"3:10: tệp số liệu many.csv: biểu đồ có 7 chuỗi số liệu, vượt giới hạn 6 chuỗi — chia thành nhiều biểu đồ; mỗi biểu đồ so sánh ít chuỗi thì dễ đọc hơn",
			}},
		{name: "series without name or numbers",
			spec: "loai: thanh\ntieu_de: A\nnhan: a; b\nchuoi:\n  - ten: x\n    so_lieu: 1; 2\n  - so_lieu: 1\n  - ten: z\n",
			want: []string{
				"7:5: chuỗi thứ 2 thiếu `ten` (tên chuỗi) — thêm dòng `ten: \"Năm 2025\"` để người đọc biết chuỗi nào là chuỗi nào",
				"7:5: `so_lieu` của chuỗi thứ 2 có 1 số nhưng `nhan` có 2 nhãn — mỗi nhãn cần đúng một số, theo đúng thứ tự; nhãn không có số liệu thì ghi - ở vị trí đó",
				"8:5: chuỗi \"z\" thiếu `so_lieu` (số liệu) — thêm dòng `so_lieu: …` dưới `ten`, thụt lề thẳng với `ten`",
			}},
		{name: "blank title, blank label, percent",
			spec: "loai: thanh\ntieu_de:\nnhan: a; ; c\nso_lieu: 88,6%; 1; 2\n",
			want: []string{
				"2:1: `tieu_de` (tiêu đề) đang để trống — viết giá trị sau dấu hai chấm, ví dụ `tieu_de: \"Tỷ lệ hồ sơ nộp trực tuyến năm 2026\"`",
				"3:10: nhãn thứ 2 trong `nhan` đang để trống — viết nhãn vào chỗ trống, hoặc xóa dấu ; thừa",
				"4:10: số \"88,6%\" có dấu % nhưng `don_vi` (đơn vị) không phải % — ghi `don_vi: \"%\"` một lần, rồi bỏ dấu % sau các số",
			}},
		{name: "tab",
			spec: "loai: thanh\ntieu_de: A\n\tnhan: a\n",
			want: []string{
				"3:1: dòng thụt lề bằng ký tự Tab — dùng dấu cách, không dùng phím Tab",
			}},
		{name: "empty",
			spec: "",
			want: []string{
				"0:0: khối biểu đồ đang trống — viết các dòng `khóa: giá trị`, ví dụ `loai: cot`, `tieu_de: \"…\"`, `nhan: 2024; 2025`, `so_lieu: 80,5; 85`",
			}},
		{name: "a list",
			spec: "- a\n- b\n",
			want: []string{
				"1:1: khối biểu đồ phải là các dòng `khóa: giá trị` — mỗi dòng viết dạng `khóa: giá trị`, ví dụ `loai: cot`",
			}},
		{name: "twice",
			spec: "loai: cot\nloai: cot\n",
			want: []string{
				"2:1: khóa `loai` được khai báo hai lần (lần đầu ở dòng 1) — xóa một trong hai dòng",
				"0:0: thiếu `tieu_de` (tiêu đề) trong khối biểu đồ — thêm dòng `tieu_de: \"…\"`: tiêu đề là tên của biểu đồ, cả cho người dùng trình đọc màn hình",
				"0:0: thiếu `nhan` (nhãn) trong khối biểu đồ — thêm dòng `nhan:` với các nhãn cách nhau bằng dấu chấm phẩy, ví dụ `nhan: 2023; 2024; 2025`",
				"0:0: khối biểu đồ chưa có số liệu — thêm `so_lieu: …` (một chuỗi số) hoặc `chuoi:` (nhiều chuỗi), hoặc lấy từ tệp: `du_lieu: so-lieu.csv`",
			}},
		{name: "commas between numbers",
			spec: "loai: cot\ntieu_de: A\nnhan: a; b\nso_lieu: 58.4, 55.1\n",
			want: []string{
				"4:10: \"58.4, 55.1\" không phải là số — các số cách nhau bằng dấu chấm phẩy, ví dụ `so_lieu: 58,4; 55,1; 63`",
				"4:1: `so_lieu` có 1 số nhưng `nhan` có 2 nhãn — mỗi nhãn cần đúng một số, theo đúng thứ tự; nhãn không có số liệu thì ghi - ở vị trí đó",
			}},
		{name: "no number",
			spec: "loai: cot\ntieu_de: A\nnhan: a; b\nso_lieu: -; -\n",
			want: []string{
				"0:0: khối biểu đồ không có số nào: mọi ô đều để trống hoặc ghi - — điền ít nhất một số vào `so_lieu`",
			}},
		{name: "one series and many",
			spec: "loai: cot\ntieu_de: A\nnhan: a; b\nso_lieu: 1; 2\nchuoi:\n  - ten: a\n",
			want: []string{
				"5:1: đã có `so_lieu` thì không ghi thêm `chuoi` — một chuỗi số: chỉ dùng `so_lieu`; nhiều chuỗi: đưa từng `so_lieu` vào `chuoi`, kèm `ten`",
			}},
		{name: "list form",
			spec: "loai: cot\ntieu_de: A\nnhan: a; b\nso_lieu:\n  - 1\n  - -\n",
			want: nil},
		{name: "chuoi not a list",
			spec: "loai: cot\ntieu_de: A\nnhan: a\nchuoi: 1; 2\n",
			want: []string{
				"4:1: `chuoi` (các chuỗi số liệu) phải là danh sách, mỗi chuỗi bắt đầu bằng `- ten:` — mỗi chuỗi viết trên hai dòng: `- ten: \"Năm 2025\"` rồi, thụt lề thẳng với `ten`, `so_lieu: 80,5; 85; 88,1`",
			}},
		{name: "chuoi item not a map",
			spec: "loai: cot\ntieu_de: A\nnhan: a\nchuoi:\n  - 1; 2\n",
			want: []string{
				"5:5: chuỗi thứ 1 phải có `ten` và `so_lieu` — mỗi chuỗi viết trên hai dòng: `- ten: \"Năm 2025\"` rồi, thụt lề thẳng với `ten`, `so_lieu: 80,5; 85; 88,1`",
			}},
		{name: "unknown key in series",
			spec: "loai: cot\ntieu_de: A\nnhan: a\nchuoi:\n  - ten: x\n    so_lieu: 1\n    mau: do\n",
			want: []string{
				"7:5: khóa `mau` không có trong một chuỗi số liệu (`chuoi`) — các khóa dùng được: `ten`, `so_lieu`",
			}},
		{name: "title as a list",
			spec: "loai: cot\ntieu_de: [a, b]\nnhan: a\nso_lieu: 1\n",
			want: []string{
				"2:10: `tieu_de` (tiêu đề) phải là một dòng chữ, không phải danh sách — viết `tieu_de: …` trên một dòng; chữ có dấu phẩy, dấu hai chấm thì đặt trong ngoặc kép",
			}},
		{name: "labels as a map",
			spec: "loai: cot\ntieu_de: A\nnhan:\n  a: 1\nso_lieu: 1\n",
			want: []string{
				"4:3: `nhan` (nhãn) phải là một dòng hoặc một danh sách — viết `nhan: 2023; 2024; 2025` trên một dòng, các mục cách nhau bằng dấu chấm phẩy",
			}},
		{name: "empty values",
			spec: "loai: cot\ntieu_de: A\nnhan: a\nso_lieu:\n",
			want: []string{
				"4:1: `so_lieu` (số liệu) đang để trống — viết, ví dụ: `so_lieu: 80,5; 85; 88,1`",
			}},
		{name: "unknown key far from all",
			spec: "loai: cot\ntieu_de: A\nnhan: a\nso_lieu: 1\nmau_sac: do\n",
			want: []string{
				"5:1: khóa `mau_sac` không có trong khối biểu đồ — các khóa dùng được: `loai`, `tieu_de`, `don_vi`, `nguon`, `mo_ta`, `ten_nhan`, `nhan`, `so_lieu`, `chuoi`, `du_lieu`",
			}},
		{name: "unknown type",
			spec: "loai: thnah\ntieu_de: A\nnhan: a\nso_lieu: 1\n",
			want: []string{
				"1:7: `loai` (loại biểu đồ) \"thnah\" không hợp lệ: chỉ nhận cot, thanh, duong — có phải ý bạn là `loai: thanh`?",
			}},
		{name: "unknown type far from all",
			spec: "loai: banh\ntieu_de: A\nnhan: a\nso_lieu: 1\n",
			want: []string{
				"1:7: `loai` (loại biểu đồ) \"banh\" không hợp lệ: chỉ nhận cot, thanh, duong — viết `loai: cot` (cột đứng), `loai: thanh` (thanh ngang) hoặc `loai: duong` (đường)",
			}},
		{name: "english type",
			spec: "loai: column\ntieu_de: A\nnhan: a\nso_lieu: 1\n",
			want: []string{
				"1:7: `loai` (loại biểu đồ) \"column\" không hợp lệ: chỉ nhận cot, thanh, duong — viết `loai: cot`",
			}},
		{name: "fine with diacritics and percent",
			spec: "loai: Đường\ntieu_de: A\ndon_vi: \"%\"\nnhan: a; b\nso_lieu: 1,5%; −2\n",
			want: nil},
		{name: "quoted values keep columns",
			spec: "loai: cot\ntieu_de: A\nnhan: a; b; c\nso_lieu: \"1; x; 3\"\n",
			want: []string{
				"4:14: \"x\" không phải là số — viết số kiểu Việt Nam, ví dụ 1.234,5 (dấu phẩy trước phần thập phân); ô không có số liệu để trống hoặc ghi -",
			}},
		{name: "too many labels",
			spec: "loai: cot\ntieu_de: A\nnhan: " + manyLabels(51) + "\nso_lieu: 1\n",
			want: []string{
				"4:1: `so_lieu` có 1 số nhưng `nhan` có 51 nhãn — mỗi nhãn cần đúng một số, theo đúng thứ tự; nhãn không có số liệu thì ghi - ở vị trí đó",
				"3:1: biểu đồ có 51 nhãn, vượt giới hạn 50 nhãn: trên điện thoại không đọc được — chia thành nhiều biểu đồ, hoặc đưa số liệu chi tiết vào bảng",
			}},
	}
}

func manyLabels(n int) string {
	s := "n1"
	for i := 2; i <= n; i++ {
		s += "; n" + itoa(i)
	}
	return s
}

func itoa(i int) string { return fmt.Sprint(i) }
