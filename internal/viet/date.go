package viet

import (
	"fmt"
	"strings"
	"time"
)

// vietnam is Asia/Ho_Chi_Minh as a fixed zone: Vietnam has kept UTC+7
// without daylight saving since 1975, so no zoneinfo file is needed and a
// build machine in another zone or without tzdata dates pages the same.
// It is named "+0700" so that layouts printing the zone name (RFC1123,
// time.String) give the same valid RFC 822 zone as RFC1123Z does, instead
// of an abbreviation like "ICT" that feed readers do not know.
//
// A *time.Location is immutable and safe for concurrent use; this variable
// is never reassigned. One shared value keeps == on time.Time meaningful.
var vietnam = time.FixedZone("+0700", 7*60*60)

// Location returns Vietnam's time zone (UTC+07:00). Every date the site
// shows, and every "is it in the future" decision, is made in it.
func Location() *time.Location { return vietnam }

// DateError says why a date written by an editor was not accepted. Message
// says what is wrong and Hint how to fix it; both are in Vietnamese and end
// up in a diag.Diagnostic.
type DateError struct {
	Input   string
	Message string
	Hint    string
}

func (e *DateError) Error() string { return e.Message }

// hintDateForms is the hint for a date that could not be read at all.
const hintDateForms = "viết ngày theo dạng 16/01/2026 hoặc 2026-01-16, có thể thêm giờ 08:30"

// dateStyle is the way the editor wrote the date; suggestions in hints are
// written back the same way.
type dateStyle int

const (
	styleISO   dateStyle = iota // 2026-01-16
	styleSlash                  // 16/01/2026
	styleDash                   // 16-01-2026
)

func (st dateStyle) format(y int, m time.Month, d int) string {
	switch st {
	case styleSlash:
		return fmt.Sprintf("%02d/%02d/%04d", d, int(m), y)
	case styleDash:
		return fmt.Sprintf("%02d-%02d-%04d", d, int(m), y)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, int(m), d)
}

// writtenDate holds the fields of a date as written, before any check that
// they name a real day.
type writtenDate struct {
	style                    dateStyle
	year, month, day         int
	hour, minute, second     int
	nanos                    int
	hasOffset                bool
	offsetSign               int
	offsetHour, offsetMinute int
}

// ParseDate reads a date from front matter. Accepted forms:
//
//	2026-01-16          2026-01-16 08:30      2026-01-16 08:30:15
//	2026-01-16T08:30    2026-01-16T08:30:00   2026-01-16T08:30:00+07:00 (or Z, or another offset)
//	16/01/2026          16/1/2026             16/01/2026 08:30          16-01-2026
//
// A day-first form is always day first, as Vietnamese write it. Without an
// offset the time is in Location(); with one, the instant is kept and
// returned in Location(). A date that does not exist (30/02/2026, 24:00,
// month 13, year 0) is an error, never moved to a nearby day. Errors are
// *DateError.
func ParseDate(s string) (time.Time, error) {
	in := strings.TrimSpace(s)
	if in == "" {
		return time.Time{}, &DateError{Input: s, Message: "ngày đang để trống", Hint: hintDateForms}
	}
	w, err := scanDate(in)
	if err != nil {
		return time.Time{}, err
	}
	if err := w.check(in); err != nil {
		return time.Time{}, err
	}
	loc := Location()
	if w.hasOffset {
		offset := w.offsetSign * (w.offsetHour*3600 + w.offsetMinute*60)
		loc = time.FixedZone("", offset)
	}
	t := time.Date(w.year, time.Month(w.month), w.day, w.hour, w.minute, w.second, w.nanos, loc).In(Location())
	if y := t.Year(); y < 1 || y > 9999 {
		// Only reachable through an offset at the very ends of the calendar.
		return time.Time{}, &DateError{Input: in,
			Message: fmt.Sprintf("ngày %q nằm ngoài các năm 1 đến 9999 theo giờ Việt Nam", in),
			Hint:    "sửa lại năm hoặc bỏ múi giờ"}
	}
	return t, nil
}

// check reports the first field of w that names no real date or time.
func (w *writtenDate) check(in string) error {
	unreal := func(why, hint string) error {
		return &DateError{Input: in, Message: fmt.Sprintf("ngày %q không có thật: %s", in, why), Hint: hint}
	}
	switch {
	case w.year == 0:
		return unreal("không có năm 0", "sửa lại năm, ví dụ "+w.style.format(2026, time.Month(clamp(w.month, 1, 12)), clamp(w.day, 1, 28)))
	case w.month < 1 || w.month > 12:
		return unreal(fmt.Sprintf("không có tháng %d", w.month), w.monthHint())
	case w.day < 1:
		return unreal("không có ngày 0", "sửa lại ngày, ví dụ "+w.style.format(w.year, time.Month(w.month), 1))
	}
	if last := daysIn(w.year, w.month); w.day > last {
		return unreal(fmt.Sprintf("tháng %d năm %d chỉ có %d ngày", w.month, w.year, last),
			"sửa lại ngày, ví dụ "+w.style.format(w.year, time.Month(w.month), last))
	}
	switch {
	case w.hour == 24 && w.minute == 0 && w.second == 0 && w.nanos == 0:
		next := time.Date(w.year, time.Month(w.month), w.day+1, 0, 0, 0, 0, time.UTC)
		return unreal("giờ chỉ từ 00 đến 23",
			"nửa đêm là 00:00 của ngày hôm sau: "+w.style.format(next.Year(), next.Month(), next.Day())+" 00:00")
	case w.hour > 23:
		return unreal("giờ chỉ từ 00 đến 23", "sửa lại giờ, ví dụ 08:30")
	case w.minute > 59:
		return unreal("phút chỉ từ 00 đến 59", "sửa lại giờ, ví dụ 08:30")
	case w.second > 59:
		return unreal("giây chỉ từ 00 đến 59", "sửa lại giờ, ví dụ 08:30:00")
	case w.offsetHour > 23 || w.offsetMinute > 59:
		return unreal(fmt.Sprintf("không có múi giờ %s%02d:%02d", signString(w.offsetSign), w.offsetHour, w.offsetMinute),
			"giờ Việt Nam là +07:00; có thể bỏ múi giờ đi")
	}
	return nil
}

// monthHint suggests the date with day and month swapped when that is a
// real date: "01/16/2026" was most likely meant as 16/01/2026.
func (w *writtenDate) monthHint() string {
	if w.day >= 1 && w.day <= 12 && w.month >= 1 && w.month <= daysIn(w.year, w.day) {
		swapped := w.style.format(w.year, time.Month(w.day), w.month)
		if w.style == styleISO {
			return "viết tháng trước, ngày sau: có phải là " + swapped + "?"
		}
		return "viết ngày trước, tháng sau: có phải là " + swapped + "?"
	}
	return "tháng chỉ từ 1 đến 12"
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

func signString(sign int) string {
	if sign < 0 {
		return "-"
	}
	return "+"
}
