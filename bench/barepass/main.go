// Command barepass is the floor a build is compared against: it renders
// every article of a corpus with goldmark, minifies the HTML and writes one
// <slug>/index.html per article, with no templates, lists, feeds or checks.
// bench/compare.sh runs it beside cchc and Hugo.
//
//	go run ./bench/barepass -s /tmp/corpus-1k -d /tmp/out-bare
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/html"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

func main() {
	site := flag.String("s", ".", "corpus folder")
	dest := flag.String("d", "out-bare", "output folder")
	flag.Parse()
	names, err := filepath.Glob(filepath.Join(*site, "content", "bai-viet", "[^_]*.md"))
	if err != nil || len(names) == 0 {
		fmt.Fprintln(os.Stderr, "barepass: no articles under", *site)
		os.Exit(1)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	m := minify.New()
	m.AddFunc("text/html", html.Minify)
	var wg sync.WaitGroup
	next := make(chan string)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var page, out bytes.Buffer
			for name := range next {
				src, err := os.ReadFile(name)
				if err != nil {
					panic(err)
				}
				if _, body, ok := bytes.Cut(src[3:], []byte("\n---\n")); ok {
					src = body
				}
				page.Reset()
				page.WriteString("<!doctype html><html lang=vi><meta charset=utf-8><title>x</title><main>")
				if err := md.Convert(src, &page); err != nil {
					panic(err)
				}
				page.WriteString("</main></html>")
				out.Reset()
				if err := m.Minify("text/html", &out, &page); err != nil {
					panic(err)
				}
				dir := filepath.Join(*dest, strings.TrimSuffix(filepath.Base(name), ".md"))
				if err := os.MkdirAll(dir, 0o755); err != nil {
					panic(err)
				}
				if err := os.WriteFile(filepath.Join(dir, "index.html"), out.Bytes(), 0o644); err != nil {
					panic(err)
				}
			}
		})
	}
	for _, n := range names {
		next <- n
	}
	close(next)
	wg.Wait()
}
