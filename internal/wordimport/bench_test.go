package wordimport

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	. "github.com/cchc-vn/cchc/internal/docx/docxtest"
)

// BenchmarkImportPlan imports the commune's plan laid out in Word.
func BenchmarkImportPlan(b *testing.B) {
	benchImport(b, planDocx(b), Options{Section: "van-ban", Attachment: "ke-hoach.docx"})
}

// BenchmarkImport5MB imports a document of about 5 MB: nine photographs
// (incompressible, as JPEGs are) and 60 pages of the plan's text with
// bold, lists, a table per page and a footnote per page. Peak memory of
// one import:
//
//	go test -c -o /tmp/wi.test ./internal/wordimport
//	(cd internal/wordimport && /usr/bin/time -v /tmp/wi.test -test.run XXX -test.bench Import5MB -test.benchtime 1x)
func BenchmarkImport5MB(b *testing.B) {
	data := bigDocx(b)
	benchImport(b, data, Options{Section: "bai-viet", Topics: []string{"SIPAS"}})
	b.ReportMetric(float64(len(data))/(1<<20), "MB/doc")
}

func benchImport(b *testing.B, data []byte, opts Options) {
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		importBytes(b, data, opts)
	}
}

func bigDocx(t testing.TB) []byte {
	text, err := os.ReadFile("testdata/ke-hoach-tuyen-truyen-cchc-2026.txt")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(text), "\n") {
		if l = strings.TrimSpace(l); len(l) > 40 {
			lines = append(lines, l)
		}
	}
	d := New()
	d.Numbering = Lists
	rng := rand.New(rand.NewPCG(1, 2))
	var photos []string
	for i := range 9 {
		img := make([]byte, 560<<10)
		for j := range img {
			img[j] = byte(rng.Uint32())
		}
		copy(img, "\xFF\xD8\xFF\xE0")
		photos = append(photos, d.Media("photo"+string(rune('a'+i))+".jpeg", img))
	}
	for page := range 60 {
		d.Add(PS("Heading1", R("Phần "+strings.Repeat("I", 1+page%3))))
		for i, l := range lines {
			switch i % 5 {
			case 0:
				rs := []rune(l)
				d.Add(P(R(string(rs[:20]), B), R(string(rs[20:])), d.Footnote(Text("Chú thích."))))
			case 1, 2:
				d.Add(Item(1, i%2, R(l)))
			default:
				d.Add(Item(2, 0, R(l, I)))
			}
		}
		d.Add(Table(HeaderTr(Tc(Text("Chỉ số")), Tc(Text("2025")), Tc(Text("2026"))), Tr(Tc(Text("SIPAS")), Tc(Text("88,1%")), Tc(Text("90%")))))
		if page%8 == 0 {
			d.Add(P(Image(photos[page/8%len(photos)], "Ảnh hội nghị", "")))
		}
	}
	return d.Bytes()
}
