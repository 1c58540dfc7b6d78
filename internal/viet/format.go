package viet

import (
	"fmt"
	"time"
)

// ShortDate formats t as 16/01/2026, in Vietnam's time.
func ShortDate(t time.Time) string { return t.In(Location()).Format("02/01/2006") }

// DateTime formats t as "08:30, 16/01/2026", in Vietnam's time.
func DateTime(t time.Time) string { return t.In(Location()).Format("15:04, 02/01/2006") }

// ISODate formats t as RFC 3339 in Vietnam's time: 2026-01-16T08:30:00+07:00.
// ParseDate reads it back to the same instant.
func ISODate(t time.Time) string { return t.In(Location()).Format(time.RFC3339) }

// LongDate formats t in the administrative style of Nghị định 30/2020:
// "Thứ Sáu, ngày 16 tháng 01 năm 2026". Days below 10 and the months 1 and
// 2 take a leading zero, other months do not: "Chủ nhật, ngày 05 tháng 7
// năm 2026".
func LongDate(t time.Time) string {
	t = t.In(Location())
	month := fmt.Sprint(int(t.Month()))
	if t.Month() <= time.February {
		month = "0" + month
	}
	return fmt.Sprintf("%s, ngày %02d tháng %s năm %d", Weekday(t.Weekday()), t.Day(), month, t.Year())
}

// Weekday names a day of the week as it opens a date line: "Thứ Hai" …
// "Thứ Bảy", "Chủ nhật".
func Weekday(d time.Weekday) string {
	switch d {
	case time.Monday:
		return "Thứ Hai"
	case time.Tuesday:
		return "Thứ Ba"
	case time.Wednesday:
		return "Thứ Tư"
	case time.Thursday:
		return "Thứ Năm"
	case time.Friday:
		return "Thứ Sáu"
	case time.Saturday:
		return "Thứ Bảy"
	}
	return "Chủ nhật"
}
