package build

import (
	"reflect"
	"testing"

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
