// Package config reads site.yaml: the commune's title, organisation,
// base URL, page size, contacts and topic vocabulary. Every key is optional;
// embedded defaults (defaults.yaml, read by the same parser) apply, and a
// `topics:` list in site.yaml replaces the default vocabulary. Unknown keys,
// wrong types, duplicate keys and YAML syntax errors are diagnostics naming
// the file, line and column, in Vietnamese, all of them in one pass.
package config

import "github.com/cchc-vn/cchc/internal/diag"

// FileName is the name of the config file at the site root.
const FileName = "site.yaml"

// Config is a validated site configuration.
type Config struct {
	Title        string
	Organization string
	Province     string
	Description  string
	// BaseURL is absolute and ends with '/': "https://dienchau.example/cchc/";
	// empty when neither site.yaml nor --base-url gives one.
	BaseURL  string
	PageSize int
	Contact  Contact
	Topics   []Topic
	// TopicsAt is where site.yaml's own `topics:` list starts, which
	// replaces the default vocabulary; zero when the default applies.
	// Messages about an unknown topic say where the list lives.
	TopicsAt diag.Position
	Markdown Markdown
	// PlanItems are the content items of the commune's propaganda plan
	// (IV.1.1–IV.1.6 of the yearly plan), each with the topics that
	// report on it; `cchc report` counts articles per item.
	PlanItems []PlanItem
	Report    Report

	// Blank lists the contact keys site.yaml writes with no value
	// (`phone: ""`, as `cchc init` leaves them): left to fill in, and
	// reminded of by `check` once the site publishes articles.
	Blank []BlankKey

	// topics maps the match key of every topic name, slug and alias to
	// the topic's index in Topics, so that Topic is O(1) on a build that
	// matches tens of thousands of mentions. Built by Parse.
	topics *topicIndex
}

// Contact is where citizens reach the commune: the footer shows it, and
// every page of "Dân hỏi – Cơ quan chức năng trả lời" ends with these
// channels for sending a question.
type Contact struct {
	Address string
	Phone   string
	Email   string
	Website string
	// Feedback is the page where citizens send a feedback or petition
	// (phản ánh, kiến nghị) online: by default the national public-service
	// portal, the same for every commune. An absolute http(s) URL.
	Feedback string
	// Hours are the reception desk's opening hours, as the commune writes
	// them ("Sáng 7 giờ 30 – 11 giờ 30, chiều 13 giờ 30 – 17 giờ…"): the
	// printed leaflet of every procedure shows them, when given.
	Hours string
}

// Markdown holds the rendering switches an admin may turn on.
type Markdown struct {
	// Unsafe lets raw HTML in articles through unescaped.
	Unsafe bool
}

// BlankKey is a key of site.yaml written without a value.
type BlankKey struct {
	Key string // "contact.phone"
	Pos diag.Position
}

// Topic is one entry of the topic vocabulary.
type Topic struct {
	Name        string
	Slug        string
	Aliases     []string
	Description string
}
