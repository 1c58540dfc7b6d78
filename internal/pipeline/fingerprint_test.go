package pipeline

import (
	"reflect"
	"testing"
	"time"

	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/fingerprint"
	"github.com/cchc-vn/cchc/internal/layout"
)

// TestSiteKeyCoversContact changes each contact key in turn: every page
// shows them (the footer, the leaflets' opening hours), so the key of a
// cached page must change with each.
func TestSiteKeyCoversContact(t *testing.T) {
	base := layout.SiteData{}
	want := siteKey(&base)
	typ := reflect.TypeOf(base.Contact)
	for i := range typ.NumField() {
		sd := base
		f := reflect.ValueOf(&sd.Contact).Elem().Field(i)
		if f.Kind() != reflect.String {
			t.Fatalf("Contact.%s is a %s: teach siteKey and this test about it", typ.Field(i).Name, f.Kind())
		}
		f.SetString("x")
		if siteKey(&sd) == want {
			t.Errorf("siteKey ignores Contact.%s", typ.Field(i).Name)
		}
	}
}

// TestSiteKeyCoversEveryField changes each field of SiteData in turn, and
// each field of the elements of its lists: every page shows the site's
// data, so the key of a cached page must change with each.
func TestSiteKeyCoversEveryField(t *testing.T) {
	base := layout.SiteData{Topics: []layout.TopicLink{{}}, Sections: []layout.SectionLink{{}}}
	want := siteKey(&base)
	set := func(f reflect.Value, name string) {
		switch f.Kind() {
		case reflect.String:
			f.SetString("x")
		case reflect.Int:
			f.SetInt(7)
		case reflect.Struct:
			if f.Type() == reflect.TypeOf(time.Time{}) {
				f.Set(reflect.ValueOf(time.Date(2026, 1, 16, 0, 0, 0, 0, time.UTC)))
			} else {
				f.Field(0).SetString("x") // Contact: TestSiteKeyCoversContact checks each
			}
		default:
			t.Fatalf("%s is a %s: teach siteKey and this test about it", name, f.Kind())
		}
	}
	typ := reflect.TypeOf(base)
	for i := range typ.NumField() {
		name := "SiteData." + typ.Field(i).Name
		if f := reflect.ValueOf(base).Field(i); f.Kind() == reflect.Slice {
			elem := f.Type().Elem()
			for j := range elem.NumField() {
				sd := base
				list := reflect.MakeSlice(f.Type(), 1, 1)
				set(list.Index(0).Field(j), name+"[0]."+elem.Field(j).Name)
				reflect.ValueOf(&sd).Elem().Field(i).Set(list)
				if siteKey(&sd) == want {
					t.Errorf("siteKey ignores %s[0].%s", name, elem.Field(j).Name)
				}
			}
			continue
		}
		sd := base
		set(reflect.ValueOf(&sd).Elem().Field(i), name)
		if siteKey(&sd) == want {
			t.Errorf("siteKey ignores %s", name)
		}
	}
}

// TestTemplateDataIsHashable walks every type the page cache's keys read
// by reflection (layout.Data and all it reaches, content.Page): none may
// hold what internal/fingerprint cannot hash, and each interface is one
// whose values are plain data.
func TestTemplateDataIsHashable(t *testing.T) {
	allowed := map[string]bool{
		"layout.Data.JSONLD (interface)":          true, // filled by the render, after the key: nil at plan time
		"layout.Data.Page[].Params{} (interface)": true, // front matter values: strings, numbers, lists, maps
		"layout.Data.Site[].Contact (interface)":  false,
		"content.Page.Params{} (interface)":       true,
	}
	for _, typ := range []reflect.Type{reflect.TypeFor[layout.Data](), reflect.TypeFor[content.Page]()} {
		for _, u := range fingerprint.Unhashable(typ) {
			if !allowed[u] {
				t.Errorf("%s: the page cache cannot hash it; keep functions and channels out of the template data", u)
			}
		}
	}
}
