package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/reports"
)

func newReportCommand(stdout, stderr io.Writer) *cobra.Command {
	var format, output, minSeverity string
	var details bool
	cmd := &cobra.Command{
		Use:   "report AUDIT.json",
		Short: "Render a saved JSON audit in another format, without re-auditing",
		Example: `  textaudit audit --format json -o audit.json corpus/
  textaudit report audit.json --format html -o audit.html`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			render, err := reports.Lookup(format)
			if err != nil {
				return usageError("%v", err)
			}
			minSev, err := audit.ParseSeverity(minSeverity)
			if err != nil {
				return usageError("--min-severity: %v", err)
			}
			r, err := reports.ReadJSON(args[0])
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			if reports.NeedsText(format) {
				loadTexts(r, stderr)
			}
			return emit(r, render, reports.Options{Details: details, MinSeverity: minSev, Color: useColor(stdout)}, output, stdout)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&format, "format", "f", "table", "output format: "+strings.Join(reports.Formats(), ", "))
	fl.StringVarP(&output, "output", "o", "", "write to FILE (atomically) instead of standard output")
	fl.StringVar(&minSeverity, "min-severity", "info", "only show findings at or above SEVERITY")
	fl.BoolVar(&details, "details", false, "table format: also list every finding")
	return cmd
}

// loadTexts re-reads the audited files for formats that show text. Reading is not
// re-auditing: findings come from the saved report. A file that is gone is shown without
// text, with a notice.
func loadTexts(r *audit.Report, stderr io.Writer) {
	// A JSON file can name any path, and one from elsewhere could have the HTML page embed
	// ~/.ssh/id_rsa: texts are read only under the working folder (run report where the
	// audit ran; a root recorded in the JSON would be the sender's to choose), and never
	// above the audit's size limit.
	roots := audit.RealRoots([]string{"."})
	for i := range r.Files {
		f := &r.Files[i]
		if !audit.Within(f.Path, roots) {
			fmt.Fprintf(stderr, "textaudit: %s: text not read (outside the working folder); showing findings only\n", reports.Printable(f.Path))
			continue
		}
		doc, err := audit.ReadDocument(f.Path, audit.DefaultMaxFileSize)
		if err != nil {
			fmt.Fprintf(stderr, "textaudit: %s: text not available (%s); showing findings only\n", reports.Printable(f.Path), reports.Printable(err.Error()))
			continue
		}
		f.Text = doc.Text
	}
}
