package content

import "strings"

// Ignored reports whether a file or folder name is one that editors' tools
// leave behind (hidden files, Office lock files, vim swap files, Emacs
// backups and autosaves, the .bak copies `cchc fix-encoding` keeps) and
// that must never be published or watched.
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
		name == "Thumbs.db", name == "desktop.ini",
		isBackup(name):
		return true
	}
	return false
}

// isBackup matches x.bak, x.bak2, x.bak3…: the original of a converted
// file, in the legacy encoding the page must not show.
func isBackup(name string) bool {
	i := strings.LastIndex(strings.ToLower(name), ".bak")
	if i < 0 {
		return false
	}
	for _, c := range name[i+len(".bak"):] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
