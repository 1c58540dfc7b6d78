package content

import "strings"

// Ignored reports whether a file or folder name is one that editors' tools
// leave behind (hidden files, Office lock files, vim swap files, Emacs
// backups and autosaves) and that must never be published or watched.
func Ignored(name string) bool {
	switch {
	case name == "":
		return false
	case strings.HasPrefix(name, "."), // .DS_Store, .git, .~lock.x#, .x.swp
		strings.HasPrefix(name, "~$"), // Word lock file
		strings.HasSuffix(name, "~"),  // Emacs/gedit backup
		strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"),
		strings.HasSuffix(name, ".tmp"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"), // Emacs autosave
		name == "4913", // vim's probe file
		name == "Thumbs.db", name == "desktop.ini":
		return true
	}
	return false
}
