// Package search makes the site's search index at build time and holds
// the reference implementation of the query that the reader's browser
// runs on it (assets/js/search.js). The index format and the query are a
// contract between the two (package searchformat, query.go and search.js):
//
//   - Text is split into tokens, each with a form that keeps the marks and
//     a fold without them, by package searchtoken.
//   - Documents are the pages with a URL, numbered newest first. Postings
//     record, per form, the best field a word occurs in (title, topics
//     and section, summary and typed fields, body) and how often, up to
//     five; and, per pair of adjacent folds within one field value, the
//     documents.
//   - Files under tim-kiem/i/ carry a fingerprint in their name: a meta
//     file (sections, topics, common words, the first key and name of
//     every chunk, the fingerprints of the bundles), word chunks and pair
//     chunks of up to 24 KB sorted by key, bundles of the records of 16
//     documents (URL, title, date, section, summary: what a result
//     shows), and a filter file (the documents of each section and
//     topic). Numbers are written as strings of base-32 digits.
//   - A query fetches the meta file and the few chunks holding its terms
//     (the last term, being typed, matches as a prefix), scores documents
//     by terms matched, adjacent pairs found, field, frequency and exact
//     diacritics, and breaks ties newest first; the filter file only with
//     a filter, and the bundles of the results it shows.
//
// A Builder is fed each page as it renders (Build does it for a slice),
// and writes the files at Finish; a Memo keeps the work between builds of
// the preview server. An Index reads the files through a Fetch, as the
// browser does, so tests can count what a query costs.
package search
