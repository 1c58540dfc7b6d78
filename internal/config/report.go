package config

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/viet"
)

// Report configures `cchc report`: the units' targets and whether the site
// publishes its figures at /thong-ke/.
type Report struct {
	// Public builds the page /thong-ke/ with the site.
	Public  bool
	Targets []Target
}

// Target is the number of articles a unit (đơn vị) is asked to publish.
type Target struct {
	Unit string // as written in site.yaml
	// Articles is asked for every Months months: articles_per_month,
	// articles_per_quarter and articles_per_year give 1, 3 and 12.
	Articles int
	Months   int
	// Pos is where the unit is written, for the report's "did you mean"
	// when no article carries this unit.
	Pos diag.Position
}

// Keys of a target, with the months each one counts.
func targetRates() []struct {
	key    string
	months int
} {
	return []struct {
		key    string
		months int
	}{{"articles_per_month", 1}, {"articles_per_quarter", 3}, {"articles_per_year", 12}}
}

// maxTarget bounds a target: more articles than this in a period is a
// typo (an extra zero), not a plan.
const maxTarget = 1000

func (d *decoder) report(e entry, r *Report) {
	entries, _ := d.mapping(e.value, e.key)
	for _, f := range entries {
		if isNull(f.value) {
			continue
		}
		switch f.key {
		case "public":
			if b, ok := d.boolean(f.value, f.key); ok {
				r.Public = b
			}
		case "targets":
			if ts, ok := d.targets(f.value); ok {
				r.Targets = ts
			}
		}
	}
}

// targets reads `report.targets`: one entry per unit.
func (d *decoder) targets(n *yaml.Node) ([]Target, bool) {
	groups, ok := d.groupList(n, "targets", "unit và một trong articles_per_month, articles_per_quarter, articles_per_year")
	if !ok {
		return nil, false
	}
	var out []Target
	units := map[string]int{} // match key of the unit → line
	for _, m := range groups {
		t, ok := d.target(m)
		if !ok {
			continue
		}
		k := MatchKey(t.Unit)
		if line, dup := units[k]; dup {
			d.diags.Errorf(t.Pos, "mỗi đơn vị có một chỉ tiêu; gộp hoặc xóa một trong hai",
				"đơn vị %q đã có chỉ tiêu ở dòng %d", t.Unit, line)
			continue
		}
		units[k] = t.Pos.Line
		out = append(out, t)
	}
	return out, true
}

// target reads one entry of `report.targets`.
func (d *decoder) target(m *yaml.Node) (Target, bool) {
	var t Target
	var rateKeys []string
	bad := false
	for _, e := range d.entries(m, "targets", groupKeys("targets")) {
		if isNull(e.value) {
			continue
		}
		if e.key == "unit" {
			if s, ok := d.str(e.value, e.key); ok && s != "" {
				t.Unit, t.Pos = s, d.pos(resolve(e.value))
			}
			continue
		}
		rateKeys = append(rateKeys, e.key)
		n, ok := d.integer(e.value, e.key)
		if ok && (n < 1 || n > maxTarget) {
			d.diags.Errorf(d.pos(resolve(e.value)), "số bài đơn vị cần đăng trong mỗi kỳ, ví dụ 3",
				"`%s` phải từ 1 đến %d, không phải %d", e.key, maxTarget, n)
			ok = false
		}
		if !ok {
			bad = true
			continue
		}
		t.Articles = n
		for _, r := range targetRates() {
			if r.key == e.key {
				t.Months = r.months
			}
		}
	}
	switch {
	case t.Unit == "":
		d.diags.Errorf(d.pos(m), example("unit"), "chỉ tiêu thiếu `unit` (tên đơn vị)")
		return Target{}, false
	case len(rateKeys) == 0:
		d.diags.Errorf(t.Pos, "thêm một dòng, ví dụ: articles_per_quarter: 3",
			"chỉ tiêu của đơn vị %q thiếu số bài (articles_per_month, articles_per_quarter hoặc articles_per_year)", t.Unit)
		return Target{}, false
	case len(rateKeys) > 1:
		d.diags.Errorf(t.Pos, "giữ lại một khóa",
			"chỉ tiêu của đơn vị %q ghi nhiều kỳ (%s): mỗi đơn vị chỉ ghi một", t.Unit, strings.Join(rateKeys, ", "))
		return Target{}, false
	}
	return t, !bad
}

// SuggestName returns the name among names closest to got, for a "did you
// mean" hint on a name an editor types freely (a unit), or "" when none is
// close: names are compared by MatchKey, at most one edit in three letters.
func SuggestName(got string, names []string) string {
	key := MatchKey(got)
	best, bestD := "", 0
	for _, n := range names {
		k := MatchKey(n)
		if k == key {
			continue
		}
		if d := viet.EditDistance(key, k); (best == "" || d < bestD) && viet.NearName(d, key, k) {
			best, bestD = n, d
		}
	}
	return best
}

// String says a target the way the report's sheet does: "3 bài/quý".
func (t Target) String() string {
	per := map[int]string{1: "tháng", 3: "quý", 12: "năm"}[t.Months]
	return fmt.Sprintf("%d bài/%s", t.Articles, per)
}
