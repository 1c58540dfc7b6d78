package ooxml_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	. "github.com/cchc-vn/cchc/internal/docx/docxtest"
	"github.com/cchc-vn/cchc/internal/ooxml"
)

// open opens a package, finds its document and parses it, as a reader
// of the document does.
func open(data []byte, lim ooxml.Limits) error {
	p, err := ooxml.Open(bytes.NewReader(data), int64(len(data)), lim.WithDefaults())
	if err != nil {
		return err
	}
	main, err := p.MainPart()
	if err != nil {
		return err
	}
	for _, part := range []string{"word/styles.xml", main} {
		if _, err := p.XMLPart(part); err != nil {
			return err
		}
	}
	return nil
}

const resave = " — mở tệp bằng Word và lưu lại dạng .docx (Tệp → Lưu thành → Tài liệu Word)"

// TestRefusals: what is not a .docx gets a message that names it and
// says how to get one.
func TestRefusals(t *testing.T) {
	noDoc := Zip(map[string][]byte{"a.txt": []byte("x")})
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"Word 97 .doc", Word97(), "tệp là tài liệu Word 97–2003 (.doc), cchc chỉ đọc được .docx" + resave},
		{"password-protected .docx", Encrypted(), "tệp .docx được đặt mật khẩu nên không đọc được nội dung — mở tệp bằng Word, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ tài liệu → Mã hóa bằng mật khẩu, xóa mật khẩu rồi bấm OK), rồi mở tệp bằng Word và lưu lại dạng .docx (Tệp → Lưu thành → Tài liệu Word)"},
		{"RTF named .doc", []byte(`{\rtf1\ansi Cộng hòa}`), "tệp là văn bản RTF, không phải .docx" + resave},
		{"web page named .doc", []byte("<html><body>Kế hoạch</body></html>"), "tệp là trang web (HTML, MHT) được đặt tên như tài liệu Word, không phải .docx" + resave},
		{"text", []byte("Kế hoạch tuyên truyền"), "tệp không phải tài liệu Word (.docx) — chọn đúng tệp tài liệu Word (.docx); nếu tệp mở được bằng Word thì" + resave[4:]},
		{"empty", nil, "tệp rỗng — chọn đúng tệp tài liệu Word (.docx)"},
		{"OpenDocument", ODT(), "tệp là tài liệu OpenDocument (.odt), cchc chỉ đọc được .docx — mở tệp bằng LibreOffice Writer, chọn Tệp → Lưu thành, kiểu tệp «Word 2007–365 (.docx)», rồi nhập tệp .docx đó"},
		{"Excel", Zip(map[string][]byte{"xl/workbook.xml": []byte("<workbook/>")}), "tệp là bảng tính Excel, không phải tài liệu Word — chép bảng sang Word và lưu thành .docx, hoặc đính kèm tệp Excel vào bài"},
		{"zip without a document", noDoc, "tệp nén không chứa tài liệu Word (thiếu word/document.xml)" + resave},
		{"broken zip", append([]byte("PK\x03\x04"), make([]byte, 100)...), "tệp .docx bị hỏng, không đọc được (cấu trúc zip sai)" + resave},
		{"XML cut short", Zip(map[string][]byte{"word/document.xml": []byte(`<w:document xmlns:w="` + nsW + `"><w:body><w:p>`)}),
			"phần word/document.xml của tệp .docx không đọc được: XML sai cú pháp: XML syntax error on line 1: unexpected EOF" + resave},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := open(tt.data, ooxml.Limits{})
			if _, ok := errors.AsType[*ooxml.Refusal](err); !ok || err.Error() != tt.want {
				t.Errorf("error %v\nwant %s", err, tt.want)
			}
		})
	}
}

const nsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// TestLimits: each bound of the package ends the read with a message, fast.
func TestLimits(t *testing.T) {
	small := New().Add(Text("Một đoạn.")).Bytes()
	deepXML := `<w:document xmlns:w="` + nsW + `"><w:body>` + strings.Repeat("<w:sdt><w:sdtContent>", 150) +
		strings.Repeat("</w:sdtContent></w:sdt>", 150) + `</w:body></w:document>`
	bomb := Zip(map[string][]byte{"word/document.xml": []byte(`<w:document xmlns:w="` + nsW + `"><w:body>` + strings.Repeat(" ", 33<<20) + `</w:body></w:document>`)})
	many := map[string][]byte{"word/document.xml": []byte(`<w:document xmlns:w="` + nsW + `"><w:body/></w:document>`)}
	for i := range 30 {
		many[strings.Repeat("x", i+1)] = nil
	}
	tests := []struct {
		name string
		data []byte
		lim  ooxml.Limits
		want string
	}{
		{"file size", small, ooxml.Limits{File: 1000}, "tệp lớn 2 KB, vượt giới hạn 1000 byte của một tài liệu — tách tài liệu thành nhiều tệp nhỏ hơn, hoặc xóa bớt ảnh rồi lưu lại"},
		{"entries", Zip(many), ooxml.Limits{Entries: 20}, "tệp .docx chứa 31 tệp con, vượt giới hạn 20 — tách tài liệu thành nhiều tệp nhỏ hơn, hoặc xóa bớt ảnh rồi lưu lại"},
		{"one part uncompressed (zip bomb), default limits", bomb, ooxml.Limits{}, "phần word/document.xml của tài liệu giải nén ra hơn 32 MB, vượt giới hạn — tách tài liệu thành nhiều tệp nhỏ hơn, hoặc xóa bớt ảnh rồi lưu lại"},
		{"all parts uncompressed", small, ooxml.Limits{Total: 900}, "tệp .docx giải nén ra hơn 900 byte, vượt giới hạn (có thể là tệp nén độc hại) — tách tài liệu thành nhiều tệp nhỏ hơn, hoặc xóa bớt ảnh rồi lưu lại"},
		{"XML depth, default limits", Zip(map[string][]byte{"word/document.xml": []byte(deepXML)}), ooxml.Limits{},
			"phần word/document.xml của tệp .docx không đọc được: các phần tử XML lồng nhau sâu hơn 200 mức, vượt giới hạn" + resave},
		{"XML elements", small, ooxml.Limits{XMLNodes: 5}, "phần word/styles.xml của tệp .docx không đọc được: hơn 5 phần tử XML, vượt giới hạn" + resave},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			err := open(tt.data, tt.lim)
			if _, ok := errors.AsType[*ooxml.Refusal](err); !ok || err.Error() != tt.want {
				t.Errorf("error %v\nwant %s", err, tt.want)
			}
			bound := 5 * time.Second
			if raceDetector {
				bound = 60 * time.Second
			}
			if d := time.Since(start); d > bound {
				t.Errorf("took %v", d)
			}
		})
	}
}
