package report

import (
	"testing"
	"time"

	"github.com/cchc-vn/cchc/internal/viet"
)

func TestPeriodOf(t *testing.T) {
	tests := []struct {
		name                    string
		year, quarter, from, to string
		label, first, last      string // when the flags are right
		err                     string // when they are wrong
	}{
		{name: "default is the current year", label: "Năm 2026", first: "01/01/2026", last: "31/12/2026"},
		{name: "year", year: "2025", label: "Năm 2025", first: "01/01/2025", last: "31/12/2025"},
		{name: "quarter", quarter: "2026-Q1", label: "Quý I năm 2026", first: "01/01/2026", last: "31/03/2026"},
		{name: "quarter lower case, no dash", quarter: "2026q4", label: "Quý IV năm 2026", first: "01/10/2026", last: "31/12/2026"},
		{name: "quarter first", quarter: "Q2/2026", label: "Quý II năm 2026", first: "01/04/2026", last: "30/06/2026"},
		{name: "quarter three", quarter: "2024-Q3", label: "Quý III năm 2024", first: "01/07/2024", last: "30/09/2024"},
		{name: "range", from: "05/01/2026", to: "20/02/2026", label: "Từ 05/01/2026 đến 20/02/2026", first: "05/01/2026", last: "20/02/2026"},
		{name: "range in ISO", from: "2026-01-05", to: "2026-02-20", label: "Từ 05/01/2026 đến 20/02/2026", first: "05/01/2026", last: "20/02/2026"},
		{name: "from alone runs to today", from: "01/06/2026", label: "Từ 01/06/2026 đến 15/06/2026", first: "01/06/2026", last: "15/06/2026"},
		{name: "one day", from: "15/06/2026", to: "15/06/2026", label: "Từ 15/06/2026 đến 15/06/2026", first: "15/06/2026", last: "15/06/2026"},
		{name: "year and quarter", year: "2026", quarter: "2026-Q1",
			err: "chỉ chọn một kỳ báo cáo — dùng --year, hoặc --quarter, hoặc --from và --to"},
		{name: "year and range", year: "2026", from: "01/01/2026", to: "31/01/2026",
			err: "chỉ chọn một kỳ báo cáo — dùng --year, hoặc --quarter, hoặc --from và --to"},
		{name: "quarter and to", quarter: "2026-Q1", to: "31/01/2026",
			err: "chỉ chọn một kỳ báo cáo — dùng --year, hoặc --quarter, hoặc --from và --to"},
		{name: "to alone", to: "31/01/2026", err: "--to cần đi cùng --from — ví dụ: --from 01/01/2026 --to 30/06/2026"},
		{name: "fifth quarter", quarter: "2026-Q5",
			err: "quý \"2026-Q5\" không hợp lệ — viết năm, dấu gạch nối và quý từ Q1 đến Q4, ví dụ --quarter 2026-Q1"},
		{name: "quarter without year", quarter: "Q1",
			err: "quý \"Q1\" không hợp lệ — viết năm, dấu gạch nối và quý từ Q1 đến Q4, ví dụ --quarter 2026-Q1"},
		{name: "quarter in words", quarter: "quý 1",
			err: "quý \"quý 1\" không hợp lệ — viết năm, dấu gạch nối và quý từ Q1 đến Q4, ví dụ --quarter 2026-Q1"},
		{name: "two-digit year", year: "26", err: "năm \"26\" không hợp lệ — viết năm đủ bốn chữ số, ví dụ --year 2026"},
		{name: "year in words", year: "năm nay", err: "năm \"năm nay\" không hợp lệ — viết năm đủ bốn chữ số, ví dụ --year 2026"},
		{name: "date that does not exist", from: "31/02/2026", to: "31/03/2026",
			err: "--from: ngày \"31/02/2026\" không có thật: tháng 2 năm 2026 chỉ có 28 ngày — sửa lại ngày, ví dụ 28/02/2026"},
		{name: "range backwards", from: "20/02/2026", to: "05/01/2026",
			err: "ngày cuối 05/01/2026 trước ngày đầu 20/02/2026 — đổi chỗ hai ngày"},
		{name: "year out of range", from: "01/01/1990", to: "05/01/2026",
			err: "--from: năm 1990 của ngày \"01/01/1990\" nằm ngoài 2000–2100 — kiểm tra lại ngày"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := PeriodOf(tt.year, tt.quarter, tt.from, tt.to, now)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Errorf("error %v\nwant %s", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.Label != tt.label || viet.ShortDate(p.From) != tt.first || viet.ShortDate(p.To) != tt.last {
				t.Errorf("period %q %s–%s, want %q %s–%s", p.Label, viet.ShortDate(p.From), viet.ShortDate(p.To), tt.label, tt.first, tt.last)
			}
		})
	}
}

func TestPeriodMonths(t *testing.T) {
	tests := []struct {
		p    Period
		want float64
	}{
		{Year(2026), 12},
		{Year(2024), 12}, // leap year
		{Quarter(2026, 1), 3},
		{Quarter(2026, 4), 3},
	}
	for _, tt := range tests {
		if got := tt.p.months(); got < tt.want-1e-9 || got > tt.want+1e-9 {
			t.Errorf("%s: %v months, want %v", tt.p.Label, got, tt.want)
		}
	}
	// Half of January and all of February.
	p, _ := Range(time.Date(2026, 1, 17, 0, 0, 0, 0, viet.Location()), time.Date(2026, 2, 28, 0, 0, 0, 0, viet.Location()))
	if got, want := p.months(), 1+15.0/31; got < want-1e-9 || got > want+1e-9 {
		t.Errorf("17/01–28/02: %v months, want %v", got, want)
	}
	if n := len(p.monthStarts()); n != 2 {
		t.Errorf("17/01–28/02 touches %d months, want 2", n)
	}
}

// FuzzParseQuarter: whatever is typed, ParseQuarter either refuses it or
// gives a whole quarter.
func FuzzParseQuarter(f *testing.F) {
	for _, s := range []string{"2026-Q1", "q4-2026", "Q2/2026", "2026Q", "Q", "2026-Q0", "٢٠٢٦-Q1", "2026-Q１"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseQuarter(s)
		if err != nil {
			return
		}
		if p.From.Day() != 1 || (p.From.Month()-1)%3 != 0 || !p.To.AddDate(0, 0, 1).Equal(p.From.AddDate(0, 3, 0)) {
			t.Errorf("ParseQuarter(%q) = %s–%s", s, viet.ShortDate(p.From), viet.ShortDate(p.To))
		}
	})
}
