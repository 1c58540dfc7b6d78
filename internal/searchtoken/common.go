package searchtoken

import "slices"

// commonWords are the function words of Vietnamese that nearly every page
// holds. Typed without diacritics, a query's word folds onto them too:
// "mot cua" is "một cửa", but "cua" is also "của" and "mot" is "một",
// and a page with "một" here and "của" there is no answer to it. When a
// query's words are found next to each other somewhere, such a fold
// match away from that phrase is not counted (by the query, in Go and
// in search.js) nor highlighted (search.js). The words, not their share
// of the pages, so that the rule is the same on a site of ten pages and
// of ten thousand.
var commonWords = []string{
	"của", "một", "và", "các", "là", "có", "được", "cho", "trong", "với",
	"những", "này", "để", "không", "từ", "theo", "về", "đã", "khi", "người",
	"tại", "đến", "ra", "thì", "mà", "như", "nhưng", "hoặc", "cũng", "sẽ",
	"đang", "vào", "trên", "dưới", "sau", "trước", "lại", "nên", "do", "bị",
}

// CommonForms are the form keys of commonWords, sorted: what the meta
// file lists under "c".
func CommonForms() []string {
	forms := make([]string, 0, len(commonWords))
	for _, w := range commonWords {
		if form, _, ok := Keys(w); ok {
			forms = append(forms, form)
		}
	}
	slices.Sort(forms)
	return slices.Compact(forms)
}
