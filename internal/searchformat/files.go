package searchformat

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"

	"github.com/cchc-vn/cchc/internal/viet"
)

// Version is the version of the format, the meta file's "v".
const Version = 2

// BundleDocs is how many documents' records share a bundle file. The
// results of a query are spread over the site, so ten results take about
// ten bundles: 16 records make them weigh 15–17 KB gzip-compressed on
// the benchmark corpus (bench/search.sh), and a site of n pages n/16
// files.
// Bundles hold what a result shows, not the body: the snippet is cut
// from the summary, as a body of 2,000 characters per record would make
// ten bundles weigh ten times as much.
const BundleDocs = 16

// MaxSummary is how many runes of the summary a result carries: what
// its snippet is cut from.
const MaxSummary = 320

// A posting's w is all a query reads of it: the best field the word
// occurs in (its rank: 0 title, 1 topics and section, 2 summary and
// typed fields, 3 body) and how often, counted up to MaxTF:
// MaxTF*rank + min(tf, MaxTF) - 1, 0–19, one character in a chunk.
const MaxTF = 5

// FingerprintLen is the length of a fingerprint.
const FingerprintLen = 10

// Fingerprint is the first 10 hex digits of the SHA-256 of data.
func Fingerprint(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:FingerprintLen/2])
}

// FileName is the name of an index file: "meta.<fingerprint>.json".
func FileName(stem, fp string) string {
	return stem + "." + fp + ".json"
}

// BundleName is the file name of bundle k.
func BundleName(k int, fp string) string {
	return FileName("d"+strconv.Itoa(k), fp)
}

// ChunkName is the file name of chunk k of a kind ("w" or "p").
func ChunkName(kind string, k int, fp string) string {
	return FileName(kind+strconv.Itoa(k), fp)
}

// Record is what a result shows of a document, one entry of a bundle.
type Record struct {
	URL, Title, Date string
	Section          int // the section's number, or -1
	Summary          string
}

// AppendRecord writes a record: [url, title, date, section, summary],
// the summary cut to MaxSummary runes.
func AppendRecord(b []byte, r Record) []byte {
	b = append(b, '[')
	b = appendString(b, r.URL)
	b = append(b, ',')
	b = appendString(b, r.Title)
	b = append(b, ',')
	b = appendString(b, r.Date)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(r.Section), 10)
	b = append(b, ',')
	b = appendString(b, viet.Cut(r.Summary, MaxSummary-1))
	return append(b, ']')
}

// AppendBundle writes the records of one bundle as a JSON array.
func AppendBundle(b []byte, recs [][]byte) []byte {
	b = append(b, '[')
	for i, r := range recs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, r...)
	}
	return append(b, ']')
}

// Filter is the filter file: the documents of each section and of each
// topic, as strings of deltas, which only a query with a filter reads.
type Filter struct {
	Sec []string `json:"sec"`
	Top []string `json:"top"`
}

// AppendFilter writes the filter file of the documents of each section
// and of each topic, ascending.
func AppendFilter(b []byte, sections, topics [][]int) []byte {
	b = append(b, `{"sec":`...)
	b = appendDocSets(b, sections)
	b = append(b, `,"top":`...)
	b = appendDocSets(b, topics)
	return append(b, '}')
}

// Meta is the meta file, which a query reads first.
type Meta struct {
	V        int         `json:"v"` // Version
	N        int         `json:"n"` // documents
	Sections [][2]string `json:"sections"`
	Topics   [][2]string `json:"topics"`
	C        []string    `json:"c"`      // forms of the common words, sorted
	Bundle   int         `json:"bundle"` // documents per bundle
	Docs     string      `json:"docs"`   // the bundles' fingerprints, one after the other
	Filter   string      `json:"filter"` // the filter file's name
	W        [][2]string `json:"w"`      // word chunks: first key ("" for the first), name
	P        [][2]string `json:"p"`      // pair chunks: first key, name
}

// AppendMeta writes the meta file, its fields in the order of Meta.
func AppendMeta(b []byte, m *Meta) []byte {
	pairs := func(key string, list [][2]string) {
		b = append(b, `,"`+key+`":[`...)
		for i, p := range list {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '[')
			b = appendString(b, p[0])
			b = append(b, ',')
			b = appendString(b, p[1])
			b = append(b, ']')
		}
		b = append(b, ']')
	}
	b = append(b, `{"v":`...)
	b = strconv.AppendInt(b, int64(m.V), 10)
	b = append(b, `,"n":`...)
	b = strconv.AppendInt(b, int64(m.N), 10)
	pairs("sections", m.Sections)
	pairs("topics", m.Topics)
	b = append(b, `,"c":[`...)
	for i, f := range m.C {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, f)
	}
	b = append(b, `],"bundle":`...)
	b = strconv.AppendInt(b, int64(m.Bundle), 10)
	b = append(b, `,"docs":`...)
	b = appendString(b, m.Docs)
	b = append(b, `,"filter":`...)
	b = appendString(b, m.Filter)
	pairs("w", m.W)
	pairs("p", m.P)
	return append(b, '}')
}
