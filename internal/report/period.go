package report

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/cchc-vn/cchc/internal/viet"
)

// Period is the span a report covers: whole days in Vietnam's time.
type Period struct {
	From, To time.Time // first and last day, at midnight in Vietnam
	Label    string    // "Năm 2026", "Quý I năm 2026", "Từ 05/01/2026 đến 20/02/2026"
}

// day returns midnight in Vietnam of the day t falls on there.
func day(t time.Time) time.Time {
	y, m, d := t.In(viet.Location()).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, viet.Location())
}

// Year is the calendar year y.
func Year(y int) Period {
	return Period{
		From:  time.Date(y, time.January, 1, 0, 0, 0, 0, viet.Location()),
		To:    time.Date(y, time.December, 31, 0, 0, 0, 0, viet.Location()),
		Label: fmt.Sprintf("Năm %d", y),
	}
}

// Quarter is quarter q (1 to 4) of year y.
func Quarter(y, q int) Period {
	from := time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, viet.Location())
	return Period{
		From:  from,
		To:    from.AddDate(0, 3, -1),
		Label: fmt.Sprintf("Quý %s năm %d", [...]string{"I", "II", "III", "IV"}[q-1], y),
	}
}

// Range is the days from from to to, both included.
func Range(from, to time.Time) (Period, error) {
	from, to = day(from), day(to)
	if to.Before(from) {
		return Period{}, fmt.Errorf("ngày cuối %s trước ngày đầu %s — đổi chỗ hai ngày", viet.ShortDate(to), viet.ShortDate(from))
	}
	return Period{From: from, To: to, Label: fmt.Sprintf("Từ %s đến %s", viet.ShortDate(from), viet.ShortDate(to))}, nil
}

// CurrentYear is the year now falls in, in Vietnam: the default period.
func CurrentYear(now time.Time) Period { return Year(now.In(viet.Location()).Year()) }

// Years a report may cover: the column did not exist before the first,
// and a year past the second is a typo.
const (
	minYear = 2000
	maxYear = 2100
)

// ParseYear reads --year: "2026".
func ParseYear(s string) (Period, error) {
	y, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || y < minYear || y > maxYear {
		return Period{}, fmt.Errorf("năm %q không hợp lệ — viết năm đủ bốn chữ số, ví dụ --year 2026", s)
	}
	return Year(y), nil
}

// ParseQuarter reads --quarter: "2026-Q1", also written 2026Q1, Q1-2026
// or Q1/2026.
func ParseQuarter(s string) (Period, error) {
	bad := fmt.Errorf("quý %q không hợp lệ — viết năm, dấu gạch nối và quý từ Q1 đến Q4, ví dụ --quarter 2026-Q1", s)
	t := strings.ToUpper(strings.TrimSpace(s))
	i := strings.IndexByte(t, 'Q')
	if i < 0 || i+1 >= len(t) {
		return Period{}, bad
	}
	var ys, qs string
	if i == 0 {
		qs, ys = t[1:2], strings.TrimLeft(t[2:], "-/ ")
	} else {
		ys, qs = strings.TrimRight(t[:i], "-/ "), t[i+1:]
	}
	y, yerr := strconv.Atoi(ys)
	q, qerr := strconv.Atoi(qs)
	if yerr != nil || qerr != nil || len(ys) != 4 || len(qs) != 1 || q < 1 || q > 4 || y < minYear || y > maxYear {
		return Period{}, bad
	}
	return Quarter(y, q), nil
}

// ParseDay reads --from and --to: a date as editors write it (16/01/2026).
func ParseDay(s string) (time.Time, error) {
	t, err := viet.ParseDate(s)
	if err != nil {
		var de *viet.DateError
		if errors.As(err, &de) {
			return time.Time{}, fmt.Errorf("%s — %s", de.Message, de.Hint)
		}
		return time.Time{}, err
	}
	y := t.In(viet.Location()).Year()
	if y < minYear || y > maxYear {
		return time.Time{}, fmt.Errorf("năm %d của ngày %q nằm ngoài %d–%d — kiểm tra lại ngày", y, s, minYear, maxYear)
	}
	return day(t), nil
}

// PeriodOf chooses the period of `cchc report` from its flags, given as
// typed ("" when absent): --year, --quarter, or --from with an optional
// --to (today when absent). Without any, the current year. The errors are
// wrong usage, in Vietnamese.
func PeriodOf(year, quarter, from, to string, now time.Time) (Period, error) {
	given := 0
	for _, s := range []string{year, quarter, from + to} {
		if s != "" {
			given++
		}
	}
	switch {
	case given > 1:
		return Period{}, errors.New("chỉ chọn một kỳ báo cáo — dùng --year, hoặc --quarter, hoặc --from và --to")
	case year != "":
		return ParseYear(year)
	case quarter != "":
		return ParseQuarter(quarter)
	case to != "" && from == "":
		return Period{}, errors.New("--to cần đi cùng --from — ví dụ: --from 01/01/2026 --to 30/06/2026")
	case from == "":
		return CurrentYear(now), nil
	}
	f, err := ParseDay(from)
	if err != nil {
		return Period{}, fmt.Errorf("--from: %w", err)
	}
	t := day(now)
	if to != "" {
		if t, err = ParseDay(to); err != nil {
			return Period{}, fmt.Errorf("--to: %w", err)
		}
	}
	return Range(f, t)
}

// end is the first instant after the period.
func (p Period) end() time.Time { return p.To.AddDate(0, 0, 1) }

// months is the length of the period in months, a partly covered month
// counting for its share of days: 12 for a year, 3 for a quarter.
func (p Period) months() float64 {
	var n float64
	for _, m := range p.monthStarts() {
		next := m.AddDate(0, 1, 0)
		from, to := maxTime(m, p.From), minTime(next, p.end())
		n += to.Sub(from).Hours() / next.Sub(m).Hours()
	}
	return n
}

// monthStarts lists the first day of every month the period touches.
func (p Period) monthStarts() []time.Time {
	var out []time.Time
	m := time.Date(p.From.Year(), p.From.Month(), 1, 0, 0, 0, 0, viet.Location())
	for m.Before(p.end()) {
		out = append(out, m)
		m = m.AddDate(0, 1, 0)
	}
	return out
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
