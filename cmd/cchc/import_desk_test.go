package main

import (
	"strings"
	"testing"

	"github.com/cchc-vn/cchc/internal/docx/docxtest"
)

// TestWordForDesk: a .docx dropped into the writing desk is read as
// cchc import reads it: the text, the images by name, and notes.
func TestWordForDesk(t *testing.T) {
	d := docxtest.New()
	a := d.Media("image1.png", docxtest.PNG(0))
	b := d.Media("image2.png", docxtest.PNG(16))
	d.Add(docxtest.PS("Title", docxtest.R("Hội nghị tổng kết cải cách hành chính")),
		docxtest.Text("Sáng 18/12, UBND xã tổ chức hội nghị tổng kết."),
		docxtest.P(docxtest.Image(a, "Quang cảnh hội nghị", "")),
		docxtest.P(docxtest.Image(b, "", "")))
	md, files, notes, err := wordForDesk(d.Bytes(), "bai-viet", "UBND xã Thử")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "Sáng 18/12, UBND xã tổ chức hội nghị tổng kết.") || !strings.Contains(string(md), "![Quang cảnh hội nghị](") {
		t.Errorf("markdown:\n%s", md)
	}
	if len(files) != 2 {
		t.Errorf("%d files, want the 2 images", len(files))
	}
	if !strings.Contains(strings.Join(notes, "\n"), "mô tả") {
		t.Errorf("no note asks for the missing description: %q", notes)
	}
	if _, _, _, err := wordForDesk(docxtest.Word97(), "bai-viet", ""); err == nil || !strings.Contains(err.Error(), "docx") {
		t.Errorf("a Word 97 file: %v", err)
	}
}
