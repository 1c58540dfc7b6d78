package load

import (
	"bytes"
	"fmt"
	"unicode/utf8"
	"unsafe"

	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/legacy"
	"github.com/cchc-vn/cchc/internal/viet"
	"golang.org/x/text/unicode/norm"
)

// cleanText checks the bytes of a Markdown file and returns it as NFC text
// without BOM and with LF line ends, decoded from UTF-16 if need be.
func cleanText(src []byte, file string, ds *diag.List) ([]byte, bool) {
	src, ok := decodeSource(src, file, ds)
	if !ok {
		return nil, false
	}
	if bytes.Contains(src, []byte("\r")) {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	}
	if !viet.IsNFCBytes(src) {
		warnNFD(src, file, ds)
		src = norm.NFC.Bytes(src)
	}
	warnLookalikes(src, file, ds)
	reportMojibake(src, file, ds)
	return src, true
}

// warnNFD tells the editor where decomposed text (pasted from some Mac or
// PDF sources) starts. The build normalises it; a search or a copy of the
// source file would not, so it is worth fixing at the source.
func warnNFD(src []byte, file string, ds *diag.List) {
	line, col := lineColAt(src, norm.NFC.QuickSpan(src))
	ds.Warnf(diag.Position{File: file, Line: line, Col: col}, "gõ lại đoạn này bằng bộ gõ tiếng Việt (Unicode dựng sẵn), hoặc lưu tệp ở dạng NFC",
		"văn bản có chữ tổ hợp (dấu tách rời khỏi chữ, dạng NFD)")
}

// warnLookalikes reports characters that only look Vietnamese, such as
// the Icelandic Ð for Đ; the text is shown as written, never rewritten.
func warnLookalikes(src []byte, file string, ds *diag.List) {
	if !mayHoldLookalikes(src) {
		return
	}
	for _, l := range viet.Lookalikes(string(src)) {
		line, col := lineColAt(src, l.Offset)
		ds.Warnf(diag.Position{File: file, Line: line, Col: col}, fmt.Sprintf("gõ lại chữ %q bằng bộ gõ tiếng Việt", l.Intended), "%s", l.String())
	}
}

// mayHoldLookalikes is a byte scan for the only look-alikes there are:
// Latin-1 Ð/ð (C3 90, C3 B0) and Greek or Cyrillic letters (lead bytes
// CD–D3), so the rune-by-rune search runs only on the rare text that
// has one.
func mayHoldLookalikes(src []byte) bool {
	for i, c := range src {
		if c >= 0xCD && c <= 0xD3 || c == 0xC3 && i+1 < len(src) && (src[i+1] == 0x90 || src[i+1] == 0xB0) {
			return true
		}
	}
	return false
}

// lineColAt converts a byte offset to a line and a column counted in
// characters, both from 1.
func lineColAt(src []byte, offset int) (int, int) {
	start := bytes.LastIndexByte(src[:offset], '\n') + 1
	return lineAt(src, offset), utf8.RuneCount(src[start:offset]) + 1
}

func lineAt(src []byte, offset int) int { return bytes.Count(src[:offset], []byte("\n")) + 1 }

// decodeSource turns the bytes of a Markdown file into UTF-8 text: a BOM
// is dropped and UTF-16 (Notepad's "Unicode") is decoded with a warning.
// A file with NUL characters, or in a legacy Vietnamese encoding, is
// reported and refused: the fix is one command, and guessing an encoding
// silently could publish wrong letters.
func decodeSource(src []byte, file string, ds *diag.List) ([]byte, bool) {
	if u := legacy.DetectUTF16(src); u != legacy.NotUTF16 {
		ds.Warnf(diag.Position{File: file, Line: 1}, fmt.Sprintf("chạy: cchc fix-encoding %s, hoặc trong Notepad chọn Lưu thành… (Save As) → Mã hóa (Encoding): UTF-8", file),
			"tệp lưu bằng bảng mã %s (Notepad gọi là \"Unicode\"); vẫn đọc được nhưng nên lưu lại dạng UTF-8", u)
		return []byte(legacy.DecodeUTF16(u, src)), true
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	if i := bytes.IndexByte(src, 0); i >= 0 {
		ds.Errorf(diag.Position{File: file, Line: lineAt(src, i)}, "lưu lại tệp dưới dạng văn bản UTF-8 (không phải tệp Word hay tệp nhị phân)",
			"tệp có ký tự NUL: đây không phải tệp văn bản")
		return nil, false
	}
	if utf8.Valid(src) {
		return src, true
	}
	i := 0
	for i < len(src) {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		i += n
	}
	at := diag.Position{File: file, Line: lineAt(src, i)}
	if enc, ok := legacy.DetectBytes(src); ok {
		ds.Errorf(at, fmt.Sprintf("chạy: cchc fix-encoding %s (hoặc mở tệp và lưu lại với bảng mã UTF-8)", file),
			"tệp không phải văn bản UTF-8: có vẻ được lưu bằng bảng mã %s", enc)
		return nil, false
	}
	ds.Errorf(at, "mở tệp và lưu lại với bảng mã UTF-8",
		"tệp không phải văn bản UTF-8 hợp lệ (có thể lưu bằng bảng mã TCVN3 hoặc VNI)")
	return nil, false
}

// maxMojibakeReports caps the errors about "lỗi font" in one file: a
// whole pasted document is one mistake with one fix.
const maxMojibakeReports = 3

// reportMojibake reports legacy text read as Windows-1252 ("lỗi font") in
// a title, any front-matter value or the body. It is an error, not a
// warning: the page would publish garbage.
func reportMojibake(src []byte, file string, ds *diag.List) {
	// A view of src as a string, not a copy (6 MB per 1,000 pages): the
	// scan only reads it while it runs and keeps none of it (the runs
	// hold offsets and text of their own).
	runs := legacy.FindMojibake(unsafe.String(unsafe.SliceData(src), len(src)))
	if len(runs) == 0 {
		return
	}
	fix := fmt.Sprintf("chạy: cchc fix-encoding %s (hoặc gõ lại bằng bảng mã Unicode)", file)
	for i, r := range runs {
		line, col := lineColAt(src, r.Start)
		at := diag.Position{File: file, Line: line, Col: col}
		if i == maxMojibakeReports {
			ds.Errorf(at, fix, "còn %d đoạn khác bị \"lỗi font\" trong tệp này", len(runs)-i)
			return
		}
		ds.Errorf(at, fix, "đoạn %q là chữ gõ bằng bảng mã %s bị hiển thị sai (\"lỗi font\"), đúng ra là %q",
			excerpt(string(src[r.Start:r.End])), r.Enc, excerpt(r.Fixed))
	}
}

// excerpt shortens a quoted run to what fits in a message.
func excerpt(s string) string {
	const max = 60
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max]) + "…"
}
