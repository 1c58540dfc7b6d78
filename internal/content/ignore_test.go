package content

import "testing"

// TestIgnoredEditorsTempAndLockFiles lists the names the common editors
// and office suites leave beside a file while it is open or being saved,
// as they spell them, and names that must stay published.
func TestIgnoredEditorsTempAndLockFiles(t *testing.T) {
	for _, tt := range []struct {
		name    string
		ignored bool
	}{
		{"bai-viet.md___jb_tmp___", true}, // JetBrains safe write
		{"bai-viet.md___jb_old___", true},
		{"bai-viet.md___jb_bak___", true},
		{".~lock.ke-hoach.docx#", true}, // LibreOffice
		{"~$ke-hoach.docx", true},       // Word
		{"~WRL0003.tmp", true},          // Word's save
		{"bai-viet.md~", true},          // Kate, gedit, Emacs
		{".bai-viet.md.kate-swp", true}, // Kate
		{".bai-viet.md.swp", true},      // vim
		{"bai-viet.md.swp", true},       // vim with 'directory' set to the file's folder
		{"bai-viet.md.swo", true},
		{"bai-viet.md.SWP", true},
		{".#bai-viet.md", true}, // Emacs lock
		{"#bai-viet.md#", true}, // Emacs autosave
		{"4913", true},          // vim's probe
		{".goutputstream-X1Y2Z3", true},
		{"anh-hoi-nghi.jpg.crdownload", true},
		{"anh-hoi-nghi.jpg.part", true},
		{"Thumbs.db", true}, {"desktop.ini", true}, {"Desktop.ini", true}, {".DS_Store", true},
		{"__MACOSX", true},
		{"bai-viet.md.bak", true}, {"bai-viet.md.bak2", true},
		{"bai-viet.md", false},
		{"anh-hoi-nghi.jpg", false},
		{"swp.md", false},
		{"bao-cao.swf", false},
		{"ke-hoach.docx", false},
		{"bakery.pdf", false},
		{"departure.pdf", false},
		{"temp.md", false},
		{"~tieu-de.md", false},
		{"", false},
	} {
		if got := Ignored(tt.name); got != tt.ignored {
			t.Errorf("Ignored(%q) = %v, want %v", tt.name, got, tt.ignored)
		}
	}
}
