package assets

import (
	"bytes"
	"path"
	"regexp"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"

	"github.com/cchc-vn/cchc/internal/diag"
)

// rewriteURLs replaces relative url() references in a stylesheet with the
// fingerprinted names of the files they point at. It walks the CSS tokens
// rather than matching text, so comments and strings are left alone.
func (b *builder) rewriteURLs(name string, data []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(data))
	lexer := css.NewLexer(parse.NewInputBytes(data))
	line := 1
	inURLFunc := false // after "url(" whose argument is a quoted string
	for {
		tt, text := lexer.Next()
		if tt == css.ErrorToken {
			break
		}
		switch {
		case tt == css.URLToken:
			text = b.rewriteURLToken(name, line, text)
		case tt == css.FunctionToken && strings.EqualFold(string(text), "url("):
			inURLFunc = true
		case inURLFunc && tt == css.StringToken:
			text = b.rewriteString(name, line, text)
			inURLFunc = false
		case tt != css.WhitespaceToken:
			inURLFunc = false
		}
		out.Write(text)
		line += bytes.Count(text, []byte{'\n'})
	}
	return out.Bytes()
}

// rewriteURLToken handles the unquoted form and the quoted form that the
// lexer returns as one token: url(x.png), url( "x.png" ).
func (b *builder) rewriteURLToken(name string, line int, tok []byte) []byte {
	open := bytes.IndexByte(tok, '(')
	close := bytes.LastIndexByte(tok, ')')
	if open < 0 || close < open {
		return tok
	}
	inner := bytes.TrimSpace(tok[open+1 : close])
	start := open + 1 + bytes.Index(tok[open+1:close], inner)
	var repl []byte
	if len(inner) >= 2 && (inner[0] == '"' || inner[0] == '\'') && inner[len(inner)-1] == inner[0] {
		repl = b.rewriteString(name, line, inner)
	} else if ref, ok := b.resolve(name, line, string(inner)); ok {
		repl = []byte(ref)
	} else {
		return tok
	}
	out := make([]byte, 0, len(tok)+len(repl))
	out = append(out, tok[:start]...)
	out = append(out, repl...)
	return append(out, tok[start+len(inner):]...)
}

// rewriteString handles a quoted argument: "x.png" or 'x.png'.
func (b *builder) rewriteString(name string, line int, quoted []byte) []byte {
	if len(quoted) < 2 {
		return quoted
	}
	ref, ok := b.resolve(name, line, string(quoted[1:len(quoted)-1]))
	if !ok {
		return quoted
	}
	return []byte(string(quoted[0]) + ref + string(quoted[len(quoted)-1]))
}

// scheme matches the start of an absolute URL ("https:", "data:").
var scheme = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// resolve returns the fingerprinted form of a relative reference written
// in stylesheet name, keeping its directory part and any query or fragment.
// Absolute URLs, data: URLs and fragments are not assets: ok is false.
func (b *builder) resolve(name string, line int, ref string) (string, bool) {
	if ref == "" || strings.HasPrefix(ref, "#") || strings.HasPrefix(ref, "/") || scheme.MatchString(ref) {
		return "", false
	}
	refPath, suffix := ref, ""
	if i := strings.IndexAny(ref, "?#"); i >= 0 {
		refPath, suffix = ref[:i], ref[i:]
	}
	target := path.Join(path.Dir(name), refPath)
	if _, exists := b.sources[target]; !exists {
		b.diags.Errorf(diag.Position{File: path.Join(Dir, name), Line: line},
			"thêm tệp vào thư mục assets/ hoặc sửa đường dẫn (tính từ thư mục của tệp CSS)",
			"url(%s) trỏ tới tài nguyên không có: %s", ref, path.Join(Dir, target))
		return "", false
	}
	if b.state[target] == busy {
		b.diags.Errorf(diag.Position{File: path.Join(Dir, name), Line: line},
			"bỏ một trong các tham chiếu vòng giữa các tệp CSS",
			"url(%s) tạo thành vòng tham chiếu giữa các tệp CSS", ref)
		return "", false
	}
	b.process(target) // a stylesheet that points at another one not yet done
	dir := refPath[:strings.LastIndexByte(refPath, '/')+1]
	return dir + path.Base(b.result.Manifest[target]) + suffix, true
}
