package search

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// common are frequent words and phrases of the column's articles, most
// frequent first (their draw follows Zipf's law).
var common = strings.Split("của|các|và|là|trong|được|cho|người dân|thủ tục hành chính|với|đã|có|xã|"+
	"cải cách hành chính|thực hiện|năm|chuyển đổi số|một cửa|Ủy ban nhân dân xã|cán bộ|công chức|"+
	"dịch vụ công trực tuyến|triển khai|kế hoạch|nâng cao|chất lượng|hiệu quả|giải quyết|hồ sơ|"+
	"đúng hạn|tiếp nhận|trả kết quả|bộ phận|đất đai|hộ tịch|chứng thực|đăng ký|khai sinh|kết hôn|"+
	"quy định|pháp luật|tuyên truyền|phổ biến|doanh nghiệp|hài lòng|chỉ số|đánh giá|kiểm tra|"+
	"giám sát|kỷ luật|kỷ cương|nhà nước|chính quyền số|chữ ký số|thanh toán|trực tuyến|"+
	"Cổng Dịch vụ công quốc gia|căn cước|định danh điện tử|hòa giải|hoà giải|thủy lợi|thuỷ lợi|"+
	"quý|quí|lý do|lí do|kỹ thuật|theo|tại|về|những|này|để|từ|đến|không|cũng|tổ chức|"+
	"Đảng ủy|Hội đồng nhân dân|Mặt trận Tổ quốc|thôn|tổ dân phố|ngày|tháng|quý I|"+
	"góp phần|giảm thời gian|đi lại|tiếp công dân|khiếu nại|tố cáo|bảo hiểm y tế|an sinh xã hội|"+
	"không dùng tiền mặt|cơ chế|liên thông|đổi mới|phương thức|lề lối|làm việc|trách nhiệm|"+
	"người đứng đầu|văn bản|chỉ đạo|điều hành|Nghị định|Quyết định|Thông tư|hướng dẫn|"+
	"sáng kiến|mô hình|điển hình|tiên tiến|PAR INDEX|PAPI|PCI|SIPAS|mức độ|tỷ lệ|tỉ lệ|"+
	"ma|má|mà|mạ|mả|mã|số hóa|kết quả|thủ tục|hành chính|hộ kinh doanh|xây dựng|nông nghiệp", "|")

// syllable makes a Vietnamese-looking syllable: the long tail of names,
// places and rare words.
func syllable(r *rand.Rand) string {
	onsets := strings.Split(",b,c,ch,d,đ,g,gi,h,k,kh,l,m,n,ng,nh,ph,qu,r,s,t,th,tr,v,x", ",")
	rhymes := strings.Split("a,ai,am,an,ang,anh,ao,au,ay,ăm,ăn,ăng,âm,ân,âng,âu,ây,e,em,en,eo,ê,ên,ênh,êu,"+
		"i,ia,im,in,inh,iu,iêm,iên,iêu,o,oa,oai,oan,oanh,oe,oi,om,on,ong,ô,ôi,ôm,ôn,ông,ơ,ơi,ơn,"+
		"u,ua,ui,um,un,ung,uy,uyên,uân,ư,ưa,ưng,ươi,ương,ưu", ",")
	tones := []string{"", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"}
	rhyme := rhymes[r.IntN(len(rhymes))]
	// The tone goes on the first vowel with a mark of its own, else the
	// first vowel: good enough for a test corpus.
	at := strings.IndexAny(rhyme, "ăâêôơư")
	if at < 0 {
		at = 0
	}
	_, size := firstRune(rhyme[at:])
	s := onsets[r.IntN(len(onsets))] + rhyme[:at+size] + tones[r.IntN(len(tones))] + rhyme[at+size:]
	return norm.NFC.String(s)
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// zipf draws 0..n-1 with weight 1/(i+1).
type zipf struct{ cum []float64 }

func newZipf(n int) *zipf {
	z := &zipf{cum: make([]float64, n)}
	total := 0.0
	for i := range n {
		total += 1 / float64(i+1)
		z.cum[i] = total
	}
	for i := range z.cum {
		z.cum[i] /= total
	}
	return z
}

func (z *zipf) draw(r *rand.Rand) int {
	x := r.Float64()
	lo, hi := 0, len(z.cum)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if z.cum[mid] < x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// corpus is a deterministic synthetic site of n documents with bodies of
// 400–800 words.
func corpus(n int) Input {
	r := rand.New(rand.NewPCG(2026, uint64(n)))
	rare := make([]string, 6000)
	for i := range rare {
		rare[i] = syllable(r)
	}
	zc, zr := newZipf(len(common)), newZipf(len(rare))
	word := func() string {
		switch x := r.IntN(100); {
		case x < 80:
			return common[zc.draw(r)]
		case x < 96:
			return rare[zr.draw(r)]
		default:
			return fmt.Sprint(r.IntN(2030))
		}
	}
	words := func(k int) string {
		var b strings.Builder
		for i := range k {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(word())
			if r.IntN(12) == 0 {
				b.WriteString(".")
			} else if r.IntN(10) == 0 {
				b.WriteString(",")
			}
		}
		return b.String()
	}
	in := Input{
		Sections: []Named{{"bai-viet", "Tin bài"}, {"van-ban", "Văn bản chỉ đạo, điều hành"}, {"hoi-dap", "Hỏi đáp"}},
		Topics: []Named{{"mot-cua", "Một cửa, một cửa liên thông"}, {"chuyen-doi-so", "Chuyển đổi số"},
			{"dich-vu-cong", "Dịch vụ công trực tuyến"}, {"cai-cach-thu-tuc", "Cải cách thủ tục hành chính"},
			{"sipas", "SIPAS"}, {"par-index", "PAR INDEX"}},
	}
	for i := range n {
		d := Doc{
			URL:     fmt.Sprintf("bai-viet/bai-%05d/", i),
			Title:   words(6 + r.IntN(8)),
			Date:    fmt.Sprintf("%02d/%02d/%d", 1+r.IntN(28), 1+r.IntN(12), 2026-i*5/max(n, 1)),
			Section: r.IntN(len(in.Sections)),
			Summary: words(20 + r.IntN(20)),
			Text:    words(400 + r.IntN(401)),
		}
		for t := range in.Topics {
			if r.IntN(4) == 0 {
				d.Topics = append(d.Topics, t)
			}
		}
		if d.Section == 1 {
			d.Meta = []string{fmt.Sprintf("%d/KH-UBND", 1+r.IntN(400)), "Kế hoạch", "UBND xã Diễn Châu"}
		}
		in.Docs = append(in.Docs, d)
	}
	return in
}
