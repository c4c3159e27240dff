package reports

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/textaudit/textaudit/audit"
)

// ANSI colours for explain; only used when Options.Color is set (a terminal without NO_COLOR).
const (
	ansiReset  = "\x1b[0m"
	ansiDim    = "\x1b[2m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

// Explain prints each file's text with its findings inline: under the line where a finding
// starts, a caret line marks the span and the rule, severity, message and evidence follow.
func Explain(w io.Writer, r *audit.Report, opt Options) error {
	r = Filter(r, opt.MinSeverity)
	paint := func(code, s string) string {
		if !opt.Color {
			return s
		}
		return code + s + ansiReset
	}
	sevColor := map[audit.Severity]string{audit.Error: ansiRed, audit.Warning: ansiYellow, audit.Info: ansiCyan}
	for i, f := range r.Files {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s  score %s  %s\n", paint(ansiBold, Printable(f.Path)), formatScore(f.Score), Deductions(f.Deductions))
		if f.Text == "" && len(f.Findings) > 0 {
			fmt.Fprintln(w, "  (text not available; findings only)")
		}
		byLine := map[int][]audit.Finding{}
		for _, x := range f.Findings {
			byLine[x.Line] = append(byLine[x.Line], x)
		}
		lines := strings.Split(f.Text, "\n")
		if f.Text == "" {
			lines = nil
		}
		width := len(fmt.Sprint(len(lines)))
		for n, text := range lines {
			num := n + 1
			fmt.Fprintf(w, "%s %s\n", paint(ansiDim, fmt.Sprintf("%*d │", width, num)), Printable(strings.ReplaceAll(text, "\t", " ")))
			for _, x := range byLine[num] {
				explainFinding(w, x, text, width, sevColor[x.Severity], opt.Color)
			}
			delete(byLine, num)
		}
		// Findings whose line is outside the text (a stale report) are still listed.
		for _, x := range f.Findings {
			if _, left := byLine[x.Line]; left {
				explainFinding(w, x, "", width, sevColor[x.Severity], opt.Color)
			}
		}
	}
	return nil
}

func explainFinding(w io.Writer, x audit.Finding, line string, width int, color string, useColor bool) {
	pad := strings.Repeat(" ", width) + " │ "
	n := utf8.RuneCountInString(line)
	start := min(max(x.Column, 1), n+1)
	end := x.EndColumn
	if x.EndLine > x.Line || end > n {
		end = n
	}
	end = max(end, start)
	// The line is printed with control characters made visible (ESC as ^[), which widens
	// it: the carets follow the printed columns.
	start, end = shownColumn(line, start), shownColumn(line, end+1)-1
	end = max(end, start)
	marks := strings.Repeat(" ", start-1) + strings.Repeat("^", end-start+1)
	// The colour code itself is passed, not a painted empty string: painting "" gave
	// code+reset, which reset the colour before the text it was meant for.
	reset := ""
	if useColor {
		reset = ansiReset
	} else {
		color = ""
	}
	span := ""
	if x.EndLine > x.Line {
		span = fmt.Sprintf(" (to line %d)", x.EndLine)
	}
	fmt.Fprintf(w, "%s%s%s%s\n", pad, color, marks, reset)
	fmt.Fprintf(w, "%s%s%s %s%s: %s%s\n", pad, color, x.Severity, x.Rule, reset, Printable(oneLine(x.Message)), span)
	if ev := evidenceExtras(x.Evidence); ev != "" {
		fmt.Fprintf(w, "%s  evidence: %s\n", pad, Printable(ev))
	}
}

// evidenceExtras renders the evidence without the matched text, which the caret line shows.
func evidenceExtras(e audit.Evidence) string {
	if len(e) == 0 {
		return ""
	}
	rest := audit.Evidence{}
	for k, v := range e {
		if k != "text" {
			rest[k] = v
		}
	}
	return rest.Summary()
}

// shownColumn is where character column col (1-based) of line appears once the line is
// printed through Printable, tabs as spaces; columns past the line's end count one each.
func shownColumn(line string, col int) int {
	i, k := 0, 1
	for ; k < col && i < len(line); k++ {
		_, size := utf8.DecodeRuneInString(line[i:])
		i += size
	}
	return utf8.RuneCountInString(Printable(strings.ReplaceAll(line[:i], "\t", " "))) + (col - k) + 1
}
