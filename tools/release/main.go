// Command release builds the release archives of cchc: for each target
// a reproducible binary (-trimpath, no build ID, the version injected)
// packed with the README, and for Windows the double-click launchers,
// into cchc_<version>_<os>_<arch>.zip or .tar.gz with fixed timestamps;
// then checksums.txt. With -check it opens every archive again and checks
// its contents, runs the binary of this machine's target (`cchc version`,
// `cchc init`, `cchc check` on the new site) and builds that target a
// second time to prove the bytes are the same. It publishes nothing: the
// release workflow uploads dist/ when a tag v* is pushed, and .ci/run
// runs it with -check on every change so a broken release shows before a
// tag.
//
//	go run ./tools/release -version v0.1.0 [-out dist] [-check] [-targets linux/amd64,...]
package main

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
)

// targets are the platforms a release ships for: the commune's Windows
// PCs (x64 and the ARM laptops), Macs, and Linux for CI and servers.
var defaultTargets = []string{
	"windows/amd64", "windows/arm64",
	"darwin/amd64", "darwin/arm64",
	"linux/amd64", "linux/arm64",
}

// semver is the tag form the workflow and `cchc init` expect.
var semver = regexp.MustCompile(`^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$`)

func main() {
	version := flag.String("version", "", "release version, a tag such as v0.1.0")
	out := flag.String("out", "dist", "folder for the archives and checksums.txt (emptied first)")
	check := flag.Bool("check", false, "check the archives after building them")
	targetList := flag.String("targets", strings.Join(defaultTargets, ","), "comma-separated GOOS/GOARCH list")
	flag.Parse()
	if !semver.MatchString(*version) {
		fmt.Fprintf(os.Stderr, "release: -version %q is not a tag like v0.1.0\n", *version)
		os.Exit(2)
	}
	targets := strings.Split(*targetList, ",")
	r := &releaser{version: *version, out: *out}
	if err := r.build(targets); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
	if *check {
		if err := r.check(targets); err != nil {
			fmt.Fprintln(os.Stderr, "release check:", err)
			os.Exit(1)
		}
	}
}
