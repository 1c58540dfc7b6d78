package deskform

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/cchc-vn/cchc/internal/frontedit"
)

// Value is one field with the value the file gives it.
type Value struct {
	Field
	Text string   // Text, Area, Date, DateTime, Select, URL, Image
	List []string // List, Files, Topics
	On   bool     // Check
	// Fixed, when set, is the value as the file writes it, in a shape the
	// control cannot edit (a list where one line is expected, a mapping):
	// the form shows it read only and Apply leaves the key alone.
	Fixed string
}

// Other is a key of the file that no field of its kind edits ("khóa
// khác"): shown read only, kept as it is.
type Other struct {
	Key  string
	Text string
}

// Form is a file as the form shows it.
type Form struct {
	Values []Value
	Others []Other
	// Body is the Markdown after the front matter, without the blank
	// lines that separate it from the front matter (Apply keeps those).
	Body string
	// Raw is set when the front matter cannot be read: the whole file,
	// to be edited as text, and RawError says why (with its line).
	Raw      string
	RawError string
}

// Load reads src for the form of a page of kind k.
func Load(src []byte, k Kind) Form {
	doc, err := frontedit.Parse(src)
	if err != nil {
		return Form{Raw: string(src), RawError: rawError(err)}
	}
	fields := Fields(k)
	f := Form{Body: strings.TrimLeft(string(doc.Body()), "\r\n")}
	for _, fd := range fields {
		v := Value{Field: fd}
		cur, had := doc.Get(fd.Key)
		if had {
			if !fill(&v, cur) {
				v.Fixed = show(cur)
			}
		}
		f.Values = append(f.Values, v)
	}
	for _, key := range doc.Keys() {
		if !slices.ContainsFunc(fields, func(fd Field) bool { return fd.Key == key }) {
			cur, _ := doc.Get(key)
			f.Others = append(f.Others, Other{Key: key, Text: show(cur)})
		}
	}
	return f
}

// rawError says why the fields cannot be shown.
func rawError(err error) string {
	var se *frontedit.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("Phần khai báo đầu bài có lỗi ở dòng %d (%s), nên chưa hiện được thành biểu mẫu — sửa trực tiếp trong văn bản của tệp dưới đây, rồi lưu.", se.Line, se.Msg)
	}
	return "Không đọc được phần khai báo đầu bài (" + err.Error() + ") — sửa trực tiếp trong văn bản của tệp dưới đây, rồi lưu."
}

// fill puts cur into v when its shape is one v's control edits.
func fill(v *Value, cur any) bool {
	switch v.Control {
	case Check:
		b, ok := cur.(bool)
		v.On = b
		return ok
	case List, Files, Topics:
		switch c := cur.(type) {
		case []string:
			v.List = slices.Clone(c)
			return true
		case string: // `topics: SIPAS`, one item written as a scalar
			if strings.TrimSpace(c) != "" {
				v.List = []string{c}
			}
			return true
		}
		return false
	}
	s, ok := cur.(string)
	v.Text = s
	return ok
}

// show writes a value for reading.
func show(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []string:
		return strings.Join(v, "; ")
	case bool:
		return fmt.Sprint(v)
	}
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(data)
}
