package docx_test

import (
	"errors"
	"testing"

	"github.com/cchc-vn/cchc/internal/docx"
	. "github.com/cchc-vn/cchc/internal/docx/docxtest"
)

// TestTableDepth: tables inside tables are read to 8 levels; deeper ends
// the read with a message.
func TestTableDepth(t *testing.T) {
	nested := func(depth int) []byte {
		inner := Text("lõi")
		for range depth {
			inner = Table(Tr(Tc(inner)))
		}
		return New().Add(inner).Bytes()
	}
	if _, err := readBytes(nested(8), docx.Limits{}); err != nil {
		t.Errorf("8 tables deep: %v", err)
	}
	_, err := readBytes(nested(9), docx.Limits{})
	want := "tài liệu có bảng lồng trong bảng sâu hơn 8 mức, vượt giới hạn — bỏ bớt bảng lồng trong bảng trong Word (chép nội dung ra ngoài) rồi lưu lại"
	if _, ok := errors.AsType[*docx.Refusal](err); !ok || err.Error() != want {
		t.Errorf("error %v\nwant %s", err, want)
	}
}

// TestImageLimit: an image over its limit is left out with a note; the
// document is read.
func TestImageLimit(t *testing.T) {
	d := New()
	id := d.Media("image1.png", PNG(5000))
	d.Add(P(Image(id, "Ảnh lớn", "")), Text("Sau ảnh."))
	doc, err := readBytes(d.Bytes(), docx.Limits{Image: 4096})
	if err != nil {
		t.Fatal(err)
	}
	want := "P \nP Sau ảnh.\nnote: ảnh image1.png lớn hơn 4 KB, vượt giới hạn của một ảnh, không được chép — lưu ảnh ra tệp PNG hoặc JPG (chuột phải vào ảnh → Lưu thành ảnh), thu nhỏ nếu cần, đặt cạnh bài rồi chèn bằng ![mô tả](ten-anh.png)\n"
	if got := dump(doc); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
