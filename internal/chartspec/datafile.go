package chartspec

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/chart"
	"github.com/cchc-vn/cchc/internal/viet"
)

// saveAsCSV is how to get a CSV file out of Excel.
const saveAsCSV = "trong Excel chọn Tệp → Lưu thành → CSV UTF-8 (phân tách bằng dấu phẩy) (*.csv)"

// dataFile reads the labels and series from the file `du_lieu` names.
// Problems inside the file are reported at the `du_lieu` line, naming the
// file's line (YAML) or cell (CSV).
func (p *parser) dataFile(e entry) {
	name, ok := p.scalar(e, true)
	if !ok {
		return
	}
	if hint := badFileName(name); hint != "" {
		p.errorAt(e.val, hint, "tên tệp số liệu %q không hợp lệ", name)
		return
	}
	ext := strings.ToLower(path.Ext(name))
	switch ext {
	case ".csv", ".yaml", ".yml":
	case ".xlsx", ".xls", ".ods":
		p.errorAt(e.val, saveAsCSV+", rồi ghi `du_lieu:` với tên tệp .csv",
			"tệp %q là bảng tính, chưa đọc trực tiếp được", name)
		return
	default:
		p.errorAt(e.val, "lưu số liệu thành tệp .csv (từ Excel) hoặc .yaml", "chỉ đọc được tệp số liệu .csv hoặc .yaml, không đọc được %q", name)
		return
	}
	if p.files == nil {
		p.errorAt(e.val, "báo lỗi này cho nhóm phát triển cchc", "không đọc được tệp số liệu %q ở bước này", name)
		return
	}
	data, shown, err := p.files(name)
	var nf *NotFoundError
	switch {
	case errors.As(err, &nf):
		hint := "đặt tệp cạnh bài viết (trong thư mục của bài) hoặc trong thư mục data/ ở thư mục gốc của trang; kiểm tra tên tệp"
		if nf.Near != "" {
			hint = fmt.Sprintf("tên tệp phân biệt chữ hoa, chữ thường: có phải ý bạn là `%s`?", nf.Near)
		}
		p.errorAt(e.val, hint, "không tìm thấy tệp số liệu %q", name)
		return
	case err != nil:
		p.errorAt(e.val, "kiểm tra quyền đọc của tệp", "không đọc được tệp số liệu %q: %v", name, err)
		return
	case len(data) > maxFileBytes:
		p.errorAt(e.val, "chỉ giữ số liệu của biểu đồ trong tệp", "tệp số liệu %s lớn hơn %d KiB", shown, maxFileBytes>>10)
		return
	}
	data = bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	sub := &parser{c: p.c, lines: strings.Split(string(data), "\n"), where: "tệp số liệu"}
	if ext == ".csv" {
		sub.csv(data)
	} else if root, ok := sub.root(bytes.TrimPrefix(data, []byte("\uFEFF"))); ok {
		m := sub.mapping(root, dataKeys(), sub.where)
		p.c.LabelHeader = sub.text(m, "ten_nhan", false)
		sub.table(m)
	}
	for _, pr := range sub.probs {
		where := ""
		switch {
		case ext == ".csv" && pr.Col > 0:
			where = fmt.Sprintf(", ô %s%d", cellColumn(pr.Col), pr.Line)
		case pr.Line > 0:
			where = fmt.Sprintf(", dòng %d", pr.Line)
		}
		pr.Message = fmt.Sprintf("tệp số liệu %s%s: %s", shown, where, pr.Message)
		pr.Line, pr.Col = e.val.Line, e.val.Column
		p.probs = append(p.probs, pr)
	}
}

// badFileName returns why name cannot be a data file's name, or "".
func badFileName(name string) string {
	switch {
	case strings.Contains(name, `\`):
		return "dùng dấu / giữa thư mục và tên tệp, ví dụ `du_lieu: so-lieu/pci.csv`"
	case strings.HasPrefix(name, "/") || strings.Contains(name, ":"):
		return "chỉ ghi tên tệp đặt cạnh bài viết hoặc trong thư mục data/, ví dụ `du_lieu: pci.csv`"
	}
	for _, seg := range strings.Split(name, "/") {
		if seg == ".." || seg == "." || seg == "" {
			return "chỉ ghi tên tệp đặt cạnh bài viết hoặc trong thư mục data/, không dùng `..`"
		}
	}
	return ""
}

// cellColumn names a column as a spreadsheet does: 1 is A, 27 is AA.
func cellColumn(n int) string {
	s := ""
	for n > 0 {
		n--
		s = string(rune('A'+n%26)) + s
		n /= 26
	}
	return s
}

// csv reads a data file saved by a spreadsheet. The first row names the
// labels' column, then the series; every other row is a label and its
// numbers. Blank rows and blank columns at the end (Excel writes them)
// are left out. Problems are at Line = the row's line, Col = the column.
func (p *parser) csv(data []byte) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		p.probs = append(p.probs, chart.Problem{Message: "tệp không phải văn bản UTF-8 (có thể đã lưu theo bảng mã của Windows)", Hint: saveAsCSV})
		return
	}
	rows, lines, ok := p.readCSV(data)
	if !ok {
		return
	}
	if len(rows) == 0 {
		p.probs = append(p.probs, chart.Problem{Message: "tệp đang trống",
			Hint: "dòng đầu ghi tên cột nhãn rồi tên các chuỗi số liệu, ví dụ `Năm;PCI`; mỗi dòng sau ghi một nhãn và các số, ví dụ `2024;65,72`"})
		return
	}
	header := rows[0]
	if len(header) < 2 {
		p.errorLC(lines[0], 1, "ví dụ dòng đầu `Năm;PCI`, dòng sau `2024;65,72`; các ô cách nhau bằng dấu chấm phẩy hoặc dấu phẩy",
			"dòng đầu cần ít nhất hai ô: tên cột nhãn, rồi tên các chuỗi số liệu")
		return
	}
	if len(rows) == 1 {
		p.errorLC(lines[0], 1, "thêm các dòng số liệu dưới dòng đầu, mỗi dòng một nhãn", "tệp chỉ có dòng đầu, chưa có số liệu")
		return
	}
	p.c.LabelHeader = viet.NFC(strings.TrimSpace(header[0]))
	for j := 1; j < len(header); j++ {
		name := viet.NFC(strings.TrimSpace(header[j]))
		if name == "" {
			p.errorLC(lines[0], j+1, "ghi tên chuỗi số liệu vào ô này, ví dụ `2025` hoặc `PCI`", "tên chuỗi số liệu đang để trống")
		}
		p.c.Series = append(p.c.Series, chart.Series{Name: name})
	}
	percent := p.c.Unit == "%"
	for i, row := range rows[1:] {
		line := lines[i+1]
		label := viet.NFC(strings.TrimSpace(cell(row, 0)))
		if label == "" {
			p.errorLC(line, 1, "ghi nhãn vào ô đầu của dòng, hoặc xóa dòng", "nhãn đang để trống")
		}
		p.c.Labels = append(p.c.Labels, label)
		for j := range p.c.Series {
			it := item{text: strings.TrimSpace(cell(row, j+1)), line: line, col: j + 2}
			p.c.Series[j].Values = append(p.c.Series[j].Values, p.number(it, percent, false))
		}
	}
	p.checkTotals(map[string]entry{})
}

func cell(row []string, j int) string {
	if j < len(row) {
		return row[j]
	}
	return ""
}

// readCSV splits the file into rows, each with the line it starts on,
// blank rows and trailing blank columns left out.
func (p *parser) readCSV(data []byte) ([][]string, []int, bool) {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = delimiter(data)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var rows [][]string
	var lines []int
	width := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			p.errorLC(line, 0, "mở tệp bằng Excel rồi lưu lại: "+saveAsCSV, "tệp CSV sai cú pháp")
			return nil, nil, false
		}
		used := 0
		for j, c := range rec {
			if strings.TrimSpace(c) != "" {
				used = j + 1
			}
		}
		if used == 0 {
			continue
		}
		line, _ := r.FieldPos(0)
		rows = append(rows, rec)
		lines = append(lines, line)
		width = max(width, used)
	}
	for i := range rows {
		rows[i] = rows[i][:min(len(rows[i]), width)]
	}
	if len(rows) > chart.MaxLabels+1 {
		p.errorLC(lines[chart.MaxLabels+1], 0, "chia thành nhiều biểu đồ, hoặc đưa số liệu chi tiết vào bảng",
			"tệp có %d dòng số liệu, vượt giới hạn %d nhãn của một biểu đồ", len(rows)-1, chart.MaxLabels)
		return nil, nil, false
	}
	return rows, lines, true
}

// delimiter guesses the separator from the first line: Excel writes ';'
// where the decimal mark is a comma (Vietnamese settings), ',' elsewhere.
func delimiter(data []byte) rune {
	first, _, _ := bytes.Cut(data, []byte("\n"))
	inQuote := false
	counts := map[byte]int{}
	for _, c := range first {
		switch {
		case c == '"':
			inQuote = !inQuote
		case !inQuote && (c == ';' || c == ',' || c == '\t'):
			counts[c]++
		}
	}
	switch {
	case counts[';'] > 0:
		return ';'
	case counts[','] == 0 && counts['\t'] > 0:
		return '\t'
	}
	return ','
}
