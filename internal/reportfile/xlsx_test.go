package reportfile

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/cchc-vn/cchc/internal/report"
)

func xlsxBytes(t *testing.T, r *report.Report, made time.Time) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteXLSX(&b, r, made); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func openXLSX(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

var sheetNames = []string{"Tổng hợp", "Theo đơn vị", "Theo tháng", "Theo chuyên mục", "Theo nội dung KH", "Hỏi đáp",
	"Văn bản", "Danh sách văn bản", "Sự kiện", "Thủ tục", "Chỉ tiêu"}

// cellIs checks a cell's value as shown, its raw value and its number
// format: a built-in id, or a custom format when custom is not "".
func cellIs(t *testing.T, f *excelize.File, sheet, ref, shown, raw string, numFmt int, custom string) {
	t.Helper()
	got, _ := f.GetCellValue(sheet, ref)
	gotRaw, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	id, _ := f.GetCellStyle(sheet, ref)
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	gotCustom := ""
	if st.CustomNumFmt != nil {
		gotCustom = *st.CustomNumFmt
	}
	if got != shown || gotRaw != raw || gotCustom != custom || (custom == "" && st.NumFmt != numFmt) {
		t.Errorf("%s!%s = %q (raw %q, format %d %q), want %q (raw %q, format %d %q)",
			sheet, ref, got, gotRaw, st.NumFmt, gotCustom, shown, raw, numFmt, custom)
	}
	if raw != shown {
		if typ, _ := f.GetCellType(sheet, ref); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			t.Errorf("%s!%s is text, want a number", sheet, ref)
		}
	}
}

func TestXLSXReadsBackWithFormats(t *testing.T) {
	r := compute(t, report.Quarter(2026, 1))
	f := openXLSX(t, xlsxBytes(t, r, time.Time{}))
	if got := f.GetSheetList(); !slices.Equal(got, sheetNames) {
		t.Fatalf("sheets %q, want %q", got, sheetNames)
	}
	for _, sh := range sheetNames {
		p, err := f.GetPanes(sh)
		if err != nil || !p.Freeze || p.YSplit != 1 || p.XSplit != 0 || p.TopLeftCell != "A2" {
			t.Errorf("%s: panes %+v, want the first row frozen", sh, p)
		}
		id, _ := f.GetCellStyle(sh, "A1")
		if st, _ := f.GetStyle(id); st == nil || st.Font == nil || !st.Font.Bold {
			t.Errorf("%s: header not bold", sh)
		}
	}
	rows, _ := f.GetRows("Tổng hợp")
	if rows[0][0] != "Nội dung" || rows[1][0] != "Cơ quan" || rows[1][1] != "UBND xã Thử Nghiệm" || rows[3][1] != "Quý I năm 2026" {
		t.Errorf("summary starts %q", rows[:4])
	}
	cellIs(t, f, "Tổng hợp", "B5", "01/01/2026", "46023", 0, fmtDate)
	cellIs(t, f, "Tổng hợp", "B6", "31/03/2026", "46112", 0, fmtDate)
	cellIs(t, f, "Tổng hợp", "B8", "15", "15", fmtCount, "")
	cellIs(t, f, "Tổng hợp", "B13", "9.0", "9", 0, fmtDecimal)
	cellIs(t, f, "Tổng hợp", "B18", "75.00%", "0.75", fmtPercent, "")
	cellIs(t, f, "Theo tháng", "A2", "01/2026", "46023", 0, fmtMonth)
	cellIs(t, f, "Theo tháng", "B2", "7", "7", fmtCount, "")
	cellIs(t, f, "Hỏi đáp", "A2", "28/12/2025", "46019", 0, fmtDate)
	cellIs(t, f, "Hỏi đáp", "G2", "9", "9", fmtCount, "")
	cellIs(t, f, "Theo đơn vị", "C2", "26.67%", "0.266666666666666", fmtPercent, "")
	// A question still waiting at the quarter's end has no answer date.
	q3, _ := f.GetRows("Hỏi đáp")
	if w := q3[4]; w[1] != "=Câu hỏi 3, hỏi cuối quý?" || w[5] != "" || w[6] != "6" || w[7] != "Chưa trả lời" {
		t.Errorf("waiting question row %q", w)
	}
	if typ, _ := f.GetCellType("Hỏi đáp", "B5"); typ != excelize.CellTypeSharedString {
		t.Errorf("a question starting with = is stored as %v, want text", typ)
	}
}

func TestXLSXMarksShortfallAndTotals(t *testing.T) {
	f := openXLSX(t, xlsxBytes(t, compute(t, report.Quarter(2026, 1)), time.Time{}))
	rows, _ := f.GetRows("Chỉ tiêu")
	want := [][]string{
		{"Đơn vị", "Chỉ tiêu", "Chỉ tiêu trong kỳ", "Đã đăng", "Còn thiếu", "Đánh giá"},
		{"Phòng Văn hóa – Xã hội", "3 bài/quý", "3", "4", "0", "Đạt"},
		{"Công an xã", "1 bài/tháng", "3", "1", "2", "Chưa đạt"},
		{"Trung tâm Phục vụ hành chính công", "8 bài/năm", "2", "0", "2", "Chưa đạt"},
	}
	for i, w := range want {
		if !slices.Equal(rows[i], w) {
			t.Errorf("targets row %d = %q, want %q", i+1, rows[i], w)
		}
	}
	fill := func(sheet, ref string) []string {
		id, _ := f.GetCellStyle(sheet, ref)
		st, _ := f.GetStyle(id)
		return st.Fill.Color
	}
	if got := fill("Chỉ tiêu", "F3"); !slices.Equal(got, []string{"FFC7CE"}) {
		t.Errorf("shortfall fill %v, want FFC7CE", got)
	}
	if got := fill("Chỉ tiêu", "F2"); len(got) != 0 {
		t.Errorf("met target filled %v", got)
	}
	id, _ := f.GetCellStyle("Theo đơn vị", "B7")
	if st, _ := f.GetStyle(id); !st.Font.Bold || st.NumFmt != fmtCount {
		t.Errorf("total row: bold %v, format %d", st.Font.Bold, st.NumFmt)
	}
	if v, _ := f.GetCellValue("Theo đơn vị", "A7"); v != "Tổng cộng" {
		t.Errorf("units total row starts %q", v)
	}
}

func TestXLSXColumnWidthsFitVietnameseText(t *testing.T) {
	f := openXLSX(t, xlsxBytes(t, compute(t, report.Quarter(2026, 1)), time.Time{}))
	longest := len([]rune("Tỷ lệ thủ tục trực tuyến (toàn trình, một phần)"))
	if w, _ := f.GetColWidth("Tổng hợp", "A"); w < float64(longest) || w > maxWidth {
		t.Errorf("summary column A is %v wide for a label of %d letters", w, longest)
	}
	if w, _ := f.GetColWidth("Theo tháng", "A"); w < minWidth || w > 14 {
		t.Errorf("month column is %v wide", w)
	}
	// Plan items' names are long: the column stops at maxWidth and wraps.
	if w, _ := f.GetColWidth("Theo nội dung KH", "B"); w != maxWidth {
		t.Errorf("plan item names column is %v wide, want %v", w, float64(maxWidth))
	}
	id, _ := f.GetCellStyle("Theo nội dung KH", "B2")
	if st, _ := f.GetStyle(id); st.Alignment == nil || !st.Alignment.WrapText {
		t.Error("long text does not wrap")
	}
}

func TestXLSXSameBytesForSameInput(t *testing.T) {
	r := compute(t, report.Quarter(2026, 1))
	a, b := xlsxBytes(t, r, time.Time{}), xlsxBytes(t, compute(t, report.Quarter(2026, 1)), time.Time{})
	if !bytes.Equal(a, b) {
		t.Fatal("two workbooks of the same report differ")
	}
	f := openXLSX(t, a)
	props, _ := f.GetDocProps()
	if props.Created != "2026-03-31T00:00:00Z" || props.Modified != props.Created || props.Creator != "cchc" {
		t.Errorf("document properties %+v, want the period's last day", props)
	}
	// --timestamp records the moment, in the file and in the summary.
	made := time.Date(2026, 6, 15, 10, 30, 0, 0, now.Location())
	c := xlsxBytes(t, r, made)
	if bytes.Equal(a, c) {
		t.Fatal("a timestamped workbook is the same as one without")
	}
	g := openXLSX(t, c)
	props, _ = g.GetDocProps()
	rows, _ := g.GetRows("Tổng hợp")
	last := rows[len(rows)-1]
	for _, row := range rows {
		if len(row) > 0 && row[0] == "Lập lúc" {
			last = row
		}
	}
	if props.Created != "2026-06-15T10:30:00Z" || !slices.Equal(last, []string{"Lập lúc", "15/06/2026 10:30"}) {
		t.Errorf("timestamp: properties %q, row %q", props.Created, last)
	}
}

func TestXLSXEmptyPeriodIsAValidWorkbook(t *testing.T) {
	f := openXLSX(t, xlsxBytes(t, compute(t, report.Year(2020)), time.Time{}))
	if got := f.GetSheetList(); !slices.Equal(got, sheetNames) {
		t.Fatalf("sheets %q", got)
	}
	rows, _ := f.GetRows("Tổng hợp")
	var notes []string
	for _, r := range rows {
		if len(r) == 1 {
			notes = append(notes, r[0])
		}
	}
	if !slices.Contains(notes, "Kỳ báo cáo không có tin, bài, câu hỏi, văn bản hay sự kiện nào được đăng.") {
		t.Errorf("the summary does not say the period is empty: %q", notes)
	}
	for _, sh := range []string{"Hỏi đáp", "Danh sách văn bản", "Sự kiện"} {
		rows, _ := f.GetRows(sh)
		if len(rows) == 0 || len(rows[0]) < 2 || (len(rows) > 1 && len(rows[1]) > 0) {
			t.Errorf("%s: rows %q, want the header and no data", sh, rows)
		}
	}
	if v, _ := f.GetCellValue("Theo đơn vị", "B2"); v != "0" {
		t.Errorf("units total %q, want 0", v)
	}
	if v, _ := f.GetCellValue("Tổng hợp", "A2"); !strings.HasPrefix(v, "Cơ quan") {
		t.Errorf("summary A2 %q", v)
	}
}
