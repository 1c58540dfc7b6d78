package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/diag"
	"github.com/cchc-vn/cchc/internal/viet"
)

// unitTally counts articles per unit. Spellings of one unit ("Phòng Văn
// hóa – Xã hội", "phòng văn hoá - xã hội") share a key, the one topics
// are matched by, so they count as one unit.
type unitTally struct {
	total  map[string]int            // key → articles
	spelt  map[string]map[string]int // key → spelling → articles
	unkeyd int                       // articles without a unit
	// preferred breaks a tie between spellings used equally often: the
	// one site.yaml's targets write, key → spelling.
	preferred map[string]string
	// keys remembers the key of each spelling met: folding is the costly
	// part, and a site spells its units a handful of ways.
	keys unitKeys
}

// unitKeys maps a unit as written to its key.
type unitKeys map[string]string

func (ks unitKeys) of(unit string) string {
	k, ok := ks[unit]
	if !ok {
		k = config.MatchKey(unit)
		ks[unit] = k
	}
	return k
}

func countUnits(pages []*content.Page, preferred map[string]string, keys unitKeys) *unitTally {
	t := &unitTally{total: map[string]int{}, spelt: map[string]map[string]int{}, preferred: preferred, keys: keys}
	for _, p := range pages {
		t.add(p.Unit)
	}
	return t
}

func (t *unitTally) add(unit string) {
	k := t.keys.of(unit)
	if k == "" {
		t.unkeyd++
		return
	}
	t.total[k]++
	if t.spelt[k] == nil {
		t.spelt[k] = map[string]int{}
	}
	t.spelt[k][unit]++
}

// spellings lists a unit's spellings, the most used first; of equal
// counts, the one site.yaml writes, then Vietnamese alphabetical order.
func (t *unitTally) spellings(k string) []string {
	var out []string
	for s := range t.spelt[k] {
		out = append(out, s)
	}
	viet.SortBy(out, func(s string) string { return s })
	slices.SortStableFunc(out, func(a, b string) int {
		return cmp.Or(cmp.Compare(t.spelt[k][b], t.spelt[k][a]), cmp.Compare(b2i(b == t.preferred[k]), b2i(a == t.preferred[k])))
	})
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// preferredUnits maps each target's unit key to its spelling in site.yaml.
func preferredUnits(ts []config.Target) map[string]string {
	out := map[string]string{}
	for _, t := range ts {
		out[config.MatchKey(t.Unit)] = t.Unit
	}
	return out
}

// counts lists the units, most articles first, then in alphabetical
// order; articles without a unit come last, under the name "".
func (t *unitTally) counts() []UnitCount {
	var out []UnitCount
	for k, n := range t.total {
		sp := t.spellings(k)
		u := UnitCount{Name: sp[0], Articles: n}
		if len(sp) > 1 {
			u.Variants = sp[1:]
		}
		out = append(out, u)
	}
	viet.SortBy(out, func(u UnitCount) string { return u.Name })
	slices.SortStableFunc(out, func(a, b UnitCount) int { return cmp.Compare(b.Articles, a.Articles) })
	if t.unkeyd > 0 {
		out = append(out, UnitCount{Articles: t.unkeyd})
	}
	return out
}

// names maps every unit's key to the spelling most articles use.
func (t *unitTally) names() map[string]string {
	out := make(map[string]string, len(t.total))
	for k := range t.total {
		out[k] = t.spellings(k)[0]
	}
	return out
}

// allUnits names the units of every published article, whatever its
// date: a target's unit that is none of them is likely misspelt.
func allUnits(site *content.Site, preferred map[string]string, keys unitKeys) map[string]string {
	var pages []*content.Page
	for _, p := range site.Pages {
		if p.Role == content.RoleArticle {
			pages = append(pages, p)
		}
	}
	return countUnits(pages, preferred, keys).names()
}

// TargetRow is a unit's target for the period and what it published.
type TargetRow struct {
	Unit      string // as most of its articles spell it, else as site.yaml does
	Target    config.Target
	Expected  int // articles the target asks for in this period
	Articles  int
	Shortfall int // Expected - Articles, at least 0
}

// Met reports a target reached.
func (r TargetRow) Met() bool { return r.Shortfall == 0 }

// targets measures each unit's articles against its target. The target
// of a period is the monthly rate times the period's months, rounded up:
// 10 articles a year ask for 3 in a quarter.
func targets(ts []config.Target, units *unitTally, known map[string]string, period Period, ds *diag.List) []TargetRow {
	var names []string
	for _, n := range known {
		names = append(names, n)
	}
	viet.SortBy(names, func(s string) string { return s })
	current := units.names()
	var out []TargetRow
	for _, t := range ts {
		k := units.keys.of(t.Unit)
		row := TargetRow{Unit: t.Unit, Target: t, Articles: units.total[k]}
		if n, ok := current[k]; ok {
			row.Unit = n
		} else if n, ok := known[k]; ok {
			row.Unit = n
		} else {
			unknownUnit(t, names, ds)
		}
		row.Expected = int(math.Ceil(float64(t.Articles)*period.months()/float64(t.Months) - 1e-9))
		row.Shortfall = max(0, row.Expected-row.Articles)
		out = append(out, row)
	}
	return out
}

// unknownUnit warns about a target whose unit no article names.
func unknownUnit(t config.Target, names []string, ds *diag.List) {
	hint := "kiểm tra tên đơn vị: bài viết ghi đơn vị ở khóa `unit:`"
	if s := config.SuggestName(t.Unit, names); s != "" {
		hint = fmt.Sprintf("có phải ý bạn là %q?", s)
	}
	ds.Warnf(t.Pos, hint, "đơn vị %q trong `report.targets` không có bài nào", t.Unit)
}
