package content

import (
	"slices"
	"strings"
	"time"

	"github.com/cchc-vn/cchc/internal/admindoc"
)

// The plan's content kinds live in their own section folders and carry
// typed front matter besides (or instead of) an article's fields. A page
// of such a section has exactly one of Page.Doc, Page.QA, Page.Proc or
// Page.Event set; articles and stand-alone pages have none.
//
// Front matter keys (internal/pagefields decodes them; `topics` is optional
// for the kinds):
//
//	van-ban  so_ky_hieu, loai, co_quan, cap, ngay_ban_hanh, ngay_hieu_luc,
//	         trich_yeu, dinh_kem, lien_ket
//	hoi-dap  cau_hoi, nguoi_hoi, ngay_hoi, co_quan_tra_loi, ngay_tra_loi, linh_vuc
//	thu-tuc  ma_thu_tuc, linh_vuc, muc_do, thoi_han, le_phi, ho_so,
//	         noi_tiep_nhan, link_dvc
//	su-kien  thoi_gian, ket_thuc, dia_diem, don_vi
//
// Defaults: a document's title is "<loai> số <so_ky_hieu>" and its date
// ngay_ban_hanh; a question's title is cau_hoi and its date ngay_tra_loi;
// a procedure has no date; an event's date is thoi_gian, and without its
// own `date` an event's page is never "future" (Page.Future), so an
// upcoming event is published at once.
//
// Order of Section.Pages in these sections (kindindex.go, sortSection):
// van-ban by ngay_ban_hanh, newest first; hoi-dap by ngay_tra_loi, newest
// first; thu-tuc by linh_vuc then title, in Vietnamese alphabetical order;
// su-kien upcoming events (thoi_gian at or after now) soonest first, then
// past events most recent first. Site.Pages keeps date order for the
// feeds and search.

// Section folders of the content kinds. Every package that names a
// section (scaffold, wordimport, the commands) names it by these.
const (
	SectionDocuments  = "van-ban" // Văn bản chỉ đạo, điều hành
	SectionQA         = "hoi-dap" // Dân hỏi – Cơ quan chức năng trả lời
	SectionProcedures = "thu-tuc" // Thủ tục hành chính
	SectionEvents     = "su-kien" // Hội nghị, hội thảo, sự kiện
)

// SectionArticles is the folder of the news articles (Tin bài), where a
// new page goes unless told otherwise.
const SectionArticles = "bai-viet"

// KindSections are the sections of the content kinds, in the order the
// home page shows them.
func KindSections() []string {
	return []string{SectionDocuments, SectionQA, SectionProcedures, SectionEvents}
}

// IsKindSection reports whether the section folder holds one of the
// content kinds, whose pages have their own keys and need no topic.
func IsKindSection(section string) bool { return slices.Contains(KindSections(), section) }

// LeafletPath is the folder, below a procedure's URL, of its printable
// leaflet (thu-tuc/dang-ky-khai-sinh/in/), and below the procedures'
// section, of the booklet of all of them (thu-tuc/in/): no procedure may
// take it as its slug.
const LeafletPath = "in/"

// Document is a direction or administration document (văn bản), shown as
// Nghị định 42/2022/NĐ-CP asks: form, issuer, number and symbol, dates,
// summary and the file to download.
type Document struct {
	Number      string    // so_ky_hieu, as written: "35/KH-UBND", "05/QĐ-UBND"
	Type        string    // loai: "Kế hoạch", "Quyết định", "Công văn"…
	Issuer      string    // co_quan: "UBND xã Diễn Châu"
	Level       string    // cap: "Trung ương", "Tỉnh" or "Xã"
	Issued      time.Time // ngay_ban_hanh
	Effective   time.Time // ngay_hieu_luc; zero when not given
	Abstract    string    // trich_yeu
	Attachments []Attachment

	// IssuedMonthOnly is "tháng 01/2026" when ngay_ban_hanh gives only a
	// month, as a copy does before it is dated ("ngày  tháng 01 năm
	// 2026"); Issued is then the first of that month, and a page shows
	// this text in place of a day. Empty when the day is known.
	IssuedMonthOnly string
	// Link is lien_ket: the full text on an official site (for documents
	// of the Government or the province the column does not host).
	Link string
}

// Numbered reports whether the document has its number; a copy printed
// before the clerk numbers it has only the symbol ("/KH-UBND").
func (d *Document) Numbered() bool { return d.Number != "" && !strings.HasPrefix(d.Number, "/") }

// Attachment is a file of a document's bundle offered for download.
type Attachment struct {
	Name   string // what the link says: the editor's label, else the file name
	URL    string // output path below the base path, like File.URL
	Source string // relative to the site root, for diagnostics
	Format string // upper-case extension without the dot: "PDF", "DOCX"
	Size   int64  // bytes
}

// Question is one entry of "Dân hỏi – Cơ quan chức năng trả lời"; the
// page's Markdown body is the answer.
type Question struct {
	Question string    // cau_hoi
	Asker    string    // nguoi_hoi, as the asker agreed to be named, with locality
	Asked    time.Time // ngay_hoi
	Answerer string    // co_quan_tra_loi
	Answered time.Time // ngay_tra_loi
	Field    string    // linh_vuc
}

// Procedure levels (muc_do) of an administrative procedure online.
const (
	LevelFull     = admindoc.OnlineFull    // fully online
	LevelPartial  = admindoc.OnlinePartial // partly online
	LevelInPerson = admindoc.InPerson      // at the counter only
)

// DocTypes lists the forms of document (loai) known by name (admindoc),
// for an editor's suggestions.
func DocTypes() []string { return admindoc.Types() }

// DocLevels lists the values of cap (cấp ban hành).
func DocLevels() []string { return admindoc.Levels().Values }

// Procedure is an administrative procedure (thủ tục hành chính) as a
// citizen needs it: what to bring, how long, how much, where, and online.
type Procedure struct {
	Code      string   // ma_thu_tuc: the national code, "1.001757"
	Field     string   // linh_vuc: "Hộ tịch", "Đất đai"…
	Level     string   // muc_do: one of LevelFull, LevelPartial, LevelInPerson
	Duration  string   // thoi_han: "05 ngày làm việc"
	Fee       string   // le_phi: "Không thu phí" or an amount, as written
	Papers    []string // ho_so: the papers to bring
	Place     string   // noi_tiep_nhan
	OnlineURL string   // link_dvc: the procedure on the national portal
}

// Event is a conference, seminar or other dated gathering (sự kiện).
type Event struct {
	Start time.Time // thoi_gian
	End   time.Time // ket_thuc; zero when not given
	Place string    // dia_diem
	Unit  string    // don_vi: the organising unit
}
