package search

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"

	"github.com/cchc-vn/cchc/internal/viet"
)

// bundleDocs is how many documents' records share a bundle file. The
// results of a query are spread over the site, so ten results take about
// ten bundles: 16 records make them weigh 15 KB gzip-compressed on the
// benchmark corpus (bench/search.sh), and a site of n pages n/16 files.
// Bundles hold what a result shows, not the body: the snippet is cut
// from the summary, as a body of 2,000 characters per record would make
// ten bundles weigh ten times as much.
const bundleDocs = 16

// appendRecord writes what a result shows of a document:
// [url, title, date, section number or -1, summary].
func appendRecord(b []byte, d *Doc, sections int) []byte {
	sec := -1
	if d.Section >= 0 && d.Section < sections {
		sec = d.Section
	}
	b = append(b, '[')
	b = appendString(b, d.URL)
	b = append(b, ',')
	b = appendString(b, d.Title)
	b = append(b, ',')
	b = appendString(b, d.Date)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(sec), 10)
	b = append(b, ',')
	b = appendString(b, viet.Cut(d.Summary, maxSummary-1))
	return append(b, ']')
}

// appendBundle writes the records of one bundle as a JSON array.
func appendBundle(b []byte, recs [][]byte) []byte {
	b = append(b, '[')
	for i, r := range recs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, r...)
	}
	return append(b, ']')
}

// bundleName is the file name of bundle k.
func bundleName(k int, fp string) string {
	return "d" + strconv.Itoa(k) + "." + fp + ".json"
}

// fingerprint is the first 10 hex digits of the SHA-256 of data.
func fingerprint(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:5])
}
