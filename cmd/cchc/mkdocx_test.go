package main

import (
	"fmt"
	"os"

	. "github.com/cchc-vn/cchc/internal/docx/docxtest"
)

// mkdocx writes a Word document for the scripts, built like the ones an
// office sends (internal/docx/docxtest):
//
//	mkdocx OUT.docx text FILE.txt   the text laid out as Word does (docxtest.FromText)
//	mkdocx OUT.docx images          a title, a picture described, one not, one shown twice
//	mkdocx OUT.docx word97|encrypted|odt
func mkdocx(args []string) int {
	if len(args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: mkdocx OUT.docx text FILE.txt | images | word97 | encrypted | odt")
		return 2
	}
	var data []byte
	switch args[1] {
	case "text":
		text, err := os.ReadFile(args[2])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		data = FromText(string(text))
	case "images":
		d := New()
		a := d.Media("image1.png", PNG(0))
		b := d.Media("image2.png", PNG(16))
		d.Add(PS("Title", R("Hội nghị tổng kết cải cách hành chính")),
			Text("Sáng 18/12, UBND xã tổ chức hội nghị tổng kết."),
			P(Image(a, "Quang cảnh hội nghị tại hội trường UBND xã", "")),
			P(Image(b, "", "")),
			P(R("Ảnh lặp lại: "), Image(a, "Quang cảnh hội nghị", "")))
		data = d.Bytes()
	case "word97":
		data = Word97()
	case "encrypted":
		data = Encrypted()
	case "odt":
		data = ODT()
	default:
		fmt.Fprintf(os.Stderr, "mkdocx: unknown kind %q\n", args[1])
		return 2
	}
	if err := os.WriteFile(args[0], data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}
