package config

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// PlanItem is one content item of the commune's propaganda plan, such as
// IV.1.5 "cơ chế một cửa, chuyển đổi số, dịch vụ công trực tuyến". An
// article counts towards every item that lists one of its topics.
type PlanItem struct {
	ID     string   // as the plan numbers it: "1.5"
	Name   string   // what the item is about
	Topics []string // slugs of the vocabulary's topics
}

// planRef is a topic named in `plan_items`, kept until the vocabulary is
// known: `topics:` may come after `plan_items:` in the file.
type planRef struct {
	item int
	text string
	at   *yaml.Node
}

// planItems reads the `plan_items:` list, which replaces the default one.
// The topics are resolved by resolvePlanTopics once the whole file is read.
func (d *decoder) planItems(n *yaml.Node) ([]PlanItem, bool) {
	groups, ok := d.groupList(n, "plan_items", "id, name, topics")
	if !ok {
		return nil, false
	}
	var items []PlanItem
	ids := map[string]int{} // folded id → line
	for _, m := range groups {
		item, idAt, refs, ok := d.planItem(m, len(items))
		if !ok {
			continue
		}
		key := strings.ToLower(item.ID)
		if line, dup := ids[key]; dup {
			d.diags.Errorf(d.pos(idAt), "mỗi mục của kế hoạch có một `id` riêng; sửa hoặc xóa một trong hai",
				"`id` %q của `plan_items` bị lặp lại (đã có ở dòng %d)", item.ID, line)
			continue
		}
		ids[key] = idAt.Line
		items = append(items, item)
		d.planRefs = append(d.planRefs, refs...)
	}
	return items, true
}

// groupList reads a list whose items are groups of keys (`- id: …`),
// reporting any item that is not one; keys lists the item's keys for the
// message.
func (d *decoder) groupList(n *yaml.Node, key, keys string) ([]*yaml.Node, bool) {
	v := resolve(n)
	if v.Kind != yaml.SequenceNode {
		d.typeError(v, key, "một danh sách")
		return nil, false
	}
	var out []*yaml.Node
	for _, it := range v.Content {
		m := resolve(it)
		if m.Kind != yaml.MappingNode {
			d.diags.Errorf(d.pos(m), example(key),
				"mỗi mục của `%s` phải là một nhóm khóa (%s), không phải %s", key, keys, describe(m))
			continue
		}
		out = append(out, m)
	}
	return out, true
}

// planItem reads one entry of `plan_items`; index is the position it will
// take in the list, for the topics resolved later.
func (d *decoder) planItem(m *yaml.Node, index int) (PlanItem, *yaml.Node, []planRef, bool) {
	var item PlanItem
	var idAt *yaml.Node
	var refs []planRef
	for _, e := range d.entries(m, "plan_items", groupKeys("plan_items")) {
		if isNull(e.value) {
			continue
		}
		switch e.key {
		case "id":
			if s, ok := d.str(e.value, e.key); ok {
				item.ID, idAt = s, resolve(e.value)
			}
		case "name":
			if s, ok := d.str(e.value, e.key); ok {
				item.Name = s
			}
		case "topics":
			refs = d.planTopicRefs(e.value, index)
		}
	}
	if item.ID == "" || item.Name == "" {
		at, key, ex := m, "id", example("id")
		if item.ID != "" {
			at, key, ex = idAt, "name", `ví dụ: name: "Cơ chế một cửa, chuyển đổi số, dịch vụ công trực tuyến"`
		}
		d.diags.Errorf(d.pos(at), ex, "mục của `plan_items` thiếu `%s`", key)
		return PlanItem{}, nil, nil, false
	}
	return item, idAt, refs, true
}

// planTopicRefs reads an item's `topics:` list of topic names.
func (d *decoder) planTopicRefs(n *yaml.Node, index int) []planRef {
	const ex = `ví dụ: topics: ["Một cửa, một cửa liên thông", "Chuyển đổi số"]`
	v := resolve(n)
	if v.Kind != yaml.SequenceNode {
		d.diags.Errorf(d.pos(v), ex, "`topics` của một mục kế hoạch phải là một danh sách chủ đề, không phải %s", describe(v))
		return nil
	}
	var refs []planRef
	for _, it := range v.Content {
		it = resolve(it)
		if it.Kind != yaml.ScalarNode || isNull(it) {
			d.diags.Errorf(d.pos(it), ex, "mỗi mục của `topics` phải là tên một chủ đề, không phải %s", describe(it))
			continue
		}
		refs = append(refs, planRef{item: index, text: d.text(it), at: it})
	}
	return refs
}

// resolvePlanTopics turns the topic names of plan_items written in this
// file into slugs of cfg's vocabulary. Items the file does not write
// (the defaults) follow the vocabulary silently: a site with its own
// `topics:` keeps only the items' topics it still has.
func (d *decoder) resolvePlanTopics(cfg *Config) {
	if !d.planSet {
		for i := range cfg.PlanItems {
			var kept []string
			for _, s := range cfg.PlanItems[i].Topics {
				if t, ok := cfg.Topic(s); ok {
					kept = append(kept, t.Slug)
				}
			}
			cfg.PlanItems[i].Topics = kept
		}
		return
	}
	seen := map[[2]string]int{} // item id, slug → line
	for _, r := range d.planRefs {
		t, ok := cfg.Topic(r.text)
		if !ok {
			hint := "dùng tên, slug hoặc tên gọi khác của một chủ đề trong danh mục (`topics`)"
			if s := cfg.SuggestTopic(r.text); s != "" {
				hint = fmt.Sprintf("có phải ý bạn là %q?", s)
			}
			d.diags.Errorf(d.pos(r.at), hint, "chủ đề %q trong `plan_items` không có trong danh mục chủ đề", r.text)
			continue
		}
		item := &cfg.PlanItems[r.item]
		k := [2]string{item.ID, t.Slug}
		if line, dup := seen[k]; dup {
			d.diags.Warnf(d.pos(r.at), "xóa một trong hai",
				"chủ đề %q đã có trong mục %s (dòng %d)", t.Name, item.ID, line)
			continue
		}
		seen[k] = r.at.Line
		item.Topics = append(item.Topics, t.Slug)
	}
}

// PlanItemsOf returns the positions in PlanItems of the items that list
// the topic with this slug.
func (c *Config) PlanItemsOf(slug string) []int {
	var out []int
	for i, it := range c.PlanItems {
		for _, s := range it.Topics {
			if s == slug {
				out = append(out, i)
				break
			}
		}
	}
	return out
}
