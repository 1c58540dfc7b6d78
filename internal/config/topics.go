package config

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/viet"
)

// MatchKey is the form in which topic names are compared: viet.Fold (case,
// diacritics, đ, tone placement, runs of spaces) and, beyond it, any run of
// punctuation taken as one separator, so that "chuyen-doi-so", "Chuyển
// đổi số" and "Một cửa - một cửa liên thông" find their topics. Other
// names an editor types freely, such as a unit's, are compared the same
// way.
func MatchKey(s string) string { return viet.Slug(s) }

// spellings are the texts by which an editor may name a topic.
func spellings(t Topic) []string {
	return append([]string{t.Name, t.Slug}, t.Aliases...)
}

// topicIndex maps match keys to positions in Config.Topics. It remembers
// the slice it was built from: after Topics is replaced, Topic falls back
// to a scan instead of answering from a stale map.
type topicIndex struct {
	keys  map[string]int
	first *Topic
	n     int
}

func newTopicIndex(topics []Topic) *topicIndex {
	ix := &topicIndex{keys: make(map[string]int, 4*len(topics)), n: len(topics)}
	if len(topics) > 0 {
		ix.first = &topics[0]
	}
	for i, t := range topics {
		for _, s := range spellings(t) {
			if k := MatchKey(s); k != "" {
				if _, taken := ix.keys[k]; !taken {
					ix.keys[k] = i
				}
			}
		}
	}
	return ix
}

func (ix *topicIndex) builtFrom(topics []Topic) bool {
	return ix != nil && ix.n == len(topics) && (ix.n == 0 || ix.first == &topics[0])
}

// Topic finds the topic an editor meant by name, comparing it with every
// topic's name, slug and aliases while ignoring case, diacritics, đ, tone
// placement, spacing and punctuation: "MỘT CỬA", "mot cua" and "Bộ phận
// một cửa" all find "Một cửa, một cửa liên thông". It only reads the
// Config, so parallel stages may call it at once.
func (c *Config) Topic(name string) (Topic, bool) {
	key := MatchKey(name)
	if key == "" {
		return Topic{}, false
	}
	if c.topics.builtFrom(c.Topics) {
		if i, ok := c.topics.keys[key]; ok {
			return c.Topics[i], true
		}
		return Topic{}, false
	}
	for _, t := range c.Topics {
		for _, s := range spellings(t) {
			if MatchKey(s) == key {
				return t, true
			}
		}
	}
	return Topic{}, false
}

// SuggestTopic returns the name of the topic closest to name, for a "did
// you mean" hint, or "" when none is reasonably close. In order: a topic
// spelling contained in what was typed ("chuyển đổi số hóa"), a spelling
// of a single topic containing it ("liên thông"), then the spelling at
// the smallest edit distance ("sipass").
func (c *Config) SuggestTopic(name string) string {
	key := MatchKey(name)
	if key == "" {
		return ""
	}
	if t, ok := c.Topic(name); ok {
		return t.Name
	}
	if i := c.topicWithin(key); i >= 0 {
		return c.Topics[i].Name
	}
	if i := c.onlyTopicContaining(key); i >= 0 {
		return c.Topics[i].Name
	}
	best, bestD := -1, 0
	for i, t := range c.Topics {
		for _, s := range spellings(t) {
			k := MatchKey(s)
			if d := viet.EditDistance(key, k); (best < 0 || d < bestD) && viet.NearName(d, key, k) {
				best, bestD = i, d
			}
		}
	}
	if best < 0 {
		return ""
	}
	return c.Topics[best].Name
}

// SuggestTopics returns up to n topic names close to name, the likeliest
// first, for a "có phải ý bạn là …" hint: SuggestTopic's choice, then the
// topics with a spelling that holds what was typed as whole words ("cải
// cách" is in five), then those within a small edit distance of it.
func (c *Config) SuggestTopics(name string, n int) []string {
	var out []string
	add := func(s string) {
		if s != "" && len(out) < n && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	add(c.SuggestTopic(name))
	key := MatchKey(name)
	if key == "" {
		return out
	}
	if len(key) >= 4 {
		for _, t := range c.Topics {
			if slices.ContainsFunc(spellings(t), func(s string) bool { return containsWords(MatchKey(s), key) }) {
				add(t.Name)
			}
		}
	}
	type near struct {
		name string
		d    int
	}
	var nears []near
	for _, t := range c.Topics {
		best := -1
		for _, s := range spellings(t) {
			k := MatchKey(s)
			if d := viet.EditDistance(key, k); viet.NearName(d, key, k) && (best < 0 || d < best) {
				best = d
			}
		}
		if best >= 0 {
			nears = append(nears, near{t.Name, best})
		}
	}
	slices.SortStableFunc(nears, func(a, b near) int { return a.d - b.d })
	for _, x := range nears {
		add(x.name)
	}
	return out
}

// topicWithin finds the topic with the longest spelling that appears, as
// whole words, in key.
func (c *Config) topicWithin(key string) int {
	best, bestLen := -1, 0
	for i, t := range c.Topics {
		for _, s := range spellings(t) {
			if k := MatchKey(s); k != "" && len(k) > bestLen && containsWords(key, k) {
				best, bestLen = i, len(k)
			}
		}
	}
	return best
}

// onlyTopicContaining finds the one topic with a spelling that contains
// key as whole words; "cải cách" is in many topics and suggests none.
func (c *Config) onlyTopicContaining(key string) int {
	if len(key) < 4 {
		return -1
	}
	found := -1
	for i, t := range c.Topics {
		for _, s := range spellings(t) {
			if containsWords(MatchKey(s), key) {
				if found >= 0 && found != i {
					return -1
				}
				found = i
			}
		}
	}
	return found
}

func containsWords(s, sub string) bool {
	return strings.Contains("-"+s+"-", "-"+sub+"-")
}

// validSlug accepts lower-case ASCII words joined by single hyphens.
func validSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	return true
}

// term is one spelling of a topic, where it was written.
type term struct {
	text string
	key  string
	pos  diag.Position
	slug bool // written as `slug:`
}

// topics reads the `topics:` list, which replaces the default vocabulary.
func (d *decoder) topics(n *yaml.Node) ([]Topic, bool) {
	v := resolve(n)
	if v.Kind != yaml.SequenceNode {
		d.typeError(v, "topics", "một danh sách")
		return nil, false
	}
	if len(v.Content) == 0 {
		d.diags.Errorf(d.pos(v), "thêm ít nhất một chủ đề, hoặc xóa dòng `topics:` để dùng danh sách chủ đề mặc định",
			"danh sách `topics` (chủ đề) trống")
		return nil, false
	}
	var topics []Topic
	var terms [][]term
	for _, item := range v.Content {
		if t, ts, ok := d.topic(item); ok {
			topics = append(topics, t)
			terms = append(terms, ts)
		}
	}
	d.checkClashes(topics, terms)
	return topics, true
}

// topic reads one entry of `topics:` and returns it with its spellings.
func (d *decoder) topic(item *yaml.Node) (Topic, []term, bool) {
	m := resolve(item)
	if m.Kind != yaml.MappingNode {
		d.diags.Errorf(d.pos(m), `viết mỗi chủ đề dạng - name: "Chuyển đổi số"`,
			"mỗi mục của `topics` phải là một nhóm khóa (name, slug, aliases, description), không phải %s", describe(m))
		return Topic{}, nil, false
	}
	var t Topic
	var nameAt, slugAt *yaml.Node
	var aliasAt []*yaml.Node
	for _, e := range d.entries(m, "topics", groupKeys("topics")) {
		if isNull(e.value) {
			continue
		}
		switch e.key {
		case "name":
			if s, ok := d.str(e.value, e.key); ok {
				t.Name, nameAt = s, resolve(e.value)
			}
		case "slug":
			if s, ok := d.str(e.value, e.key); ok {
				t.Slug, slugAt = s, resolve(e.value)
			}
		case "aliases":
			t.Aliases, aliasAt, _ = d.strList(e.value, e.key)
		case "description":
			d.setStr(e, &t.Description)
		}
	}
	if t.Name == "" {
		at := m
		if nameAt != nil {
			at = nameAt
		}
		d.diags.Errorf(d.pos(at), `thêm dòng name: "Tên chủ đề" vào chủ đề này`, "chủ đề thiếu `name` (tên chủ đề)")
		return Topic{}, nil, false
	}
	if !d.checkSlug(&t, nameAt, slugAt) {
		return Topic{}, nil, false
	}
	// A slug derived from the name is placed at the name.
	if slugAt == nil {
		slugAt = nameAt
	}
	terms := []term{
		{text: t.Name, key: MatchKey(t.Name), pos: d.pos(nameAt)},
		{text: t.Slug, key: t.Slug, pos: d.pos(slugAt), slug: true},
	}
	for i, a := range t.Aliases {
		terms = append(terms, term{text: a, key: MatchKey(a), pos: d.pos(aliasAt[i])})
	}
	return t, terms, true
}

// checkSlug derives a missing slug from the name and checks a written one.
func (d *decoder) checkSlug(t *Topic, nameAt, slugAt *yaml.Node) bool {
	if slugAt == nil {
		t.Slug = viet.Slug(t.Name)
		if t.Slug == "" {
			d.diags.Errorf(d.pos(nameAt), "thêm dòng slug: bằng chữ thường không dấu, ví dụ: slug: chu-de-moi",
				"không tạo được `slug` (đường dẫn) từ tên %q", t.Name)
			return false
		}
		return true
	}
	if validSlug(t.Slug) {
		return true
	}
	hint := "chỉ dùng chữ thường không dấu, chữ số và dấu gạch nối"
	if s := viet.Slug(t.Slug); s != "" {
		hint += ", ví dụ: slug: " + s
	}
	d.diags.Errorf(d.pos(slugAt), hint, "`slug` %q không hợp lệ", t.Slug)
	return false
}

// checkClashes reports two topics with the same slug (their pages would
// share a URL), and a spelling of one topic that matches a spelling of
// another (Topic could not tell which one an editor meant). One mistake
// gives one message: a key already reported for a topic is not reported
// again through its other spellings.
func (d *decoder) checkClashes(topics []Topic, terms [][]term) {
	type owner struct {
		term  term
		topic int
	}
	slugs := map[string]owner{}
	spelled := map[string]owner{}
	for i, ts := range terms {
		reported := map[string]bool{}
		for _, t := range ts {
			if t.key == "" || reported[t.key] {
				continue
			}
			if t.slug {
				first, ok := slugs[t.key]
				if ok && first.topic != i {
					reported[t.key] = true
					d.diags.Errorf(t.pos, "đổi `slug` của một trong hai chủ đề",
						"hai chủ đề có cùng `slug` %q (dòng %d và dòng %d)", t.text, first.term.pos.Line, t.pos.Line)
					continue
				}
				if !ok {
					slugs[t.key] = owner{t, i}
				}
			}
			first, ok := spelled[t.key]
			switch {
			case !ok:
				spelled[t.key] = owner{t, i}
			case first.topic != i:
				reported[t.key] = true
				d.diags.Errorf(t.pos, "mỗi tên, slug và bí danh (aliases) chỉ được thuộc một chủ đề; đổi hoặc bỏ một trong hai",
					"%q ở dòng %d trùng với %q ở dòng %d của chủ đề %q",
					t.text, t.pos.Line, first.term.text, first.term.pos.Line, topics[first.topic].Name)
			}
		}
	}
}
