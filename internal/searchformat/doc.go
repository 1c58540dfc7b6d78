// Package searchformat writes and decodes the files of the site's search
// index: the contract between the index the build makes (internal/search)
// and the query that reads it, in Go (internal/searchquery) and in the
// reader's browser (assets/js/search.js). Changing a byte here changes
// what search.js must read.
//
//   - Files carry a fingerprint in their name (FileName): a meta file
//     (Meta: sections, topics, common words, the first key and name of
//     every chunk, the fingerprints of the bundles), word chunks and pair
//     chunks sorted by key, bundles of the records of BundleDocs
//     documents (Record: what a result shows), and a filter file (Filter:
//     the documents of each section and topic).
//   - A word chunk maps a fold to its forms, each with two strings: the
//     document deltas (AppendPostings) and each posting's w, one
//     character; a pair chunk maps "fold1 fold2" to its document deltas
//     (AppendDocs).
//   - Numbers are written as strings of base-32 digits (AppendNum).
package searchformat
