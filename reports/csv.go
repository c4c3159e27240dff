package reports

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/textaudit/textaudit/audit"
)

// CSV writes one row per finding, for spreadsheets.
func CSV(w io.Writer, r *audit.Report, opt Options) error {
	r = Filter(r, opt.MinSeverity)
	cw := csv.NewWriter(w)
	cw.Write([]string{"path", "line", "end_line", "column", "end_column", "rule", "category", "severity", "message", "evidence", "fingerprint"})
	for _, f := range r.Files {
		for _, x := range f.Findings {
			cw.Write([]string{cell(x.Path), strconv.Itoa(x.Line), strconv.Itoa(x.EndLine), strconv.Itoa(x.Column), strconv.Itoa(x.EndColumn),
				x.Rule, string(x.Category), x.Severity.String(), cell(x.Message), cell(x.Evidence.Summary()), x.Fingerprint})
		}
	}
	cw.Flush()
	return cw.Error()
}

// CSVFiles writes one row per file: score, deductions and finding counts per category.
func CSVFiles(w io.Writer, r *audit.Report, opt Options) error {
	r = Filter(r, opt.MinSeverity)
	cw := csv.NewWriter(w)
	head := []string{"path", "score", "findings"}
	for _, c := range audit.Categories {
		head = append(head, string(c)+"_findings", string(c)+"_deduction")
	}
	cw.Write(head)
	for _, f := range r.Files {
		counts := map[audit.Category]int{}
		for _, x := range f.Findings {
			counts[x.Category]++
		}
		row := []string{cell(f.Path), strconv.FormatFloat(f.Score, 'f', 1, 64), strconv.Itoa(len(f.Findings))}
		for _, c := range audit.Categories {
			row = append(row, strconv.Itoa(counts[c]), strconv.FormatFloat(f.Deductions[c], 'f', -1, 64))
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// cell neutralises a text cell a spreadsheet would run as a formula (OWASP's advice for
// CSV injection): audited text and file names can start with "=", "+", "-", "@", a tab or
// a carriage return, and a leading quote makes the spreadsheet show them as text.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
