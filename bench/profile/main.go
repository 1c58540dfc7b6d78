// Command profile builds a site to a folder, as `cchc build` does, and
// writes a CPU profile and the heap profile taken at the build's peak live
// heap: what bench/compare.sh measures from outside, seen from inside.
//
//	go run ./bench/profile -s /tmp/cchc-bench/corpus-1000 -d /tmp/out \
//	    -cpu /tmp/cpu.prof -heap /tmp/heap.prof -n 3
//	go tool pprof -top -cum /tmp/cpu.prof
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"github.com/cchc-vn/cchc"
	"github.com/cchc-vn/cchc/internal/pipeline"
	"github.com/cchc-vn/cchc/internal/publish"
)

func main() {
	site := flag.String("s", ".", "the site to build")
	dest := flag.String("d", "", "the output folder (replaced)")
	cpu := flag.String("cpu", "", "write a CPU profile of all the builds here")
	heap := flag.String("heap", "", "write the heap profile at the peak live heap here")
	n := flag.Int("n", 1, "how many builds")
	flag.Parse()
	if *dest == "" {
		fmt.Fprintln(os.Stderr, "profile: -d is required")
		os.Exit(2)
	}
	if *cpu != "" {
		f, err := os.Create(*cpu)
		check(err)
		check(pprof.StartCPUProfile(f))
		defer pprof.StopCPUProfile()
	}
	var peak *peakWatcher
	if *heap != "" {
		peak = watchPeak()
	}
	for range *n {
		start := time.Now()
		check(os.RemoveAll(*dest))
		w, err := publish.NewDir(*dest)
		check(err)
		opts := pipeline.Options{Site: os.DirFS(*site), Theme: cchc.Theme(), Future: true, Now: time.Now(), ForgetBodies: true}
		if _, ds := pipeline.Build(opts, w); ds.HasErrors() {
			w.Abort()
			fmt.Fprintln(os.Stderr, ds)
			os.Exit(1)
		}
		check(w.Commit())
		fmt.Println(time.Since(start).Round(time.Millisecond))
	}
	if peak != nil {
		mb := peak.stop(*heap)
		fmt.Printf("peak live heap %.1f MB\n", float64(mb)/(1<<20))
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "profile:", err)
		os.Exit(1)
	}
}
