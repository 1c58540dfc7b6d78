package main

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The truth is computed here with a plain folding of its own (marks
// removed, đ→d, lower case), not with cchc's, so the engine under test
// does not grade itself: a document is relevant to a query when its
// title or body holds the query's words in order, the last one possibly
// as a prefix when the query is still being typed.

// corpusDoc is one article of the benchmark corpus.
type corpusDoc struct {
	url    string // below the base path: "bai-viet/<name>/"
	tokens []string
}

func loadCorpus(dir string) ([]corpusDoc, error) {
	var docs []corpusDoc
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || d.Name() == "_index.md" {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(filepath.Join(dir, "content"), p)
		url := filepath.ToSlash(strings.TrimSuffix(rel, ".md")) + "/"
		docs = append(docs, corpusDoc{url: url, tokens: foldTokens(articleText(string(data)))})
		return nil
	})
	return docs, err
}

// articleText is the title and the body of a Markdown file with front matter.
func articleText(s string) string {
	var b strings.Builder
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	inFront, fences := false, 0
	for sc.Scan() {
		line := sc.Text()
		if line == "---" && fences < 2 {
			fences++
			inFront = fences == 1
			continue
		}
		if inFront {
			if t, ok := strings.CutPrefix(line, "title:"); ok {
				b.WriteString(t + "\n")
			}
			continue
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

func foldTokens(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			cur = append(cur, 'd')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return out
}

// relevant reports whether doc holds the query's words in order.
func relevant(doc []string, query string) bool {
	q := foldTokens(query)
	prefix := !strings.HasSuffix(query, " ")
	if len(q) == 0 {
		return false
	}
	for i := 0; i+len(q) <= len(doc); i++ {
		ok := true
		for j, w := range q {
			if doc[i+j] != w && !(prefix && j == len(q)-1 && strings.HasPrefix(doc[i+j], w)) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
