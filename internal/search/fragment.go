package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"strconv"

	"github.com/cchc-vn/cchc/internal/viet"
)

// bundleDocs is how many documents' records share a bundle file. The
// results of a query are spread over the site, so ten results take about
// ten bundles: 16 records make them weigh 15–17 KB gzip-compressed on
// the benchmark corpus (bench/search.sh), and a site of n pages n/16
// files.
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

// BundlePath is the path (below the base path) of the bundle holding
// document id's record.
func (ix *Index) BundlePath(id int) (string, error) {
	if id < 0 || id >= ix.meta.N {
		return "", errors.New("no document " + strconv.Itoa(id))
	}
	k := id / ix.meta.Bundle
	return ix.dir + bundleName(k, ix.meta.Docs[10*k:10*k+10]), nil
}

// Fragment fetches what document id's result shows.
func (ix *Index) Fragment(id int) (Fragment, error) {
	if id < 0 || id >= ix.meta.N {
		return Fragment{}, errors.New("no document " + strconv.Itoa(id))
	}
	k := id / ix.meta.Bundle
	b, ok := ix.bundles[k]
	if !ok {
		p, _ := ix.BundlePath(id)
		var raw [][]json.RawMessage
		if err := ix.get(path.Base(p), &raw); err != nil {
			return Fragment{}, err
		}
		if len(raw) != min(ix.meta.Bundle, ix.meta.N-k*ix.meta.Bundle) {
			return Fragment{}, fmt.Errorf("%s: %d records", p, len(raw))
		}
		for _, r := range raw {
			var f Fragment
			sec := -1
			if len(r) != 5 {
				return Fragment{}, fmt.Errorf("%s: a record of %d fields", p, len(r))
			}
			for i, v := range []any{&f.URL, &f.Title, &f.Date, &sec, &f.Summary} {
				if err := json.Unmarshal(r[i], v); err != nil {
					return Fragment{}, fmt.Errorf("%s: %v", p, err)
				}
			}
			if sec >= len(ix.meta.Sections) {
				return Fragment{}, fmt.Errorf("%s: no section %d", p, sec)
			}
			if sec >= 0 {
				f.Section = ix.meta.Sections[sec][1]
			}
			b = append(b, f)
		}
		ix.bundles[k] = b
	}
	return b[id-k*ix.meta.Bundle], nil
}
