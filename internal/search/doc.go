// Package search makes the site's search index at build time: the files
// under tim-kiem/i/ that the reader's browser queries (assets/js/search.js,
// and its Go reference, package searchquery).
//
//   - Documents are the pages with a URL, numbered newest first. Their
//     fields are split into tokens by package searchtoken.
//   - Postings record, per form, the best field a word occurs in (title,
//     topics and section, summary and typed fields, body) and how often,
//     up to five; and, per pair of adjacent folds within one field value,
//     the documents.
//   - The postings are written, sorted by key, in word chunks and pair
//     chunks of up to 24 KB whose ends depend on their keys, so that an
//     edit writes few chunks again; with the bundles of the documents'
//     records, the filter file and the meta file, in the format of
//     package searchformat.
//
// A Builder is fed each page as it renders (Build does it for a slice),
// and writes the files at Finish; a Memo keeps the work between builds of
// the preview server.
package search
