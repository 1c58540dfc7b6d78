package content

import "strings"

// Ignored reports whether a file or folder name is one that editors' tools
// leave behind and that must never be published or watched: hidden files
// (.DS_Store, LibreOffice's .~lock.x#, vim's .x.swp, Kate's .x.kate-swp,
// Emacs's .#x), Word's ~$x lock files, backups (x~ of Kate, gedit and
// Emacs; the .bak copies `cchc fix-encoding` keeps), swap and temp files,
// JetBrains' safe-write copies (x___jb_tmp___, x___jb_old___), downloads
// still in progress, and the folders and files Windows and macOS add.
func Ignored(name string) bool {
	lower := strings.ToLower(name)
	switch {
	case name == "":
		return false
	case strings.HasPrefix(name, "."), // .DS_Store, .git, .~lock.x#, .x.swp
		strings.HasPrefix(name, "~$"),                                // Word lock file
		strings.HasSuffix(name, "~"),                                 // Kate, gedit, Emacs backup
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"), // Emacs autosave
		isVimSwap(lower),
		strings.HasSuffix(lower, ".tmp"), strings.HasSuffix(lower, ".temp"),
		strings.HasSuffix(lower, "___jb_tmp___"), strings.HasSuffix(lower, "___jb_old___"),
		strings.HasSuffix(lower, "___jb_bak___"),
		strings.HasSuffix(lower, ".crdownload"), strings.HasSuffix(lower, ".part"), // a picture still downloading
		name == "4913", // vim's probe file
		lower == "thumbs.db", lower == "ehthumbs.db", lower == "desktop.ini",
		name == "__MACOSX", // what a zip made on a Mac unpacks beside its files
		isBackup(name):
		return true
	}
	return false
}

// isVimSwap matches vim's swap files when they are not hidden: x.swp, then
// x.swo and x.swn when one already exists, and x.swx of its write test.
// Further letters would catch real files (x.swf is a Flash file).
func isVimSwap(lower string) bool {
	for _, ext := range []string{".swp", ".swo", ".swn", ".swx"} {
		if strings.HasSuffix(lower, ext) {
			return true
		}
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
