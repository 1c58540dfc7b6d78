package viet

import (
	"errors"
	"testing"
	"time"
)

func TestLocation(t *testing.T) {
	loc := Location()
	if loc != Location() {
		t.Error("Location() returns a different value on each call")
	}
	instant := time.Date(2026, 1, 16, 1, 30, 0, 0, time.UTC)
	local := instant.In(loc)
	if _, offset := local.Zone(); offset != 7*3600 {
		t.Errorf("offset = %d s, want 25200", offset)
	}
	for _, tc := range []struct{ layout, want string }{
		{time.RFC1123Z, "Fri, 16 Jan 2026 08:30:00 +0700"},
		{time.RFC1123, "Fri, 16 Jan 2026 08:30:00 +0700"},
		{time.RFC3339, "2026-01-16T08:30:00+07:00"},
	} {
		if got := local.Format(tc.layout); got != tc.want {
			t.Errorf("Format(%q) = %q, want %q", tc.layout, got, tc.want)
		}
	}
	// No DST: mid-year has the same offset.
	if _, offset := time.Date(2026, 7, 1, 0, 0, 0, 0, loc).Zone(); offset != 7*3600 {
		t.Errorf("July offset = %d s, want 25200", offset)
	}
}

func TestParseDateAccepted(t *testing.T) {
	vn := Location()
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2026-01-16", time.Date(2026, 1, 16, 0, 0, 0, 0, vn)},
		{"2026-01-16 08:30", time.Date(2026, 1, 16, 8, 30, 0, 0, vn)},
		{"2026-01-16 08:30:15", time.Date(2026, 1, 16, 8, 30, 15, 0, vn)},
		{"2026-01-16T08:30", time.Date(2026, 1, 16, 8, 30, 0, 0, vn)},
		{"2026-01-16T08:30:00", time.Date(2026, 1, 16, 8, 30, 0, 0, vn)},
		{"2026-01-16t08:30:00", time.Date(2026, 1, 16, 8, 30, 0, 0, vn)},
		{"2026-01-16T08:30:00+07:00", time.Date(2026, 1, 16, 8, 30, 0, 0, vn)},
		{"2026-01-16T01:30:00Z", time.Date(2026, 1, 16, 8, 30, 0, 0, vn)},
		{"2026-01-16T01:30:00z", time.Date(2026, 1, 16, 8, 30, 0, 0, vn)},
		{"2026-01-15T20:30:00-05:00", time.Date(2026, 1, 16, 8, 30, 0, 0, vn)},
		{"2026-01-16T08:30:00+0700", time.Date(2026, 1, 16, 8, 30, 0, 0, vn)},
		{"2026-01-16 08:30 +07:00", time.Date(2026, 1, 16, 8, 30, 0, 0, vn)},
		{"2026-01-16T08:30:00.250+07:00", time.Date(2026, 1, 16, 8, 30, 0, 250_000_000, vn)},
		{"2026-1-6", time.Date(2026, 1, 6, 0, 0, 0, 0, vn)},
		{"16/01/2026", time.Date(2026, 1, 16, 0, 0, 0, 0, vn)},
		{"16/1/2026", time.Date(2026, 1, 16, 0, 0, 0, 0, vn)},
		{"6/1/2026", time.Date(2026, 1, 6, 0, 0, 0, 0, vn)},
		{"16/01/2026 08:30", time.Date(2026, 1, 16, 8, 30, 0, 0, vn)},
		{"16/01/2026 8:30", time.Date(2026, 1, 16, 8, 30, 0, 0, vn)},
		{"16/01/2026   08:30:59", time.Date(2026, 1, 16, 8, 30, 59, 0, vn)},
		{"16-01-2026", time.Date(2026, 1, 16, 0, 0, 0, 0, vn)},
		{"05/07/2026", time.Date(2026, 7, 5, 0, 0, 0, 0, vn)}, // day first, never July→May
		{"  16/01/2026\t", time.Date(2026, 1, 16, 0, 0, 0, 0, vn)},
		{"\u00a016/01/2026 08:30\u00a0", time.Date(2026, 1, 16, 8, 30, 0, 0, vn)}, // no-break spaces from Word
		{"29/02/2028", time.Date(2028, 2, 29, 0, 0, 0, 0, vn)},
		{"2000-02-29", time.Date(2000, 2, 29, 0, 0, 0, 0, vn)},
		{"31/12/2026 23:59:59", time.Date(2026, 12, 31, 23, 59, 59, 0, vn)},
		{"01/01/2026 00:00", time.Date(2026, 1, 1, 0, 0, 0, 0, vn)},
		{"0001-01-01", time.Date(1, 1, 1, 0, 0, 0, 0, vn)},
	}
	for _, tc := range tests {
		got, err := ParseDate(tc.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tc.in, err)
			continue
		}
		if !got.Equal(tc.want) {
			t.Errorf("ParseDate(%q) = %v, want %v", tc.in, got, tc.want)
		}
		if got.Location() != vn {
			t.Errorf("ParseDate(%q) is in %v, want Location()", tc.in, got.Location())
		}
	}
}

func TestParseDateRejected(t *testing.T) {
	forms := "viết ngày theo dạng 16/01/2026 hoặc 2026-01-16, có thể thêm giờ 08:30"
	tests := []struct{ in, message, hint string }{
		{"30/02/2026", `ngày "30/02/2026" không có thật: tháng 2 năm 2026 chỉ có 28 ngày`, "sửa lại ngày, ví dụ 28/02/2026"},
		{"29/02/2026", `ngày "29/02/2026" không có thật: tháng 2 năm 2026 chỉ có 28 ngày`, "sửa lại ngày, ví dụ 28/02/2026"},
		{"29/02/2100", `ngày "29/02/2100" không có thật: tháng 2 năm 2100 chỉ có 28 ngày`, "sửa lại ngày, ví dụ 28/02/2100"},
		{"2026-04-31", `ngày "2026-04-31" không có thật: tháng 4 năm 2026 chỉ có 30 ngày`, "sửa lại ngày, ví dụ 2026-04-30"},
		{"31-06-2026", `ngày "31-06-2026" không có thật: tháng 6 năm 2026 chỉ có 30 ngày`, "sửa lại ngày, ví dụ 30-06-2026"},
		{"00/03/2026", `ngày "00/03/2026" không có thật: không có ngày 0`, "sửa lại ngày, ví dụ 01/03/2026"},
		{"16/13/2026", `ngày "16/13/2026" không có thật: không có tháng 13`, "tháng chỉ từ 1 đến 12"},
		{"16/00/2026", `ngày "16/00/2026" không có thật: không có tháng 0`, "tháng chỉ từ 1 đến 12"},
		{"01/16/2026", `ngày "01/16/2026" không có thật: không có tháng 16`, "viết ngày trước, tháng sau: có phải là 16/01/2026?"},
		{"2026-16-01", `ngày "2026-16-01" không có thật: không có tháng 16`, "viết tháng trước, ngày sau: có phải là 2026-01-16?"},
		{"16/01/0000", `ngày "16/01/0000" không có thật: không có năm 0`, "sửa lại năm, ví dụ 16/01/2026"},
		{"16/01/2026 24:00", `ngày "16/01/2026 24:00" không có thật: giờ chỉ từ 00 đến 23`, "nửa đêm là 00:00 của ngày hôm sau: 17/01/2026 00:00"},
		{"2026-12-31T24:00", `ngày "2026-12-31T24:00" không có thật: giờ chỉ từ 00 đến 23`, "nửa đêm là 00:00 của ngày hôm sau: 2027-01-01 00:00"},
		{"16/01/2026 25:10", `ngày "16/01/2026 25:10" không có thật: giờ chỉ từ 00 đến 23`, "sửa lại giờ, ví dụ 08:30"},
		{"16/01/2026 08:60", `ngày "16/01/2026 08:60" không có thật: phút chỉ từ 00 đến 59`, "sửa lại giờ, ví dụ 08:30"},
		{"2026-01-16 08:30:60", `ngày "2026-01-16 08:30:60" không có thật: giây chỉ từ 00 đến 59`, "sửa lại giờ, ví dụ 08:30:00"},
		{"2026-01-16T08:30:00+25:00", `ngày "2026-01-16T08:30:00+25:00" không có thật: không có múi giờ +25:00`, "giờ Việt Nam là +07:00; có thể bỏ múi giờ đi"},
		{"9999-12-31T23:59:59-01:00", `ngày "9999-12-31T23:59:59-01:00" nằm ngoài các năm 1 đến 9999 theo giờ Việt Nam`, "sửa lại năm hoặc bỏ múi giờ"},
		{"0001-01-01T00:00:00+08:00", `ngày "0001-01-01T00:00:00+08:00" nằm ngoài các năm 1 đến 9999 theo giờ Việt Nam`, "sửa lại năm hoặc bỏ múi giờ"},
		{"45/13/26", `không đọc được ngày "45/13/26": năm phải có đủ bốn chữ số`, "viết năm đủ bốn chữ số, ví dụ 16/01/2026"},
		{"16/01/26", `không đọc được ngày "16/01/26": năm phải có đủ bốn chữ số`, "viết năm đủ bốn chữ số, ví dụ 16/01/2026"},
		{"mai", `không đọc được ngày "mai"`, forms},
		{"  mai  ", `không đọc được ngày "mai"`, forms},
		{"", "ngày đang để trống", forms},
		{"   ", "ngày đang để trống", forms},
		{"16.01.2026", `không đọc được ngày "16.01.2026"`, forms},
		{"16/01-2026", `không đọc được ngày "16/01-2026"`, forms},
		{"2026/01/16", `không đọc được ngày "2026/01/16"`, forms},
		{"16/01/2026T08:30", `không đọc được ngày "16/01/2026T08:30"`, forms},
		{"2026-01-16T", `không đọc được ngày "2026-01-16T"`, forms},
		{"2026-01-16 8h30", `không đọc được ngày "2026-01-16 8h30"`, forms},
		{"2026-01-16 08:3", `không đọc được ngày "2026-01-16 08:3"`, forms},
		{"2026-01-16Z", `không đọc được ngày "2026-01-16Z"`, forms},
		{"2026-01-16 08:30 ICT", `không đọc được ngày "2026-01-16 08:30 ICT"`, forms},
		{"2026-01-16T08:30:00.+07:00", `không đọc được ngày "2026-01-16T08:30:00.+07:00"`, forms},
		{"16/01/20266", `không đọc được ngày "16/01/20266"`, forms},
		{"ngày 16 tháng 01 năm 2026", `không đọc được ngày "ngày 16 tháng 01 năm 2026"`, forms},
		{"１６/01/2026", `không đọc được ngày "１６/01/2026"`, forms}, // full-width digits
	}
	for _, tc := range tests {
		got, err := ParseDate(tc.in)
		var de *DateError
		if !errors.As(err, &de) {
			t.Errorf("ParseDate(%q) = %v, %v; want a *DateError", tc.in, got, err)
			continue
		}
		if de.Message != tc.message || de.Hint != tc.hint {
			t.Errorf("ParseDate(%q):\n got  %q — %q\n want %q — %q", tc.in, de.Message, de.Hint, tc.message, tc.hint)
		}
		if de.Error() != de.Message {
			t.Errorf("ParseDate(%q): Error() = %q, want the message", tc.in, de.Error())
		}
		if de.Input == "" && tc.in != "" {
			t.Errorf("ParseDate(%q): Input is empty", tc.in)
		}
		if !got.IsZero() {
			t.Errorf("ParseDate(%q) returned %v with an error, want the zero time", tc.in, got)
		}
	}
}

// The machine's zone must not change what an editor's date means.
func TestParseDateIgnoresLocalZone(t *testing.T) {
	saved := time.Local
	t.Cleanup(func() { time.Local = saved })
	time.Local = time.FixedZone("EST", -5*3600)

	got, err := ParseDate("16/01/2026 08:30")
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2026, 1, 16, 1, 30, 0, 0, time.UTC)
	if !got.Equal(want) {
		t.Errorf("instant = %v, want %v", got.UTC(), want)
	}
	if s := ShortDate(got); s != "16/01/2026" {
		t.Errorf("ShortDate = %q, want 16/01/2026", s)
	}
	// 23:30 in Hà Nội is still the same day there, whatever the machine says.
	late, err := ParseDate("2026-01-16 23:30")
	if err != nil {
		t.Fatal(err)
	}
	if s := DateTime(late); s != "23:30, 16/01/2026" {
		t.Errorf("DateTime = %q, want 23:30, 16/01/2026", s)
	}
	if s := DateTime(late.Local()); s != "23:30, 16/01/2026" {
		t.Errorf("DateTime of a Local time = %q, want 23:30, 16/01/2026", s)
	}
}
