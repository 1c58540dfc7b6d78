package publish

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// renameWaiting renames a file or folder, waiting out the short locks Windows puts
// on files just written: antivirus scanners and the search indexer open
// new files for a moment, and a file that is open, or a folder holding one, cannot be
// renamed ("Access is denied", "being used by another process"). A lock
// that lasts beyond the last try is reported as it is.
func renameWaiting(oldpath, newpath string) error {
	const (
		errorAccessDenied     syscall.Errno = 5
		errorSharingViolation syscall.Errno = 32
	)
	wait := 20 * time.Millisecond
	for try := 0; ; try++ {
		err := os.Rename(oldpath, newpath)
		if err == nil || try == 7 || !(errors.Is(err, errorAccessDenied) || errors.Is(err, errorSharingViolation)) {
			return err
		}
		time.Sleep(wait) // 20 ms doubling: about 2.5 s in all
		wait *= 2
	}
}
