package searchquery

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/cchc-vn/cchc/internal/search"
	"github.com/cchc-vn/cchc/internal/searchformat"
	"github.com/cchc-vn/cchc/internal/viet"
)

// site is a built index held in memory, with a Fetch that counts.
type site struct {
	files   map[string][]byte
	meta    string
	fetched []string
}

// buildSite builds the index of a site.
func buildSite(t testing.TB, in search.Input) *site {
	t.Helper()
	files, meta := search.Build(in, nil)
	s := &site{files: map[string][]byte{}, meta: meta}
	for _, f := range files {
		if _, dup := s.files[f.Path]; dup {
			t.Fatalf("%s written twice", f.Path)
		}
		s.files[f.Path] = f.Data
	}
	return s
}

func (s *site) fetch(p string) ([]byte, error) {
	data, ok := s.files[p]
	if !ok {
		return nil, fmt.Errorf("%s: not found", p)
	}
	s.fetched = append(s.fetched, p)
	return data, nil
}

// urls runs a query and returns the URLs of the results, best first.
func (s *site) urls(t testing.TB, q string, f Filters) []string {
	t.Helper()
	ix, err := Open(s.fetch, s.meta)
	if err != nil {
		t.Fatal(err)
	}
	hits, err := ix.Search(q, f)
	if err != nil {
		t.Fatalf("%q: %v", q, err)
	}
	var out []string
	for _, h := range hits {
		fr, err := ix.Fragment(h.Doc)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fr.URL)
	}
	return out
}

// rankingSite is a small column; documents are listed newest first.
func rankingSite() search.Input {
	return search.Input{
		Sections: []search.Named{{Slug: "bai-viet", Name: "Tin bài"}, {Slug: "van-ban", Name: "Văn bản chỉ đạo, điều hành"}},
		Topics: []search.Named{{Slug: "mot-cua", Name: "Một cửa, một cửa liên thông"}, {Slug: "sipas", Name: "SIPAS"},
			{Slug: "chuyen-doi-so", Name: "Chuyển đổi số"}},
		Docs: []search.Doc{
			{URL: "sipas-body/", Title: "Khảo sát sự hài lòng năm 2025", Section: 0,
				Text: "Kết quả khảo sát SIPAS của xã tăng 3 điểm."},
			{URL: "sipas-title/", Title: "Chỉ số SIPAS năm 2025", Section: 0, Topics: []int{1},
				Text: "Người dân đánh giá cao thái độ phục vụ."},
			{URL: "scattered/", Title: "Số liệu quý I", Section: 0,
				Text: "Số hồ sơ tăng. Việc chuyển sang nền tảng mới giúp đổi cách làm."},
			{URL: "phrase/", Title: "Hội nghị trực tuyến", Section: 0, Topics: []int{2},
				Text: "Xã đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính."},
			{URL: "ma-huyen/", Title: "Ghi chép", Section: 0, Text: "Người dân mà cán bộ đều vui."},
			{URL: "ma-sac/", Title: "Ghi chép", Section: 0, Text: "Cô bé có đôi má hồng."},
			{URL: "hoa-giai-cu/", Title: "Tổ hoà giải thôn 3", Section: 0, Text: "Công tác hoà giải ở cơ sở."},
			{URL: "thuy-loi/", Title: "Công trình thuỷ lợi", Section: 0, Text: "Nạo vét kênh thuỷ lợi nội đồng."},
			{URL: "qui/", Title: "Báo cáo quí II", Section: 0, Text: "Kết quả quí II năm 2026."},
			{URL: "dat-dai/", Title: "ĐẤT ĐAI: cấp giấy chứng nhận", Section: 0, Text: "Hướng dẫn thủ tục đất đai."},
			{URL: "ke-hoach-35/", Title: "Kế hoạch cải cách hành chính năm 2026", Section: 1,
				Meta: []string{"35/KH-UBND", "Kế hoạch", "UBND xã Diễn Châu"}, Text: "Toàn văn kế hoạch."},
			{URL: "tie-new/", Title: "Một cửa liên thông", Section: 0, Topics: []int{0}, Text: "Bộ phận một cửa."},
			{URL: "tie-old/", Title: "Một cửa liên thông", Section: 0, Topics: []int{0}, Text: "Bộ phận một cửa."},
			{URL: "dich-vu/", Title: "Dịch vụ tại xã", Section: 0, Text: "Nhiều dịch vụ."},
			{URL: "dich-vu-cong/", Title: "Tin tức", Section: 0, Text: "Nộp hồ sơ qua dịch vụ công trực tuyến."},
			{URL: "gioi-thieu/", Title: "Giới thiệu", Section: -1, Text: "Trang giới thiệu chuyên mục."},
		},
	}
}

func TestRanking(t *testing.T) {
	s := buildSite(t, rankingSite())
	tests := []struct {
		name, q string
		f       Filters
		want    []string
		exact   bool // else want is the head of the results
	}{
		{"title above body", "sipas ", Filters{}, []string{"sipas-title/", "sipas-body/"}, true},
		{"all words above some, even in the title", "dịch vụ công ", Filters{},
			// phục vụ in a body ties with công in a body: newer first.
			[]string{"dich-vu-cong/", "dich-vu/", "thuy-loi/", "sipas-title/", "hoa-giai-cu/"}, true},
		{"phrase above scattered", "chuyen doi so ", Filters{}, []string{"phrase/", "scattered/"}, false},
		{"prefix of the last word", "chuyen doi s", Filters{}, []string{"phrase/", "scattered/"}, false},
		{"newer above older on ties", "liên thông ", Filters{}, []string{"tie-new/", "tie-old/"}, true},
		{"má above mà when typing má", "má ", Filters{}, []string{"ma-sac/", "ma-huyen/"}, true},
		{"mà above má when typing mà", "mà ", Filters{}, []string{"ma-huyen/", "ma-sac/"}, true},
		{"ma finds both, newer first", "ma ", Filters{}, []string{"ma-huyen/", "ma-sac/"}, true},
		{"old tone placement", "hòa giải", Filters{}, []string{"hoa-giai-cu/"}, false},
		{"without diacritics", "hoa giai", Filters{}, []string{"hoa-giai-cu/"}, false},
		{"thủy = thuỷ", "thủy lợi", Filters{}, []string{"thuy-loi/"}, false},
		{"quý = quí", "quý II", Filters{}, []string{"qui/"}, false},
		{"quy finds quí", "quy ii", Filters{}, []string{"qui/"}, false},
		{"upper case", "ĐẤT ĐAI", Filters{}, []string{"dat-dai/"}, false},
		{"NFD query", "đa\u0302\u0301t đai", Filters{}, []string{"dat-dai/"}, false},
		{"document number", "35/KH-UBND", Filters{}, []string{"ke-hoach-35/"}, false},
		{"the exact mark wins over a better field", "hồ sơ", Filters{}, []string{"scattered/", "dich-vu-cong/"}, false},
		{"section filter", "năm ", Filters{Section: "van-ban"}, []string{"ke-hoach-35/"}, true},
		{"topic filter", "một cửa", Filters{Topic: "mot-cua"}, []string{"tie-new/", "tie-old/"}, true},
		{"unknown section", "một cửa", Filters{Section: "khong-co"}, nil, true},
		{"stand-alone page", "giới thiệu", Filters{}, []string{"gioi-thieu/"}, false},
		{"nothing", "xyzzy ", Filters{}, nil, true},
		{"empty", "  ", Filters{}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := s.urls(t, tt.q, tt.f)
			head := got
			if !tt.exact {
				head = got[:min(len(got), len(tt.want))]
			}
			if !reflect.DeepEqual(head, tt.want) {
				t.Errorf("%q: got %q, want %q (exact %v)", tt.q, got, tt.want, tt.exact)
			}
		})
	}
}

// TestScores pins the formula of the contract on one document.
func TestScores(t *testing.T) {
	s := buildSite(t, rankingSite())
	ix, err := Open(s.fetch, s.meta)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		q    string
		want int
	}{
		// "sipas" in the title (30) and the topic (bit 2), once in
		// the title and once as the topic name: tf 2.
		{"sipas ", 1000 + 30 + 2},
		// "chuyển đổi số" in the body of phrase/: 3 terms, 2 pairs, each
		// in the body (3) and in the topic name (20) once: tf 2; the query
		// has marks and the forms are equal: +15 each.
		{"chuyển đổi số ", 3000 + 200 + 3*(20+2+15)},
		// The same without marks: no bonus.
		{"chuyen doi so ", 3000 + 200 + 3*(20+2)},
		// A prefix: "s" matches "số" and "sang"… by prefix only: halved.
		{"chuyen doi s", 3000 + 200 + 2*(20+2) + (20+2)/2},
	}
	want := map[string]string{"sipas ": "sipas-title/", "chuyển đổi số ": "phrase/", "chuyen doi so ": "phrase/", "chuyen doi s": "phrase/"}
	for _, tt := range tests {
		hits, err := ix.Search(tt.q, Filters{})
		if err != nil || len(hits) == 0 {
			t.Fatalf("%q: %v, %v", tt.q, hits, err)
		}
		fr, _ := ix.Fragment(hits[0].Doc)
		if fr.URL != want[tt.q] || hits[0].Score != tt.want {
			t.Errorf("%q: first %s with %d, want %s with %d", tt.q, fr.URL, hits[0].Score, want[tt.q], tt.want)
		}
	}
}

func TestFragment(t *testing.T) {
	in := rankingSite()
	in.Docs[0].Date = "16/01/2026"
	in.Docs[0].Summary = `Tóm tắt "có ngoặc" \ và <thẻ>`
	in.Docs[1].Summary = strings.Repeat("Cải cách hành chính. ", 40)
	s := buildSite(t, in)
	ix, _ := Open(s.fetch, s.meta)
	fr, err := ix.Fragment(0)
	if err != nil {
		t.Fatal(err)
	}
	want := Fragment{URL: "sipas-body/", Title: "Khảo sát sự hài lòng năm 2025", Date: "16/01/2026", Section: "Tin bài",
		Summary: `Tóm tắt "có ngoặc" \ và <thẻ>`}
	if fr != want {
		t.Errorf("fragment = %+v, want %+v", fr, want)
	}
	fr, _ = ix.Fragment(1)
	if n := len([]rune(fr.Summary)); n > searchformat.MaxSummary || fr.Summary != viet.Cut(in.Docs[1].Summary, searchformat.MaxSummary-1) {
		t.Errorf("a long summary has %d runes: …%q", n, fr.Summary[len(fr.Summary)-40:])
	}
	fr, _ = ix.Fragment(len(in.Docs) - 1)
	if fr.Section != "" || fr.Date != "" || fr.URL != "gioi-thieu/" {
		t.Errorf("stand-alone page: %+v", fr)
	}
}
func TestPickChunks(t *testing.T) {
	chunks := [][2]string{{"", "w0"}, {"ma", "w1"}, {"mai", "w2"}, {"man", "w3"}, {"mat", "w4"}, {"mo", "w5"}, {"na", "w6"}}
	tests := []struct {
		key    string
		prefix bool
		want   string
	}{
		{"mai", false, "w2"},
		{"mai", true, "w2"},
		{"m", false, "w0"},
		{"m", true, "w0 w1 w2"}, // spans six chunks: the first three, not one
		{"ma", true, "w1 w2 w3"},
		{"mo", true, "w5"},
		{"zz", true, "w6"},
		{"", true, "w0 w1 w2"},
	}
	for _, tt := range tests {
		if got := strings.Join(pick(chunks, tt.key, tt.prefix), " "); got != tt.want {
			t.Errorf("pick(%q, prefix=%v) = %q, want %q", tt.key, tt.prefix, got, tt.want)
		}
	}
}

// TestCommonWordsAwayFromThePhrase: typed without diacritics, "mot cua"
// folds onto "một" and "của", which nearly every page holds. Where the
// phrase is found, those fold matches elsewhere do not count: a page
// with "một" here and "của" there is no answer.
func TestCommonWordsAwayFromThePhrase(t *testing.T) {
	in := search.Input{
		Sections: []search.Named{{Slug: "bai-viet", Name: "Tin bài"}},
		Docs: []search.Doc{
			{URL: "phrase/", Title: "Bộ phận một cửa", Text: "Tiếp nhận hồ sơ tại bộ phận một cửa của xã."},
			{URL: "scattered/", Title: "Tin tức", Text: "Một buổi làm việc của đoàn công tác."},
			{URL: "door/", Title: "Sửa cửa hội trường", Text: "Thay cánh cửa cũ."},
			{URL: "fashion/", Title: "Ghi chép", Text: "Mốt mới của mùa này."},
		},
	}
	s := buildSite(t, in)
	for _, tt := range []struct {
		q    string
		want []string
	}{
		// The phrase first; "cửa" and "mốt" are not common words and
		// still count; "một … của" apart does not.
		{"mot cua ", []string{"phrase/", "door/", "fashion/"}},
		// A word typed with its marks is what it says, common or not:
		// "Một" counts in scattered/, "của" still does not.
		{"một cửa ", []string{"phrase/", "door/", "scattered/", "fashion/"}},
		// Another phrase, found in door/: "của" elsewhere does not count.
		{"cua hoi ", []string{"door/", "phrase/"}},
		// One word, no phrase: every fold match counts.
		{"cua ", []string{"phrase/", "door/", "scattered/", "fashion/"}},
	} {
		if got := s.urls(t, tt.q, Filters{}); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.q, got, tt.want)
		}
	}
}
