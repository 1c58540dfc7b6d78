package report

import (
	"reflect"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/load"
	"github.com/cchc-vn/cchc/internal/viet"
)

// now is when the golden site's reports are made: 15/06/2026 10:00 in Vietnam.
var now = time.Date(2026, 6, 15, 10, 0, 0, 0, viet.Location())

func vn(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, viet.Location()) }

// goldenFS is testdata/golden.txtar as a site root.
func goldenFS(t testing.TB) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/golden.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// golden loads the golden site.
func golden(t testing.TB) (*config.Config, *content.Site) {
	t.Helper()
	cfg, site, ds := Load(goldenFS(t), now)
	// Notes (its article dated after now) are no problem of the site.
	if errs, warns := ds.Count(); errs+warns > 0 {
		t.Fatalf("golden site has diagnostics:\n%s", ds.Error())
	}
	return cfg, site
}

func compute(t testing.TB, p Period) *Report {
	t.Helper()
	cfg, site := golden(t)
	r, _ := Compute(cfg, site, p, now)
	return r
}

func titles(rows []QuestionRow) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.Page.Source)
	}
	return out
}

// TestFirstQuarterByHand checks the first quarter of 2026 of the golden
// site against figures counted by hand from its files.
func TestFirstQuarterByHand(t *testing.T) {
	r := compute(t, Quarter(2026, 1))
	if r.Ongoing || !r.AsOf.Equal(vn(2026, 3, 31)) || r.Period.Label != "Quý I năm 2026" {
		t.Errorf("period %q, as of %v, ongoing %v", r.Period.Label, r.AsOf, r.Ongoing)
	}
	// bai-viet a01–a07 (a07 at 23:59 on 31/03; a08 at 00:00 on 01/04 is
	// out, a10 is a draft, a12 is 2025), hoi-dap q1, q2, q4 (dated by
	// their answers; q3 is answered 02/04), van-ban d1, d2, d4, su-kien e1, e3.
	if r.Articles != 15 {
		t.Errorf("articles %d, want 15", r.Articles)
	}
	wantUnits := []UnitCount{
		{Name: "Phòng Văn hóa – Xã hội", Variants: []string{"Phòng Văn hoá - Xã hội", "phòng văn hóa – xã hội"}, Articles: 4},
		{Name: "Công an xã", Articles: 1},
		{Name: "Trung tâm Phục vụ hành chính công xã", Articles: 1},
		{Name: "Văn phòng HĐND và UBND xã", Articles: 1},
		{Name: "", Articles: 8},
	}
	if !reflect.DeepEqual(r.Units, wantUnits) {
		t.Errorf("units\n%+v\nwant\n%+v", r.Units, wantUnits)
	}
	var secs []SectionCount
	for _, s := range r.Sections {
		secs = append(secs, SectionCount{Name: s.Name, Articles: s.Articles})
	}
	wantSecs := []SectionCount{{Name: "bai-viet", Articles: 7}, {Name: "hoi-dap", Articles: 3}, {Name: "su-kien", Articles: 2}, {Name: "van-ban", Articles: 3}}
	if !reflect.DeepEqual(secs, wantSecs) || r.Sections[0].Title != "Tin, bài" {
		t.Errorf("sections %+v, want %+v", r.Sections, wantSecs)
	}
	wantMonths := []MonthCount{
		{Month: vn(2026, 1, 1), Articles: 7, BySection: []int{2, 2, 1, 2}},
		{Month: vn(2026, 2, 1), Articles: 4, BySection: []int{3, 1, 0, 0}},
		{Month: vn(2026, 3, 1), Articles: 4, BySection: []int{2, 0, 1, 1}},
	}
	if !reflect.DeepEqual(r.Months, wantMonths) {
		t.Errorf("months\n%+v\nwant\n%+v", r.Months, wantMonths)
	}
	// 1.2: a03; 1.5: a01, a02, a04, a05, q1, e1; 1.6: a02, a03, a06, a07, d1;
	// outside: q2, q4, d2, d4, e3.
	var plan []int
	for _, it := range r.Plan {
		plan = append(plan, it.Articles)
	}
	if want := []int{0, 1, 0, 0, 6, 5}; !slices.Equal(plan, want) || r.Unplanned != 5 {
		t.Errorf("plan items %v, outside %d; want %v, 5", plan, r.Unplanned, want)
	}
	// Received q1, q2, q3; answered q4 (9 days), q1 (3), q2 (10); q3 waits
	// from 25/03 to 31/03.
	q := r.Questions
	if q.Received != 3 || q.Answered != 3 || q.Waiting != 1 || q.MedianDays != 9 || q.MaxDays != 10 {
		t.Errorf("questions %+v", q)
	}
	if got := titles(q.Rows); !slices.Equal(got, []string{"content/hoi-dap/q4.md", "content/hoi-dap/q1.md", "content/hoi-dap/q2.md", "content/hoi-dap/q3.md"}) {
		t.Errorf("question rows %v", got)
	}
	if w := q.Rows[3]; w.Answered || w.Days != 6 {
		t.Errorf("waiting question %+v", w)
	}
	wantDocs := []DocumentCount{{Type: "Kế hoạch", ByLevel: []int{0, 1, 1}, Total: 2}, {Type: "Quyết định", ByLevel: []int{0, 0, 1}, Total: 1}}
	if got := r.DocumentTypes(); !reflect.DeepEqual(got, wantDocs) {
		t.Errorf("document types %+v, want %+v", got, wantDocs)
	}
	if len(r.Events) != 2 || r.Events[0].Title != "Hội nghị triển khai" || r.Events[1].Title != "Tập huấn dịch vụ công" {
		t.Errorf("events %+v", r.Events)
	}
	wantProc := Procedures{
		Fields: []FieldCount{{Field: "Chứng thực", ByLevel: []int{1, 0, 1}, Total: 2}, {Field: "Hộ tịch", ByLevel: []int{1, 1, 0}, Total: 2}},
		Total:  FieldCount{ByLevel: []int{2, 1, 1}, Total: 4},
	}
	if !reflect.DeepEqual(r.Procedures, wantProc) || r.Procedures.Total.Online() != 0.75 {
		t.Errorf("procedures %+v", r.Procedures)
	}
	checkTargets(t, r, [][4]int{{3, 4, 0}, {3, 1, 2}, {2, 0, 2}})
}

// checkTargets compares each target row's expected, published and missing
// articles.
func checkTargets(t *testing.T, r *Report, want [][4]int) {
	t.Helper()
	var got [][4]int
	for _, row := range r.Targets {
		got = append(got, [4]int{row.Expected, row.Articles, row.Shortfall})
	}
	if !slices.Equal(got, want) {
		t.Errorf("targets (expected, published, missing) %v, want %v", got, want)
	}
}

// TestRunningYearByHand checks 2026 up to "now", 15/06/2026.
func TestRunningYearByHand(t *testing.T) {
	r := compute(t, Year(2026))
	if !r.Ongoing || !r.AsOf.Equal(vn(2026, 6, 15)) {
		t.Errorf("as of %v, ongoing %v", r.AsOf, r.Ongoing)
	}
	// a01–a09, q1–q5 (q5 dated 05/06 by `date`), d1, d2, d4, e1, e3; not
	// a11 (20/06, after now) nor e2 (10/07).
	if r.Articles != 19 {
		t.Errorf("articles %d, want 19", r.Articles)
	}
	if len(r.Months) != 12 || r.Months[5].Articles != 1 || r.Months[6].Articles != 0 {
		t.Errorf("months %+v", r.Months)
	}
	// Received q1, q2, q3, q5; answered q1 (3), q2 (10), q3 (8), q4 (9);
	// q5 asked 01/06 waits 14 days at 15/06.
	q := r.Questions
	if q.Received != 4 || q.Answered != 4 || q.Waiting != 1 || q.MedianDays != 8.5 || q.MaxDays != 10 {
		t.Errorf("questions %+v", q)
	}
	if w := q.Rows[len(q.Rows)-1]; w.Page.Source != "content/hoi-dap/q5.md" || w.Answered || w.Days != 14 {
		t.Errorf("waiting question %+v", w)
	}
	// A whole year's targets: 12, 12 and 8.
	checkTargets(t, r, [][4]int{{12, 5, 7}, {12, 2, 10}, {8, 0, 8}})
}

func TestTargetUnitNoArticleNamesIsWarned(t *testing.T) {
	cfg, site := golden(t)
	_, ds := Compute(cfg, site, Quarter(2026, 1), now)
	want := []string{"site.yaml:9:13: cảnh báo: đơn vị \"Trung tâm Phục vụ hành chính công\" trong `report.targets` không có bài nào — có phải ý bạn là \"Trung tâm Phục vụ hành chính công xã\"?"}
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics %q, want %q", got, want)
	}
}

func TestEmptyPeriod(t *testing.T) {
	r := compute(t, Year(2020))
	if !r.Empty() || r.Articles != 0 || len(r.Units) != 0 || len(r.Questions.Rows) != 0 || len(r.Documents) != 0 || len(r.Events) != 0 {
		t.Errorf("2020 is not empty: %+v", r)
	}
	if len(r.Months) != 12 {
		t.Errorf("an empty year still has its 12 months, got %d", len(r.Months))
	}
	checkTargets(t, r, [][4]int{{12, 0, 12}, {12, 0, 12}, {8, 0, 8}})
	if r2 := compute(t, Quarter(2026, 1)); r2.Empty() {
		t.Error("the first quarter of 2026 is reported empty")
	}
}

// TestUnitSpellingTiesAreStable: with two spellings used equally often,
// the one a target writes names the unit, else the one first in
// Vietnamese alphabetical order.
func TestUnitSpellingTiesAreStable(t *testing.T) {
	var pages []*content.Page
	for _, u := range []string{"Phòng Văn hoá - Xã hội", "Phòng Văn hóa – Xã hội", "Phòng Văn hóa – Xã hội", "Phòng Văn hoá - Xã hội", ""} {
		pages = append(pages, &content.Page{Unit: u})
	}
	got := countUnits(pages, nil, unitKeys{}).counts()
	want := []UnitCount{{Name: "Phòng Văn hoá - Xã hội", Variants: []string{"Phòng Văn hóa – Xã hội"}, Articles: 4}, {Articles: 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("units %+v, want %+v", got, want)
	}
	// The spelling of site.yaml's target wins a tie.
	got = countUnits(pages, preferredUnits([]config.Target{{Unit: "Phòng Văn hóa – Xã hội"}}), unitKeys{}).counts()
	want[0].Name, want[0].Variants = "Phòng Văn hóa – Xã hội", []string{"Phòng Văn hoá - Xã hội"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("units with a target %+v, want %+v", got, want)
	}
}

// TestDraftsLoadedAreNotCounted: the preview's build loads drafts and
// pages dated later; the report still counts only what readers see.
func TestDraftsLoadedAreNotCounted(t *testing.T) {
	fsys := goldenFS(t)
	cfg, _ := config.Load(fsys)
	site, _ := load.Site(fsys, cfg, load.Options{Drafts: true, Future: true, Now: now})
	r, _ := Compute(cfg, site, Quarter(2026, 1), now)
	if r.Articles != 15 || r.Units[1].Name != "Công an xã" || r.Units[1].Articles != 1 {
		t.Errorf("with drafts loaded: %d articles, units %+v", r.Articles, r.Units)
	}
	if y, _ := Compute(cfg, site, Year(2026), now); y.Articles != 19 {
		t.Errorf("with pages dated later loaded: %d articles in 2026, want 19", y.Articles)
	}
}

func TestCellString(t *testing.T) {
	tests := []struct {
		c    Cell
		want string
	}{
		{count(12345), "12.345"},
		{count(0), "0"},
		{decimal(8.5), "8,5"},
		{decimal(9), "9"},
		{percent(0.2666666), "26,67%"},
		{percent(1), "100%"},
		{date(time.Date(2026, 1, 16, 23, 30, 0, 0, viet.Location())), "16/01/2026"},
		{month(vn(2026, 7, 1)), "07/2026"},
		{dateTime(time.Date(2026, 1, 16, 1, 30, 0, 0, time.UTC)), "16/01/2026 08:30"},
		{text("Tổng cộng"), "Tổng cộng"},
	}
	for _, tt := range tests {
		if got := tt.c.String(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.c, got, tt.want)
		}
	}
}
