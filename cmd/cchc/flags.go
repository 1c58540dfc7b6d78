package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/cchc-vn/cchc/internal/viet"
)

// flagSet is a command's flags with Vietnamese messages. The standard
// flag package prints its errors and its help in English ("flag provided
// but not defined", "(default …)"), which an editor cannot act on: its
// own output is discarded, and its errors are told again here.
type flagSet struct {
	*flag.FlagSet
	synopsis       string // "cchc build [-s SITE] …", without "Cách dùng:"
	about          string // optional: what the command does, under the synopsis in -h
	stdout, stderr io.Writer
}

// newFlagSet makes the flag set of the command name.
func newFlagSet(name, synopsis string, stdout, stderr io.Writer) *flagSet {
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	fl.Usage = func() {}
	return &flagSet{FlagSet: fl, synopsis: synopsis, stdout: stdout, stderr: stderr}
}

// parse parses the flags of a command that takes no other argument. When
// ok is false the command returns code: 0 after -h, 2 on wrong usage.
func (f *flagSet) parse(args []string) (code int, ok bool) {
	if err := f.Parse(args); err != nil {
		return f.failed(err), false
	}
	if f.NArg() > 0 {
		f.usageError(fmt.Sprintf("không nhận tham số %q", f.Arg(0)))
		return exitUsage, false
	}
	return exitOK, true
}

// parseInterleaved parses flags placed before or after the positional
// arguments (editors write the title first as often as last) and returns
// the positional ones. code is -1 to go on, else the exit code.
func (f *flagSet) parseInterleaved(args []string) (rest []string, code int) {
	for {
		if err := f.Parse(args); err != nil {
			return nil, f.failed(err)
		}
		left := f.Args()
		if len(left) == 0 {
			return rest, -1
		}
		// After "--" everything is positional, even what looks like a flag.
		if used := len(args) - len(left); used > 0 && args[used-1] == "--" {
			return append(rest, left...), -1
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
}

// failed reports a parse error and returns the exit code: -h prints the
// help on stdout and succeeds.
func (f *flagSet) failed(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		f.help(f.stdout)
		return exitOK
	}
	f.usageError(f.explain(err))
	return exitUsage
}

// usageError prints a wrong-usage message, the synopsis and where the
// options are explained.
func (f *flagSet) usageError(msg string) {
	fmt.Fprintf(f.stderr, "cchc %s: %s\n", f.Name(), msg)
	fmt.Fprintf(f.stderr, "Cách dùng: %s\n", f.synopsis)
	fmt.Fprintf(f.stderr, "Gõ \"cchc %s -h\" để xem các tùy chọn.\n", f.Name())
}

// The standard flag package's error texts, which explain turns into
// Vietnamese. They have not changed since Go 1.0; a test pins each.
const (
	errUnknown  = "flag provided but not defined: -"
	errNeedsArg = "flag needs an argument: -"
	errValue    = "invalid value "
	errBool     = "invalid boolean value "
	errSyntax   = "bad flag syntax: "
)

// explain says in Vietnamese what was wrong on the command line.
func (f *flagSet) explain(err error) string {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, errUnknown):
		name := strings.TrimPrefix(msg, errUnknown)
		text := fmt.Sprintf("không có tùy chọn %s", dashed(name))
		if s := viet.Nearest(name, f.names()); s != "" {
			text += fmt.Sprintf(" — có phải ý bạn là %s?", dashed(s))
		}
		return text
	case strings.HasPrefix(msg, errNeedsArg):
		name := strings.TrimPrefix(msg, errNeedsArg)
		return fmt.Sprintf("tùy chọn %s cần một giá trị — viết %s %s", dashed(name), dashed(name), f.placeholder(name))
	case strings.HasPrefix(msg, errBool):
		value, name := quotedAndFlag(strings.TrimPrefix(msg, errBool), " for -")
		return fmt.Sprintf("giá trị %s của %s không hợp lệ — tùy chọn này chỉ bật hay tắt: viết %s hoặc %s=false", value, dashed(name), dashed(name), dashed(name))
	case strings.HasPrefix(msg, errValue):
		value, name := quotedAndFlag(strings.TrimPrefix(msg, errValue), " for flag -")
		return fmt.Sprintf("giá trị %s của %s không hợp lệ — %s", value, dashed(name), f.expects(name))
	case strings.HasPrefix(msg, errSyntax):
		return fmt.Sprintf("tùy chọn %q viết sai — viết --tên hoặc --tên=giá-trị, ví dụ --port=1313", strings.TrimPrefix(msg, errSyntax))
	}
	return msg
}

// quotedAndFlag splits `"abc" for flag -port: …` into `"abc"` and "port".
func quotedAndFlag(s, sep string) (value, name string) {
	value, rest, _ := strings.Cut(s, sep)
	name, _, _ = strings.Cut(rest, ":")
	return value, name
}

// expects says what kind of value a flag takes.
func (f *flagSet) expects(name string) string {
	fl := f.Lookup(name)
	if fl == nil {
		return "xem cchc " + f.Name() + " -h"
	}
	switch reflect.TypeOf(fl.Value).String() {
	case "*flag.intValue", "*flag.int64Value", "*flag.uintValue", "*flag.uint64Value":
		return fmt.Sprintf("cần một số nguyên, ví dụ %s %s", dashed(name), exampleValue(fl))
	case "*flag.durationValue":
		return fmt.Sprintf("cần một khoảng thời gian, ví dụ %s 500ms", dashed(name))
	}
	return fmt.Sprintf("xem \"cchc %s -h\"", f.Name())
}

func exampleValue(fl *flag.Flag) string {
	if fl.DefValue != "" && fl.DefValue != "0" {
		return fl.DefValue
	}
	return "1"
}

// names lists the command's flags, for suggestions.
func (f *flagSet) names() []string {
	var names []string
	f.VisitAll(func(fl *flag.Flag) { names = append(names, fl.Name) })
	return names
}

// placeholder is the name of a flag's value as the help shows it.
func (f *flagSet) placeholder(name string) string {
	if fl := f.Lookup(name); fl != nil {
		if meta, _ := flag.UnquoteUsage(fl); meta != "" {
			return placeholderOf(meta)
		}
	}
	return "GIÁ_TRỊ"
}

// placeholderOf turns the standard package's type names into Vietnamese
// ones; a name given in backquotes in the usage text is kept.
func placeholderOf(meta string) string {
	switch meta {
	case "string", "value":
		return "GIÁ_TRỊ"
	case "int", "uint", "int64", "uint64":
		return "SỐ"
	case "duration":
		return "THỜI_GIAN"
	}
	return meta
}

// dashed writes a flag the way the help does: one dash for a one-letter
// flag, two for a word.
func dashed(name string) string {
	if len([]rune(name)) == 1 {
		return "-" + name
	}
	return "--" + name
}

// help prints the synopsis and every option with its default, in
// Vietnamese.
func (f *flagSet) help(w io.Writer) {
	fmt.Fprintf(w, "Cách dùng: %s\n", f.synopsis)
	if f.about != "" {
		fmt.Fprintln(w, f.about)
	}
	if f.names() == nil {
		return
	}
	fmt.Fprintln(w, "\nTùy chọn:")
	f.VisitAll(func(fl *flag.Flag) {
		meta, usage := flag.UnquoteUsage(fl)
		head := "  " + dashed(fl.Name)
		if meta != "" {
			head += " " + placeholderOf(meta)
		}
		fmt.Fprintln(w, head)
		line := "      " + usage
		if d := defaultText(fl); d != "" {
			line += " (mặc định: " + d + ")"
		}
		fmt.Fprintln(w, line)
	})
}

// defaultText is a flag's default as worth showing: nothing for an unset
// switch, an empty string or a zero.
func defaultText(fl *flag.Flag) string {
	switch fl.DefValue {
	case "", "false", "0", "0s", "[]":
		return ""
	case ".":
		return "thư mục hiện tại"
	}
	return fl.DefValue
}

// siteRoot makes the -s folder absolute and checks that it exists.
func siteRoot(cmd, site string, stderr io.Writer) (string, bool) {
	root, err := filepath.Abs(site)
	if err != nil {
		fmt.Fprintf(stderr, "cchc %s: %v\n", cmd, err)
		return "", false
	}
	if st, err := os.Stat(root); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "cchc %s: không tìm thấy thư mục site %q\n", cmd, site)
		return "", false
	}
	return root, true
}
