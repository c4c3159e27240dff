// Package reports renders an audit.Report in one format per file: each renderer is a
// function from the report to a writer. Renderers never re-analyse text.
package reports

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/textaudit/textaudit/audit"
)

// Options tune rendering without changing the report.
type Options struct {
	Details     bool           // table: also list every finding
	MinSeverity audit.Severity // findings below are not shown (gates still see them)
	Color       bool           // terminal colours (explain, table)
	Width       int            // table: fit into this many columns (0: no limit)
	Provenance  bool           // table: show the provenance table even when it does not fit
	PathPrefix  string         // sarif, github: put in front of paths relative to the report's root
	Warn        func(string)   // notices for the user (a capped SARIF log); nil drops them
}

// Renderer writes a report in one format.
type Renderer func(w io.Writer, r *audit.Report, opt Options) error

var renderers = map[string]Renderer{
	"table":     Table,
	"json":      JSON,
	"sarif":     SARIF,
	"github":    GitHub,
	"csv":       CSV,
	"csv-files": CSVFiles,
	"markdown":  Markdown,
	"explain":   Explain,
	"html":      HTML,
	"line":      Line,
}

// Formats lists the known format names.
func Formats() []string {
	names := make([]string, 0, len(renderers))
	for n := range renderers {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// NeedsText reports whether a format shows the audited text, so the engine must keep it.
func NeedsText(format string) bool { return format == "html" || format == "explain" }

// Lookup finds the renderer of a format.
func Lookup(format string) (Renderer, error) {
	r, ok := renderers[format]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (known: %s)", format, strings.Join(Formats(), ", "))
	}
	return r, nil
}

// Filter returns a copy of the report showing only findings at or above min; scores and
// deductions still count every finding, so a filtered view never changes a verdict.
func Filter(r *audit.Report, min audit.Severity) *audit.Report {
	if min <= audit.Info {
		return r
	}
	out := *r
	out.Files = make([]audit.FileReport, len(r.Files))
	for i, f := range r.Files {
		g := f
		g.Findings = nil
		for _, x := range f.Findings {
			if x.Severity >= min {
				g.Findings = append(g.Findings, x)
			}
		}
		out.Files[i] = g
	}
	// The summary counts what is shown, so its numbers agree with the listed findings.
	out.Summary = audit.Summarize(out.Files)
	out.Summary.BelowMinSeverity = r.Summary.Findings - out.Summary.Findings
	return &out
}

// WriteFile renders into path atomically: the report streams into a temporary file in the
// same folder, which is renamed over path only when rendering and syncing succeeded, so
// readers never see a half-written report and a large report is never held in memory.
func WriteFile(path string, render func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	name := tmp.Name()
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(name)
		}
	}()
	buf := bufio.NewWriterSize(tmp, 1<<16)
	if err = render(buf); err != nil {
		return err
	}
	if err = buf.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Chmod(name, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(name, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func sortStrings(s []string, less func(a, b string) bool) {
	sort.SliceStable(s, func(i, j int) bool { return less(s[i], s[j]) })
}
