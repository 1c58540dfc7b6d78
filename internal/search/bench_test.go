package search

import (
	"fmt"
	"testing"

	"github.com/cchc-vn/cchc/internal/searchtoken"
)

// BenchmarkSearchIndex builds the index of a synthetic site of 1,000 and
// 10,000 documents (400–800 words each), as Build does without a Memo.
func BenchmarkSearchIndex(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		in := corpus(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				files, _ := Build(in, nil)
				size := 0
				for _, f := range files {
					size += len(f.Data)
				}
				b.ReportMetric(float64(size)/(1<<20), "MB")
				b.ReportMetric(float64(len(files)), "files")
			}
		})
	}
}

// BenchmarkAnalyse tokenises documents on one goroutine: the work each
// page adds to a build while it renders.
func BenchmarkAnalyse(b *testing.B) {
	in := corpus(500)
	words := 0
	for _, d := range in.Docs {
		words += len(searchtoken.Tokenize(d.Text))
	}
	an := newAnalyser(newVocab())
	b.ResetTimer()
	for b.Loop() {
		for i := range in.Docs {
			an.analyse(&in.Docs[i], in.Sections, in.Topics)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(words), "ns/word")
}
