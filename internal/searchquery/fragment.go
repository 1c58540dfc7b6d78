package searchquery

import (
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"strconv"

	"github.com/cchc-vn/cchc/internal/searchformat"
)

// BundlePath is the path (below the base path) of the bundle holding
// document id's record.
func (ix *Index) BundlePath(id int) (string, error) {
	if id < 0 || id >= ix.meta.N {
		return "", errors.New("no document " + strconv.Itoa(id))
	}
	k, n := id/ix.meta.Bundle, searchformat.FingerprintLen
	return ix.dir + searchformat.BundleName(k, ix.meta.Docs[n*k:n*k+n]), nil
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
