package mdcheck

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/text"
)

// Editors copy pictures from their Pictures folder and text from Word.
// Three habits publish a page that is wrong without a word from the
// Markdown parser: a destination with spaces is no link at all (the page
// shows "![Hội nghị](anh hoi nghi.jpg)" as text), a path on the editor's
// own computer (C:\Users\…) or with Windows backslashes leads nowhere on
// the web, and Word's "•" bullets stay text, the lines run together into
// one paragraph.

// driveRE is a path on the editor's computer: a drive letter, a network
// share, or a file: address (what a browser shows for a local file).
var driveRE = regexp.MustCompile(`^([A-Za-z]:[\\/]|\\\\|(?i:file:))`)

// LocalPath reports a destination on the editor's computer or written
// with Windows backslashes, which leads nowhere on the web, or nil. Its
// Offset is 0: the build asks it of a page's cover image too, which is no
// part of the body.
func LocalPath(dest string, image bool) *Problem {
	return localPath(dest, image, 0)
}

// Destination checks a link's or image's destination, found at offset of
// src, before it is resolved: a path on the editor's computer, Windows
// backslashes (as typed, before CommonMark read them as escapes) or a
// forbidden scheme. A problem means the link must not be written.
func Destination(src []byte, offset int, dest string, image bool) *Problem {
	if p := localPath(rawDestination(src, offset, dest), image, offset); p != nil {
		return p
	}
	if scheme := DangerousScheme(dest, image); scheme != "" {
		p := DangerousLink(offset, scheme, image)
		return &p
	}
	return nil
}

// localPath is LocalPath at an offset.
func localPath(dest string, image bool, offset int) *Problem {
	what := "liên kết"
	if image {
		what = "ảnh"
	}
	if driveRE.MatchString(dest) {
		return &Problem{Offset: offset,
			Message: fmt.Sprintf("%s tới \"%s\" là một tệp trên máy tính của người viết: người đọc không mở được", what, dest),
			Hint:    fmt.Sprintf("chép tệp vào thư mục của bài (cạnh tệp .md), rồi chỉ ghi tên tệp trong ngoặc: (%s)", fileName(dest))}
	}
	if strings.Contains(dest, `\`) {
		return &Problem{Offset: offset,
			Message: fmt.Sprintf("%s tới \"%s\" dùng dấu \\ của Windows: trên trang web đường dẫn phải dùng dấu /", what, dest),
			Hint:    fmt.Sprintf("viết (%s)", strings.ReplaceAll(dest, `\`, "/"))}
	}
	return nil
}

// rawDestination is a link's destination as written in src, from the
// link at offset, when it holds a backslash: CommonMark reads "..\.." as
// an escaped dot, so the decoded dest has lost what the editor typed.
// Otherwise, or when it cannot be found on the line, it is dest.
func rawDestination(src []byte, offset int, dest string) string {
	if offset < 0 || offset >= len(src) {
		return dest
	}
	line := src[offset:]
	if end := bytes.IndexByte(line, '\n'); end >= 0 {
		line = line[:end]
	}
	s := string(line)
	open := strings.Index(s, "](")
	if open < 0 {
		return dest
	}
	s = s[open+2:]
	end := strings.IndexByte(s, ')')
	if end < 0 || !strings.Contains(s[:end], `\`) {
		return dest
	}
	return strings.TrimSpace(s[:end])
}

// fileName is the last part of a path written with either separator.
func fileName(p string) string {
	if i := strings.LastIndexAny(p, `\/`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// literalLinkRE finds link or image syntax left as text: goldmark would
// have made a link of it unless its destination holds a space.
var literalLinkRE = regexp.MustCompile(`(!?)\[([^\[\]\n]*)\]\(([^()\n]*\s[^()\n]*)\)`)

// titledRE is a destination followed by a title, which is a real link.
var titledRE = regexp.MustCompile(`^\S+\s+("[^"]*"|'[^']*')$`)

// pathLikeRE is a destination that names a file or path, as opposed to
// words in brackets ("[tên cơ quan](nếu có)").
var pathLikeRE = regexp.MustCompile(`[/\\]|\.[A-Za-z0-9]{2,5}$`)

// LiteralLinks reports, in the lines of a block of text, the links and
// images that goldmark left as text because their destination holds a
// space.
func LiteralLinks(src []byte, lines *text.Segments) []Problem {
	var problems []Problem
	for i := range lines.Len() {
		seg := lines.At(i)
		if !spacedDestination(seg.Value(src)) {
			continue // the common line: the regular expression is costly
		}
		line := string(seg.Value(src))
		for _, m := range literalLinkRE.FindAllStringSubmatchIndex(line, -1) {
			if strings.Count(line[:m[0]], "`")%2 == 1 {
				continue // in a code span
			}
			dest := strings.TrimSpace(line[m[6]:m[7]])
			if strings.HasPrefix(dest, "<") || titledRE.MatchString(dest) || !pathLikeRE.MatchString(dest) {
				continue
			}
			offset, image := seg.Start+m[0], m[3] > m[2]
			if pr := localPath(dest, image, offset); pr != nil && driveRE.MatchString(dest) {
				problems = append(problems, *pr)
				continue
			}
			shown := "liên kết"
			if image {
				shown = "ảnh"
			}
			fixed := fmt.Sprintf("%s[%s](<%s>)", line[m[2]:m[3]], line[m[4]:m[5]], dest)
			problems = append(problems, Problem{Offset: offset,
				Message: fmt.Sprintf("%s tới \"%s\" không hiện được: đường dẫn có dấu cách nên trang sẽ hiện nguyên văn %s", shown, dest, line[m[0]:m[1]]),
				Hint:    fmt.Sprintf("đổi tên tệp, bỏ dấu cách (ví dụ %s), hoặc đặt đường dẫn trong ngoặc nhọn: %s", strings.Join(strings.Fields(dest), "-"), fixed)})
		}
	}
	return problems
}

// spacedDestination reports whether line has a "](" whose destination,
// up to the next ")", holds a space or tab: what literalLinkRE needs.
func spacedDestination(line []byte) bool {
	for {
		i := bytes.Index(line, []byte("]("))
		if i < 0 {
			return false
		}
		line = line[i+2:]
		end := bytes.IndexByte(line, ')')
		if end < 0 {
			return false
		}
		if bytes.ContainsAny(line[:end], " \t") {
			return true
		}
	}
}

// wordBullets are the marks Word's bulleted lists leave when copied as
// text, the Symbol and Wingdings ones as private-use characters.
const wordBullets = "•◦▪▫●○■□‣⁃\uF0B7\uF0A7\uF0D8\uF076"

// PastedBullets warns about a block of text whose lines start with Word's
// bullets: they are no Markdown list, and the lines run into one. It
// returns one warning at most: the fix is the same for every line.
func PastedBullets(src []byte, lines *text.Segments) *Problem {
	for i := range lines.Len() {
		seg := lines.At(i)
		rest := strings.TrimLeft(string(seg.Value(src)), " \t")
		r, size := utf8.DecodeRuneInString(rest)
		if size == 0 || !strings.ContainsRune(wordBullets, r) {
			continue
		}
		mark := fmt.Sprintf("%q", string(r))
		if r >= 0xE000 && r <= 0xF8FF {
			mark = fmt.Sprintf("U+%04X (phông Symbol của Word, thường hiện thành ô vuông)", r)
		}
		return &Problem{Offset: seg.Start + len(seg.Value(src)) - len(rest), Warning: true,
			Message: fmt.Sprintf("dòng bắt đầu bằng dấu đầu dòng %s dán từ Word, không thành danh sách: các dòng liền nhau bị nối thành một đoạn", mark),
			Hint:    "thay dấu đó ở đầu mỗi dòng bằng dấu - và một dấu cách (\"- Nội dung\"), và để một dòng trống trước danh sách"}
	}
	return nil
}
