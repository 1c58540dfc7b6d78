package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// parseFlags parses the flags of a command that takes no other argument.
// When ok is false the command returns code: 0 after -h, 2 on wrong usage.
func parseFlags(fl *flag.FlagSet, args []string, stderr io.Writer) (code int, ok bool) {
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "cchc %s: không nhận tham số %q\n", fl.Name(), fl.Arg(0))
		fl.Usage()
		return exitUsage, false
	}
	return exitOK, true
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
