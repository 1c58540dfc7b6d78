package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/cchc-vn/cchc/internal/report"
	"github.com/cchc-vn/cchc/internal/reportfile"
)

func runReport(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("report", "cchc report [-s SITE] [--year 2026 | --quarter 2026-Q1 | --from 01/01/2026 --to 30/06/2026] [-o TỆP.xlsx|TỆP.csv]", stdout, stderr)
	site := fl.String("s", ".", "thư mục `SITE` (chứa content/)")
	year := fl.String("year", "", "báo cáo cả năm `NĂM`, ví dụ 2026 (mặc định: năm nay)")
	quarter := fl.String("quarter", "", "báo cáo một `QUÝ`, ví dụ 2026-Q1")
	from := fl.String("from", "", "`NGÀY` đầu kỳ báo cáo, ví dụ 01/01/2026")
	to := fl.String("to", "", "`NGÀY` cuối kỳ báo cáo, ví dụ 30/06/2026 (mặc định: hôm nay)")
	out := fl.String("o", "", "ghi báo cáo vào `TỆP` .xlsx (bảng tính Excel) hoặc .csv")
	comma := fl.Bool("csv-comma", false, "tệp .csv phân cách bằng dấu phẩy và số thập phân dấu chấm (Windows đặt vùng tiếng Anh), thay cho dấu chấm phẩy")
	stamp := fl.Bool("timestamp", false, "ghi thời điểm lập báo cáo vào tệp (khi đó hai lần chạy cho hai tệp khác nhau)")
	if code, ok := fl.parse(args); !ok {
		return code
	}
	now := time.Now()
	period, err := report.PeriodOf(*year, *quarter, *from, *to, now)
	if err != nil {
		fmt.Fprintf(stderr, "cchc report: %v\n", err)
		return exitUsage
	}
	var format reportfile.Format
	if *out != "" {
		if format, err = reportfile.CheckOutput(*out); err != nil {
			fmt.Fprintf(stderr, "cchc report: -o: %v\n", err)
			return exitUsage
		}
	}
	root, ok := siteRoot("report", *site, stderr)
	if !ok {
		return exitUsage
	}
	cfg, s, ds := report.Load(os.DirFS(root), now)
	printDiagnostics(stderr, ds)
	if ds.HasErrors() {
		errs, warns := ds.Count()
		fmt.Fprintf(stderr, "Không lập được báo cáo: %d lỗi, %d cảnh báo — sửa các lỗi trên (như khi dựng trang) rồi chạy lại.\n", errs, warns)
		return exitError
	}
	r, rds := report.Compute(cfg, s, period, now)
	printDiagnostics(stderr, rds)
	if err := report.WriteText(stdout, r); err != nil {
		fmt.Fprintf(stderr, "cchc report: %v\n", err)
		return exitError
	}
	if *out == "" {
		return exitOK
	}
	var made time.Time
	if *stamp {
		made = now
	}
	err = reportfile.Save(*out, func(w io.Writer) error {
		if format == reportfile.CSV {
			return reportfile.WriteCSV(w, r, reportfile.CSVOptions{Comma: *comma, Made: made})
		}
		return reportfile.WriteXLSX(w, r, made)
	})
	if err != nil {
		fmt.Fprintf(stderr, "cchc report: %v\n", err)
		return exitError
	}
	fmt.Fprintf(stdout, "\nĐã ghi báo cáo vào %s.\n", *out)
	return exitOK
}
