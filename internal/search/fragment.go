package search

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/cchc-vn/cchc/internal/viet"
)

// appendFragment writes what a result shows.
func appendFragment(b []byte, d *Doc, sections []Named) []byte {
	sec := ""
	if d.Section >= 0 && d.Section < len(sections) {
		sec = sections[d.Section].Name
	}
	b = append(b, `{"u":`...)
	b = appendString(b, d.URL)
	b = append(b, `,"t":`...)
	b = appendString(b, d.Title)
	b = append(b, `,"d":`...)
	b = appendString(b, d.Date)
	b = append(b, `,"s":`...)
	b = appendString(b, sec)
	b = append(b, `,"m":`...)
	b = appendString(b, d.Summary)
	b = append(b, `,"x":`...)
	b = appendString(b, viet.Cut(d.Text, maxText-1))
	return append(b, '}')
}

// fingerprint is the first 10 hex digits of the SHA-256 of data.
func fingerprint(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:5])
}
