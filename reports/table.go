package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/textaudit/textaudit/audit"
)

// Table writes the per-file table (path, score, why, counts per category) and, with
// Details, a findings table (file:line, rule, severity, message).
func Table(w io.Writer, r *audit.Report, opt Options) error {
	r = Filter(r, opt.MinSeverity)
	files := newTable(w, append([]tw.Align{tw.AlignLeft, tw.AlignRight, tw.AlignLeft}, repeatAlign(tw.AlignRight, len(audit.Categories))...))
	head := []any{"file", "score", "deductions"}
	for _, c := range audit.Categories {
		head = append(head, string(c))
	}
	files.Header(head...)
	for _, f := range r.Files {
		counts := map[audit.Category]int{}
		for _, x := range f.Findings {
			counts[x.Category]++
		}
		row := []string{Printable(f.Path), formatScore(f.Score), Deductions(f.Deductions)}
		for _, c := range audit.Categories {
			row = append(row, countCell(counts[c]))
		}
		if err := files.Append(row); err != nil {
			return err
		}
	}
	if err := files.Render(); err != nil {
		return err
	}
	s := r.Summary
	fmt.Fprintf(w, "%d files, %d findings, mean score %s, lowest %s\n", s.Files, s.Findings, formatScore(s.MeanScore), formatScore(s.MinScore))
	for _, n := range r.Skipped {
		fmt.Fprintf(w, "skipped %s: %s\n", Printable(n.Path), Printable(n.Cause))
	}
	for _, n := range r.Errors {
		fmt.Fprintf(w, "error %s: %s\n", Printable(n.Path), Printable(n.Cause))
	}
	if rows := provenanceRows(r); len(rows) > 0 {
		fmt.Fprintln(w)
		pt := newTable(w, repeatAlign(tw.AlignLeft, 6))
		pt.Header("file", "credited to", "photos", "copied from", "copied to", "shared with")
		for _, p := range rows {
			if err := pt.Append(printableRow(p.path, dash(p.credits), dash(p.photos), dash(p.copiedFrom), dash(p.copiedTo), dash(p.sharedWith))); err != nil {
				return err
			}
		}
		if err := pt.Render(); err != nil {
			return err
		}
	}
	if !opt.Details {
		return nil
	}
	fmt.Fprintln(w)
	// Messages can be long (a copy names its source and every swapped word): wrap them so
	// the table stays readable in a terminal.
	details := newTable(w, repeatAlign(tw.AlignLeft, 4),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithRowMaxWidth(90))
	details.Header("location", "rule", "severity", "message")
	for _, f := range r.Files {
		for _, x := range f.Findings {
			if err := details.Append(printableRow(Location(x), x.Rule, x.Severity.String(), oneLine(x.Message))); err != nil {
				return err
			}
		}
	}
	return details.Render()
}

func newTable(w io.Writer, columns []tw.Align, extra ...tablewriter.Option) *tablewriter.Table {
	opts := []tablewriter.Option{
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{Global: tw.AlignLeft, PerColumn: columns}),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
	}
	return tablewriter.NewTable(w, append(opts, extra...)...)
}

func repeatAlign(a tw.Align, n int) []tw.Align {
	out := make([]tw.Align, n)
	for i := range out {
		out[i] = a
	}
	return out
}

// Location renders path:line or path:line-end_line.
func Location(f audit.Finding) string {
	if f.EndLine > f.Line {
		return fmt.Sprintf("%s:%d-%d", f.Path, f.Line, f.EndLine)
	}
	return fmt.Sprintf("%s:%d", f.Path, f.Line)
}

// Deductions renders "boilerplate −12, duplicate −8" in category order, or "-" for none.
func Deductions(d map[audit.Category]float64) string {
	var parts []string
	for _, c := range audit.Categories {
		if v := d[c]; v > 0 {
			parts = append(parts, fmt.Sprintf("%s −%s", c, strconv.FormatFloat(v, 'f', -1, 64)))
		}
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}

func formatScore(s float64) string { return strconv.FormatFloat(s, 'f', 1, 64) }

func countCell(n int) string {
	if n == 0 {
		return "-"
	}
	return strconv.Itoa(n)
}

// oneLine folds line breaks so a message cannot break a table row or an inline listing.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// printableRow makes every cell of a table row safe for a terminal (see Printable).
func printableRow(cells ...string) []string {
	for i, c := range cells {
		cells[i] = Printable(c)
	}
	return cells
}
