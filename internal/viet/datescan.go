package viet

import (
	"fmt"
	"time"
	"unicode"
	"unicode/utf8"
)

// dateScanner reads the fields of a written date left to right. It only
// splits the text into numbers; whether they name a real day is checked
// afterwards, so that "30/02/2026" gets a specific message rather than
// "unreadable".
type dateScanner struct {
	s string
	i int
}

// digits reads a run of ASCII digits and returns its value and length. The
// value of a run longer than 9 digits is meaningless; callers reject such a
// run by its length.
func (p *dateScanner) digits() (value, width int) {
	for p.i < len(p.s) && '0' <= p.s[p.i] && p.s[p.i] <= '9' {
		if width < 9 {
			value = value*10 + int(p.s[p.i]-'0')
		}
		width++
		p.i++
	}
	return value, width
}

// number reads a run of between minW and maxW digits.
func (p *dateScanner) number(minW, maxW int) (int, bool) {
	v, w := p.digits()
	return v, minW <= w && w <= maxW
}

func (p *dateScanner) eat(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *dateScanner) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

// spaces skips white space, including the no-break space Word inserts, and
// reports how many runes it skipped.
func (p *dateScanner) spaces() int {
	n := 0
	for p.i < len(p.s) {
		r, size := utf8.DecodeRuneInString(p.s[p.i:])
		if !unicode.IsSpace(r) {
			break
		}
		p.i += size
		n++
	}
	return n
}

func (p *dateScanner) done() bool { return p.i == len(p.s) }

// scanDate splits in (already trimmed) into the fields of a date, a time
// and an offset, or explains why it cannot.
func scanDate(in string) (writtenDate, error) {
	unreadable := &DateError{Input: in, Message: fmt.Sprintf("không đọc được ngày %q", in), Hint: hintDateForms}
	p := &dateScanner{s: in}
	var w writtenDate
	first, width := p.digits()
	ok := false
	switch {
	case width == 4 && p.eat('-'):
		w.style, w.year = styleISO, first
		if w.month, ok = p.number(1, 2); ok && p.eat('-') {
			w.day, ok = p.number(1, 2)
		} else {
			ok = false
		}
	case 1 <= width && width <= 2 && (p.peek() == '/' || p.peek() == '-'):
		sep := p.peek()
		p.i++
		w.style, w.day = styleSlash, first
		if sep == '-' {
			w.style = styleDash
		}
		if w.month, ok = p.number(1, 2); ok && p.eat(sep) {
			var yw int
			w.year, yw = p.digits()
			if yw == 2 {
				return w, twoDigitYear(in, w)
			}
			ok = yw == 4
		} else {
			ok = false
		}
	}
	if !ok {
		return w, unreadable
	}
	if p.done() {
		return w, nil
	}
	if !(w.style == styleISO && (p.eat('T') || p.eat('t'))) && p.spaces() == 0 {
		return w, unreadable
	}
	if !scanClock(p, &w) {
		return w, unreadable
	}
	p.spaces()
	if !p.done() && !scanOffset(p, &w) {
		return w, unreadable
	}
	if !p.done() {
		return w, unreadable
	}
	return w, nil
}

// scanClock reads 8:30, 08:30, 08:30:15 or 08:30:15.250.
func scanClock(p *dateScanner, w *writtenDate) bool {
	var ok bool
	if w.hour, ok = p.number(1, 2); !ok || !p.eat(':') {
		return false
	}
	if w.minute, ok = p.number(2, 2); !ok {
		return false
	}
	if !p.eat(':') {
		return true
	}
	if w.second, ok = p.number(2, 2); !ok {
		return false
	}
	if !p.eat('.') && !p.eat(',') {
		return true
	}
	frac, width := p.digits()
	if width < 1 || width > 9 {
		return false
	}
	for ; width < 9; width++ {
		frac *= 10
	}
	w.nanos = frac
	return true
}

// scanOffset reads Z, +07:00, -05:00 or +0700.
func scanOffset(p *dateScanner, w *writtenDate) bool {
	w.hasOffset = true
	if p.eat('Z') || p.eat('z') {
		w.offsetSign = 1
		return true
	}
	switch {
	case p.eat('+'):
		w.offsetSign = 1
	case p.eat('-'):
		w.offsetSign = -1
	default:
		return false
	}
	hhmm, width := p.digits()
	switch {
	case width == 4: // +0700
		w.offsetHour, w.offsetMinute = hhmm/100, hhmm%100
		return true
	case width == 2 && p.eat(':'): // +07:00
		w.offsetHour = hhmm
		var ok bool
		w.offsetMinute, ok = p.number(2, 2)
		return ok
	}
	return false
}

// twoDigitYear explains "16/01/26": the century cannot be guessed safely.
func twoDigitYear(in string, w writtenDate) error {
	year := 2000 + w.year
	example := w.style.format(2026, time.January, 16)
	if 1 <= w.month && w.month <= 12 && 1 <= w.day && w.day <= daysIn(year, w.month) {
		example = w.style.format(year, time.Month(w.month), w.day)
	}
	return &DateError{
		Input:   in,
		Message: fmt.Sprintf("không đọc được ngày %q: năm phải có đủ bốn chữ số", in),
		Hint:    "viết năm đủ bốn chữ số, ví dụ " + example,
	}
}
