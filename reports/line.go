package reports

import (
	"bufio"
	"fmt"
	"io"

	"github.com/textaudit/textaudit/audit"
)

// Line writes one line per finding, `path:line:col: severity rule: message`, the form
// compilers, editors (quickfix lists, problem matchers) and pre-commit output use.
// Files come in path order and findings in line order, as the report holds them.
func Line(w io.Writer, r *audit.Report, opt Options) error {
	r = Filter(r, opt.MinSeverity)
	bw := bufio.NewWriter(w)
	for _, f := range r.Files {
		for _, x := range f.Findings {
			sev := x.Severity.String()
			if opt.Color {
				sev = severityColor[x.Severity] + sev + ansiReset
			}
			fmt.Fprintf(bw, "%s:%d:%d: %s %s: %s\n", Printable(x.Path), max(x.Line, 1), max(x.Column, 1), sev, x.Rule, Printable(oneLine(x.Message)))
		}
	}
	return bw.Flush()
}
