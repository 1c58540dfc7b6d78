package fingerprint

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

type inner struct {
	Name string
	At   time.Time
}

type sample struct {
	A     string
	B     int
	C     bool
	D     []string
	E     map[string]int
	F     *inner
	G     []*inner
	H     any
	I     [2]byte
	J     []byte
	K     map[int]string
	L     float64
	hid   string // unexported fields count too
	Inner inner
}

func full() sample {
	t := time.Date(2026, 1, 16, 8, 30, 0, 0, time.UTC)
	return sample{
		A: "a", B: 1, C: true, D: []string{"x", "y"}, E: map[string]int{"k": 1, "l": 2},
		F: &inner{"f", t}, G: []*inner{{"g", t}}, H: "h", I: [2]byte{1, 2}, J: []byte("j"),
		K: map[int]string{1: "a", 2: "b"}, L: 1.5, hid: "hid", Inner: inner{"i", t},
	}
}

// TestEveryPartChangesTheKey changes each field in turn, and a value deep
// inside: the key must change each time.
func TestEveryPartChangesTheKey(t *testing.T) {
	base := Of(full())
	edits := map[string]func(s *sample){
		"A": func(s *sample) { s.A = "b" }, "B": func(s *sample) { s.B = 2 }, "C": func(s *sample) { s.C = false },
		"D order": func(s *sample) { s.D = []string{"y", "x"} }, "D nil": func(s *sample) { s.D = nil },
		"E value": func(s *sample) { s.E["k"] = 9 }, "E key": func(s *sample) { s.E = map[string]int{"k": 1, "m": 2} },
		"F deep": func(s *sample) { s.F = &inner{"f", s.F.At.Add(time.Second)} }, "F nil": func(s *sample) { s.F = nil },
		"G deep": func(s *sample) { s.G = []*inner{{"G", s.G[0].At}} },
		"H type": func(s *sample) { s.H = []byte("h") }, "H nil": func(s *sample) { s.H = nil },
		"I": func(s *sample) { s.I[1] = 3 }, "J": func(s *sample) { s.J = []byte("k") },
		"K": func(s *sample) { s.K[2] = "c" }, "L": func(s *sample) { s.L = 1.25 },
		"hid": func(s *sample) { s.hid = "x" }, "Inner": func(s *sample) { s.Inner.Name = "j" },
	}
	for name, edit := range edits {
		s := full()
		edit(&s)
		if Of(s) == base {
			t.Errorf("%s: same key after the change", name)
		}
	}
	if Of(full()) != base {
		t.Error("the same value gives another key (map order?)")
	}
	// A string split differently is another stream.
	if Of([]string{"ab", "c"}) == Of([]string{"a", "bc"}) {
		t.Error(`["ab" "c"] and ["a" "bc"] hash alike`)
	}
}

func TestMemoStandsForThePointer(t *testing.T) {
	h := New()
	calls := 0
	h.Memo = func(v reflect.Value) (Key, bool) {
		if v.Type() == reflect.TypeFor[*inner]() {
			calls++
			return Key{1}, true
		}
		return Key{}, false
	}
	h.Value(reflect.ValueOf(full()))
	if calls != 2 {
		t.Errorf("memo asked %d times, want 2 (F and G[0])", calls)
	}
}

func TestUnhashable(t *testing.T) {
	type bad struct {
		OK   string
		Fn   func()
		Ch   chan int
		Any  any
		when time.Time
	}
	_ = bad{}.when // only its type is walked
	got := strings.Join(Unhashable(reflect.TypeFor[bad]()), "\n")
	for _, want := range []string{".Fn (func)", ".Ch (chan)", ".Any (interface)", ".when (unexported time.Time)"} {
		if !strings.Contains(got, want) {
			t.Errorf("Unhashable misses %q:\n%s", want, got)
		}
	}
	if u := Unhashable(reflect.TypeFor[inner]()); len(u) != 0 {
		t.Errorf("inner: %v", u)
	}
}
