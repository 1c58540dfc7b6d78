package main

import (
	"fmt"
	"io"
	"os/exec"
	"runtime"
)

// browserCommand is the program that opens url in the default browser
// on goos. On Windows, rundll32's URL handler takes the address as one
// argument, where `cmd /c start` would split it at every "&".
func browserCommand(goos, url string) (name string, args []string) {
	switch goos {
	case "windows":
		return "rundll32", []string{"url.dll,FileProtocolHandler", url}
	case "darwin":
		return "open", []string{url}
	}
	return "xdg-open", []string{url}
}

// openBrowser opens url in the default browser and does not wait for it.
// When that fails the editor is told to open it by hand.
func openBrowser(url string, stdout, stderr io.Writer) {
	name, args := browserCommand(runtime.GOOS, url)
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(stderr, "Không tự mở được trình duyệt (%v) — hãy mở trình duyệt và vào %s\n", err, url)
		return
	}
	fmt.Fprintf(stdout, "Đã mở trình duyệt tới %s\n", url)
	go cmd.Wait() // reap it; the browser outlives it
}
