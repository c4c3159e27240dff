package reports

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/textaudit/textaudit/audit"
)

// Table writes the per-file table (worst files first: score, path, deductions, counts
// per category), the provenance table when asked for or when it fits, with Details a
// findings table, then notices and, last, the summary line. Tables fit Options.Width.
func Table(w io.Writer, r *audit.Report, opt Options) error {
	shown := Filter(r, opt.MinSeverity)
	files := WorstFirst(shown.Files)
	if err := fileGrid(files, opt).render(w, opt.Width, opt.Color); err != nil {
		return err
	}
	if rows := provenanceRows(&audit.Report{Files: files}, true); len(rows) > 0 {
		pg := provenanceGrid(rows, opt.Width)
		if opt.Details || opt.Provenance || pg.fitsNaturally(opt.Width) {
			fmt.Fprintln(w)
			if err := pg.render(w, opt.Width, opt.Color); err != nil {
				return err
			}
		}
	}
	if opt.Details {
		if err := writeDetails(w, files, opt); err != nil {
			return err
		}
	}
	if len(r.Skipped)+len(r.Errors) > 0 {
		fmt.Fprintln(w)
	}
	for _, n := range r.Skipped {
		fmt.Fprintf(w, "skipped %s: %s\n", Printable(n.Path), Printable(n.Cause))
	}
	for _, n := range r.Errors {
		fmt.Fprintf(w, "error %s: %s\n", Printable(n.Path), Printable(n.Cause))
	}
	fmt.Fprintln(w)
	summary := SummaryLine(r, opt.MinSeverity)
	if opt.Width > 0 {
		summary = strings.Join(wrapText(keepUnits(summary), opt.Width), "\n")
	}
	_, err := fmt.Fprintln(w, summary)
	return err
}

// WorstFirst orders files by score, lowest first, then by number of findings, most first,
// then by path; the report's own order (by path) is left alone.
func WorstFirst(files []audit.FileReport) []audit.FileReport {
	out := append([]audit.FileReport(nil), files...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Score != b.Score {
			return a.Score < b.Score
		}
		if len(a.Findings) != len(b.Findings) {
			return len(a.Findings) > len(b.Findings)
		}
		return a.Path < b.Path
	})
	return out
}

// fileGrid offers the per-file table in three layouts: every category's count, then one
// total, then path and score alone.
func fileGrid(files []audit.FileReport, opt Options) *grid {
	path := gridColumn{head: "file", fit: cutLeft, min: 24}
	score := gridColumn{head: "score", right: true}
	ded := gridColumn{head: "deductions", fit: wrap, min: 16}
	full := &grid{cols: []gridColumn{score, path, ded}}
	for _, c := range audit.Categories {
		full.cols = append(full.cols, gridColumn{head: categoryHead[c], right: true})
	}
	medium := &grid{cols: []gridColumn{score, path, {head: "findings", right: true}, ded}}
	narrow := &grid{cols: []gridColumn{score, path, {head: "findings", right: true}}}
	for _, f := range files {
		counts := map[audit.Category]int{}
		for _, x := range f.Findings {
			counts[x.Category]++
		}
		sc := gridCell{text: formatScore(f.Score), color: scoreColor(f.Score)}
		p := gridCell{text: f.Path}
		d := gridCell{text: strings.ReplaceAll(Deductions(f.Deductions), " −", nbsp+"−")}
		n := gridCell{text: countCell(len(f.Findings))}
		row := []gridCell{sc, p, d}
		for _, c := range audit.Categories {
			row = append(row, gridCell{text: countCell(counts[c])})
		}
		full.add(row...)
		medium.add(sc, p, n, d)
		narrow.add(sc, p, n)
	}
	return fitLayout(opt.Width, full, medium, narrow)
}

// categoryHead abbreviates category names in the table's header.
var categoryHead = map[audit.Category]string{
	audit.Boilerplate: "boilerplate", audit.Spin: "spin", audit.Language: "lang",
	audit.Date: "date", audit.Duplicate: "dup", audit.Provenance: "prov",
}

// provenanceGrid is the provenance table, or for narrow widths one wrapped cell per file.
func provenanceGrid(rows []provenanceRow, width int) *grid {
	path := gridColumn{head: "file", fit: cutLeft, min: 20}
	cell := func(s string) gridCell { return gridCell{text: dash(s)} }
	wide := &grid{cols: []gridColumn{path,
		{head: "credited to", fit: wrap, min: 10}, {head: "photos", fit: wrap, min: 8},
		{head: "copied from", fit: wrap, min: 12}, {head: "copied to", fit: wrap, min: 12},
		{head: "shared with", fit: wrap, min: 12}}}
	narrow := &grid{cols: []gridColumn{path, {head: "provenance", fit: wrap, min: 20}}}
	for _, p := range rows {
		p = provenanceRow{p.path, keepUnits(p.credits), keepUnits(p.photos), keepUnits(p.copiedFrom), keepUnits(p.copiedTo), keepUnits(p.sharedWith)}
		wide.add(gridCell{text: p.path}, cell(p.credits), cell(p.photos), cell(p.copiedFrom), cell(p.copiedTo), cell(p.sharedWith))
		var parts []string
		for _, kv := range [][2]string{{"credited to", p.credits}, {"photos", p.photos}, {"copied from", p.copiedFrom}, {"copied to", p.copiedTo}, {"shared with", p.sharedWith}} {
			if kv[1] != "" {
				parts = append(parts, kv[0]+" "+kv[1])
			}
		}
		narrow.add(gridCell{text: p.path}, gridCell{text: strings.Join(parts, "; ")})
	}
	return fitLayout(width, wide, narrow)
}

// keepUnits joins the words of each comma-separated unit with no-break spaces, so a cell
// wraps between units ("8 ← b.txt:19") rather than inside them.
func keepUnits(s string) string {
	units := strings.Split(s, ", ")
	for i, u := range units {
		units[i] = strings.ReplaceAll(u, " ", nbsp)
	}
	return strings.Join(units, ", ")
}

// writeDetails lists every finding: as a table when it fits, otherwise one block per
// finding (location, severity and rule on one line, the message wrapped under it).
func writeDetails(w io.Writer, files []audit.FileReport, opt Options) error {
	g := &grid{cols: []gridColumn{{head: "location", fit: cutLeft, min: 24}, {head: "severity"}, {head: "rule"}, {head: "message", fit: wrap, min: 30}}}
	for _, f := range files {
		for _, x := range f.Findings {
			sev := gridCell{text: x.Severity.String(), color: severityColor[x.Severity]}
			g.add(gridCell{text: Location(x)}, sev, gridCell{text: x.Rule}, gridCell{text: oneLine(x.Message)})
		}
	}
	if len(g.rows) == 0 {
		return nil
	}
	fmt.Fprintln(w)
	if opt.Width <= 0 || g.minimum() <= opt.Width {
		return g.render(w, opt.Width, opt.Color)
	}
	var b strings.Builder
	for _, f := range files {
		for _, x := range f.Findings {
			sev := x.Severity.String()
			if opt.Color {
				sev = severityColor[x.Severity] + sev + ansiReset
			}
			loc := Printable(Location(x))
			if runewidth.StringWidth(loc) > opt.Width {
				loc = cutFromLeft(loc, opt.Width)
			}
			if runewidth.StringWidth(loc)+len(x.Severity.String())+len(x.Rule)+3 <= opt.Width {
				fmt.Fprintf(&b, "%s  %s %s\n", loc, sev, x.Rule)
			} else {
				fmt.Fprintf(&b, "%s\n  %s %s\n", loc, sev, x.Rule)
			}
			for _, ln := range wrapText(Printable(oneLine(x.Message)), max(opt.Width-4, 20)) {
				b.WriteString("    " + ln + "\n")
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// SummaryLine totals the run in words: files, findings shown (by severity), what the
// minimum severity and the baseline hid, and the scores.
func SummaryLine(r *audit.Report, minSev audit.Severity) string {
	s := audit.Summarize(r.Files)
	shown, bySev := 0, map[audit.Severity]int{}
	for _, f := range r.Files {
		for _, x := range f.Findings {
			if x.Severity >= minSev {
				shown++
				bySev[x.Severity]++
			}
		}
	}
	var b strings.Builder
	b.WriteString(Plural(s.Files, "file", "files") + ", " + Plural(shown, "finding", "findings"))
	if minSev > audit.Info {
		fmt.Fprintf(&b, " at or above %s", minSev)
	}
	var parts []string
	for _, sev := range []audit.Severity{audit.Error, audit.Warning, audit.Info} {
		if n := bySev[sev]; n > 0 {
			parts = append(parts, Plural(n, sev.String(), severityPlural[sev]))
		}
	}
	if len(parts) > 0 {
		b.WriteString(" (" + strings.Join(parts, ", ") + ")")
	}
	if hidden := s.Findings - shown; hidden > 0 {
		fmt.Fprintf(&b, ", %d below %s not shown", hidden, minSev)
	}
	if r.Suppressed != nil && r.Suppressed.Ignored+r.Suppressed.Excluded > 0 {
		fmt.Fprintf(&b, ", %d suppressed (.textauditignore, exclusions)", r.Suppressed.Ignored+r.Suppressed.Excluded)
	}
	if r.Baseline != nil && r.Baseline.Suppressed > 0 {
		fmt.Fprintf(&b, ", %d known from the baseline", r.Baseline.Suppressed)
	}
	if s.Files > 0 {
		fmt.Fprintf(&b, ", mean score %s, lowest %s", formatScore(s.MeanScore), formatScore(s.MinScore))
	}
	return b.String()
}

var severityPlural = map[audit.Severity]string{audit.Error: "errors", audit.Warning: "warnings", audit.Info: "info"}

// Plural writes "1 file", "2 files".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// scoreColor paints low scores: red below 50, yellow below 75, green from 90.
func scoreColor(s float64) string {
	switch {
	case s < 50:
		return ansiRed
	case s < 75:
		return ansiYellow
	case s >= 90:
		return ansiGreen
	}
	return ""
}

var severityColor = map[audit.Severity]string{audit.Error: ansiRed, audit.Warning: ansiYellow, audit.Info: ansiCyan}

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
