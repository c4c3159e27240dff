package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/reports"
)

func newReportCommand(stdout, stderr io.Writer) *cobra.Command {
	var format, output, minSeverity, color string
	var details, provenance bool
	var width int
	var pathPrefix string
	cmd := &cobra.Command{
		Use:   "report AUDIT.json",
		Short: "Render a saved JSON audit in another format, without re-auditing",
		Example: `  textaudit audit --format json -o audit.json corpus/
  textaudit report audit.json --format html -o audit.html`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := outputFormat(format, cmd.Flags().Changed("format"), output)
			if err != nil {
				return err
			}
			if err := checkOutputPaths(output, nil); err != nil {
				return err
			}
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
			useCol, err := useColor(stdout, color)
			if err != nil {
				return err
			}
			opt := reports.Options{Details: details, Provenance: provenance, MinSeverity: minSev, Color: useCol, Width: outputWidth(width, stdout),
				PathPrefix: pathPrefix, Warn: func(s string) { fmt.Fprintf(stderr, "textaudit: %s\n", s) }}
			return emit(r, render, opt, output, stdout)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&format, "format", "f", "table", "output format: "+strings.Join(reports.Formats(), ", "))
	fl.StringVarP(&output, "output", "o", "", "write to FILE (atomically) instead of standard output")
	fl.StringVar(&minSeverity, "min-severity", "info", "only show findings at or above SEVERITY")
	fl.BoolVar(&details, "details", false, "table format: also list every finding (and the provenance table)")
	fl.BoolVar(&provenance, "provenance", false, "table format: show the provenance table even when it does not fit the width")
	addOutputFlags(fl, &color, &width)
	fl.StringVar(&pathPrefix, "path-prefix", "", "sarif and github formats: put `PREFIX` in front of paths (relative to the audit's folder)")
	return cmd
}

// resolvePath finds an audited file from the report's root: relative paths were relative
// to the folder the audit ran in, which need not be this one. Reports without a root
// (older versions) resolve against the working folder.
func resolvePath(root, path string) string {
	if root == "" || filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(root, path)
}

// loadTexts re-reads the audited files for formats that show text. Reading is not
// re-auditing: findings come from the saved report. A file that is gone is shown without
// text, with a notice.
func loadTexts(r *audit.Report, stderr io.Writer) {
	// A JSON file can name any path, and one from elsewhere could have the HTML page embed
	// ~/.ssh/id_rsa: texts are read only under the inputs the audit recorded (under its root
	// folder, or the working folder, for a report without them), and never above the audit's
	// size limit.
	var allowed []string
	for _, in := range r.Inputs {
		allowed = append(allowed, resolvePath(r.Root, in))
	}
	if len(allowed) == 0 {
		root := r.Root
		if root == "" {
			root = "."
		}
		allowed = []string{root}
	}
	roots := audit.RealRoots(allowed)
	var outside, missing []string
	for i := range r.Files {
		f := &r.Files[i]
		path := resolvePath(r.Root, f.Path)
		if !audit.Within(path, roots) {
			outside = append(outside, f.Path)
			continue
		}
		doc, err := audit.ReadDocument(path, audit.DefaultMaxFileSize)
		if err != nil {
			missing = append(missing, f.Path+" ("+err.Error()+")")
			continue
		}
		f.Text = doc.Text
	}
	notice(stderr, outside, "text not read (outside the audited folders the report names)")
	notice(stderr, missing, "text not available")
}

// notice says once that files are shown with findings only, naming the first few.
func notice(stderr io.Writer, paths []string, why string) {
	const named = 3
	if len(paths) == 0 {
		return
	}
	shown := paths[:min(len(paths), named)]
	for i, p := range shown {
		shown[i] = reports.Printable(p)
	}
	more := ""
	if len(paths) > named {
		more = fmt.Sprintf(" and %d more", len(paths)-named)
	}
	fmt.Fprintf(stderr, "textaudit: %s, showing findings only: %s%s\n", why, strings.Join(shown, ", "), more)
}
