//go:build !windows

package publish

import "os"

// renameWaiting renames a file or folder; only Windows needs more (rename_windows.go).
func renameWaiting(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }
