package pagefields_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cchc-vn/cchc/internal/config"
	"github.com/cchc-vn/cchc/internal/content"
	"github.com/cchc-vn/cchc/internal/load"
	"github.com/cchc-vn/cchc/internal/load/loadtest"
	"github.com/cchc-vn/cchc/internal/pagefields"
)

// kindCase is one page of a kind's section and what loading it gives.
type kindCase struct {
	name  string
	front string
	body  string // default "Nội dung.\n"
	check func(t *testing.T, p *content.Page)
	want  []string
}

func runKindCases(t *testing.T, section string, cases []kindCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			body := tc.body
			if body == "" {
				body = "Nội dung.\n"
			}
			rel := section + "/a.md"
			p, msgs := loadOne(t, rel, map[string]string{"content/" + rel: "---\n" + tc.front + "---\n" + body})
			if !slices.Equal(msgs, tc.want) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(tc.want, "\n"))
			}
			if p == nil {
				t.Fatal("page not loaded")
			}
			if tc.check != nil {
				tc.check(t, p)
			}
		})
	}
}

const qaOK = `cau_hoi: "Làm căn cước cho con dưới 14 tuổi ở đâu?"
nguoi_hoi: "Chị Nguyễn Thị H., xóm 3"
ngay_hoi: 03/11/2026
co_quan_tra_loi: "Công an xã Diễn Châu"
ngay_tra_loi: 10/11/2026
`

func TestQuestionFields(t *testing.T) {
	long := strings.Repeat("Xin hỏi thủ tục ", 20) + "?"
	runKindCases(t, content.SectionQA, []kindCase{
		{
			name:  "defaults: title is the question, date the answer's",
			front: qaOK + "linh_vuc: Căn cước\n",
			check: func(t *testing.T, p *content.Page) {
				q := p.QA
				if q.Question != "Làm căn cước cho con dưới 14 tuổi ở đâu?" || q.Asker != "Chị Nguyễn Thị H., xóm 3" || q.Answerer != "Công an xã Diễn Châu" ||
					q.Field != "Căn cước" || !q.Asked.Equal(day(2026, 11, 3, 0, 0)) || !q.Answered.Equal(day(2026, 11, 10, 0, 0)) {
					t.Errorf("QA = %+v", q)
				}
				if p.Title != q.Question || !p.Date.Equal(q.Answered) || p.Doc != nil || p.Proc != nil || p.Event != nil {
					t.Errorf("title %q date %v", p.Title, p.Date)
				}
			},
		},
		{
			name:  "a long question is cut for the title only",
			front: strings.Replace(qaOK, `"Làm căn cước cho con dưới 14 tuổi ở đâu?"`, `"`+long+`"`, 1),
			check: func(t *testing.T, p *content.Page) {
				if p.QA.Question != long || !strings.HasSuffix(p.Title, "…") || len([]rune(p.Title)) > pagefields.MaxQuestionTitle+1 {
					t.Errorf("question %q title %q", p.QA.Question, p.Title)
				}
			},
		},
		{
			name:  "answer before the question",
			front: strings.Replace(qaOK, "ngay_tra_loi: 10/11/2026", "ngay_tra_loi: 01/11/2026", 1),
			want: []string{
				"content/hoi-dap/a.md:6:15: lỗi: `ngay_tra_loi` (ngày trả lời) 01/11/2026 trước `ngay_hoi` (ngày hỏi) 03/11/2026 — ngày trả lời phải từ ngày hỏi trở đi; kiểm tra lại hai ngày",
			},
		},
		{
			name:  "no answer",
			front: qaOK,
			body:  "\n  \n",
			want: []string{
				"content/hoi-dap/a.md:8: lỗi: câu hỏi chưa có nội dung trả lời: phần nội dung của trang hỏi đáp là câu trả lời — viết câu trả lời ngay dưới dòng `---` cuối phần khai báo",
			},
		},
		{
			name:  "missing keys, a bad date, a misspelt key",
			front: "ngay_hoi: 31/11/2026\nnguoi_hoii: x\n",
			want: []string{
				"content/hoi-dap/a.md:3:1: cảnh báo: khóa `nguoi_hoii` không được hỗ trợ, sẽ bị bỏ qua — có phải ý bạn là `nguoi_hoi`?",
				"content/hoi-dap/a.md:1: lỗi: thiếu `cau_hoi` (câu hỏi) trong phần khai báo đầu bài — thêm dòng `cau_hoi: \"Làm căn cước cho con dưới 14 tuổi ở đâu?\"`",
				"content/hoi-dap/a.md:1: lỗi: thiếu `nguoi_hoi` (người hỏi) trong phần khai báo đầu bài — thêm dòng `nguoi_hoi: \"Chị Nguyễn Thị H., xóm 3\"`",
				"content/hoi-dap/a.md:2:11: lỗi: `ngay_hoi` (ngày hỏi): ngày \"31/11/2026\" không có thật: tháng 11 năm 2026 chỉ có 30 ngày — sửa lại ngày, ví dụ 30/11/2026",
				"content/hoi-dap/a.md:1: lỗi: thiếu `co_quan_tra_loi` (cơ quan trả lời) trong phần khai báo đầu bài — thêm dòng `co_quan_tra_loi: \"Công an xã Diễn Châu\"`",
				"content/hoi-dap/a.md:1: lỗi: thiếu `ngay_tra_loi` (ngày trả lời) trong phần khai báo đầu bài — thêm dòng `ngay_tra_loi: 10/11/2026`",
			},
		},
		{
			name:  "an answer dated after now waits like an article",
			front: strings.Replace(qaOK, "ngay_tra_loi: 10/11/2026", "ngay_tra_loi: 01/12/2026", 1),
			want: []string{
				"content/hoi-dap/a.md:6: ghi chú: bài hẹn ngày đăng: sẽ đăng từ ngày 01/12/2026, lần dựng này chưa đưa lên trang — bài tự lên trang ở lần dựng đầu tiên sau thời điểm đó (nên đặt lịch dựng lại hằng ngày); muốn đăng ngay thì sửa `ngay_tra_loi`",
			},
			check: func(t *testing.T, p *content.Page) {
				if !p.Future(time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)) || p.URL != "" {
					t.Errorf("page published: %q", p.URL)
				}
			},
		},
	})
}

const procOK = `title: "Đăng ký khai sinh"
linh_vuc: "Hộ tịch"
muc_do: "Toàn trình"
thoi_han: "Ngay trong ngày"
le_phi: "Miễn lệ phí"
ho_so: ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"]
noi_tiep_nhan: "Trung tâm Phục vụ hành chính công xã"
`

func TestProcedureFields(t *testing.T) {
	runKindCases(t, content.SectionProcedures, []kindCase{
		{
			name:  "every field; no date needed",
			front: procOK + "ma_thu_tuc: \"1.001193\"\nlink_dvc: \"https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?keyword=1.001193\"\n",
			check: func(t *testing.T, p *content.Page) {
				want := content.Procedure{Code: "1.001193", Field: "Hộ tịch", Level: content.LevelFull, Duration: "Ngay trong ngày", Fee: "Miễn lệ phí",
					Papers: []string{"Tờ khai đăng ký khai sinh", "Giấy chứng sinh"}, Place: "Trung tâm Phục vụ hành chính công xã",
					OnlineURL: "https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?keyword=1.001193"}
				pr := *p.Proc
				if pr.Code != want.Code || pr.Field != want.Field || pr.Level != want.Level || pr.Duration != want.Duration || pr.Fee != want.Fee ||
					!slices.Equal(pr.Papers, want.Papers) || pr.Place != want.Place || pr.OnlineURL != want.OnlineURL {
					t.Errorf("Proc = %+v\nwant  %+v", pr, want)
				}
				if !p.Date.IsZero() || p.URL != "thu-tuc/a/" {
					t.Errorf("date %v url %q", p.Date, p.URL)
				}
			},
		},
		{
			name:  "level matched loosely and stored canonical",
			front: strings.Replace(procOK, `"Toàn trình"`, `"mot phan"`, 1) + "link_dvc: https://dichvucong.gov.vn/x\n",
			check: func(t *testing.T, p *content.Page) {
				if p.Proc.Level != content.LevelPartial {
					t.Errorf("level %q", p.Proc.Level)
				}
			},
		},
		{
			name:  "wrong level with suggestion",
			front: strings.Replace(procOK, `"Toàn trình"`, `"Toàn trìnhh"`, 1),
			want: []string{
				"content/thu-tuc/a.md:4:9: lỗi: `muc_do` (mức độ trực tuyến) \"Toàn trìnhh\" không hợp lệ: chỉ nhận Toàn trình, Một phần, Trực tiếp — có phải ý bạn là \"Toàn trình\"?",
			},
		},
		{
			name:  "online procedure without its link",
			front: procOK,
			want: []string{
				"content/thu-tuc/a.md:4: cảnh báo: thủ tục trực tuyến toàn trình chưa có `link_dvc` (trang thủ tục trên Cổng Dịch vụ công) — thêm dòng `link_dvc: \"https://dichvucong.gov.vn/…\"` để người dân nộp hồ sơ trực tuyến",
			},
		},
		{
			name:  "link not https, link elsewhere, bad code",
			front: strings.Replace(procOK, `"Toàn trình"`, "Trực tiếp", 1) + "ma_thu_tuc: 1.0011\nlink_dvc: http://dichvucong.gov.vn/x\n",
			want: []string{
				"content/thu-tuc/a.md:9:13: lỗi: `ma_thu_tuc` (mã thủ tục) \"1.0011\" không đúng dạng — mã thủ tục trên Cổng Dịch vụ công quốc gia có dạng `1.001193`; viết trong ngoặc kép, hoặc xóa dòng nếu chưa rõ",
				"content/thu-tuc/a.md:10:11: lỗi: `link_dvc` (trang thủ tục trên Cổng Dịch vụ công) phải bắt đầu bằng https:// — Cổng Dịch vụ công chỉ dùng https: viết \"https://dichvucong.gov.vn/x\"",
			},
		},
		{
			name:  "link on another site",
			front: procOK + "link_dvc: https://dvc.example.vn/khai-sinh\n",
			want: []string{
				"content/thu-tuc/a.md:9:11: cảnh báo: `link_dvc` trỏ tới dvc.example.vn, không phải Cổng Dịch vụ công quốc gia — dán đường dẫn của thủ tục trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)",
			},
		},
		{
			name:  "title and the procedure's keys are required",
			front: "ho_so: []\nlink_dvc: \"\"\n",
			want: []string{
				"content/thu-tuc/a.md:1: lỗi: thiếu `title` (tiêu đề) trong phần khai báo đầu bài — thêm dòng `title: \"Tiêu đề bài viết\"`",
				"content/thu-tuc/a.md:1: lỗi: thiếu `linh_vuc` (lĩnh vực) trong phần khai báo đầu bài — thêm dòng `linh_vuc: \"Hộ tịch\"`",
				"content/thu-tuc/a.md:1: lỗi: thiếu `muc_do` (mức độ trực tuyến) trong phần khai báo đầu bài — thêm dòng `muc_do: \"Toàn trình\"`",
				"content/thu-tuc/a.md:1: lỗi: thiếu `thoi_han` (thời hạn giải quyết) trong phần khai báo đầu bài — thêm dòng `thoi_han: \"Ngay trong ngày làm việc\"`",
				"content/thu-tuc/a.md:1: lỗi: thiếu `le_phi` (phí, lệ phí) trong phần khai báo đầu bài — thêm dòng `le_phi: \"Không thu lệ phí\"`",
				"content/thu-tuc/a.md:2:1: lỗi: `ho_so` (thành phần hồ sơ) cần ít nhất một giấy tờ — ví dụ: `ho_so: [\"Tờ khai theo mẫu\", \"Giấy chứng sinh\"]`",
				"content/thu-tuc/a.md:1: lỗi: thiếu `noi_tiep_nhan` (nơi tiếp nhận) trong phần khai báo đầu bài — thêm dòng `noi_tiep_nhan: \"Trung tâm Phục vụ hành chính công xã\"`",
			},
		},
	})
}

const eventOK = `title: "Hội nghị tổng kết cải cách hành chính năm 2026"
thoi_gian: 18/12/2026 08:00
dia_diem: "Hội trường UBND xã"
don_vi: "Phòng Văn hóa – Xã hội"
`

func TestEventFields(t *testing.T) {
	now := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	runKindCases(t, content.SectionEvents, []kindCase{
		{
			name:  "an upcoming event without date is published, dated by its start",
			front: eventOK + "ket_thuc: \"11:30\"\n",
			check: func(t *testing.T, p *content.Page) {
				e := p.Event
				if !e.Start.Equal(day(2026, 12, 18, 8, 0)) || !e.End.Equal(day(2026, 12, 18, 11, 30)) || e.Place != "Hội trường UBND xã" || e.Unit != "Phòng Văn hóa – Xã hội" {
					t.Errorf("event = %+v", e)
				}
				if !p.Date.Equal(e.Start) || p.Future(now) || p.URL != "su-kien/a/" || !e.Upcoming(now) {
					t.Errorf("date %v future %v url %q", p.Date, p.Future(now), p.URL)
				}
			},
		},
		{
			name:  "an announcement with its own date waits for it",
			front: eventOK + "date: 01/12/2026\n",
			want: []string{
				"content/su-kien/a.md:6: ghi chú: bài hẹn ngày đăng: sẽ đăng từ ngày 01/12/2026, lần dựng này chưa đưa lên trang — bài tự lên trang ở lần dựng đầu tiên sau thời điểm đó (nên đặt lịch dựng lại hằng ngày); muốn đăng ngay thì sửa `date`",
			},
			check: func(t *testing.T, p *content.Page) {
				if !p.Future(now) || p.URL != "" || p.Event.Unit != "Phòng Văn hóa – Xã hội" {
					t.Errorf("future %v url %q unit %q", p.Future(now), p.URL, p.Event.Unit)
				}
			},
		},
		{
			name:  "an end day without time may be the start day",
			front: eventOK + "ket_thuc: 18/12/2026\n",
		},
		{
			name:  "end before start",
			front: eventOK + "ket_thuc: 17/12/2026 17:00\n",
			want: []string{
				"content/su-kien/a.md:6:11: lỗi: `ket_thuc` (thời gian kết thúc) 17:00, 17/12/2026 trước `thoi_gian` (thời gian bắt đầu) 08:00, 18/12/2026 — thời gian kết thúc phải sau thời gian bắt đầu; kiểm tra lại ngày giờ",
			},
		},
		{
			name:  "end time before the start time, end day before the start day",
			front: eventOK + "ket_thuc: \"07:30\"\n",
			want: []string{
				"content/su-kien/a.md:6:11: lỗi: `ket_thuc` (thời gian kết thúc) 07:30, 18/12/2026 trước `thoi_gian` (thời gian bắt đầu) 08:00, 18/12/2026 — thời gian kết thúc phải sau thời gian bắt đầu; kiểm tra lại ngày giờ",
			},
		},
		{
			name:  "missing start and place, bad end",
			front: "title: Hội nghị\nket_thuc: 25:00\n",
			want: []string{
				"content/su-kien/a.md:1: lỗi: thiếu `thoi_gian` (thời gian bắt đầu) trong phần khai báo đầu bài — thêm dòng `thoi_gian: 15/12/2026 08:00`",
				"content/su-kien/a.md:3:11: lỗi: `ket_thuc` (thời gian kết thúc): không đọc được ngày \"25:00\" — viết ngày theo dạng 16/01/2026 hoặc 2026-01-16, có thể thêm giờ 08:30",
				"content/su-kien/a.md:1: lỗi: thiếu `dia_diem` (địa điểm) trong phần khai báo đầu bài — thêm dòng `dia_diem: \"Hội trường UBND xã\"`",
				// No organisation in site.yaml to default to.
				"content/su-kien/a.md:1: lỗi: thiếu `don_vi` (đơn vị tổ chức) trong phần khai báo đầu bài — thêm dòng `don_vi: \"Phòng Văn hóa – Xã hội\"`",
			},
		},
	})
}

func TestEventUnitDefaultsToOrganization(t *testing.T) {
	front := strings.Replace(eventOK, "don_vi: \"Phòng Văn hóa – Xã hội\"\n", "", 1)
	site, msgs := loadMapCfg(t, map[string]string{"content/su-kien/a.md": "---\n" + front + "---\n"}, "organization: UBND xã Diễn Châu\n")
	if len(msgs) != 0 {
		t.Fatalf("diagnostics: %q", msgs)
	}
	if u := site.ByPath["su-kien/a.md"].Event.Unit; u != "UBND xã Diễn Châu" {
		t.Errorf("unit = %q", u)
	}
}

func TestKindKeysOutsideTheirSection(t *testing.T) {
	_, msgs := loadtest.Map(t, map[string]string{
		"content/bai-viet/a.md": "---\ntitle: A\ndate: 2026-01-16\ntopics: [SIPAS]\nso_ky_hieu: \"35/KH-UBND\"\n---\n",
		"content/hoi-dap/b.md":  "---\n" + qaOK + "muc_do: Toàn trình\n---\nTrả lời.\n",
	}, nil, load.Options{})
	want := []string{
		"content/bai-viet/a.md:5:1: cảnh báo: khóa `so_ky_hieu` không được hỗ trợ, sẽ bị bỏ qua — xóa dòng này nếu không dùng",
		"content/hoi-dap/b.md:7:1: cảnh báo: khóa `muc_do` không được hỗ trợ, sẽ bị bỏ qua — xóa dòng này nếu không dùng",
	}
	if !slices.Equal(msgs, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
}

func TestTOMLKindPage(t *testing.T) {
	p, msgs := loadOne(t, "van-ban/a/index.md", map[string]string{
		"content/van-ban/a/index.md": "+++\nso_ky_hieu = \"05/QĐ-UBND\"\nco_quan = \"UBND xã Diễn Châu\"\nngay_ban_hanh = 2026-02-03\ntrich_yeu = \"x\"\n" +
			"dinh_kem = [{tep = \"qd.pdf\", ten = \"Toàn văn\"}, \"khong-co.pdf\"]\n+++\n",
		"content/van-ban/a/qd.pdf": "x",
	})
	want := []string{"content/van-ban/a/index.md:6: lỗi: không tìm thấy tệp đính kèm van-ban/a/khong-co.pdf — đặt tệp khong-co.pdf vào thư mục content/van-ban/a/, hoặc sửa tên tệp trong `dinh_kem`"}
	if !slices.Equal(msgs, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
	if p.Doc.Type != "Quyết định" || len(p.Doc.Attachments) != 1 || p.Doc.Attachments[0].Name != "Toàn văn" {
		t.Errorf("doc = %+v", p.Doc)
	}
}

// loadMapCfg loads files with a site.yaml.
func loadMapCfg(t *testing.T, files map[string]string, siteYAML string) (*content.Site, []string) {
	t.Helper()
	cfg, ds := config.Parse("site.yaml", []byte(siteYAML))
	if len(ds) != 0 {
		t.Fatalf("site.yaml: %v", ds)
	}
	return loadtest.Map(t, files, cfg, load.Options{})
}
