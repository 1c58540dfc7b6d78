package viet

import (
	"testing"
	"time"
)

func TestDateFormats(t *testing.T) {
	vn := Location()
	tests := []struct {
		t                          time.Time
		short, long, dateTime, iso string
	}{
		{time.Date(2026, 1, 16, 8, 30, 0, 0, vn),
			"16/01/2026", "Thứ Sáu, ngày 16 tháng 01 năm 2026", "08:30, 16/01/2026", "2026-01-16T08:30:00+07:00"},
		{time.Date(2026, 7, 5, 0, 0, 0, 0, vn),
			"05/07/2026", "Chủ nhật, ngày 05 tháng 7 năm 2026", "00:00, 05/07/2026", "2026-07-05T00:00:00+07:00"},
		{time.Date(2026, 2, 2, 14, 5, 0, 0, vn),
			"02/02/2026", "Thứ Hai, ngày 02 tháng 02 năm 2026", "14:05, 02/02/2026", "2026-02-02T14:05:00+07:00"},
		{time.Date(2026, 3, 10, 9, 0, 0, 0, vn),
			"10/03/2026", "Thứ Ba, ngày 10 tháng 3 năm 2026", "09:00, 10/03/2026", "2026-03-10T09:00:00+07:00"},
		{time.Date(2026, 9, 2, 7, 0, 0, 0, vn),
			"02/09/2026", "Thứ Tư, ngày 02 tháng 9 năm 2026", "07:00, 02/09/2026", "2026-09-02T07:00:00+07:00"},
		{time.Date(2026, 10, 1, 0, 0, 0, 0, vn),
			"01/10/2026", "Thứ Năm, ngày 01 tháng 10 năm 2026", "00:00, 01/10/2026", "2026-10-01T00:00:00+07:00"},
		{time.Date(2026, 12, 26, 0, 0, 0, 0, vn),
			"26/12/2026", "Thứ Bảy, ngày 26 tháng 12 năm 2026", "00:00, 26/12/2026", "2026-12-26T00:00:00+07:00"},
		// 17:30 UTC on the 31st is already New Year's Day in Vietnam.
		{time.Date(2025, 12, 31, 17, 30, 0, 0, time.UTC),
			"01/01/2026", "Thứ Năm, ngày 01 tháng 01 năm 2026", "00:30, 01/01/2026", "2026-01-01T00:30:00+07:00"},
		{time.Date(2026, 1, 16, 8, 30, 0, 0, time.FixedZone("EST", -5*3600)),
			"16/01/2026", "Thứ Sáu, ngày 16 tháng 01 năm 2026", "20:30, 16/01/2026", "2026-01-16T20:30:00+07:00"},
	}
	for _, tc := range tests {
		if got := ShortDate(tc.t); got != tc.short {
			t.Errorf("ShortDate(%v) = %q, want %q", tc.t, got, tc.short)
		}
		if got := LongDate(tc.t); got != tc.long {
			t.Errorf("LongDate(%v) = %q, want %q", tc.t, got, tc.long)
		}
		if got := DateTime(tc.t); got != tc.dateTime {
			t.Errorf("DateTime(%v) = %q, want %q", tc.t, got, tc.dateTime)
		}
		if got := ISODate(tc.t); got != tc.iso {
			t.Errorf("ISODate(%v) = %q, want %q", tc.t, got, tc.iso)
		}
	}
}

func TestFormatsParseBack(t *testing.T) {
	in := time.Date(2028, 2, 29, 23, 59, 0, 0, time.UTC) // 06:59 on 1 March in Vietnam
	got, err := ParseDate(ISODate(in))
	if err != nil || !got.Equal(in) {
		t.Errorf("ParseDate(ISODate(%v)) = %v, %v; want the same instant", in, got, err)
	}
	day, err := ParseDate(ShortDate(in))
	if want := time.Date(2028, 3, 1, 0, 0, 0, 0, Location()); err != nil || !day.Equal(want) {
		t.Errorf("ParseDate(ShortDate(%v)) = %v, %v; want %v", in, day, err, want)
	}
}

func TestWeekday(t *testing.T) {
	want := []string{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if got := Weekday(d); got != want[d] {
			t.Errorf("Weekday(%v) = %q, want %q", d, got, want[d])
		}
	}
}
