// Package pagefields decodes a page's front matter, as internal/matter
// reads it, into the page's typed fields: title, date, topics, slug…, and
// for the pages of the content kinds' sections their own keys (a
// document's number and attachments, a question's dates, a procedure's
// level, an event's times). Every value it cannot use gets a Vietnamese
// diagnostic at its line and column, with the fix.
package pagefields

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/matter"
)

// Decode fills p from its front matter and body, as matter.Read gave
// them for p's file (p.Source). p's Role and Section, which the loader
// takes from where the file lies, say which keys the page needs: an
// article needs title, date and topics, a stand-alone page its title,
// and an article of a content kind's section gets that kind's fields
// (Doc, QA, Proc or Event). cfg gives the topic vocabulary and the
// organisation, an event's default unit.
func Decode(p *content.Page, front matter.Front, cfg *config.Config, ds *diag.List) {
	file := p.Source
	if front.Format == "yaml" {
		warnCurlyQuotes(file, front.Fields, ds)
	}
	fields, ok := front.Fields, front.Decoded
	var required []string
	switch {
	case !ok:
	case p.Role == content.RoleArticle:
		required = []string{"title", "date", "topics"}
	case p.Role == content.RolePage: // "giới thiệu", "liên hệ": no date or topic needed
		required = []string{"title"}
	}
	dec := decoder{file: file, cfg: cfg, ds: ds}
	p.Body, p.BodyLine = front.Body, front.BodyLine
	if spec := specOf(p.Section); spec != nil && p.Role == content.RoleArticle && ok {
		dec.topicsOptional = true
		dec.decodeKind(p, spec, fields)
		if p.QA != nil && len(bytes.TrimSpace(p.Body)) == 0 {
			ds.Errorf(diag.Position{File: file, Line: p.BodyLine}, "viết câu trả lời ngay dưới dòng `---` cuối phần khai báo",
				"câu hỏi chưa có nội dung trả lời: phần nội dung của trang hỏi đáp là câu trả lời")
		}
	} else {
		dec.decodePage(p, fields, required)
	}
}

// warnCurlyQuotes tells about YAML values written between Word's curly
// quotes (“Tiêu đề”, pasted from Word or typed with its autocorrect):
// YAML takes them as text, so the page would show them. The value is kept
// as written. Topics are left alone: their names are matched without
// punctuation, and the page shows the vocabulary's name.
func warnCurlyQuotes(file string, fields []matter.Field, ds *diag.List) {
	for _, f := range fields {
		if f.Key == "topics" {
			continue
		}
		vals := []matter.Value{f.Value}
		if f.Value.Kind == matter.List {
			vals = f.Value.List
		}
		for _, v := range vals {
			if v.Kind != matter.Scalar || !v.Plain || !matter.CurlyQuoted(v.Text) {
				continue
			}
			inner := strings.TrimSpace(v.Text)
			_, size := utf8.DecodeRuneInString(inner)
			_, last := utf8.DecodeLastRuneInString(inner)
			fixed := `"` + strings.ReplaceAll(inner[size:len(inner)-last], `"`, `\"`) + `"`
			ds.Warnf(diag.Position{File: file, Line: v.Line, Col: v.Col},
				fmt.Sprintf("thay bằng dấu ngoặc kép thẳng (phím Shift và '): %s: %s", f.Key, fixed),
				"`%s` (%s) đặt trong dấu ngoặc kép kiểu Word %s: YAML coi đó là chữ nên dấu ngoặc sẽ hiện trên trang", f.Key, KeyName(f.Key), inner[:size]+"…"+inner[len(inner)-last:])
		}
	}
}
